// Every page, as a visitor, a guardian's colleague and a coordinator, in
// Italian and English, on a desktop and a phone: it loads, its islands
// hydrate without an error, axe finds nothing serious, and no page data is
// serialised into it. Then the same pages with JavaScript off still read.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { collectBrowserErrors, demoPassword, expect, expectAccessible, signIn, test } from './support';

const visitorPages = ['/', '/register', '/login', '/password/forgot', '/password/reset/example', '/verify-email/example', '/training', '/community', '/consultations', '/faq', '/privacy', '/search', '/search?q=tutore', '/login/code', '/unsubscribe/example', '/verify', '/verify/ABCD-EFGH-JKMN', '/no-such-page'];
const memberPages = ['/', '/account', '/account/notifications', '/notifications', '/account/two-factor', '/account/data', '/logout', '/training', '/training/cycles', '/community', '/community/c/brescia', '/community/c/scuola', '/consultations', '/search?q=permesso', '/search?q=permesso&from=31/12/2026'];
const coordinatorPages = ['/', '/account/two-factor', '/admin', '/admin/users', '/admin/users/invite', '/admin/audit', '/admin/outbox', '/admin/categories', '/training/cycles', '/training/cycles/new', '/training/certificates', '/training/authoring', '/consultations', '/consultations/queue', '/consultations/replies', '/consultations/stats', '/faq'];

// Accounts no other spec signs in with: their language is changed here.
const people: [string, string | null, string[]][] = [
  ['visitor', null, visitorPages],
  ['operator', 'operator.brescia@demo.tutela.localhost', memberPages],
  ['coordinator', 'coordinator.brescia@demo.tutela.localhost', coordinatorPages],
];
const devices = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

// Each account signs in once; later tests reuse its cookies, as a person
// reusing their browser would (a coordinator's second factor takes a new
// code for every sign-in).
const signedIn = new Map<string, BrowserContextOptions['storageState']>();

async function openAs(browser: Browser, viewport: { width: number; height: number }, language: string, email: string | null, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, storageState: email ? signedIn.get(email) : undefined });
  const page = await context.newPage();
  if (email && !signedIn.has(email)) {
    await signIn(page, email, demoPassword);
    signedIn.set(email, await context.storageState());
  }
  await page.goto('/');
  const switcher = page.locator(`.language-switch button[value=${language}]`);
  if (await switcher.isEnabled()) {
    await switcher.click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
  }
  return { context, page };
}

async function expectNoSerialisedData(page: Page) {
  const html = await page.content();
  expect(html, 'no resource serialised for hydration').not.toMatch(/__RESOLVED_RESOURCES\[|__RESOLVED_RESOURCES=\[[^\]]/);
}

for (const [device, viewport] of Object.entries(devices)) {
  for (const language of ['it', 'en']) {
    for (const [who, email, pages] of people) {
      test(`every ${who} page reads well (${language}, ${device})`, async ({ browser }) => {
        const { context, page } = await openAs(browser, viewport, language, email);
        const errors = collectBrowserErrors(page);
        for (const url of pages) {
          await page.goto(url);
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          await expect(page.locator('h1')).toHaveCount(1);
          await expectAccessible(page);
          await expectNoSerialisedData(page);
        }
        // The admin pages include one user's page, reached from the list.
        if (who === 'coordinator') {
          await page.goto('/admin/users');
          await page.locator('table a').first().click();
          await expectAccessible(page);
        }
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
}

for (const [who, email, pages] of people) {
  test(`every ${who} page reads with JavaScript off`, async ({ browser }) => {
    const { context, page } = await openAs(browser, devices.phone, 'it', email, false);
    for (const url of pages) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(url === '/no-such-page' ? 404 : 200);
      await expect(page.locator('h1')).toHaveCount(1);
      // An island's own controls need the bundle, so they must not show;
      // a form's submit buttons inside one (the editor's preview) work as they are.
      await expect(page.locator('leptos-island button:not([type=submit])')).toHaveCount(0);
    }
    await context.close();
  });
}
