// Training cycles: a guardian finds the cycle of their district on a phone,
// enrols and gets its online link, a confirmation by mail and a calendar
// address; a trainer creates a cycle (a mistake first), adds a meeting,
// opens enrolment, adds a learner to the demo cycle and marks attendance on
// a phone. Withdrawing and enrolling work with JavaScript off. The demo's
// graduate downloads their certificate; a visitor verifies it without an
// account (JavaScript off too); a coordinator of Milano revokes it. Every
// page passes axe.
import { readFile } from 'node:fs/promises';
import { demoPassword, expect, expectAccessible, readMail, signIn, test } from './support';

test('a guardian enrols in their district\'s cycle on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await page.goto('/training');
  await page.getByRole('link', { name: /Cicli di formazione/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cicli di formazione');
  await expect(page.getByRole('link', { name: 'Milano, ciclo di primavera' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Brescia, ciclo di primavera' }).click();
  await expect(page.getByText('Online: il link è visibile agli iscritti')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Iscriviti' }).click();
  await expect(page.getByText('Sei iscritto al ciclo: ti abbiamo mandato una conferma per email.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://meet.example.org/ditu-brescia' })).toBeVisible();
  await expect(page.getByRole('button', { name: "Ritira l'iscrizione" })).toBeVisible();
  await expectAccessible(page);
  const mail = await readMail('guardian.brescia@demo.tutela.localhost', 'sei iscritto al ciclo di formazione');
  expect(mail).toContain('Brescia, ciclo di primavera');

  await page.getByRole('link', { name: 'Cicli di formazione' }).click();
  await expect(page.getByRole('heading', { name: 'I tuoi cicli' })).toBeVisible();
  await page.getByRole('button', { name: 'Attiva il calendario personale' }).click();
  await expect(page.getByLabel('Indirizzo del tuo calendario')).toHaveValue(/\/calendar\//);
  await expectAccessible(page);
});

test('a trainer creates a cycle, adds a meeting, opens enrolment and keeps the register', async ({ page }) => {
  await signIn(page, 'trainer.milano@demo.tutela.localhost', demoPassword);
  await page.goto('/training/cycles');
  await page.getByRole('link', { name: 'Nuovo ciclo' }).click();
  await expectAccessible(page);
  await page.getByLabel('Nome del ciclo').fill('Milano, ciclo estivo');
  await page.getByLabel('Primo giorno').fill('2099-06-01');
  await page.getByLabel('Ultimo giorno').fill('2099-06-30');
  await page.getByLabel('Iscrizioni dal').fill('2026-01-01');
  await page.getByLabel('Iscrizioni fino al').fill('2099-05-25');
  await page.getByLabel('Posti', { exact: true }).fill('0');
  await page.locator('label', { hasText: 'Demo trainer Milano' }).click();
  await page.getByRole('button', { name: 'Salva il ciclo' }).click();

  await expect(page.getByRole('alert')).toContainText('Il numero non è tra i valori ammessi.');
  await expect(page.getByLabel('Nome del ciclo')).toHaveValue('Milano, ciclo estivo');
  await expectAccessible(page);
  await page.getByLabel('Posti', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Salva il ciclo' }).click();
  await expect(page.getByText('Ciclo salvato.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Milano, ciclo estivo');
  await expect(page.getByText('Bozza')).toBeVisible();

  await page.getByLabel('Giorno', { exact: true }).fill('2099-06-03');
  await page.getByLabel('Inizio', { exact: true }).fill('09:30');
  await page.getByLabel('Fine', { exact: true }).fill('13:00');
  await page.getByLabel('Luogo', { exact: true }).fill('Sala della formazione');
  await page.locator('label', { hasText: 'Il tutore volontario e il programma' }).click();
  await page.getByRole('button', { name: 'Aggiungi un incontro' }).click();
  await expect(page.getByText('Incontro aggiunto.')).toBeVisible();
  await expect(page.getByText('03/06/2099 09:30–13:00')).toBeVisible();
  await page.getByRole('button', { name: 'Apri le iscrizioni' }).click();
  await expect(page.getByText('Stato del ciclo aggiornato.')).toBeVisible();
  await expectAccessible(page);

  // The demo cycle: the trainer enrols a guardian by their address.
  await page.goto('/training/cycles');
  await page.getByRole('link', { name: 'Milano, ciclo di primavera' }).click();
  await page.getByLabel('Email del partecipante').fill('guardian.milano@demo.tutela.localhost');
  await page.getByRole('button', { name: 'Aggiungi un partecipante' }).click();
  await expect(page.getByText('Partecipante aggiunto.')).toBeVisible();
  await expect(page.getByRole('cell', { name: /guardian\.milano@demo\.tutela\.localhost/ })).toBeVisible();

  // The register of the first meeting, from a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: 'Presenze' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presenze');
  await expectAccessible(page);
  await page.getByRole('group', { name: 'Demo guardian Milano' }).locator('label', { hasText: 'Assenza giustificata' }).click();
  await page.getByRole('button', { name: 'Salva le presenze' }).click();
  await expect(page.getByText('Presenze salvate.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Demo guardian Milano' }).getByLabel('Assenza giustificata')).toBeChecked();
  await page.getByRole('button', { name: 'Segna tutti presenti' }).click();
  await expect(page.getByRole('group', { name: 'Demo guardian Milano' }).getByLabel('Presente')).toBeChecked();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a learner withdraws and enrols again', async ({ page }) => {
    await signIn(page, 'guardian.milano@demo.tutela.localhost', demoPassword);
    await page.goto('/training/cycles');
    await page.getByRole('region', { name: 'I tuoi cicli' }).getByRole('link', { name: 'Milano, ciclo di primavera' }).click();
    await expect(page.getByText('Presente', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: "Ritira l'iscrizione" }).click();
    await expect(page.getByText('Iscrizione ritirata.')).toBeVisible();
    await page.getByRole('button', { name: 'Iscriviti' }).click();
    await expect(page.getByText('Sei iscritto al ciclo: ti abbiamo mandato una conferma per email.')).toBeVisible();
  });
});

test('a graduate hands on their certificate, a visitor verifies it and a coordinator revokes it', async ({ page, browser }) => {
  await signIn(page, 'graduate.milano@demo.tutela.localhost', demoPassword);
  await page.goto('/training/cycles');
  await page.getByRole('region', { name: 'I tuoi cicli' }).getByRole('link', { name: "Milano, ciclo d'autunno" }).click();
  const certificate = page.getByRole('region', { name: 'Attestato' });
  await expect(certificate.getByText('Hai completato il ciclo: il tuo attestato è pronto.')).toBeVisible();
  await expect(page.getByText('Percorso completato')).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), certificate.getByRole('link', { name: "Scarica l'attestato (PDF)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^attestato-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const code = (await certificate.locator('code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await certificate.getByRole('link', { name: 'Pagina di verifica' }).click();
  await expect(page.getByText('Attestato valido')).toBeVisible();
  await expectAccessible(page);

  // A court clerk types the code as they read it, without an account or JavaScript.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const clerk = await visitor.newPage();
  await clerk.goto('/verify');
  await clerk.getByLabel('Codice di verifica').fill(code.toLowerCase().replaceAll('-', ' '));
  await clerk.getByRole('button', { name: 'Verifica' }).click();
  await expect(clerk.getByText('Attestato valido')).toBeVisible();
  await expect(clerk.getByText('Demo graduate Milano')).toBeVisible();
  await expect(clerk.getByRole('button', { name: "Revoca l'attestato" })).toHaveCount(0);

  // A coordinator of Milano revokes it, saying why; the page then says since when.
  const office = await browser.newContext();
  const coordinator = await office.newPage();
  await signIn(coordinator, 'coordinator.milano@demo.tutela.localhost', demoPassword);
  await coordinator.goto(`/verify/${code}`);
  await coordinator.getByRole('button', { name: "Revoca l'attestato" }).click();
  await expect(coordinator.getByRole('alert')).toContainText('Questo campo è obbligatorio.');
  await coordinator.getByLabel('Motivo').fill('Presenze registrate per errore');
  await coordinator.getByRole('button', { name: "Revoca l'attestato" }).click();
  await expect(coordinator.getByText('Attestato revocato: il titolare è stato avvisato')).toBeVisible();
  await expect(coordinator.getByText('Motivo: Presenze registrate per errore')).toBeVisible();
  await expectAccessible(coordinator);
  await office.close();

  await clerk.reload();
  await expect(clerk.getByText(/Attestato revocato il/)).toBeVisible();
  await expect(clerk.getByText('Presenze registrate per errore')).toHaveCount(0);
  await visitor.close();
  expect(await readMail('graduate.milano@demo.tutela.localhost', 'ha revocato il tuo attestato')).toContain("Milano, ciclo d'autunno");
});
