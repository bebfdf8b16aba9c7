// Proves the islands work: the bundle a page loads is the one built with
// its server, only pages with an island load it, and the password toggle
// exists, and works, only once the island has hydrated.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoPassword, expect, signIn, test, waitForIslands } from './support';

test('the password field can be revealed once its island has hydrated', async ({ page }) => {
  await page.goto('/login');
  await waitForIslands(page);
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('type', 'password');
  const reveal = page.getByRole('button', { name: 'Mostra' });
  await expect(reveal).toBeVisible();
  await reveal.click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Nascondi' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Nascondi' }).click();
  await expect(password).toHaveAttribute('type', 'password');
});

test('a page without islands loads no script', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (['script', 'fetch'].includes(request.resourceType()) || request.url().endsWith('.wasm')) scripts.push(request.url());
  });
  await page.goto('/privacy');
  await page.waitForLoadState('networkidle');
  // (Leptos still writes its two inline, empty resource tables: no download.)
  expect(await page.locator('script[src], script[type=module], link[rel=modulepreload], link[rel=preload]').count()).toBe(0);
  expect(scripts).toEqual([]);
});

test('a page loads the bundle built with its server, named after its content', async ({ page, request }) => {
  await page.goto('/login');
  const script = await page.locator('link[rel=modulepreload]').getAttribute('href');
  const wasm = await page.locator('link[rel=preload][as=fetch]').getAttribute('href');
  const [, bundle] = script?.match(/^\/pkg\/(tutela\.[0-9a-f]{16})\.js$/) ?? [];
  expect(bundle, `a hashed bundle name in ${script}`).toBeTruthy();
  expect(wasm).toBe(`/pkg/${bundle}.wasm`);

  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../target/site/assets-debug.json'), 'utf8'));
  expect(bundle).toBe(manifest.bundle);

  const js = await request.get(script!);
  const binary = await request.get(wasm!);
  expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const digest = createHash('sha256').update(await js.body()).update(await binary.body()).digest('hex');
  expect(`tutela.${digest.slice(0, 16)}`).toBe(bundle);
});

test('the Markdown editor previews in place and keeps what is typed on the device', async ({ page }) => {
  await signIn(page, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await page.goto('/community/c/scuola');
  await waitForIslands(page);
  const address = page.url();
  const text = page.getByRole('textbox', { name: 'Messaggio' });
  await text.fill('Il CPIA chiede il **permesso di soggiorno**');
  await page.getByRole('button', { name: 'Anteprima' }).click();
  const preview = page.locator('.markdown-preview');
  await expect(preview.locator('strong')).toHaveText('permesso di soggiorno');
  expect(page.url(), 'previewed in place, the form not sent').toBe(address);
  await text.pressSequentially(' e il *codice fiscale*');
  await expect(preview.locator('em'), 'the preview follows the text').toHaveText('codice fiscale');

  await page.reload();
  await waitForIslands(page);
  await expect(text).toHaveValue('Il CPIA chiede il **permesso di soggiorno** e il *codice fiscale*');
  await expect(page.getByRole('status').filter({ hasText: 'Abbiamo ripreso il testo' })).toBeVisible();
  await page.getByLabel('Titolo').fill('Documenti per il CPIA');
  await page.getByRole('button', { name: 'Pubblica la discussione' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documenti per il CPIA');
  await page.goto('/community/c/scuola');
  await waitForIslands(page);
  await expect(page.getByRole('textbox', { name: 'Messaggio' }), 'sent, so forgotten').toHaveValue('');
});
