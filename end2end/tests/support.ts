// Helpers shared by the end-to-end tests.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mailDir } from '../playwright.config';
import { codeAt, currentStep, demoTotpSecret, untilNextStep } from '../totp';

export const demoPassword = 'tutela-demo-2026';

/**
 * Playwright's `test`, failing any test during which a page logged an error
 * to the console or threw (a broken island, a missing bundle).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = collectBrowserErrors(page);
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * Collects what `page` logs as an error or throws, from now on. A page
 * answered with 403 or 404 on purpose is not an error; anything it loads
 * that fails is.
 */
export function collectBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const expectedStatus = message.text().startsWith('Failed to load resource') && message.location().url === page.url();
    if (message.type() === 'error' && !expectedStatus) errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/**
 * Waits until the islands of the page have hydrated: the bundle marks the
 * document once it has started, and the loader hydrates every island in
 * the same turn. A page without islands loads no bundle: nothing to wait for;
 * a page with one must name the bundle, wherever on the page the island is.
 */
export async function waitForIslands(page: Page) {
  if ((await page.locator('leptos-island').count()) === 0) return;
  expect(await page.locator('link[rel=modulepreload]').count(), `the island loader on ${page.url()}`).toBe(1);
  await page.locator('html[data-islands="hydrated"]').waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Fails on any serious or critical accessibility violation of the page, once its islands have hydrated. */
export async function expectAccessible(page: Page) {
  await waitForIslands(page);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
}

/** Waits for a mail to `recipient` in the .eml folder and returns its decoded text. */
export async function readMail(recipient: string, containing: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(mailDir)) {
      for (const file of fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml'))) {
        const raw = fs.readFileSync(path.join(mailDir, file), 'utf8');
        const text = decodeQuotedPrintable(raw);
        if (text.includes(`To: ${recipient}`) && text.includes(containing)) {
          return text;
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail for ${recipient} containing ${containing}`);
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The first link in `text` containing `fragment`. */
export function linkIn(text: string, fragment: string): string {
  const match = text.match(new RegExp(`https?://[^\\s"<>]*${fragment}[^\\s"<>]*`));
  if (!match) throw new Error(`no link with ${fragment}`);
  return match[0];
}

/** The last time step whose code was given for each account, in this worker. */
const lastStepGiven = new Map<string, number>();

/**
 * Signs in with the login form, and for the demo jurists and coordinators
 * with a code from their two-factor key. A code is accepted once per
 * account, and one step ahead of the clock is allowed: each code given
 * is the first step after the last one given for the account (an earlier
 * worker may have used it too: then it is refused and the next is given),
 * waiting for the clock when two steps ahead would be needed.
 */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('form#login button[type=submit]').click();
  await page.waitForLoadState();
  for (let tries = 0; tries < 5 && new URL(page.url()).pathname === '/login/code'; tries++) {
    const step = Math.max(currentStep(), (lastStepGiven.get(email) ?? 0) + 1);
    if (step > currentStep() + 1) {
      await page.waitForTimeout(untilNextStep());
      continue;
    }
    lastStepGiven.set(email, step);
    await page.locator('#login_code-code').fill(codeAt(demoTotpSecret, step));
    // Accepted or refused, the answer is a new page: wait for it to load.
    await Promise.all([page.waitForEvent('load'), page.locator('form#login_code button[type=submit]').click()]);
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Ciao|Hello/);
}
