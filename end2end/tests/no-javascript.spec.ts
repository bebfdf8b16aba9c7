// The core flows work with JavaScript turned off: forms are plain posts.
// (axe needs JavaScript to run; these same pages are checked by the other specs.)
import { demoPassword, expect, signIn, test } from './support';

test.use({ javaScriptEnabled: false });

test('signing in with a second factor and out works without JavaScript', async ({ page }) => {
  await signIn(page, 'jurist.milano@demo.tutela.localhost', demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ciao, Demo jurist Milano');
  await expect(page.getByRole('heading', { name: 'Giurista' })).toBeVisible();

  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('status')).toContainText('Sei uscito da Tutela');
  await expect(page.getByRole('link', { name: 'Accedi' }).first()).toBeVisible();
});

test('a wrong password is explained without JavaScript', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Indirizzo email').fill('jurist.milano@demo.tutela.localhost');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('alert')).toContainText('Email o password non corrette');
});

test('a guardian opens a topic, replies and follows a category without JavaScript', async ({ page }) => {
  await signIn(page, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await page.goto('/community/c/brescia');
  await page.getByLabel('Quando avvisarmi').selectOption('following');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status')).toContainText('Preferenza di notifica salvata');
  await expect(page.getByLabel('Quando avvisarmi')).toHaveValue('following');

  await page.getByLabel('Titolo').fill('Tutore e iscrizione anagrafica');
  await page.getByRole('textbox', { name: 'Messaggio' }).fill("Chi chiede l'iscrizione anagrafica del ragazzo, il tutore o la comunità?");
  await page.getByRole('button', { name: 'Pubblica la discussione' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tutore e iscrizione anagrafica');
  await page.getByRole('textbox', { name: 'Messaggio' }).fill('Aggiungo: il ragazzo è in comunità a Brescia **da un mese**.');
  await page.getByRole('button', { name: 'Anteprima' }).click();
  await expect(page.locator('.markdown-preview strong'), 'the server shows the preview').toHaveText('da un mese');
  await expect(page.getByRole('textbox', { name: 'Messaggio' })).toHaveValue('Aggiungo: il ragazzo è in comunità a Brescia **da un mese**.');
  await page.getByRole('button', { name: 'Pubblica la risposta' }).click();
  await expect(page.getByRole('status')).toContainText('Risposta pubblicata');
  await expect(page.locator('.post-body').nth(1)).toContainText('in comunità a Brescia da un mese');
});
