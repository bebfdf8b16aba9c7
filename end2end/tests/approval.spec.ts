// A coordinator has a theme hold newcomers' first posts; a guardian's
// first topic there waits, seen by its author only, until the coordinator
// approves it from the moderation queue.
import { demoPassword, expect, expectAccessible, signIn, test } from './support';

test("a newcomer's first post waits for a moderator, who publishes it", async ({ page, browser }) => {
  await signIn(page, 'coordinator.milano@demo.tutela.localhost', demoPassword);
  await page.goto('/admin/categories');
  const theme = page.getByRole('region', { name: 'Benessere e relazioni' });
  await theme.getByLabel('Primi messaggi da approvare').fill('1');
  await theme.getByRole('button', { name: 'Salva la categoria' }).click();
  await expect(page.getByRole('status').first()).toContainText('salvata');

  const context = await browser.newContext();
  const guardian = await context.newPage();
  await signIn(guardian, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await guardian.goto('/community/c/benessere');
  await guardian.getByLabel('Titolo').fill('Un ragazzo che non dorme');
  await guardian.getByRole('textbox', { name: 'Messaggio' }).fill('Da settimane il ragazzo dorme poco: a chi posso rivolgermi?');
  await guardian.getByRole('button', { name: 'Pubblica la discussione' }).click();
  await expect(guardian.getByRole('status').first()).toContainText('un moderatore legge i primi messaggi');
  const waiting = guardian.getByRole('region', { name: 'In attesa di approvazione' });
  await expect(waiting).toContainText('Un ragazzo che non dorme');
  await expect(guardian.getByRole('link', { name: 'Un ragazzo che non dorme' }), 'not among the topics yet').toHaveCount(0);
  await expectAccessible(guardian);

  await page.goto('/community/moderation');
  await expect(page.getByRole('heading', { name: 'Messaggi da approvare' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Approva e pubblica' }).click();
  await expect(page.getByRole('status').first()).toContainText('Messaggio approvato e pubblicato');

  await guardian.reload();
  await expect(guardian.getByRole('region', { name: 'In attesa di approvazione' })).toHaveCount(0);
  await guardian.getByRole('link', { name: 'Un ragazzo che non dorme' }).click();
  await expect(guardian.getByRole('heading', { level: 1 })).toHaveText('Un ragazzo che non dorme');
  await context.close();

  // Back as it was for the other tests.
  await page.goto('/admin/categories');
  await theme.getByLabel('Primi messaggi da approvare').fill('0');
  await theme.getByRole('button', { name: 'Salva la categoria' }).click();
  await expect(page.getByRole('status').first()).toContainText('salvata');
});
