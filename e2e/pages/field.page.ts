import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { signInAt } from './sign-in.ts';

/** The field app on a phone. */
export class FieldPage {
  constructor(readonly page: Page) {}

  signIn(username: string, password: string): Promise<void> {
    return signInAt(this.page, '/m/login', username, password);
  }

  async seeScope(text: string): Promise<void> {
    await this.page.waitForSelector('[data-testid="my-scope"]');
    expect(await this.page.textContent('[data-testid="my-scope"]')).toContain(text);
  }

  async openMe(): Promise<void> {
    await this.page.goto('/m/me');
    await this.page.waitForSelector('[data-testid="lang-switch"]');
  }

  async switchLanguage(label: '中文' | 'English'): Promise<void> {
    await this.page.locator('[data-testid="lang-switch"]').getByText(label, { exact: true }).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, label === 'English' ? 'en' : 'zh-CN');
  }

  async openUnit(id: string): Promise<void> {
    await this.page.goto(`/m/units/${id}`);
  }

  async notFoundMessage(): Promise<string> {
    await this.page.waitForSelector('[data-testid="not-found"]');
    return (await this.page.textContent('[data-testid="not-found"]')) ?? '';
  }
}
