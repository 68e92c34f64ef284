import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { signInAt } from './sign-in.ts';

/** The desk console, as a person uses it. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  signIn(username: string, password: string): Promise<void> {
    return signInAt(this.page, '/login', username, password);
  }

  async seeScope(text: string): Promise<void> {
    await this.page.waitForSelector('[data-testid="my-scope"]');
    expect(await this.page.textContent('[data-testid="my-scope"]')).toContain(text);
  }

  async openUnit(id: string): Promise<void> {
    await this.page.goto(`/org/${id}`);
  }

  async unitTitle(): Promise<string> {
    await this.page.waitForSelector('[data-testid="unit-title"]');
    return (await this.page.textContent('[data-testid="unit-title"]')) ?? '';
  }

  async notFoundMessage(): Promise<string> {
    await this.page.waitForSelector('[data-testid="not-found"]');
    return (await this.page.textContent('[data-testid="not-found"]')) ?? '';
  }

  async switchLanguage(label: '中文' | 'English'): Promise<void> {
    await this.page.click('[data-testid="lang-switch"]');
    await this.page.getByText(label, { exact: true }).last().click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, label === 'English' ? 'en' : 'zh-CN');
  }

  async hasNav(id: 'nav-org' | 'nav-users' | 'nav-audit'): Promise<boolean> {
    return (await this.page.locator(`[data-testid="${id}"]`).count()) > 0;
  }
}
