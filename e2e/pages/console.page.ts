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

  /** Tried again when the choice did not take: on a loaded machine a dialog still closing can take the first click. */
  async switchLanguage(label: '中文' | 'English'): Promise<void> {
    const lang = label === 'English' ? 'en' : 'zh-CN';
    for (let attempt = 1; ; attempt++) {
      await this.page.click('[data-testid="lang-switch"]');
      await this.page.getByText(label, { exact: true }).last().click();
      try {
        await this.page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 10_000 });
        return;
      } catch (e) {
        if (attempt === 3) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  async hasNav(id: 'nav-org' | 'nav-users' | 'nav-audit'): Promise<boolean> {
    return (await this.page.locator(`[data-testid="${id}"]`).count()) > 0;
  }
}
