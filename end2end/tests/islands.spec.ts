// Proves the WebAssembly bundle loads and hydrates: the password toggle
// only exists, and only works, once the page is interactive.
import { expect, test } from '@playwright/test';

test('the password field can be revealed once the page has hydrated', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/login');
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('type', 'password');
  const reveal = page.getByRole('button', { name: 'Mostra' });
  await expect(reveal).toBeVisible();
  await reveal.click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Nascondi' })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});
