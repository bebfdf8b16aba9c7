// A guardian opens a topic (the privacy guard catches a name and an age
// first), a service worker replies quoting it and mentioning them, the
// guardian follows the notification, thanks them and accepts
// the reply as the answer, then flags it and a coordinator hides it from
// the moderation queue; a search finds the topic by other forms of its
// words, and not the hidden reply.
import { demoPassword, expect, expectAccessible, readMail, signIn, test } from './support';

test('a guardian opens a topic and a service worker replies', async ({ page, browser }) => {
  await signIn(page, 'guardian.milano@demo.tutela.localhost', demoPassword);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Comunità' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Verso i 18 anni' }).click();
  await page.getByLabel('Titolo').fill('Conversione del permesso a 18 anni');
  await page.getByRole('textbox', { name: 'Messaggio' }).fill('Ahmed, 17 anni, compie 18 anni a giugno: quando chiedo la conversione?');
  await page.getByRole('button', { name: 'Pubblica la discussione' }).click();

  await expect(page.getByText('Prima di pubblicare, controlla questi passaggi')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Messaggio' })).toHaveValue(/Ahmed, 17 anni/);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Messaggio' }).fill('A., 17 anni, compie 18 anni a giugno: quando chiedo la conversione del permesso?');
  await page.getByRole('button', { name: 'Pubblica la discussione' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conversione del permesso a 18 anni');
  await expect(page.getByRole('status').first()).toContainText('Discussione pubblicata');
  const topic = page.url();

  const context = await browser.newContext();
  const colleague = await context.newPage();
  await signIn(colleague, 'operator.milano@demo.tutela.localhost', demoPassword);
  await colleague.goto(topic);
  await expect(colleague.getByText('@demo.guardian.milano'), "the author's handle beside their name").toBeVisible();
  await colleague.getByRole('link', { name: 'Cita' }).click();
  const answer = colleague.getByRole('textbox', { name: 'Messaggio' });
  await expect(answer).toHaveValue(/^> \*\*Demo guardian Milano\*\* ha scritto:\n>\n> A\., 17 anni/);
  await answer.fill(`${await answer.inputValue()}@demo.guardian.milano si chiede **prima** dei 18 anni, con il parere del Comitato.`);
  await colleague.getByRole('button', { name: 'Pubblica la risposta' }).click();
  await expect(colleague.getByRole('status').first()).toContainText('Risposta pubblicata');
  await expect(colleague.locator('.post-body blockquote')).toContainText('compie 18 anni a giugno');
  await expect(colleague.locator('.post-body strong', { hasText: 'prima' })).toBeVisible();
  await expectAccessible(colleague);
  await context.close();

  // The reply mentions the guardian: the header counts it, the list leads
  // to it, and the mail about it can turn such mail off.
  await page.goto('/');
  await page.getByRole('link', { name: 'Notifiche 1 da leggere' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifiche');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Demo operator Milano ti ha menzionato in «Conversione del permesso a 18 anni»' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conversione del permesso a 18 anni');
  await expect(page.getByRole('link', { name: 'Notifiche', exact: true }), 'read once the topic is open').toBeVisible();
  const mail = await readMail('guardian.milano@demo.tutela.localhost', 'con il parere del Comitato');
  expect(mail).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  const unsubscribe = mail.match(/http:\/\/[^\s>"]+\/unsubscribe\/[A-Za-z0-9_.-]+/)?.[0];
  expect(unsubscribe, 'an unsubscribe link in the mail').toBeTruthy();
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(new URL(unsubscribe!).pathname);
  await expectAccessible(visitor);
  await visitor.getByRole('button', { name: 'Non inviarmi più email di notifica' }).click();
  await expect(visitor.getByRole('status')).toContainText('non riceverai più email di notifica');
  await visitorContext.close();
  await page.goto('/account/notifications');
  await expect(page.getByRole('radio', { name: 'Mai', exact: true })).toBeChecked();
  await page.getByText('Subito, una email per ogni notifica').click();
  await expect(page.getByRole('radio', { name: 'Subito, una email per ogni notifica' })).toBeChecked();
  await page.locator('#set_mail_frequency').getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status').first()).toContainText('Preferenza per le email salvata');

  await page.goto(topic);
  const reply = page.locator('.posts > li').nth(1);
  await reply.getByRole('button', { name: 'Grazie' }).click();
  await expect(reply.getByRole('button', { name: /Grazie/ })).toHaveAttribute('aria-pressed', 'true');
  await reply.getByRole('button', { name: 'Segna come risposta' }).click();
  await expect(page.getByRole('status').first()).toContainText('Risposta segnata come accettata');
  await expect(page.locator('.answer-note')).toContainText('Questa domanda ha una risposta accettata');
  await expect(reply.getByText('Risposta accettata', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await reply.getByText('Segnala', { exact: true }).click();
  await reply.getByLabel('Motivo').selectOption('other');
  await reply.getByLabel('Una nota per i moderatori (facoltativa)').fill('Da verificare con il Comitato');
  await reply.getByRole('button', { name: 'Invia la segnalazione' }).click();
  await expect(page.getByRole('status').first()).toContainText('Segnalazione inviata');

  const moderatorContext = await browser.newContext();
  const moderator = await moderatorContext.newPage();
  await signIn(moderator, 'coordinator.milano@demo.tutela.localhost', demoPassword);
  await moderator.goto('/community');
  await moderator.getByRole('link', { name: 'Coda di moderazione' }).click();
  await expect(moderator.getByText('Da verificare con il Comitato')).toBeVisible();
  await expectAccessible(moderator);
  await moderator.getByLabel("Motivo, che sarà comunicato all'autore").fill('Informazione da confermare prima di pubblicarla');
  await moderator.getByRole('button', { name: 'Nascondi' }).click();
  await expect(moderator.getByRole('status').first()).toContainText('Messaggio nascosto');
  await moderatorContext.close();

  await page.goto(topic);
  await expect(page.getByText('Messaggio nascosto dai moderatori.')).toBeVisible();
  await expect(page.locator('.post-body strong')).toHaveCount(0);
  await expect(page.locator('.answer-note'), 'a hidden answer is not pointed to').toHaveCount(0);

  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Cerca' }).click();
  await page.getByRole('searchbox', { name: 'Parole da cercare' }).fill('conversioni permessi');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  // The post comes first (the newest); the course's lessons on the same subject follow.
  await expect(page.getByRole('status')).toHaveText(/^Risultati: \d+$/);
  await expect(page.locator('.search-results mark').first()).toHaveText('conversione');
  await expectAccessible(page);
  // The hidden reply's word, within the topic's category: the course's lessons name the Comitato too.
  await page.getByRole('searchbox', { name: 'Parole da cercare' }).fill('Comitato');
  await page.getByText('Restringi la ricerca').click();
  await page.getByLabel('Dove').selectOption({ label: 'Verso i 18 anni' });
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Nessun risultato');
  await page.getByRole('searchbox', { name: 'Parole da cercare' }).fill('conversione');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await page.getByRole('link', { name: 'Conversione del permesso a 18 anni' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conversione del permesso a 18 anni');
});
