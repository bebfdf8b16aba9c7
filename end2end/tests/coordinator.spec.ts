// A coordinator finds a user and makes them a trainer.
import { demoPassword, expect, expectAccessible, signIn, test } from './support';

test('a coordinator promotes a guardian to trainer', async ({ page }) => {
  await signIn(page, 'coordinator.milano@demo.tutela.localhost', demoPassword);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Utenti' }).first().click();
  await page.getByLabel('Cerca per nome o email').fill('guardian.milano');
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(page.getByText('1 utente trovato')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Demo guardian Milano' }).click();
  await expectAccessible(page);
  const milano = page.getByRole('group', { name: 'Milano' });
  await milano.getByText('Formatore', { exact: true }).click();
  await expect(milano.getByLabel('Formatore')).toBeChecked();
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status')).toContainText('Modifiche salvate');
  await expect(page.getByRole('group', { name: 'Milano' }).getByLabel('Formatore')).toBeChecked();

  await page.getByRole('link', { name: 'Registro attività' }).click();
  await expect(page.getByRole('cell', { name: 'Ruoli modificati' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Aggiunti: Formatore (Milano). Tolti: —.' })).toBeVisible();
  await expectAccessible(page);
});

test('a guardian does not get into the admin pages', async ({ page }) => {
  await signIn(page, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await expect(page.getByRole('link', { name: 'Amministrazione' })).toHaveCount(0);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Accesso non consentito' })).toBeVisible();
});
