// Takes a screenshot of every page, in Italian and English, on a desktop and
// a phone, so people can look at what the pages show.
//   node end2end/screenshots.js http://127.0.0.1:3000 target/screenshots
// Needs a running Tutela with the demo accounts (scripts/dev).
const { chromium } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { demoTotpSecret, totpCode } = require('./totp');

const [base = 'http://127.0.0.1:3000', out = 'target/screenshots'] = process.argv.slice(2);
const password = 'tutela-demo-2026';

const visitorPages = ['/', '/register', '/login', '/password/forgot', '/password/reset/example', '/verify-email/example', '/training', '/community', '/consultations', '/faq', '/privacy', '/no-such-page'];
const guardianPages = ['/', '/account', '/account/two-factor', '/account/data', '/logout', '/login/code', '/community', '/community/c/milano'];
const coordinatorPages = ['/', '/admin', '/admin/users', '/admin/users/invite', '/admin/audit', '/admin/outbox'];

async function shoot(page, url, name) {
  await page.goto(base + url);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

async function session(browser, viewport, language, email) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (email) {
    await page.goto(base + '/login');
    await page.fill('#login-email', email);
    await page.fill('#login-password', password);
    await page.click('form#login button[type=submit]');
    await page.waitForLoadState();
    if (new URL(page.url()).pathname === '/login/code') {
      await page.fill('#login_code-code', totpCode(demoTotpSecret));
      await page.click('form#login_code button[type=submit]');
    }
  }
  await page.goto(base + '/');
  const switcher = page.locator(`.language-switch button[value=${language}]`);
  if (await switcher.isEnabled()) {
    await switcher.click();
    await page.waitForLoadState();
  }
  return { context, page };
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const devices = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
  for (const [device, viewport] of Object.entries(devices)) {
    for (const language of ['it', 'en']) {
      for (const [who, email, pages] of [
        ['visitor', null, visitorPages],
        ['guardian', 'guardian.milano@demo.tutela.localhost', guardianPages],
        ['coordinator', 'coordinator.milano@demo.tutela.localhost', coordinatorPages],
      ]) {
        const { context, page } = await session(browser, viewport, language, email);
        for (const url of pages) {
          const slug = url === '/' ? 'home' : url.slice(1).replace(/\//g, '_');
          await shoot(page, url, `${device}-${language}-${who}-${slug}`);
        }
        await context.close();
      }
    }
  }
  await browser.close();
  console.log(`screenshots written to ${out}`);
})();
