import { settleAnimations } from '../support/browser.ts';
import { createRequire } from 'node:module';
import type { Download, Locator, Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export type GateTab = 'live' | 'entrances' | 'passes' | 'register' | 'patrols';
export type LiveTotal = 'checkpoints' | 'sealed' | 'open' | 'in' | 'out' | 'refused' | 'visitors' | 'visitorsInside' | 'fevers' | 'openAlerts';
export type EntranceFigure = 'in' | 'out' | 'refused' | 'visitors' | 'visitorsInside' | 'fevers' | 'openAlerts';

/** Entrances and checkpoints of the desk console: the live view, entrances, passes, the register and their print views. */
export class ConsoleGatesPage {
  constructor(readonly page: Page) {}

  // ——— frame ———

  async openFromMenu(): Promise<void> {
    await this.page.click('[data-testid="nav-gates"]');
    await this.waitLive();
  }

  async openTab(tab: GateTab): Promise<void> {
    await this.page.click(`[data-testid="gate-tab-${tab}"]`);
  }

  async tabs(): Promise<string[]> {
    return (await this.page.locator('[data-testid^="gate-tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('gate-tab-', ''))));
  }

  /**
   * Marks the document: a page that reloads loses the mark, so `sameDocument`
   * tells an update pushed by the server from a reload.
   */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { linliMark: number }).linliMark = 1));
  }

  async sameDocument(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { linliMark?: number }).linliMark === 1);
  }

  /** Waits for running animations (a drawer sliding in, a dialog opening) to end, for a screenshot that shows them whole. */
  async settle(): Promise<void> {
    await settleAnimations(this.page);
  }

  // ——— live view ———

  /** Waits until the stream is connected and a view is on screen. */
  async waitLive(): Promise<void> {
    await this.page.locator('[data-testid="live-link"][data-link="live"]').waitFor();
    await this.page.locator('[data-testid="live-entrance"]').first().waitFor();
  }

  linkState(): Promise<string | null> {
    return this.page.locator('[data-testid="live-link"]').getAttribute('data-link');
  }

  async waitForLink(state: 'live' | 'reconnecting' | 'connecting'): Promise<void> {
    await this.page.locator(`[data-testid="live-link"][data-link="${state}"]`).waitFor({ timeout: 30_000 });
  }

  async total(key: LiveTotal): Promise<number> {
    return Number(await this.page.locator(`[data-testid="total-${key}"]`).getAttribute('data-value'));
  }

  /** Waits until a total shows `value` (the view is replaced as the server pushes it). */
  async waitForTotal(key: LiveTotal, value: number): Promise<void> {
    await this.page.locator(`[data-testid="total-${key}"][data-value="${value}"]`).waitFor();
  }

  liveEntrances(): Locator {
    return this.page.locator('[data-testid="live-entrance"]');
  }

  liveEntrance(name: string): Locator {
    return this.page.locator(`[data-testid="live-entrance"][data-entrance="${name}"]`);
  }

  async entranceFigure(name: string, key: EntranceFigure): Promise<number> {
    return Number((await this.liveEntrance(name).locator(`[data-figure="${key}"]`).innerText()).trim());
  }

  alertRow(name: string): Locator {
    return this.page.locator('[data-testid="live-alert"]', { hasText: name });
  }

  alertPop(name: string): Locator {
    return this.page.locator('[data-testid="alert-pop"]', { hasText: name });
  }

  async handleAlert(name: string, note: string, beforeOk?: () => Promise<void>): Promise<void> {
    await this.alertRow(name).locator('[data-testid="alert-handle"]').click();
    await this.page.fill('[data-testid="alert-note"]', note);
    await beforeOk?.();
    await this.page.click('[data-testid="alert-handle-ok"]');
    await this.alertRow(name).waitFor({ state: 'detached' });
  }

  // ——— entrances ———

  entranceRow(name: string): Locator {
    return this.page.locator(`[data-testid="entrance-row"][data-entrance="${name}"]`);
  }

  async selectEntrances(names: readonly string[]): Promise<void> {
    for (const name of names) await this.entranceRow(name).locator('.ant-checkbox-input').check();
  }

  /** The change-state dialog for the selected entrances: a state from 07:00 tomorrow, with a note. */
  async planFromTomorrowMorning(state: 'open' | 'sealed' | 'checkpoint', note: string, beforeSubmit?: () => Promise<void>): Promise<void> {
    await this.page.click('[data-testid="plan-open"]');
    await this.page.locator('[data-testid="plan-form"]').waitFor();
    // Under load the dialog may still be opening when the first click lands: click until the choice holds.
    const choice = this.page.locator(`[data-testid="plan-state"] input[value="${state}"]`);
    for (let i = 0; i < 5 && !(await choice.isChecked()); i++) {
      await this.page.click(`[data-testid="plan-state"] label:has(input[value="${state}"])`);
      if (!(await choice.isChecked())) await this.page.waitForTimeout(300);
    }
    await this.page.click('[data-testid="plan-timing"] label:has(input[value="later"])');
    await this.page.click('[data-testid="plan-tomorrow"]');
    await this.page.fill('[data-testid="plan-note"]', note);
    await this.page.locator('[data-testid="plan-summary"]').waitFor();
    await beforeSubmit?.();
    await this.page.click('[data-testid="plan-submit"]');
    await this.page.locator('[data-testid="plan-form"]').waitFor({ state: 'detached' });
  }

  plannedChanges(name: string): Locator {
    return this.entranceRow(name).locator('[data-testid="planned-change"]');
  }

  async callOffPlanned(name: string, when: string): Promise<void> {
    const change = this.plannedChanges(name).filter({ hasText: when });
    await change.locator('[data-testid="planned-cancel"]').click();
    await this.page.locator('.ant-popconfirm [data-testid="planned-cancel-ok"]').click();
    await change.waitFor({ state: 'detached' });
  }

  async openHistory(name: string): Promise<Locator> {
    await this.entranceRow(name).locator('[data-testid="history-open"]').click();
    const rows = this.page.locator('[data-testid="entrance-history"] [data-testid="history-row"]');
    await rows.first().waitFor();
    await this.settle();
    return rows;
  }

  // ——— passes ———

  async waitForPasses(): Promise<void> {
    await this.page.locator('[data-testid="pass-row"]').first().waitFor();
  }

  /** Issues passes per household to whole groups; answers the result's title and subtitle. */
  async issueToGroups(groups: readonly string[], beforeSubmit?: () => Promise<void>): Promise<{ title: string; subtitle: string }> {
    await this.page.click('[data-testid="passes-issue"]');
    await this.page.locator('[data-testid="issue-form"]').waitFor();
    await this.page.click('[data-testid="issue-scope"] label:has(input[value="groups"])');
    for (const g of groups) await this.page.locator('[data-testid="issue-groups"] label', { hasText: g }).click();
    await beforeSubmit?.();
    await this.page.click('[data-testid="issue-submit"]');
    const result = this.page.locator('[data-testid="issue-result"]');
    await result.waitFor();
    const title = (await result.locator('.ant-result-title').innerText()).trim();
    const subtitle = (await result.locator('.ant-result-subtitle').innerText()).trim();
    return { title, subtitle };
  }

  async closeIssueResult(): Promise<void> {
    await this.page.click('[data-testid="issue-close"]');
    await this.page.locator('[data-testid="issue-result"]').waitFor({ state: 'detached' });
  }

  async filterPassesByGroup(group: string): Promise<void> {
    await this.page.click('[data-testid="passes-group"]');
    await this.page.locator('.ant-select-item-option', { hasText: group }).click();
    await this.page.locator('[data-testid="passes"][data-fresh="true"]:not([data-group=""])').waitFor();
  }

  /** Opens the print view of what the list shows and waits until every QR image has loaded. */
  async openPassPrint(): Promise<void> {
    await this.page.click('[data-testid="passes-print"]');
    await this.page.locator('[data-testid="pass-card"]').first().waitFor();
    await this.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="pass-qr"]')).every((i) => i.complete));
  }

  /** Cards per printed sheet, in order. */
  sheetCounts(): Promise<number[]> {
    return this.page.locator('[data-testid="pass-sheet"]').evaluateAll((sheets) => sheets.map((s) => s.querySelectorAll('[data-testid="pass-card"]').length));
  }

  /** QR images that did not load (broken or empty). */
  brokenQrImages(): Promise<number> {
    return this.page.locator('[data-testid="pass-qr"]').evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => !i.complete || i.naturalWidth === 0).length);
  }

  /** Reads the QR code of a card in the page itself, with jsQR (as a phone's camera would): the text it carries. */
  async readQr(index: number): Promise<string | null> {
    if (!(await this.page.evaluate(() => 'jsQR' in window))) await this.page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
    return this.page.locator('[data-testid="pass-qr"]').nth(index).evaluate((img: HTMLImageElement) => {
      const size = 400;
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, size, size);
      ctx.drawImage(img, 0, 0, size, size);
      const pixels = ctx.getImageData(0, 0, size, size);
      const decode = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
      return decode(pixels.data, size, size)?.data ?? null;
    });
  }

  // ——— register ———

  async chooseRegisterEntrance(name: string): Promise<void> {
    await this.page.click('[data-testid="register-entrance"]');
    await this.page.locator('.ant-select-item-option', { hasText: name }).first().click();
    // The rows of that entrance, not the previous ones kept on screen while they load.
    await this.page.locator('[data-testid="register"][data-fresh="true"]:not([data-entrance=""])').waitFor();
  }

  async exportRegister(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click('[data-testid="register-export"]')]);
    return download;
  }
}
