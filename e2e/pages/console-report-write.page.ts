import type { Download, Locator, Page } from 'playwright-core';
import { clickOption, settled } from '../support/browser.ts';

/** A community's daily report at the desk: the figures, the draft, submitting, correcting, the sent issues, print and export. */
export class ConsoleReportWritePage {
  constructor(readonly page: Page) {}

  async open(path = '/reports/write'): Promise<void> {
    await this.page.goto(path);
    await this.view().waitFor();
  }

  view(): Locator {
    return this.page.locator('[data-testid="report-day-view"]');
  }

  async state(): Promise<string | null> {
    return this.view().getAttribute('data-state');
  }

  async writeNarrative(text: string): Promise<void> {
    await this.page.fill('[data-testid="report-narrative"]', text);
  }

  issueRow(index: number): Locator {
    return this.page.locator(`[data-testid="report-issue-row"][data-index="${index}"]`);
  }

  async issueRows(): Promise<number> {
    return this.page.locator('[data-testid="report-issue-row"]').count();
  }

  /** Writes row `index` (adding rows as needed), its kind and topic picked from the lists by their labels. */
  async writeIssue(index: number, text: string, choice?: { kind: string; topic: string }): Promise<void> {
    while ((await this.issueRows()) <= index) await this.page.click('[data-testid="report-issue-add"]');
    const row = this.issueRow(index);
    if (choice) {
      await this.pick(row.locator('[data-testid="report-issue-kind"]'), choice.kind);
      await this.pick(row.locator('[data-testid="report-issue-topic"]'), choice.topic);
    }
    await row.locator('[data-testid="report-issue-text"]').fill(text);
  }

  private async pick(select: Locator, label: string): Promise<void> {
    await select.click();
    await clickOption(this.page, '.ant-select-item-option', label);
    await this.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }

  /** Waits until the counter says `count` written, and answers what it shows: "count / min". */
  async counter(count: number): Promise<string> {
    const tag = this.page.locator(`[data-testid="report-issue-counter"][data-count="${count}"]`);
    await tag.waitFor();
    return tag.innerText();
  }

  /** Presses submit and confirms in the dialog that says the report will be frozen. */
  async submit(): Promise<void> {
    await this.page.click('[data-testid="report-submit"]');
    const confirm = this.page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    await settled(confirm);
    await confirm.locator('[data-testid="report-submit-ok"]').click();
    await confirm.waitFor({ state: 'detached' });
  }

  issuesError(): Locator {
    return this.page.locator('[data-testid="report-issues-error"]');
  }

  async version(): Promise<string | null> {
    const tag = this.page.locator('[data-testid="report-version"]');
    await tag.waitFor();
    return tag.getAttribute('data-version');
  }

  versionRow(version: number): Locator {
    return this.page.locator(`[data-testid="report-version-row"][data-version="${version}"]`);
  }

  async correct(reason: string, extraIssue?: string): Promise<void> {
    await this.page.click('[data-testid="report-correct"]');
    const modal = this.page.locator('[data-testid="report-correct-modal"]');
    await modal.waitFor();
    await this.page.fill('[data-testid="report-correct-reason"]', reason);
    if (extraIssue) {
      await this.page.click('[data-testid="report-correct-issue-add"]');
      await modal.locator('[data-testid="report-correct-issue-text"]').last().fill(extraIssue);
    }
    await this.page.click('[data-testid="report-correct-ok"]');
    await modal.waitFor({ state: 'detached' });
  }

  sentIssue(text: string): Locator {
    return this.page.locator('[data-testid="report-sent-issue"]', { has: this.page.locator('[data-testid="report-issue-text"]', { hasText: text }) });
  }

  /** The print view opens in a new tab. */
  async openPrint(): Promise<Page> {
    const [tab] = await Promise.all([this.page.context().waitForEvent('page'), this.page.click('[data-testid="report-print"]')]);
    await tab.locator('[data-testid="report-sheet"]').waitFor();
    return tab;
  }

  async exportWorkbook(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click('[data-testid="report-export"]')]);
    return download;
  }
}
