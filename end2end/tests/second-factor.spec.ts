// A trainer turns on two-factor sign-in with an authenticator app, then
// signs in with a code.
import { demoPassword, expect, expectAccessible, signIn, test } from './support';
import { totpCode } from '../totp';

test('a trainer sets up two-factor sign-in and signs in with a code', async ({ page }) => {
  await signIn(page, 'trainer.brescia@demo.tutela.localhost', demoPassword);
  await page.goto('/account');
  await page.getByRole('link', { name: 'Accesso in due passaggi' }).click();
  await expect(page.getByRole('img', { name: /Codice QR/ })).toBeVisible();
  await expectAccessible(page);
  // What a person types into the app when they cannot scan the code.
  const secret = (await page.locator('.secret-key code').innerText()).replace(/\s/g, '');
  await expect(page.locator('.recovery-codes li')).toHaveCount(10);

  await page.getByRole('textbox', { name: 'Codice' }).fill('000000');
  await page.getByRole('button', { name: 'Attiva l\'accesso in due passaggi' }).click();
  await expect(page.getByRole('alert')).toContainText('non è corretto');
  expect((await page.locator('.secret-key code').innerText()).replace(/\s/g, ''), 'the same key after a mistyped code').toBe(secret);
  await page.getByRole('textbox', { name: 'Codice' }).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Attiva l\'accesso in due passaggi' }).click();
  await expect(page.getByRole('status').first()).toContainText('Accesso in due passaggi attivato');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Esci' }).click();
  await page.goto('/login');
  await page.getByLabel('Indirizzo email').fill('trainer.brescia@demo.tutela.localhost');
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Codice di accesso');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Codice' }).fill(totpCode(secret, 1));
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ciao');
});
