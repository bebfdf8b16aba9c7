// Training: a guardian finds the course, reads a lesson on a phone, marks
// it read and goes on; the outline and the home page remember where they
// are. A trainer reads a case study whole. The reader works with
// JavaScript off. Every page passes axe, in Italian and English.
import { demoPassword, expect, expectAccessible, signIn, test } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('a guardian reads a lesson, marks it read and picks up where they left off', async ({ page }) => {
  await signIn(page, 'guardian.milano@demo.tutela.localhost', demoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Formazione' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Formazione');
  await expectAccessible(page);
  await page.getByRole('link', { name: /Corso base DiTu/ }).click();
  await expect(page.getByRole('heading', { name: /Modulo 1 ·/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Chi è il tutore volontario' }).click();
  await expect(page.getByText(/Lezione 1 di \d+/)).toBeVisible();
  await expectAccessible(page);
  // A glossary term opens the glossary at its definition.
  const term = page.locator('.lesson-body a[href*="/glossary#"]').first();
  await expect(term).toHaveAttribute('title', /.+/);
  const firstLesson = page.url();
  await page.getByRole('button', { name: 'Segna come letta e continua' }).click();
  await expect(page.getByText(/Lezione 2 di \d+/)).toBeVisible();
  await expect(page.getByText('Lezione segnata come letta.')).toBeVisible();
  await page.getByRole('link', { name: /← / }).click();
  expect(page.url()).toBe(firstLesson);
  await expect(page.getByText('Hai letto questa lezione.')).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Riprendi da dove eri rimasto' })).toBeVisible();
  await page.locator('.resume a').click();
  await expect(page.getByText(/Lezione 2 di \d+/)).toBeVisible();
  await page.locator('.breadcrumb a').nth(1).click();
  await expect(page.getByText(/^1 lezioni lette su \d+$/)).toBeVisible();
  await page.getByRole('link', { name: 'Glossario' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossario');
  await expectAccessible(page);
});

test('a guardian fails a quiz, learns from the review and passes it', async ({ page }) => {
  await signIn(page, 'guardian.milano@demo.tutela.localhost', demoPassword);
  await page.goto('/training');
  await page.getByRole('link', { name: /Corso base DiTu/ }).click();
  await page.locator('.quiz-line a').first().click();
  await expect(page.locator('fieldset.quiz-question').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Invia le risposte' }).click();
  await expect(page.getByText('Non superata').first()).toBeVisible();
  await expectAccessible(page);
  // The review says which choices were right: the guardian learns them.
  const right: string[][] = [];
  for (const question of await page.locator('.quiz-review > li').all()) {
    right.push(await question.locator('li.choice-right').evaluateAll((items) => items.map((item) => item.firstChild?.textContent ?? '')));
  }
  await page.getByRole('link', { name: 'Riprova la verifica' }).click();
  const questions = await page.locator('fieldset.quiz-question').all();
  expect(questions.length).toBe(right.length);
  for (const [index, question] of questions.entries()) {
    // The kit draws its own boxes over the native ones: click the label, as a person does.
    for (const text of right[index]) await question.locator('label').getByText(text, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Invia le risposte' }).click();
  await expect(page.locator('.quiz-result').getByText('Superata', { exact: true })).toBeVisible();
  await page.locator('.breadcrumb a').nth(1).click();
  await expect(page.locator('.quiz-line').first().getByText('Superata')).toBeVisible();
});

test('a trainer reads a case study whole, in English too', async ({ page }) => {
  await signIn(page, 'trainer.milano@demo.tutela.localhost', demoPassword);
  await page.goto('/training');
  await page.getByRole('link', { name: /Corso base DiTu/ }).click();
  await page.locator('.case-list a').first().click();
  await expect(page.getByRole('heading', { name: 'Guida alla discussione' })).toBeVisible();
  await expectAccessible(page);
  await page.locator('.language-switch button[value=en]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.breadcrumb a').first()).toHaveText('Training');
  await expectAccessible(page);
  await page.locator('.breadcrumb a').nth(1).click();
  await expect(page.getByRole('heading', { name: /Module 1 ·/ })).toBeVisible();
  await expectAccessible(page);
  await page.locator('.lesson-list a').first().click();
  await expect(page.getByText(/Lesson 1 of \d+/)).toBeVisible();
  await expectAccessible(page);
  await page.locator('.language-switch button[value=it]').click();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the reader reads and records a lesson, and a quiz is answered', async ({ page }) => {
    await signIn(page, 'operator.milano@demo.tutela.localhost', demoPassword);
    await page.goto('/training');
    await page.getByRole('link', { name: /Corso base DiTu/ }).click();
    await page.getByRole('link', { name: 'Inizia il corso' }).click();
    await expect(page.getByText(/Lezione 1 di \d+/)).toBeVisible();
    await page.getByRole('button', { name: 'Segna come letta e continua' }).click();
    await expect(page.getByText(/Lezione 2 di \d+/)).toBeVisible();
    await page.locator('.breadcrumb a').nth(1).click();
    await page.locator('.quiz-line a').first().click();
    await page.locator('fieldset.quiz-question').first().locator('label').first().click();
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await expect(page.getByText(/risposte giuste su/).first()).toBeVisible();
  });
});
