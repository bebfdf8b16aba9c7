// Writing a course in the browser: a trainer creates a course (a mistake
// first), adds a module and a lesson, previews its Markdown in place,
// publishes the lesson, writes the module's quiz (a question refused
// first), publishes it and the course, and a guardian reads the lesson and
// passes the quiz. With JavaScript off the preview posts the form and keeps the
// text. Every page passes axe.
import { type Page } from '@playwright/test';
import { demoPassword, expect, expectAccessible, signIn, test, waitForIslands } from './support';

/** From the authoring page, a draft course with one module and one draft lesson, whose editor is left open. */
async function draftLesson(page: Page, course: string, lesson: string) {
  await page.goto('/training/authoring');
  await page.locator('#course_new-title_it').fill(course);
  await page.locator('#course_new-title_en').fill(`${course} (EN)`);
  await page.getByRole('button', { name: 'Crea il corso' }).click();
  await expect(page.getByText('Corso creato come bozza: aggiungi un modulo e le sue lezioni.')).toBeVisible();
  await page.locator('#module_new-title_it').fill("L'iscrizione a scuola");
  await page.locator('#module_new-title_en').fill('School enrolment');
  await page.getByRole('button', { name: 'Aggiungi il modulo' }).click();
  await expect(page.getByText('Modulo aggiunto.')).toBeVisible();
  const newLesson = page.locator('details').filter({ hasText: 'Nuova lezione' });
  await newLesson.locator('summary').click();
  await newLesson.getByLabel('Titolo in italiano').fill(lesson);
  await newLesson.getByLabel('Titolo in inglese').fill(`${lesson} (EN)`);
  await newLesson.getByRole('button', { name: 'Crea la lezione' }).click();
  await expect(page.getByText('Lezione creata come bozza: scrivi il testo.')).toBeVisible();
}

const body = '## Chi iscrive\n\nIl tutore iscrive il minore a scuola (art. 14 l. 47/2017), anche **senza permesso di soggiorno**.';

test('a trainer writes a course, previews and publishes a lesson, and a guardian reads it', async ({ page, browser }) => {
  // The whole path through four editors, then a learner's.
  test.slow();
  await signIn(page, 'trainer.brescia@demo.tutela.localhost', demoPassword);
  await page.goto('/training');
  await page.getByRole('link', { name: 'Scrivi i corsi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scrivi i corsi');
  await expectAccessible(page);

  // A title too short is said beside the field; what was typed stays.
  await page.locator('#course_new-title_it').fill('ab');
  await page.locator('#course_new-title_en').fill('School and minors');
  await page.getByRole('button', { name: 'Crea il corso' }).click();
  await expect(page.locator('#course_new-problems')).toContainText('Titolo in italiano');
  await expect(page.locator('#course_new-title_en')).toHaveValue('School and minors');

  await draftLesson(page, 'Scuola e minori', 'Il diritto allo studio');
  await expectAccessible(page);
  await page.getByLabel('Testo della lezione').fill(body);
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Anteprima' }).click();
  await expect(page.locator('.markdown-preview strong')).toHaveText('senza permesso di soggiorno');
  await expect(page.locator('.markdown-preview h2')).toHaveText('Chi iscrive');
  await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
  await expect(page.getByText('Lezione pubblicata.')).toBeVisible();
  await expect(page.getByText('Versione 1 ·')).toBeVisible();
  await expectAccessible(page);

  await page.locator('.breadcrumb').getByRole('link', { name: 'Scuola e minori' }).click();
  await page.getByRole('button', { name: 'Aggiungi la verifica' }).click();
  await expect(page.getByText('Verifica creata come bozza: aggiungi le domande.')).toBeVisible();
  const question = page.locator('#question-new');
  await question.getByLabel('Domanda in italiano').fill('Chi iscrive il minore a scuola?');
  await question.getByLabel('Domanda in inglese').fill('Who enrols the minor at school?');
  const answers = question.getByRole('group', { name: 'Risposta 1' });
  await answers.getByLabel('In italiano').fill('Il tutore');
  await answers.getByLabel('In inglese').fill('The guardian');
  // The kit draws its own boxes over the native ones: click the label, as a person does.
  await answers.getByText('Giusta').click();
  await expect(answers.getByLabel('Giusta')).toBeChecked();
  await question.getByRole('button', { name: 'Nuova domanda' }).click();
  await expect(page.getByText('Servono almeno due risposte, ognuna in italiano e in inglese.')).toBeVisible();
  await expect(question.getByRole('group', { name: 'Risposta 1' }).getByLabel('In italiano')).toHaveValue('Il tutore');
  const second = question.getByRole('group', { name: 'Risposta 2' });
  await second.getByLabel('In italiano').fill('Il sindaco');
  await second.getByLabel('In inglese').fill('The mayor');
  await question.getByLabel('Spiegazione in italiano').fill("Lo iscrive il tutore, che ne ha la rappresentanza (art. 14 l. 47/2017).");
  await question.getByRole('button', { name: 'Nuova domanda' }).click();
  await expect(page.getByText('Domanda salvata.')).toBeVisible();
  await page.getByRole('button', { name: 'Pubblica la verifica' }).click();
  await expect(page.getByText('Verifica pubblicata: conta per completare i cicli del corso.')).toBeVisible();
  await expectAccessible(page);

  await page.locator('.breadcrumb').getByRole('link', { name: 'Scuola e minori' }).click();
  await page.getByRole('button', { name: 'Pubblica il corso' }).click();
  await expect(page.getByText('Corso pubblicato: ora è nel catalogo.')).toBeVisible();
  await expectAccessible(page);

  const guardian = await (await browser.newContext()).newPage();
  await signIn(guardian, 'guardian.brescia@demo.tutela.localhost', demoPassword);
  await guardian.goto('/training');
  await guardian.getByRole('link', { name: 'Scuola e minori' }).click();
  await guardian.getByRole('link', { name: 'Il diritto allo studio' }).click();
  await expect(guardian.getByRole('heading', { level: 1 })).toHaveText('Il diritto allo studio');
  await expect(guardian.locator('.lesson-body strong')).toHaveText('senza permesso di soggiorno');
  await guardian.getByRole('link', { name: 'Scuola e minori' }).click();
  await guardian.getByRole('link', { name: /Verifica: L'iscrizione a scuola/ }).click();
  // The kit draws its own boxes over the native ones: click the label, as a person does.
  await guardian.locator('label').getByText('Il tutore', { exact: true }).click();
  await guardian.getByRole('button', { name: 'Invia le risposte' }).click();
  await expect(guardian.locator('.quiz-result').getByText('Superata', { exact: true })).toBeVisible();
  await expect(guardian.getByText('art. 14 l. 47/2017')).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the preview posts the form and keeps the text, which is then saved as a draft', async ({ page }) => {
    await signIn(page, 'trainer.milano@demo.tutela.localhost', demoPassword);
    await draftLesson(page, 'Salute e minori', 'Il pediatra di libera scelta');
    await page.getByLabel('Testo della lezione').fill(body);
    await page.getByRole('button', { name: 'Anteprima' }).click();
    await expect(page.getByText('Qui sotto c\'è il testo che stavi scrivendo: non è ancora salvato.')).toBeVisible();
    await expect(page.locator('.markdown-preview strong')).toHaveText('senza permesso di soggiorno');
    await expect(page.getByLabel('Testo della lezione')).toHaveValue(body);
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await expect(page.getByText('Bozza salvata.')).toBeVisible();
    await expect(page.getByLabel('Testo della lezione')).toHaveValue(body);
  });
});
