import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../src/domain/local-date.ts';
import { ConsolePage } from './pages/console.page.ts';
import { ConsoleGatesPage } from './pages/console-gates.page.ts';
import { signInAt } from './pages/sign-in.ts';
import { chromiumAvailable, DESKTOP, screenshot, SHOTS, topShot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { ownServer } from './support/own-server.ts';
import { apiAs } from './support/api.ts';

const MAIN_GATE = '船厂路正门';

interface EntranceOut { id: string; name: string; communityId: string; state: string }
interface PassOut { id: string; status: string; holderId: string }
interface CardOut { id: string; token: string }

/** 船厂社区's entrances, as the volunteer's phone gets them (with the community's id). */
async function chuanchang(api: APIRequestContext): Promise<{ communityId: string; gate: EntranceOut }> {
  const kit = (await (await api.get('/api/field/gate')).json()) as { entrances: EntranceOut[] };
  const gate = kit.entrances.find((e) => e.name === MAIN_GATE)!;
  return { communityId: gate.communityId, gate };
}

/** A visitor registered at the main gate as a phone sends it; answers the item's result. */
async function registerVisitor(api: APIRequestContext, entranceId: string, name: string, temperature: number) {
  const res = await api.post('/api/gates/passages', {
    data: {
      items: [{
        id: randomUUID(), entranceId, at: new Date().toISOString(), direction: 'in', kind: 'visitor', temperature, healthCode: 'green',
        visitor: { name, phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, fromPlace: '武汉市洪山区', purpose: '送药', visiting: '5栋' },
      }],
    },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { result: string; alert?: boolean }[])[0]!;
}

/** What is on screen, at the window's size: a dialog or drawer as the user sees it. */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** A name nobody else has, so the test finds its own registration among the demo's. */
const visitorName = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-4)}`;

describe.runIf(chromiumAvailable())('entrances and checkpoints at a desk', () => {
  const browser = useBrowser();

  it('the secretary watches the gates live: a fever registered at a gate pops up without a reload, and is handled', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const gates = new ConsoleGatesPage(page);
    await console_.signIn('cc.admin', E2E_PASSWORD);
    await console_.seeScope('船厂社区');
    await gates.openFromMenu();

    // The demo: 23 entrances, 9 checkpoints and 14 sealed, and this morning's fever at the main gate.
    expect(await gates.liveEntrances().count()).toBe(23);
    expect(await page.locator('[data-testid="live-entrance"][data-state="checkpoint"]').count()).toBe(9);
    expect(await page.locator('[data-testid="live-entrance"][data-state="sealed"]').count()).toBe(14);
    expect(await gates.total('checkpoints')).toBe(9);
    expect(await gates.total('sealed')).toBe(14);
    const demoAlert = gates.alertRow('陈志刚');
    expect(await demoAlert.innerText()).toContain(MAIN_GATE);
    expect(await demoAlert.locator('[data-testid="alert-temperature"]').innerText()).toBe('37.8 °C');
    expect(await gates.tabs()).toEqual(['live', 'entrances', 'passes', 'register', 'patrols']);
    await topShot(page, 'console-gates-live');

    const before = {
      in: await gates.total('in'), visitors: await gates.total('visitors'), inside: await gates.total('visitorsInside'),
      fevers: await gates.total('fevers'), alerts: await gates.total('openAlerts'),
      gateRefused: await gates.entranceFigure(MAIN_GATE, 'refused'), gateFevers: await gates.entranceFigure(MAIN_GATE, 'fevers'),
      refused: await gates.total('refused'),
    };

    // A volunteer's phone registers a visitor at 37.9 °C.
    await gates.markDocument();
    const volunteer = await apiAs(browser.baseUrl(), 'cc.gate');
    const { gate } = await chuanchang(volunteer);
    const name = visitorName('测温');
    expect(await registerVisitor(volunteer, gate.id, name, 37.9)).toMatchObject({ result: 'stored', alert: true });

    // It pops up in red, and the figures move: no reload.
    const pop = gates.alertPop(name);
    await pop.waitFor();
    expect(await pop.innerText()).toContain('37.9 °C');
    expect(await pop.innerText()).toContain(MAIN_GATE);
    await gates.alertRow(name).waitFor();
    await gates.waitForTotal('fevers', before.fevers + 1);
    await gates.waitForTotal('openAlerts', before.alerts + 1);
    // A fever is turned back: counted as refused, not as in, and not inside.
    expect(await gates.total('refused')).toBe(before.refused + 1);
    expect(await gates.total('in')).toBe(before.in);
    expect(await gates.total('visitors')).toBe(before.visitors);
    expect(await gates.total('visitorsInside')).toBe(before.inside);
    expect(await gates.entranceFigure(MAIN_GATE, 'refused')).toBe(before.gateRefused + 1);
    expect(await gates.entranceFigure(MAIN_GATE, 'fevers')).toBe(before.gateFevers + 1);
    expect(await gates.sameDocument()).toBe(true);
    await topShot(page, 'console-gates-live-alert');

    // Handled with a note: it leaves the list, and the open alerts go back down.
    await gates.handleAlert(name, '已联系社区医生，送发热门诊', async () => {
      await gates.settle();
      await viewShot(page, 'console-gates-alert-handle');
    });
    await gates.waitForTotal('openAlerts', before.alerts);
    expect(await gates.total('fevers')).toBe(before.fevers + 1);
    const open = (await (await (await apiAs(browser.baseUrl(), 'cc.admin')).get(`/api/gates/alerts?communityId=${gate.communityId}&open=true`)).json()) as { name: string }[];
    expect(open.map((a) => a.name)).not.toContain(name);
    expect(await gates.sameDocument()).toBe(true);
    await topShot(page, 'console-gates-live-handled');
  });

  it('the live view reconnects by itself after the server restarts, and catches up', { timeout: 150_000 }, async () => {
    const server = await ownServer();
    try {
      const { page } = await browser.open(DESKTOP);
      const gates = new ConsoleGatesPage(page);
      await signInAt(page, `${server.baseUrl}/login`, 'cc.admin', E2E_PASSWORD);
      await page.locator('[data-testid="my-scope"]').waitFor();
      await page.goto(`${server.baseUrl}/gates`);
      await gates.waitLive();
      await gates.markDocument();
      const before = { in: await gates.total('in'), refused: await gates.total('refused'), fevers: await gates.total('fevers') };

      // The server goes away: the page says so and keeps the last figures on screen.
      await server.kill();
      await gates.waitForLink('reconnecting');
      await page.locator('[data-testid="live-reconnecting"]').waitFor();
      expect(await gates.liveEntrances().count()).toBe(23);
      expect(await gates.total('in')).toBe(before.in);
      await topShot(page, 'console-gates-reconnecting');

      // Back on the same port; a fever is registered there (nothing was sent while it was down).
      await server.start();
      const volunteer = await apiAs(server.baseUrl, 'cc.gate');
      const { gate } = await chuanchang(volunteer);
      const name = visitorName('重连');
      expect(await registerVisitor(volunteer, gate.id, name, 38.1)).toMatchObject({ result: 'stored', alert: true });

      // The page reconnects with no reload and shows it.
      await gates.waitForLink('live');
      await gates.alertRow(name).waitFor({ timeout: 30_000 });
      await gates.waitForTotal('fevers', before.fevers + 1);
      expect(await gates.total('refused')).toBe(before.refused + 1);
      expect(await gates.total('in')).toBe(before.in);
      expect(await page.locator('[data-testid="live-reconnecting"]').count()).toBe(0);
      expect(await gates.sameDocument()).toBe(true);
      await topShot(page, 'console-gates-reconnected');
    } finally {
      await server.dispose();
    }
  });

  it('the secretary plans "seal from 07:00 tomorrow" for two checkpoints, then calls one off', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const gates = new ConsoleGatesPage(page);
    await console_.signIn('cc.admin', E2E_PASSWORD);
    await console_.seeScope('船厂社区');
    await gates.openFromMenu();
    await gates.openTab('entrances');
    await gates.entranceRow('学校路口').waitFor();
    expect(await page.locator('[data-testid="entrance-row"]').count()).toBe(23);
    // The demo's own plan: the market crossing closes tomorrow morning.
    expect(await gates.plannedChanges('菜场路口').innerText()).toContain('明天 07:00 起');
    await topShot(page, 'console-gates-entrances');

    const two = ['学校路口', '医院路口'];
    const plannedBefore = await Promise.all(two.map((n) => gates.plannedChanges(n).count()));
    await gates.selectEntrances(two);
    await gates.planFromTomorrowMorning('sealed', '夜间无人值守，明早起封闭', async () => {
      await gates.settle();
      await viewShot(page, 'console-gates-plan-form');
    });
    for (const [i, n] of two.entries()) {
      const planned = gates.plannedChanges(n).filter({ hasText: '明天 07:00 起' }).filter({ has: page.locator('[data-state="sealed"]') });
      await planned.first().waitFor();
      expect(await gates.plannedChanges(n).count()).toBe(plannedBefore[i]! + 1);
      // Still a checkpoint until then.
      expect(await gates.entranceRow(n).getAttribute('data-state')).toBe('checkpoint');
    }
    await topShot(page, 'console-gates-planned');

    await gates.callOffPlanned('学校路口', '明天 07:00 起');
    expect(await gates.plannedChanges('学校路口').count()).toBe(plannedBefore[0]);
    expect(await gates.plannedChanges('医院路口').count()).toBe(plannedBefore[1]! + 1);

    // The history keeps the called-off decision, with who decided and who called it off.
    const history = await gates.openHistory('学校路口');
    const cancelled = history.filter({ has: page.locator('[data-testid="history-cancelled"]') });
    await cancelled.first().waitFor();
    const text = await cancelled.first().innerText();
    expect(text).toContain('夜间无人值守，明早起封闭');
    expect(text).toContain('船厂社区书记');
    await viewShot(page, 'console-gates-history');
  });

  it('the secretary issues passes to a grid and prints its cards, eight to an A4 sheet, with QR codes that scan', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const { communityId } = await chuanchang(await apiAs(browser.baseUrl(), 'cc.gate'));
    const grids = (await (await admin.get(`/api/org-units?parentId=${communityId}`)).json()) as { id: string; name: string }[];
    const gridA = grids.find((g) => g.name === 'A区')!;
    const passesOfA = async () => (await (await admin.get(`/api/gates/passes?communityId=${communityId}&groupId=${gridA.id}`)).json()) as PassOut[];
    const before = await passesOfA();

    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const gates = new ConsoleGatesPage(page);
    await console_.signIn('cc.admin', E2E_PASSWORD);
    await console_.seeScope('船厂社区');
    await gates.openFromMenu();
    await gates.openTab('passes');
    await gates.waitForPasses();
    await topShot(page, 'console-gates-passes');

    // Households of A区 whose pass was revoked get a new one; the others already hold one.
    const result = await gates.issueToGroups(['A区'], async () => {
      await gates.settle();
      await viewShot(page, 'console-gates-issue-form');
    });
    const after = await passesOfA();
    const issued = after.length - before.length;
    expect(issued).toBeGreaterThan(0);
    expect(result.title).toBe(`已发放 ${issued} 张出入证`);
    const held = new Set(before.filter((p) => p.status !== 'revoked').map((p) => p.holderId)).size;
    expect(result.subtitle).toBe(`${held} 个已持有有效出入证，未重复发放`);
    await gates.settle();
    await viewShot(page, 'console-gates-issued');
    await gates.closeIssueResult();

    // The print view of A区's active passes.
    await gates.filterPassesByGroup('A区');
    await gates.openPassPrint();
    const active = after.filter((p) => p.status === 'active').length;
    const sheets = await gates.sheetCounts();
    expect(sheets.length).toBe(Math.ceil(active / 8));
    expect(sheets.slice(0, -1).every((n) => n === 8)).toBe(true);
    expect(sheets.reduce((a, b) => a + b, 0)).toBe(active);
    expect(await gates.brokenQrImages()).toBe(0);
    // A sheet is A4 (210 mm wide, 96 px to the inch), and the page is set to A4 for the printer.
    const width = await page.locator('[data-testid="pass-sheet"]').first().evaluate((s) => s.getBoundingClientRect().width);
    expect(Math.abs(width - (210 / 25.4) * 96)).toBeLessThan(2);
    const pageSize = await page.evaluate(() =>
      Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules)).find((r): r is CSSPageRule => r instanceof CSSPageRule)?.style.getPropertyValue('size'));
    expect(pageSize?.toUpperCase()).toBe('A4');

    // Each QR code carries the pass's signed token, as the server issued it.
    const firstId = await page.locator('[data-testid="pass-card"]').first().getAttribute('data-pass-id');
    const cards = (await (await admin.get(`/api/gates/passes/cards?communityId=${communityId}&ids=${firstId}`)).json()) as CardOut[];
    const scanned = await gates.readQr(0);
    expect(scanned).toMatch(/^LP1\./);
    expect(scanned).toBe(cards[0]!.token);
    await page.evaluate(() => window.scrollTo(0, 0));
    await viewShot(page, 'console-gates-pass-print');

    // On paper: no toolbar, only the sheets.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="print-toolbar"]').isVisible()).toBe(false);
    await viewShot(page, 'console-gates-pass-print-paper');
    await page.emulateMedia({ media: 'screen' });
  });

  it('the secretary exports the main gate’s register of the day to .xlsx and opens its print view', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const gates = new ConsoleGatesPage(page);
    await console_.signIn('cc.admin', E2E_PASSWORD);
    await console_.seeScope('船厂社区');
    await gates.openFromMenu();
    await gates.openTab('register');
    await page.locator('[data-testid="register-row"]').first().waitFor();
    await gates.chooseRegisterEntrance(MAIN_GATE);
    // The demo's fever, in red, in the register.
    const feverRow = page.locator('[data-testid="register-row"]', { hasText: '陈志刚' }).filter({ has: page.locator('[data-testid="register-fever"]') });
    expect(await feverRow.locator('[data-testid="register-fever"]').innerText()).toContain('37.8 °C');
    await topShot(page, 'console-gates-register');

    const download = await gates.exportRegister();
    const dir = mkdtempSync(join(tmpdir(), 'linli-register-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe(`船厂社区-${MAIN_GATE}-${shanghaiDate()}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheet = wb.worksheets[0]!;
      expect(sheet.name).toBe(MAIN_GATE);
      expect(sheet.getCell('A1').text).toBe(`船厂社区 ${MAIN_GATE} 出入登记簿（${shanghaiDate()}）`);
      const header = (sheet.getRow(3).values as unknown[]).slice(1);
      expect(header.slice(0, 4)).toEqual(['时间', '进/出', '类别', '姓名']);
      const rows: string[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 3) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
      });
      const fever = rows.find((r) => r[3] === '陈志刚' && r[10] === '37.8');
      expect(fever, 'the demo fever in the workbook').toBeDefined();
      expect(fever!.slice(1, 3)).toEqual(['进', '访客']);
      expect(fever![12]).toBe('劝返: 发热，不予通行，已通知负责人');
      // The page shows 50 rows at a time: the workbook holds them all, as many as the total the page states.
      const total = Number(((await page.locator('.ant-pagination-total-text').textContent()) ?? '').replace(/\D/g, ''));
      expect(rows.length).toBe(total);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await page.click('[data-testid="register-print"]');
    const sheet = page.locator('[data-testid="register-sheet"]');
    await sheet.first().waitFor();
    expect(await sheet.count()).toBe(1);
    expect(await sheet.locator('h2').innerText()).toBe(`船厂社区 ${MAIN_GATE} 出入登记簿（${shanghaiDate()}）`);
    expect(await sheet.locator('[data-testid="register-print-row"]', { hasText: '陈志刚' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'console-gates-register-print');
  });

  it('the street office sees the counts of its community, with no alerts, passes or register', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const gates = new ConsoleGatesPage(page);
    await console_.signIn('wh.street', E2E_PASSWORD);
    await console_.seeScope('青山镇街道');
    await gates.openFromMenu();
    expect(await page.locator('[data-testid="live-title"]').innerText()).toContain('船厂社区');
    expect(await gates.total('checkpoints')).toBe(9);
    expect(await gates.total('openAlerts')).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="live-alerts"]').count()).toBe(0);
    expect(await gates.tabs()).toEqual(['live', 'entrances', 'patrols']);
    await topShot(page, 'console-gates-street');
    await page.goto('/gates/register');
    await page.getByText('无权访问').waitFor();
  });
});
