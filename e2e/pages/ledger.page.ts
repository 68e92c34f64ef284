import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { settled } from '../support/browser.ts';

/** A count as the console prints it ("1,637") read back as a number. */
export function countOf(text: string | null): number {
  const digits = (text ?? '').replace(/[,\s]/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`not a count: ${JSON.stringify(text)}`);
  return Number(digits);
}

/** The cards of the figures page, in the order of the children table's columns. */
export const FIGURE_CARDS = ['groups', 'households', 'residents', 'elderly', 'living_alone', 'disabled', 'chronic_illness', 'outside_worker', 'returnee', 'floating'] as const;

/** 数据统计 (/figures) and 入户摸排 (/screening) of the desk console. */
export class LedgerPage {
  constructor(readonly page: Page) {}

  // ——— figures ———

  /**
   * Waits until the figures shown are those of `unitName` (on `day`, when given):
   * while a drill-down loads, the previous answer stays on screen.
   */
  async waitForFigures(unitName: string, day?: string): Promise<string> {
    const headline = this.page.locator('[data-testid="figures-total"]', { hasText: `${unitName}：` });
    await headline.waitFor();
    if (day) await this.page.getByText(`数据截至 ${day}`).waitFor();
    // The placeholder (the previous answer) is dimmed; the answer itself is not.
    await this.page.waitForFunction(() => {
      const space = document.querySelector('[data-testid="figures-total"]')?.closest('.ant-space');
      return space instanceof HTMLElement && space.style.opacity === '1';
    });
    return (await headline.textContent()) ?? '';
  }

  async card(name: (typeof FIGURE_CARDS)[number]): Promise<number> {
    return countOf(await this.page.locator(`[data-testid="figure-${name}"] .ant-statistic-content-value`).textContent());
  }

  async cards(): Promise<number[]> {
    const out: number[] = [];
    for (const c of FIGURE_CARDS) out.push(await this.card(c));
    return out;
  }

  childRows(): Locator {
    return this.page.locator('[data-testid="figures-child-row"]');
  }

  childRow(name: string): Locator {
    return this.childRows().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async childNames(): Promise<string[]> {
    return (await this.childRows().locator('td:first-child').allInnerTexts()).map((s) => s.trim());
  }

  /** The children table's 合计 row, its label left out. */
  async childrenTotal(): Promise<number[]> {
    const cells = await this.page.locator('[data-testid="figures-children-total"] td').allInnerTexts();
    expect(cells[0]?.trim()).toBe('合计');
    return cells.slice(1).map(countOf);
  }

  /** Chooses the day in the date picker, as a person types it, and waits for the URL to carry it. */
  async chooseDay(day: string): Promise<void> {
    const input = this.page.locator('[data-testid="figures-day"] input, input[data-testid="figures-day"]').first();
    await input.click();
    await input.fill(day);
    await input.press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('day') === day);
  }

  // ——— screening ———

  roundRow(name: string | RegExp): Locator {
    return this.page.locator('[data-testid="round-row"]', { hasText: name });
  }

  /** A statistic of the round's header by its title ("未走访户数"). */
  async headerStat(title: string): Promise<number> {
    const stat = this.page.locator('[data-testid="round-header"] .ant-statistic', { has: this.page.getByText(title, { exact: true }) });
    return countOf(await stat.locator('.ant-statistic-content-value').textContent());
  }

  async waitForRound(name: string): Promise<void> {
    await this.page.locator('[data-testid="round-header"]', { hasText: name }).waitFor();
    await this.page.locator('[data-testid="coverage-group-row"]').first().waitFor();
  }

  /** Opens a round over some groups of the user's community through the form; lands on the new round. */
  async createRound(name: string, groups: readonly string[], beforeSubmit?: () => Promise<void>): Promise<void> {
    await this.page.click('[data-testid="round-create"]');
    const form = this.page.locator('[data-testid="round-form"]');
    await form.waitFor();
    await form.locator('#name').fill(name);
    await form.locator('.ant-radio-wrapper', { hasText: '选择部分小组' }).click();
    const boxes = this.page.locator('[data-testid="round-groups"]');
    await boxes.waitFor();
    for (const g of groups) await boxes.locator('.ant-checkbox-wrapper', { has: this.page.getByText(g, { exact: true }) }).click();
    expect(await boxes.locator('.ant-checkbox-wrapper-checked').allInnerTexts()).toEqual(expect.arrayContaining([...groups]));
    expect(await boxes.locator('.ant-checkbox-wrapper-checked').count()).toBe(groups.length);
    await settled(this.page.locator('.ant-modal', { has: form }));
    await beforeSubmit?.();
    // (antd writes a two-character label with a space: 发 起.)
    await this.page.locator('.ant-modal-footer .ant-btn-primary', { hasText: /^发\s?起$/ }).click();
    await this.waitForRound(name);
  }


  /** Ends the round shown, answering the confirmation. */
  async closeRound(name: string, onConfirm?: () => Promise<void>): Promise<void> {
    await this.page.click('[data-testid="round-close"]');
    const confirm = this.page.locator('.ant-modal-confirm', { hasText: `结束“${name}”？` });
    await confirm.waitFor();
    await settled(confirm);
    await onConfirm?.();
    await confirm.locator('.ant-modal-confirm-btns .ant-btn-dangerous').click();
    await this.page.getByText('本轮摸排已结束').waitFor();
    await this.page.locator('[data-testid="round-close"]').waitFor({ state: 'detached' });
    await confirm.waitFor({ state: 'detached' });
  }
}
