import { clickOption, settleAnimations } from '../support/browser.ts';
import type { Download, Locator, Page } from 'playwright-core';

export type RosterTab = 'week' | 'swaps' | 'now';

/** Checkpoint duty rosters at the desk: the week grid, copying a week, a shift's people, swaps, the overview and the print view. */
export class ConsoleRostersPage {
  constructor(readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.click('[data-testid="nav-rosters"]');
  }

  async openTab(tab: RosterTab): Promise<void> {
    await this.page.click(`[data-testid="roster-tab-${tab}"]`);
  }

  /** Waits until the grid shows the week of `monday` as the server has it now (not the previous week kept on screen). */
  async waitForWeek(monday: string): Promise<void> {
    await this.page.locator(`[data-testid="roster-week-view"][data-monday="${monday}"][data-fresh="true"]`).waitFor();
  }

  /** Clicks "next week" `weeks` times in a row, as fast as a hurried user: each click counts. */
  async nextWeek(weeks = 1): Promise<void> {
    await this.page.click('[data-testid="roster-week-next"]', { clickCount: weeks });
  }

  rows(): Locator {
    return this.page.locator('[data-testid="roster-row"]');
  }

  shift(checkpoint: string, day: string, start: string): Locator {
    return this.page.locator(`[data-testid="roster-row"][data-checkpoint="${checkpoint}"] [data-testid="roster-cell"][data-day="${day}"] [data-testid="roster-shift"][data-start="${start}"]`);
  }

  async isGap(checkpoint: string, day: string, start: string): Promise<boolean> {
    return (await this.shift(checkpoint, day, start).getAttribute('data-gap')) === 'true';
  }

  /** Waits until the shift shows red (true) or not (false). */
  async waitForGap(checkpoint: string, day: string, start: string, gap: boolean): Promise<void> {
    await this.page.locator(`[data-testid="roster-row"][data-checkpoint="${checkpoint}"] [data-testid="roster-cell"][data-day="${day}"] [data-testid="roster-shift"][data-start="${start}"][data-gap="${gap}"]`).waitFor();
  }

  async copyFromPreviousWeek(beforeSubmit?: () => Promise<void>): Promise<{ added: number; skipped: number }> {
    await this.page.click('[data-testid="roster-copy-open"]');
    await this.page.locator('[data-testid="roster-copy-form"]').waitFor();
    await beforeSubmit?.();
    await this.page.click('[data-testid="roster-copy-submit"]');
    const result = this.page.locator('[data-testid="roster-copy-result"]');
    await result.waitFor();
    return { added: Number(await result.getAttribute('data-added')), skipped: Number(await result.getAttribute('data-skipped')) };
  }

  skippedRows(): Locator {
    return this.page.locator('[data-testid="roster-copy-skipped"]');
  }

  async closeCopy(): Promise<void> {
    await this.page.click('[data-testid="roster-copy-close"]');
    await this.page.locator('[data-testid="roster-copy-result"]').waitFor({ state: 'detached' });
  }

  /** Opens a shift's dialog and puts a person on it; waits until the dialog lists them. */
  async addPerson(checkpoint: string, day: string, start: string, name: string, beforeClose?: () => Promise<void>): Promise<void> {
    await this.shift(checkpoint, day, start).click();
    const modal = this.page.locator('[data-testid="roster-shift-modal"]');
    await modal.waitFor();
    await this.page.click('[data-testid="roster-person-select"]');
    await this.page.keyboard.type(name);
    await clickOption(this.page, '.ant-select-item-option', name);
    await this.page.click('[data-testid="roster-person-add"]');
    await modal.locator(`[data-testid="roster-shift-person"][data-name="${name}"]`).waitFor();
    await beforeClose?.();
    await this.page.click('[data-testid="roster-shift-close"]');
    await modal.waitFor({ state: 'detached' });
  }

  async exportWorkbook(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click('[data-testid="roster-export"]')]);
    return download;
  }

  async openPrint(): Promise<Locator> {
    await this.page.click('[data-testid="roster-print"]');
    const sheet = this.page.locator('[data-testid="roster-sheet"]');
    await sheet.waitFor();
    return sheet;
  }

  pendingSwap(requester: string): Locator {
    return this.page.locator(`[data-testid="swap-pending"][data-requester="${requester}"]`);
  }

  decidedSwap(requester: string): Locator {
    return this.page.locator(`[data-testid="swap-decided"][data-requester="${requester}"]`);
  }

  async approveSwap(requester: string, note: string, beforeApprove?: () => Promise<void>): Promise<void> {
    await this.pendingSwap(requester).locator('[data-testid="swap-decide"]').click();
    await this.page.locator('[data-testid="swap-decide-modal"]').waitFor();
    await this.page.fill('[data-testid="swap-note"]', note);
    await beforeApprove?.();
    await this.page.click('[data-testid="swap-approve"]');
    await this.page.locator('[data-testid="swap-decide-modal"]').waitFor({ state: 'detached' });
  }

  overviewRow(community: string): Locator {
    return this.page.locator(`[data-testid="roster-overview-row"][data-community="${community}"]`);
  }

  async settle(): Promise<void> {
    await settleAnimations(this.page);
  }
}
