import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../src/domain/local-date.ts';
import { ConsolePage } from './pages/console.page.ts';
import { ConsoleReportWritePage } from './pages/console-report-write.page.ts';
import { chromiumAvailable, DESKTOP, settleAnimations, SHOTS, topShot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

/**
 * The issue's story from the offices' side. This file owns 中路社区's own
 * (community) report of today: the other browser tests submit 船厂社区's and
 * 中路社区's work team's, so counts here are read, never assumed.
 */
const COMMUNITY = '中路社区';
const STREET = '栗雨街道';
const DISTRICT = '天元区';
const SUPPLIES = '中路社区商户缺少口罩和体温计，请街道统一调配';
const STAFF = '建议街道增派两名志愿者支援夜间卡点';
const NIGHT = '夜间卡点人手不足，志愿者连续值守';
const GROUP = '夜间卡点人手';
const GROUP_MEASURE = '街道志愿者服务队本周起每晚派两人支援';
const NARRATIVE = '今日完成入户摸排和出入口值守，晨会任务全部完成。';
const MEASURE = '已向各社区发放体温计一支、口罩五百只';

/** Signs in at the console and waits for the menu. */
async function signIn(page: Page, username: string): Promise<void> {
  await new ConsolePage(page).signIn(username, E2E_PASSWORD);
  await page.waitForSelector('[data-testid="nav-reports"]');
}

/** The drawer as it shows on screen, scrolled down to the issues and their answers. */
async function drawerShot(page: Page, name: string): Promise<void> {
  await settleAnimations(page);
  await page.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The level page of a unit, loaded (not the previous unit's answer kept on screen) and live. */
async function levelOf(page: Page, unit: string): Promise<Locator> {
  const level = page.locator(`[data-testid="level-page"][data-unit="${unit}"][data-loaded="yes"]`);
  await level.waitFor({ timeout: 30_000 });
  return level;
}

/** 中路社区's own report in the communities' list (its work team's is another row). */
const ownRow = (page: Page) => page.locator(`[data-testid="community-row"][data-name="${COMMUNITY}"][data-team=""]`);
const card = async (page: Page, key: string) => Number(await page.locator(`[data-testid="level-card-${key}"]`).getAttribute('data-value'));
const issueRow = (page: Page, text: string) => page.locator(`[data-testid="issue-row"][data-text="${text}"]`);

describe.runIf(chromiumAvailable())('the offices read the level, see reports arrive live and answer the issues', () => {
  const browser = useBrowser();

  it('the street sees 中路社区 missing, then its report arrive without reloading, answers an issue, and the community sees the answer; the district sees it but may not answer', { timeout: 240_000 }, async () => {
    const today = shanghaiDate();

    // 栗雨街道 opens its reports of today: 中路社区's own report is not in yet.
    const { page: street } = await browser.open(DESKTOP);
    await signIn(street, 'zz.street');
    await street.click('[data-testid="nav-reports"]');
    await levelOf(street, STREET);
    expect(await street.locator('[data-testid="level-page"]').getAttribute('data-day')).toBe(today);
    await street.locator('[data-testid="office-live"][data-status="live"]').waitFor({ timeout: 30_000 });
    // One row speaks for the community: its own report once submitted, else its work team's, else the draft or nothing.
    const before = street.locator(`[data-testid="community-row"][data-name="${COMMUNITY}"]`);
    const wasIn = (await before.getAttribute('data-state')) === 'submitted';
    if (!wasIn) expect(['missing', 'draft']).toContain(await before.getAttribute('data-state'));
    const inBefore = await card(street, 'reportsIn');
    expect(await street.locator('[data-testid="office-rule"]').innerText()).toContain('2');
    await topShot(street, 'console-report-office-missing');

    // 中路社区's secretary submits today's report with two issues, on the community's page, in another browser.
    const { page: admin } = await browser.open(DESKTOP);
    await signIn(admin, 'zl.admin');
    const write = new ConsoleReportWritePage(admin);
    await write.open('/reports/write');
    expect(await write.view().getAttribute('data-day')).toBe(today);
    await write.writeNarrative(NARRATIVE);
    await write.writeIssue(0, SUPPLIES, { kind: '问题', topic: '防护物资' });
    await write.writeIssue(1, STAFF, { kind: '建议', topic: '人手' });
    await write.writeIssue(2, NIGHT, { kind: '问题', topic: '人手' });
    await write.submit();
    await admin.locator('[data-testid="report-frozen"]').waitFor();
    expect(await write.state()).toBe('submitted');

    // The street's page shows it arrive, without a reload.
    await street.locator(`[data-testid="community-row"][data-name="${COMMUNITY}"][data-team=""][data-state="submitted"]`).waitFor({ timeout: 20_000 });
    await street.waitForFunction((n) => Number(document.querySelector('[data-testid="level-card-reportsIn"]')?.getAttribute('data-value')) === n, wasIn ? inBefore : inBefore + 1);
    expect(await ownRow(street).locator('[data-testid="community-issues"]').innerText()).toContain('3');
    await topShot(street, 'console-report-office-arrived');

    // The report read in the drawer: figures, narrative, both issues, each answerable by the street.
    await ownRow(street).locator('[data-testid="community-open"]').click();
    const drawer = street.locator('[data-testid="report-drawer"][data-state="submitted"]');
    await drawer.waitFor();
    expect(await drawer.locator('[data-testid="report-narrative"]').innerText()).toBe(NARRATIVE);
    await drawer.locator(`[data-testid="report-issue"][data-text="${SUPPLIES}"] [data-testid="report-issue-answer"]`).waitFor();
    await drawer.locator(`[data-testid="report-issue"][data-text="${STAFF}"]`).waitFor();
    await drawerShot(street, 'console-report-office-drawer');
    await street.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The inbox: the open issues, the supplies one answered as done with its measure.
    await street.click('[data-testid="office-tab-issues"]');
    await issueRow(street, SUPPLIES).waitFor();
    await issueRow(street, STAFF).waitFor();
    await issueRow(street, SUPPLIES).locator('[data-testid="issue-answer-open"]').click();
    await street.locator('[data-testid="answer-dialog"]').waitFor();
    // No measure: the form says so before anything is sent.
    await street.click('[data-testid="answer-status-done"]');
    await street.click('[data-testid="answer-ok"]');
    await street.locator('.ant-form-item-explain-error', { hasText: '请填写解决措施' }).waitFor();
    await street.fill('[data-testid="answer-measure"]', MEASURE);
    await topShot(street, 'console-report-office-answer');
    await street.click('[data-testid="answer-ok"]');
    await street.locator('[data-testid="answer-dialog"]').waitFor({ state: 'detached' });
    // Answered, it leaves the open tab; the answered tab shows it done, with the measure in its history.
    await issueRow(street, SUPPLIES).waitFor({ state: 'detached' });
    await street.click('[data-testid="issues-tab-answered"]');
    const answered = issueRow(street, SUPPLIES);
    await answered.waitFor();
    expect(await answered.getAttribute('data-status')).toBe('done');
    await answered.locator('.ant-table-row-expand-icon').click();
    expect(await street.locator('[data-testid="issue-answer-measure"]').first().innerText()).toContain(MEASURE);
    await topShot(street, 'console-report-office-answered');

    // The two staffing issues are grouped under one title and answered once.
    await street.click('[data-testid="issues-tab-open"]');
    await issueRow(street, STAFF).locator('.ant-checkbox-input').check();
    await issueRow(street, NIGHT).locator('.ant-checkbox-input').check();
    await street.click('[data-testid="issues-group"]');
    await street.locator('[data-testid="group-dialog"]').waitFor();
    expect(await street.locator('[data-testid="group-issues"] li').count()).toBe(2);
    await street.fill('[data-testid="group-title"]', GROUP);
    await street.click('[data-testid="answer-status-in_progress"]');
    await street.fill('[data-testid="answer-measure"]', GROUP_MEASURE);
    await topShot(street, 'console-report-office-group');
    await street.click('[data-testid="group-ok"]');
    await street.locator('[data-testid="group-dialog"]').waitFor({ state: 'detached' });
    await street.click('[data-testid="issues-tab-all"]');
    for (const text of [STAFF, NIGHT]) {
      await street.locator(`[data-testid="issue-row"][data-text="${text}"][data-status="in_progress"] [data-testid="issue-group"]`).waitFor();
      expect(await issueRow(street, text).locator('[data-testid="issue-group"]').innerText()).toContain(GROUP);
    }
    await topShot(street, 'console-report-office-grouped');

    // The community's page shows the answers (live; a reload only if the stream were slow).
    const answer = write.sentIssue(SUPPLIES).locator('[data-testid="report-answer-text"]');
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.innerText()).toBe(MEASURE);
    expect(await write.sentIssue(SUPPLIES).getAttribute('data-status')).toBe('done');
    const grouped = write.sentIssue(NIGHT).locator('[data-testid="report-answer-text"]');
    await grouped.waitFor({ timeout: 20_000 });
    expect(await grouped.innerText()).toBe(GROUP_MEASURE);
    await topShot(admin, 'console-report-office-community-sees-answer');

    // The street's totals print on A4 landscape, and export.
    await street.click('[data-testid="office-tab-level"]');
    await levelOf(street, STREET);
    await street.click('[data-testid="level-print"]');
    const sheet = street.locator('[data-testid="level-sheet"]');
    await sheet.waitFor();
    expect(await street.locator('[data-testid="level-sheet-title"]').innerText()).toBe(`${STREET} 日报汇总 ${today}`);
    expect(await street.locator(`[data-testid="print-community"][data-name="${COMMUNITY}"][data-state="submitted"]`).count()).toBeGreaterThan(0);
    await street.locator('[data-testid="print-total"]').waitFor();
    await topShot(street, 'console-report-office-print');
    await street.goBack();
    await levelOf(street, STREET);
    const [download] = await Promise.all([street.waitForEvent('download'), street.click('[data-testid="level-export"]')]);
    const dir = mkdtempSync(join(tmpdir(), 'linli-level-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const texts: string[] = [];
      for (const ws of workbook.worksheets) ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
      expect(texts.some((t) => t.includes(STREET))).toBe(true);
      expect(texts.some((t) => t.includes(COMMUNITY))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // 天元区 sees the same report by drilling down through 栗雨街道, but the issue is not its to answer.
    const { page: district } = await browser.open(DESKTOP);
    await signIn(district, 'zz.district');
    await district.goto('/reports');
    await levelOf(district, DISTRICT);
    await district.locator(`[data-testid="level-child"][data-name="${STREET}"] [data-testid="level-child-open"]`).click();
    await levelOf(district, STREET);
    await ownRow(district).locator('[data-testid="community-open"]').click();
    const seen = district.locator('[data-testid="report-drawer"][data-state="submitted"]');
    await seen.waitFor();
    await seen.locator(`[data-testid="report-issue"][data-text="${NIGHT}"]`).waitFor();
    expect(await seen.locator('[data-testid="report-issue-answer"]').count(), 'no answer button for the district').toBe(0);
    await drawerShot(district, 'console-report-office-district-drawer');
    await district.keyboard.press('Escape');
    await seen.waitFor({ state: 'hidden' });
    // Back up by the breadcrumb.
    await district.locator(`[data-testid="level-crumb"][data-name="${DISTRICT}"]`).click();
    await levelOf(district, DISTRICT);
    await district.click('[data-testid="office-tab-issues"]');
    await district.click('[data-testid="issues-tab-all"]');
    const seenIssue = issueRow(district, SUPPLIES);
    await seenIssue.waitFor();
    expect(await seenIssue.locator('[data-testid="issue-answer-open"]').count()).toBe(0);
    expect(await seenIssue.locator('.ant-checkbox-input').isDisabled()).toBe(true);
    // Forced through the API, the answer is refused.
    const id = (await seenIssue.getAttribute('data-id'))!;
    const forced = await district.request.post(`/api/issues/${id}/answers`, { data: { status: 'done', measure: MEASURE } });
    expect(forced.status(), await forced.text()).toBe(403);
    expect(((await forced.json()) as { code: string }).code).toBe('ISSUE_NOT_ADDRESSED');

    // The district's level in English, then back to Chinese (the language is kept in the user's settings).
    const console_ = new ConsolePage(district);
    await console_.switchLanguage('English');
    await district.goto('/reports');
    await levelOf(district, DISTRICT);
    await district.getByText('Reports and totals').first().waitFor();
    await topShot(district, 'console-report-office-en');
    await console_.switchLanguage('中文');
  });
});
