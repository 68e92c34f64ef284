import type { Page } from 'playwright-core';

/** Both shells sign in the same way, at their own address. */
export async function signInAt(page: Page, path: string, username: string, password: string): Promise<void> {
  await page.goto(path);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid="login-submit"]');
}
