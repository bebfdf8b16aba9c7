// Playwright drives Debian's Chromium (never a downloaded browser) against
// a real Tutela started by the config below on a fresh SQLite database,
// with mail written as .eml files the tests read.
import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';

const port = Number(process.env.TUTELA_TEST_E2E_PORT ?? 3100);
// Decided once in the main process; workers inherit it through the environment.
process.env.TUTELA_TEST_E2E_DATA_DIR ??= path.join(os.tmpdir(), `tutela-e2e-${process.pid}`);
export const dataDir = process.env.TUTELA_TEST_E2E_DATA_DIR;
export const mailDir = path.join(dataDir, 'mail');
const binary = path.resolve(__dirname, '../target/debug/tutela');

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'it-IT',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: `rm -rf "${dataDir}" && "${binary}" seed --demo && exec "${binary}" serve`,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      TUTELA_BIND: `127.0.0.1:${port}`,
      TUTELA_DATA_DIR: dataDir,
      TUTELA_SITE_ROOT: path.resolve(__dirname, '../target/site'),
      TUTELA_CONTENT_DIR: path.resolve(__dirname, '../content'),
      TUTELA_JOB_POLL_MS: '200',
      TUTELA_LOG: 'warn',
      // Every test signs in from 127.0.0.1; the limit is tested in server/tests.
      TUTELA_RATE_LIMIT_ATTEMPTS: '100000',
    },
  },
});
