import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../src/domain/local-date.ts';
import { ConsolePage } from './pages/console.page.ts';
import { ConsoleReportWritePage } from './pages/console-report-write.page.ts';
import { chromiumAvailable, DESKTOP, topShot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { apiAs } from './support/api.ts';

/** This file owns 船厂社区's report of today (another test submits 中路社区's through its work team). */
const COMMUNITY = '船厂社区';
const SUPPLIES = '船厂路正门卡点缺少额温枪和口罩，请街道协调调配';
const STAFF = '建议增派两名志愿者支援夜间卡点值守';
const NARRATIVE = '今日完成出入口值守和晨会任务，发现发热一人已按流程处置。';
const REASON = '补充夜间卡点值守情况';
const MEASURE = '已协调额温枪两把、口罩五百只，明日上午送达';

describe.runIf(chromiumAvailable())('a community writes its daily report at the desk', () => {
  const browser = useBrowser();

  it('cc.admin is refused with one issue, submits with two, corrects, sees the street’s answer arrive live, prints and exports', { timeout: 180_000 }, async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    await console_.signIn('cc.admin', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="nav-reports"]');
    await page.click('[data-testid="nav-reports"]');
    const report = new ConsoleReportWritePage(page);
    await report.view().waitFor();
    const today = shanghaiDate();
    expect(await report.view().getAttribute('data-day')).toBe(today);
    expect(await page.locator('[data-testid="report-community"]').innerText()).toContain(COMMUNITY);
    expect(['missing', 'draft']).toContain(await report.state());
    // The figures fill themselves, in the four sections; the rule and where issues go are said.
    expect(await page.locator('[data-testid="report-figure"]').count()).toBe(20);
    expect(await page.locator('[data-testid="report-rule"]').innerText()).toContain('2');
    expect(await page.locator('[data-testid="report-sends-to"]').innerText()).toContain('青山镇街道');
    await page.locator('[data-testid="report-live"][data-status="live"]').waitFor();

    // One issue is not enough: the refusal stands on the issues block.
    await report.writeNarrative(NARRATIVE);
    await report.writeIssue(0, SUPPLIES, { kind: '问题', topic: '防护物资' });
    expect(await report.counter(1)).toBe('1 / 2');
    // The draft saves itself once typing stops, and is there again after a reload.
    await page.locator('[data-testid="report-autosave"]', { hasText: '已自动保存' }).waitFor();
    await report.open(page.url().replace(browser.baseUrl(), ''));
    expect(await report.state()).toBe('draft');
    expect(await page.inputValue('[data-testid="report-narrative"]')).toBe(NARRATIVE);
    expect(await report.issueRow(0).locator('[data-testid="report-issue-text"]').inputValue()).toBe(SUPPLIES);
    expect(await report.counter(1)).toBe('1 / 2');
    await report.submit();
    await report.issuesError().waitFor();
    expect(await report.issuesError().innerText()).toContain('至少需要 2 条');
    expect(await report.state()).not.toBe('submitted');
    await topShot(page, 'console-report-write-too-few');

    // A second one (a suggestion about staff), then it goes through and is frozen as version 1.
    await report.writeIssue(1, STAFF, { kind: '建议', topic: '人手' });
    expect(await report.counter(2)).toBe('2 / 2');
    await report.issuesError().waitFor({ state: 'detached' });
    await report.submit();
    await page.locator('[data-testid="report-frozen"]').waitFor();
    expect(await report.state()).toBe('submitted');
    expect(await report.version()).toBe('1');
    expect(await page.locator('[data-testid="report-frozen-narrative"]').innerText()).toBe(NARRATIVE);
    expect(await page.locator('[data-testid="report-narrative"]').count(), 'nothing left to type in').toBe(0);
    expect(await report.sentIssue(SUPPLIES).getAttribute('data-status')).toBe('open');
    await report.sentIssue(STAFF).waitFor();

    // A correction is a new version with its reason; version 1 stays listed.
    await report.correct(REASON);
    await report.versionRow(2).waitFor();
    expect(await report.version()).toBe('2');
    expect(await report.versionRow(2).locator('[data-testid="report-version-reason"]').innerText()).toBe(REASON);
    await report.versionRow(1).waitFor();

    // The street answers the supplies issue: the answer appears here without reloading.
    const issueId = (await report.sentIssue(SUPPLIES).getAttribute('data-issue-id'))!;
    const street = await apiAs(browser.baseUrl(), 'wh.street');
    const answered = await street.post(`/api/issues/${issueId}/answers`, { data: { status: 'in_progress', measure: MEASURE } });
    expect(answered.status(), await answered.text()).toBe(200);
    const answer = report.sentIssue(SUPPLIES).locator('[data-testid="report-answer-text"]');
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.innerText()).toBe(MEASURE);
    expect(await report.sentIssue(SUPPLIES).getAttribute('data-status')).toBe('in_progress');
    await topShot(page, 'console-report-write-submitted');

    // The print view: the title, the version, the figures by section, the issues with the answer.
    const printed = await report.openPrint();
    const title = await printed.locator('[data-testid="report-sheet-title"]').innerText();
    expect(title).toContain(COMMUNITY);
    expect(title).toContain(today);
    expect(await printed.locator('[data-testid="report-sheet-summary"]').innerText()).toContain('第 2 版');
    expect(await printed.locator('[data-testid="report-sheet-section"]').count()).toBe(4);
    expect(await printed.locator('[data-testid="report-sheet-figure"]').count()).toBe(20);
    const printedIssues = await printed.locator('[data-testid="report-sheet-issue"]').allInnerTexts();
    expect(printedIssues.some((t) => t.includes(SUPPLIES) && t.includes(MEASURE))).toBe(true);
    expect(printedIssues.some((t) => t.includes(STAFF))).toBe(true);
    await topShot(printed, 'console-report-write-print');
    await printed.close();

    // The export: the title in the first cell, the issues below.
    const download = await report.exportWorkbook();
    const dir = mkdtempSync(join(tmpdir(), 'linli-report-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toContain(`${COMMUNITY}-${today}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0]!;
      expect(String(sheet.getCell(1, 1).value)).toContain(COMMUNITY);
      const texts: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
      expect(texts).toContain(SUPPLIES);
      expect(texts).toContain(MEASURE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The same page in English, then back to Chinese (the language is kept in the user's settings).
    await console_.switchLanguage('English');
    await page.getByText('Submitted and frozen').waitFor();
    await topShot(page, 'console-report-write-en');
    await console_.switchLanguage('中文');
  });
});
