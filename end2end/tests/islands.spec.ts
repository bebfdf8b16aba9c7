// Proves the islands work: the bundle a page loads is the one built with
// its server, only pages with an island load it, and the password toggle
// exists, and works, only once the island has hydrated.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test, waitForIslands } from './support';

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
