// A guardian asks the jurists of Brescia a question, with a document; a
// jurist reads the document, takes the request, leaves an internal note
// the guardian never sees, asks for more, answers, and makes an FAQ entry
// of it that a coordinator approves; the guardian reads it in the FAQ and
// rates the answer, which closes it. Then a filing, with its preview,
// with JavaScript off.
import { demoPassword, expect, expectAccessible, signIn, test } from './support';

const subject = 'Conversione del permesso al compimento dei 18 anni';

test('a request goes from the guardian to a jurist and back, with an internal note kept from the guardian', async ({ page, browser }) => {
  await signIn(page, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await page.goto('/consultations');
  await page.getByRole('link', { name: 'Nuova richiesta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuova richiesta di consulenza');
  await expectAccessible(page);
  await page.getByLabel('Oggetto').fill(subject);
  await page.getByLabel('Tema').selectOption({ label: 'Compimento dei 18 anni' });
  await page.locator('label', { hasText: /^Urgente/ }).click();
  await expect(page.getByLabel(/^Urgente/)).toBeChecked();
  await page.getByRole('textbox', { name: 'La tua domanda' }).fill('M., 17 anni, compie 18 anni a marzo: il permesso per minore età si converte da solo?');
  await page.getByLabel('Allegati (facoltativi)').setInputFiles({
    name: 'decreto-di-nomina.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Invia la richiesta' }).click();
  await expect(page.getByRole('status').first()).toContainText('Richiesta inviata');
  await expect(page.getByRole('link', { name: 'decreto-di-nomina.pdf' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  const request = page.url();
  await expectAccessible(page);

  const context = await browser.newContext();
  const jurist = await context.newPage();
  await signIn(jurist, 'jurist.brescia@demo.tutela.localhost', demoPassword);
  await jurist.goto('/consultations/queue');
  await expectAccessible(jurist);
  await jurist.getByRole('link', { name: subject }).click();
  const download = jurist.waitForEvent('download');
  await jurist.getByRole('link', { name: 'decreto-di-nomina.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('decreto-di-nomina.pdf');
  await jurist.getByRole('button', { name: 'Prendi in carico' }).click();
  await expect(jurist.getByRole('status').first()).toContainText('Hai preso in carico');
  await expect(jurist.getByText(/Risposta entro il/)).toBeVisible();
  const message = jurist.getByRole('textbox', { name: 'Messaggio' });
  await message.fill('Verificare con la comunità se il parere del Comitato è già stato chiesto.');
  await jurist.getByRole('button', { name: 'Salva come nota interna' }).click();
  await expect(jurist.getByText('Nota interna: non visibile al tutore')).toBeVisible();
  await message.fill('È già stato chiesto il parere del Comitato per i minori stranieri?');
  await jurist.getByRole('button', { name: 'Chiedi informazioni al tutore' }).click();
  await expect(jurist.getByText('In attesa del tutore: i tempi sono sospesi.')).toBeVisible();
  await expectAccessible(jurist);

  await page.goto(request);
  await expect(page.getByText('parere del Comitato per i minori stranieri')).toBeVisible();
  await expect(page.getByText('Verificare con la comunità')).toHaveCount(0);
  await expect(page.getByText('Nota interna')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Messaggio' }).fill('Non ancora: la comunità lo chiede questa settimana.');
  await page.getByRole('button', { name: 'Invia', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Messaggio inviato');

  await jurist.reload();
  await jurist.getByRole('textbox', { name: 'Messaggio' }).fill('Serve il parere: la conversione lo richiede (art. 32 TU). Ecco come chiederlo.');
  await jurist.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(jurist.getByRole('status').first()).toContainText('Messaggio inviato');

  // The jurist turns the answer into an FAQ entry, rewritten without the minor's data.
  await jurist.getByRole('button', { name: 'Crea una voce FAQ' }).click();
  await expect(jurist.getByRole('status').first()).toContainText('Bozza della voce FAQ');
  const question = 'Il permesso per minore età si converte da solo a 18 anni?';
  await jurist.getByLabel('Domanda').fill(question);
  await jurist.getByRole('textbox', { name: 'Risposta' }).fill('No: il tutore chiede la conversione in questura, con il parere del Comitato (art. 32 TU).');
  await jurist.getByRole('button', { name: 'Salva' }).click();
  await expect(jurist.getByRole('status').first()).toContainText('Voce FAQ salvata');
  await jurist.getByRole('button', { name: "Chiedi l'approvazione" }).click();
  await expect(jurist.getByText("L'approvazione spetta a un altro giurista")).toBeVisible();
  await expectAccessible(jurist);
  await context.close();

  // A coordinator approves it; it is public at /faq.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, 'coordinator.milano@demo.tutela.localhost', demoPassword);
  await coordinator.goto('/faq');
  await expectAccessible(coordinator);
  await coordinator.getByRole('link', { name: question }).click();
  await coordinator.getByRole('button', { name: 'Approva e pubblica' }).click();
  await expect(coordinator.getByRole('status').first()).toContainText('pubblicata');
  await coordinatorContext.close();
  await page.goto('/faq');
  await page.getByRole('link', { name: question }).click();
  await expect(page.getByText('il tutore chiede la conversione in questura')).toBeVisible();
  await expectAccessible(page);

  await page.goto(request);
  await expect(page.getByText('Risposta del giurista')).toBeVisible();
  await expectAccessible(page);
  await page.locator('label', { hasText: '5 su 5' }).click();
  await page.getByLabel('Commento (facoltativo)').fill('Risposta chiara, con i riferimenti di legge.');
  await page.getByRole('button', { name: 'Invia la valutazione' }).click();
  await expect(page.getByRole('status').first()).toContainText('Grazie');
  await expect(page.getByText('Valutazione: 5 su 5')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Riapri la richiesta' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/consultations');
  await expect(page.getByRole('link', { name: subject })).toBeVisible();
});

test('a request is filed, and previewed, with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await page.goto('/consultations/new');
  await page.getByLabel('Oggetto').fill('Iscrizione a scuola senza codice fiscale');
  await page.getByLabel('Tema').selectOption({ label: 'Scuola e anagrafe' });
  await page.getByRole('textbox', { name: 'La tua domanda' }).fill('La scuola chiede il codice fiscale **definitivo** per iscrivere il ragazzo: è obbligatorio?');
  await page.getByRole('button', { name: 'Anteprima' }).click();
  await expect(page.locator('.markdown-preview strong')).toHaveText('definitivo');
  await expect(page.getByLabel('Tema')).toHaveValue('scuola-anagrafe');
  await page.getByRole('button', { name: 'Invia la richiesta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iscrizione a scuola senza codice fiscale');
  await context.close();
});
