// A newcomer registers, confirms the address from the mail, signs in and
// switches the language; every page on the way passes axe.
import { expect, expectAccessible, linkIn, readMail, test } from './support';

test('a newcomer registers, verifies by mail, signs in and switches to English', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Registrati' }).first().click();
  await expect(page.getByRole('heading', { name: 'Crea il tuo account' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Nome e cognome').fill('Chiara Neri');
  await page.getByLabel('Indirizzo email').fill('chiara.neri@example.it');
  await page.getByLabel('Password', { exact: true }).fill('una frase abbastanza lunga');
  await page.getByLabel('Ripeti la password').fill('una frase abbastanza lunga');
  await page.getByLabel('Distretto').selectOption('brescia');
  // The kit draws its own radio and hides the native one: click the label, as a person does.
  await page.getByText('Tutore volontario o aspirante tutore').click();
  await expect(page.getByLabel('Tutore volontario o aspirante tutore')).toBeChecked();
  await page.getByRole('button', { name: 'Registrati' }).click();
  await expect(page.getByRole('status')).toContainText('Ti abbiamo inviato');
  await expectAccessible(page);

  const mail = await readMail('chiara.neri@example.it', '/verify-email/');
  await page.goto(linkIn(mail, '/verify-email/'));
  await expectAccessible(page);
  await page.getByRole('button', { name: "Conferma l'indirizzo" }).click();
  await expect(page.getByRole('status')).toContainText('Indirizzo email confermato');

  await page.getByLabel('Indirizzo email').fill('chiara.neri@example.it');
  await page.getByLabel('Password', { exact: true }).fill('una frase abbastanza lunga');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ciao, Chiara Neri');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Chiara Neri');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Chiara Neri' }).click();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expectAccessible(page);
});

test('a form with mistakes says what is wrong beside each field', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Indirizzo email').fill('non-una-email');
  await page.getByRole('button', { name: 'Registrati' }).click();
  await expect(page.getByRole('alert')).toContainText('Controlla i dati inseriti');
  await expect(page.getByText('Scrivi un indirizzo email valido').first()).toBeVisible();
  await expect(page.getByLabel('Indirizzo email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Indirizzo email')).toHaveValue('non-una-email');
  await expectAccessible(page);
});
