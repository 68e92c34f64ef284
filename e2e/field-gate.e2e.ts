import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import type { Alert, FieldGate, PassageRow, PassCard, PassSummary } from '../src/contract/gates.ts';
import { maskIdNumber } from '../src/domain/access/mask.ts';
import { checkCharacter } from '../src/domain/residents/citizen-id.ts';
import { FieldPage } from './pages/field.page.ts';
import { FieldGatePage } from './pages/field-gate.page.ts';
import { chromiumAvailable, PHONE, screenshot, useBrowser } from './support/browser.ts';
import { launchWithFakeCamera, writeQrVideo } from './support/fake-camera.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { apiAs } from './support/api.ts';

const MAIN_GATE = '船厂路正门';
const zh = (ns: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../src/i18n/locales/zh-CN/${ns}.json`), 'utf8')) as Record<string, Record<string, string>>;
const REASONS = zh('gates').reasons!;

const json = async <T>(api: APIRequestContext, path: string): Promise<T> => {
  const res = await api.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};

/** 船厂社区 as its secretary sees it: the community, its main gate, and a pass card (with its signed token) of the given status. */
async function chuanchang(admin: APIRequestContext) {
  const kit = await json<FieldGate>(admin, '/api/field/gate');
  const community = kit.communities[0]!;
  const mainGate = kit.entrances.find((e) => e.name === MAIN_GATE)!;
  const passes = await json<PassSummary[]>(admin, `/api/gates/passes?communityId=${community.id}`);
  const card = async (status: PassSummary['status'], nth = 0) => {
    const pass = passes.filter((p) => p.status === status)[nth]!;
    const [found] = await json<PassCard[]>(admin, `/api/gates/passes/cards?communityId=${community.id}&ids=${pass.id}`);
    return found!;
  };
  const registerSince = async (since: number) =>
    (await json<PassageRow[]>(admin, `/api/gates/register?communityId=${community.id}&entranceId=${mainGate.id}`)).filter((r) => Date.parse(r.at) >= since);
  return { community, mainGate, card, registerSince };
}

/** A valid ID number no demo visitor holds (a Beijing one; the demo's visitors are from Hubei). */
const visitorId = (seq: number) => {
  const first17 = `11010119880512${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};

describe.runIf(chromiumAvailable())('gates on a phone: passes, visitors offline, fevers, patrols', () => {
  const browser = useBrowser();
  const work = mkdtempSync(join(tmpdir(), 'linli-gate-e2e-'));
  let cameraBrowser: Browser | undefined;
  afterAll(async () => {
    await cameraBrowser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('reads a pass made by the server through the camera: green at once, registered once while held in view', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const cc = await chuanchang(admin);
    const card = await cc.card('active', 7);
    const video = join(work, 'pass.y4m');
    writeQrVideo(card.token, video);
    cameraBrowser = await launchWithFakeCamera(video);
    const context = await cameraBrowser.newContext({ ...PHONE, baseURL: browser.baseUrl() });
    const page = await context.newPage();
    const since = Date.now();

    await new FieldPage(page).signIn('cc.gate', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="greeting"]');
    const gate = new FieldGatePage(page);
    await gate.openDesk(MAIN_GATE);
    const verdict = await gate.verdict();
    expect(verdict).toMatchObject({ tone: 'allowed', allowed: 'true' });
    // The masked name and the address the pass carries, to compare with the person.
    expect(verdict.text).toContain(card.address);
    expect(verdict.text).toContain(card.holderName.slice(0, 1));
    await screenshot(page, 'field-gate-camera-green');

    // Sent by itself; then the same code stays in front of the camera (the video loops) well past the repeat window.
    const scans = async () => (await cc.registerSince(since)).filter((r) => r.kind === 'pass');
    await expect.poll(async () => (await scans()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(4000);
    await gate.waitForWaiting(0);
    const rows = await scans();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ allowed: true, direction: 'in', deviceDisagreed: false, entranceName: MAIN_GATE });
    await context.close();
    await admin.dispose();
  });

  it('turns a revoked pass back in red with the reason, read from a photo of the server’s QR code', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const cc = await chuanchang(admin);
    const revoked = await cc.card('revoked');
    const photo = join(work, 'revoked.png');
    await QRCode.toFile(photo, revoked.token, { type: 'png', scale: 8, margin: 4 });
    const since = Date.now();

    const { page } = await browser.open(PHONE);
    await new FieldPage(page).signIn('cc.gate', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="greeting"]');
    const gate = new FieldGatePage(page);
    await gate.openDesk(MAIN_GATE);
    await gate.scanPhoto(photo);
    const verdict = await gate.verdict();
    expect(verdict).toMatchObject({ tone: 'refused', allowed: 'false', reason: 'revoked', title: REASONS.revoked });
    await screenshot(page, 'field-gate-photo-revoked');

    const scans = async () => (await cc.registerSince(since)).filter((r) => r.kind === 'pass');
    await expect.poll(async () => (await scans()).length, { timeout: 20_000 }).toBe(1);
    expect((await scans())[0]).toMatchObject({ allowed: false, reason: 'revoked', deviceDisagreed: false });
    await admin.dispose();
  });

  it('keeps a visitor registered offline, through a reload, and the register gets it exactly once', { timeout: 120_000 }, async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const cc = await chuanchang(admin);
    const visitor = { name: '林晓东', idNumber: visitorId(135), phone: '13900001234', fromPlace: '武汉市江汉区', purpose: '送生活物资', visiting: '5栋2单元', temperature: '36.6', healthCode: '绿码' };

    const { context, page } = await browser.open(PHONE);
    await new FieldPage(page).signIn('cc.gate', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="greeting"]');
    // The shell must open with no network before the volunteer loses it.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const gate = new FieldGatePage(page);
    await gate.openDesk(MAIN_GATE);

    await context.setOffline(true);
    await page.waitForSelector('[data-testid="offline-banner"]');
    await gate.openVisitorForm();
    await gate.fillVisitor(visitor);
    await page.waitForSelector('[data-testid="visitor-id-ok"]');
    await screenshot(page, 'field-gate-visitor-form');
    await gate.saveVisitor();
    const verdict = await gate.verdict();
    expect(verdict).toMatchObject({ tone: 'allowed', fever: 'false' });
    expect(verdict.text).toContain(visitor.name);
    expect(await gate.waiting()).toBe(1);
    await screenshot(page, 'field-gate-visitor-waiting');

    // The phone restarts, still offline: the registration is still there.
    await page.reload();
    await page.waitForSelector('[data-testid="offline-banner"]');
    await page.waitForSelector('[data-testid="gate-desk"]');
    await gate.waitForWaiting(1);
    await gate.openOutbox();
    expect(await gate.outboxItems().count()).toBe(1);
    expect(await gate.outboxItems().first().getAttribute('data-status')).toBe('waiting');
    await screenshot(page, 'field-gate-outbox-offline');

    // Back online, the first upload reaches the server but its answer is lost: sent again, stored once.
    const answers: string[][] = [];
    let posts = 0;
    await context.route('**/api/gates/passages', async (route) => {
      posts += 1;
      const response = await route.fetch();
      if (posts === 1) return route.abort('failed');
      answers.push(((await response.json()) as { result: string }[]).map((a) => a.result));
      return route.fulfill({ response });
    });
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('[data-testid="gate-sync-error"]') !== null || document.querySelector('[data-testid="gate-outbox-item"]') === null, null, { timeout: 20_000 });
    // The app retries by itself too: the button may be busy or gone by the time it is clicked, which is as good.
    if (await gate.outboxItems().count()) await page.click('[data-testid="gate-sync-now"]', { timeout: 5_000 }).catch(() => undefined);
    await gate.outboxItems().first().waitFor({ state: 'detached', timeout: 45_000 });
    await context.unroute('**/api/gates/passages');
    expect(posts).toBeGreaterThanOrEqual(2);
    expect(answers.flat()).toContain('already_stored');
    await screenshot(page, 'field-gate-outbox-synced');

    const rows = (await cc.registerSince(0)).filter((r) => r.name === visitor.name);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'visitor', direction: 'in', fromPlace: visitor.fromPlace, purpose: visitor.purpose, visiting: visitor.visiting, temperature: 36.6, healthCode: 'green', fever: false });
    expect(rows[0]!.idMasked).toBe(maskIdNumber(visitor.idNumber));

    // A second visit: typing the ID number offers to fill in the rest.
    await page.goto('/m/gate');
    await gate.openVisitorForm();
    await page.locator('[data-testid="visitor-id"] input').fill(visitor.idNumber);
    await page.locator('[data-testid="visitor-known"]').waitFor();
    await page.click('[data-testid="visitor-fill"]');
    expect(await page.locator('[data-testid="visitor-name"] input').inputValue()).toBe(visitor.name);
    expect(await page.locator('[data-testid="visitor-from"] input').inputValue()).toBe(visitor.fromPlace);
    await admin.dispose();
  });

  it('refuses a 45 °C reading as a misreading, shows 37.8 °C as a fever in red, and alerts the lead on his phone', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const cc = await chuanchang(admin);
    const visitor = { name: '欧阳明远', phone: '13900005678', fromPlace: '孝感市', purpose: '探望老人', temperature: '45', healthCode: '绿码' };

    // The lead's phone, at the main gate: the demo's open alert is there already.
    const lead = await browser.open(PHONE);
    await new FieldPage(lead.page).signIn('cc.admin', E2E_PASSWORD);
    await lead.page.waitForSelector('[data-testid="greeting"]');
    const leadGate = new FieldGatePage(lead.page);
    await leadGate.openDesk(MAIN_GATE);
    await lead.page.waitForSelector('[data-testid="alerts"]');
    await lead.page.waitForSelector('[data-testid="live-card"][data-live="true"]');

    const { page } = await browser.open(PHONE);
    await new FieldPage(page).signIn('cc.gate', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="greeting"]');
    const gate = new FieldGatePage(page);
    await gate.openDesk(MAIN_GATE);
    await gate.openVisitorForm();
    await gate.fillVisitor(visitor);
    await page.waitForSelector('[data-testid="visitor-measure-again"][data-problem="misread"]');
    await gate.trySaveVisitor();
    await screenshot(page, 'field-gate-measure-again');
    expect(await page.textContent('[data-testid="visitor-measure-again"]')).toBe(zh('gate-field').reading!.measureAgain);

    await gate.setVisitorTemperature('37.8');
    await page.waitForSelector('[data-testid="visitor-fever"]');
    const red = await page.locator('[data-testid="visitor-fever"]').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(red).toBe('rgb(211, 32, 41)');
    await screenshot(page, 'field-gate-fever-form');
    await gate.saveVisitor();
    const verdict = await gate.verdict();
    expect(verdict).toMatchObject({ tone: 'refused', fever: 'true' });
    expect(verdict.title).toContain('37.8');
    await screenshot(page, 'field-gate-fever-verdict');
    await gate.waitForWaiting(0);

    // The lead sees it come in, live, and the API lists it open.
    await leadGate.alert(visitor.name).waitFor();
    await screenshot(lead.page, 'field-gate-lead-alert');
    const open = await json<Alert[]>(admin, `/api/gates/alerts?communityId=${cc.community.id}&open=true`);
    expect(open.filter((a) => a.name === visitor.name)).toMatchObject([{ temperature: 37.8, place: MAIN_GATE, handledAt: null }]);

    await leadGate.handleAlert(visitor.name, '已送发热门诊');
    const after = await json<Alert[]>(admin, `/api/gates/alerts?communityId=${cc.community.id}`);
    expect(after.filter((a) => a.name === visitor.name)).toMatchObject([{ note: '已送发热门诊' }]);
    expect(after.find((a) => a.name === visitor.name)!.handledAt).not.toBeNull();
    await admin.dispose();
  });

  it('records a patrol round with readings, reminders and an incident', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const cc = await chuanchang(admin);
    const incident = '江滩步道三人聚集打牌，已劝散';

    const { page } = await browser.open(PHONE);
    await new FieldPage(page).signIn('cc.team', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="greeting"]');
    const gate = new FieldGatePage(page);
    await gate.openPatrol();
    await gate.startRound('C区');
    await gate.addReading('36.5', '绿码');
    await gate.addReading('37.6', '黄码');
    expect(await page.locator('[data-testid="patrol-reading"][data-fever="true"]').count()).toBe(1);
    await gate.count('patrol-counted', 3);
    await gate.count('patrol-masks', 2);
    await gate.count('patrol-gatherings', 1);
    await page.locator('[data-testid="patrol-incidents"] textarea:not([aria-hidden])').fill(incident);
    await screenshot(page, 'field-gate-patrol-round');

    // The round in progress survives a reload.
    await page.reload();
    await page.waitForSelector('[data-testid="patrol-round"]');
    expect(await page.locator('[data-testid="patrol-reading"]').count()).toBe(2);
    await gate.finishRound();
    await page.waitForSelector('[data-testid="patrol-outbox-entry"][data-waiting="0"]');
    await screenshot(page, 'field-gate-patrol-done');

    const coverage = await json<{ rounds: { incidents: string | null; checked: number; fevers: number; zoneName: string; remindersMasks: number; remindersGatherings: number }[] }>(
      admin,
      `/api/gates/patrol-coverage?communityId=${cc.community.id}`,
    );
    expect(coverage.rounds.filter((r) => r.incidents === incident)).toMatchObject([{ zoneName: 'C区', checked: 5, fevers: 1, remindersMasks: 2, remindersGatherings: 1 }]);
    await admin.dispose();
  });
});
