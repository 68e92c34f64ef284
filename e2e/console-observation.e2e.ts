import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../src/domain/local-date.ts';
import { addDays } from '../src/domain/observation/schedule.ts';
import { makeId } from '../test/citizen-ids.ts';
import { ConsolePage } from './pages/console.page.ts';
import { ConsoleObservationPage } from './pages/console-observation.page.ts';
import { chromiumAvailable, DESKTOP, SHOTS, topShot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { apiAs } from './support/api.ts';

/** The team member responsible for the park workers' checks in the demo. */
const TEAM_MEMBER = '市残联驻社区工作队队员';

/** 中路社区's id, from the secretary's own role. */
async function zhonglu(api: APIRequestContext): Promise<string> {
  const me = (await (await api.get('/api/auth/me')).json()) as { roles: { unit: { id: string; name: string } }[] };
  return me.roles.find((r) => r.unit.name === '中路社区')!.unit.id;
}

interface Registered {
  id: string;
  plans: { startAt: string; startDay: string; releaseDay: string; days: number }[];
}

/** Registers an arrival through the API as a desk's form sends it; with a 14-day home plan of the team member when asked. */
async function registerByApi(api: APIRequestContext, communityId: string, person: { name: string; idNumber: string; arrivedOn: string; plan?: boolean }): Promise<Registered> {
  const workers = (await (await api.get(`/api/observation/workers?communityId=${communityId}`)).json()) as { userId: string; name: string }[];
  const res = await api.post('/api/observation/arrivals', {
    data: {
      id: randomUUID(), communityId, category: 'returnee', name: person.name, idNumber: person.idNumber, phone: '13907319999', originCode: '420106',
      arrivedOn: person.arrivedOn, transportKind: 'train', stayKind: 'other', stayPlace: '中路社区2栋101',
      ...(person.plan ? { plan: { kind: 'home', days: 14, temperatureTimes: ['08:00', '16:00'], testDays: [1, 7], testTime: '09:00', workerId: workers.find((w) => w.name === TEAM_MEMBER)!.userId } } : {}),
    },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as Registered;
}


/** What is on screen at the window's size: a dialog as the user sees it. */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe.runIf(chromiumAvailable())('outside workers and returnees at a desk', () => {
  const browser = useBrowser();

  it('the secretary registers a returnee with a 14-day home plan, and a second registration of the same person leads to the existing record', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const obs = new ConsoleObservationPage(page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await obs.openFromMenu();

    // The overview: the day's figures, and the demo's missed check as an open alert, counted on the tab.
    expect(await obs.tabs()).toEqual(['overview', 'arrivals', 'groups', 'checks', 'declarations', 'letter']);
    expect(await obs.figure('observing')).toBeGreaterThanOrEqual(29);
    // Yesterday's missed check; after 16:00 (Shanghai) today's is overdue too.
    await obs.alert('何静', 'overdue').first().waitFor();
    await obs.alertBadge().waitFor();
    expect(Number(await obs.alertBadge().innerText())).toBeGreaterThanOrEqual(1);
    await topShot(page, 'console-observation-overview');

    await obs.openTab('arrivals');
    await page.locator('[data-testid="arrival-row"][data-name="何静"]').waitFor();
    await topShot(page, 'console-observation-arrivals');

    const name = '易晓东';
    const idNumber = makeId('420106', '19920315', '417');
    await obs.openRegistration();
    await obs.fillArrival({
      category: 'returnee', name, idNumber, phone: '13907310001', origin: ['湖北省', '武汉市', '武昌区'], route: '武汉—长沙—株洲',
      transportKind: 'train', transportRef: 'G1102', stayKind: 'other', stayPlace: '中路社区7栋201', temperature: '36.6',
      plan: { kind: 'home', length: '14', worker: TEAM_MEMBER },
    });
    await topShot(page, 'console-observation-register');
    await obs.submitArrival();

    // The record: the origin as the division data names it, masked numbers, and 14 days of checks from today.
    const id = await obs.waitForRecord(name);
    expect(await obs.detail('来源地').innerText()).toBe('湖北省 武汉市 武昌区');
    expect(await page.locator('[data-testid="arrival-id-value"]').innerText()).toMatch(/^420\*+\d{3}[\dX]$/);
    const plan = obs.openPlan();
    await plan.waitFor();
    expect(await plan.innerText()).toContain('居家观察');
    expect(await plan.innerText()).toContain(`${addDays(shanghaiDate(), 14)} 解除`);
    expect(await plan.innerText()).toContain(TEAM_MEMBER);
    expect(await obs.planDays().count()).toBe(14);
    expect(await obs.planDays().first().getAttribute('data-day')).toBe(shanghaiDate());
    expect(await obs.planDays().last().getAttribute('data-day')).toBe(addDays(shanghaiDate(), 13));
    expect(await plan.locator('[data-testid="check-chip"][data-state="done"]').count()).toBe(0);
    // The secretary may see the ID number in full (the reveal is audited).
    await page.click('[data-testid="arrival-reveal"]');
    await page.locator('[data-testid="arrival-id-value"]', { hasText: idNumber }).waitFor();
    await topShot(page, 'console-observation-record');

    // The same person registered again (another name written): the form says so and opens the existing record.
    await page.goto('/observation/arrivals/new');
    await page.locator('[data-testid="arrival-form"]').waitFor();
    await obs.fillArrival({
      category: 'returnee', name: `${name}二`, idNumber, phone: '13907310002', origin: ['湖北省', '武汉市', '武昌区'],
      transportKind: 'bus', stayKind: 'other', stayPlace: '中路社区7栋201', plan: { kind: 'home', length: '14', worker: TEAM_MEMBER },
    });
    await obs.submitArrival();
    await obs.existingNotice().waitFor();
    const idField = page.locator('.ant-form-item', { has: page.locator('[data-testid="arrival-id-number"]') });
    await idField.locator('.ant-form-item-explain-error', { hasText: '已在本社区健康观察中' }).waitFor();
    await topShot(page, 'console-observation-already-observed');
    await obs.openExisting();
    expect(await obs.waitForRecord(name)).toBe(id);
  });

  it('a desk whose browser runs on New York time works in Shanghai days and times, and every refusal that names a record opens it', async () => {
    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const communityId = await zhonglu(admin);
    const { page } = await browser.open({ ...DESKTOP, timezoneId: 'America/New_York' });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    const console_ = new ConsolePage(page);
    const obs = new ConsoleObservationPage(page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await obs.openFromMenu();
    await obs.openTab('arrivals');
    await obs.openRegistration();

    // The day of arrival offered is Shanghai's today, whatever day it is in New York.
    const today = shanghaiDate();
    expect(await page.inputValue('[data-testid="arrival-arrived-on"]')).toBe(today);

    // The plan starts "now" by the picker's preset and runs until the day a week on: both Shanghai's, not the browser's clock.
    const name = '易晓春';
    const startedBefore = Date.now();
    await obs.fillArrival({
      category: 'outside', name, idNumber: makeId('420106', '19880412', '231'), phone: '13907310011', origin: ['湖北省', '武汉市', '武昌区'],
      transportKind: 'flight', transportRef: 'CZ3521', stayKind: 'other', stayPlace: '中路社区9栋301',
      plan: { kind: 'home', length: { lastDayIn: 7 }, startNow: true, worker: TEAM_MEMBER },
    });
    expect((await page.inputValue('[data-testid="plan-start"]')).slice(0, 10)).toBe(today);
    expect(await page.inputValue('[data-testid="plan-last-day"]')).toBe(addDays(today, 7));
    await topShot(page, 'console-observation-new-york-register');
    await obs.submitArrival();
    const id = await obs.waitForRecord(name);
    const stored = (await (await admin.get(`/api/observation/arrivals/${id}`)).json()) as Registered & { arrivedOn: string };
    expect(stored.arrivedOn).toBe(today);
    const [plan] = stored.plans;
    // "Now" is this minute in Shanghai (to the minute), not 12 or 13 hours before it.
    expect(Date.parse(plan!.startAt)).toBeGreaterThanOrEqual(startedBefore - 60_000);
    expect(Date.parse(plan!.startAt)).toBeLessThanOrEqual(Date.now());
    expect(plan).toMatchObject({ startDay: today, days: 8, releaseDay: addDays(today, 8) });
    expect(await obs.planDays().first().getAttribute('data-day')).toBe(today);
    expect(await obs.openPlan().innerText()).toContain(`${addDays(today, 8)} 解除`);
    await topShot(page, 'console-observation-new-york-record');

    // The same arrival registered again the same day (no plan this time): the server points at the record, and the button opens it.
    const again = '蔡文静';
    const againId = makeId('430211', '19900101', '246');
    const first = await registerByApi(admin, communityId, { name: again, idNumber: againId, arrivedOn: today });
    await page.goto('/observation/arrivals/new');
    await page.locator('[data-testid="arrival-form"]').waitFor();
    await obs.fillArrival({
      category: 'returnee', name: again, idNumber: againId, phone: '13907310012', origin: ['湖北省', '武汉市', '武昌区'], transportKind: 'train', stayKind: 'other', stayPlace: '中路社区2栋101',
    });
    await obs.submitArrival();
    await obs.existingNotice().waitFor();
    expect(await obs.existingNotice().innerText()).toContain('这一天的抵达已经登记过');
    await page.locator('.ant-form-item', { has: page.locator('[data-testid="arrival-id-number"]') }).locator('.ant-form-item-explain-error', { hasText: '请打开已有的记录' }).waitFor();
    await topShot(page, 'console-observation-arrival-registered');
    await obs.openExisting();
    expect(await obs.waitForRecord(again)).toBe(first.id);

    // A plan added to an earlier arrival of someone already observed under a later one: the notice opens the record with the open plan.
    const twice = '龙思远';
    const twiceId = makeId('430211', '19851111', '357');
    const earlier = await registerByApi(admin, communityId, { name: twice, idNumber: twiceId, arrivedOn: addDays(today, -3) });
    const later = await registerByApi(admin, communityId, { name: twice, idNumber: twiceId, arrivedOn: today, plan: true });
    await page.goto(`/observation/arrivals/${earlier.id}`);
    await obs.waitForRecord(twice);
    await page.click('[data-testid="arrival-add-plan"]');
    await page.locator('[data-testid="add-plan-form"]').waitFor();
    await obs.pickOption('plan-worker', TEAM_MEMBER);
    await page.click('[data-testid="add-plan-ok"]');
    await obs.existingNotice().waitFor();
    expect(await obs.existingNotice().innerText()).toContain('已在本社区健康观察中');
    // No settle() here: the OK button's spinner, gone from the page, stays among the document's animations.
    await viewShot(page, 'console-observation-add-plan-open-elsewhere');
    await obs.openExisting();
    await page.locator(`[data-testid="arrival"][data-id="${later.id}"]`).waitFor();
    expect(await page.locator('[data-testid="add-plan-form"]').count()).toBe(0);
  });

  it('the secretary edits the commitment letter template, and approves a pending self-declaration with a plan', async () => {
    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const communityId = await zhonglu(admin);
    const declared = '黎秀英';
    // A person declares themself on the public page (no account), as their phone would send it.
    const sent = await fetch(`${browser.baseUrl()}/api/public/declare/${communityId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'returnee', name: declared, idNumber: makeId('421102', '19950720', '628'), phone: '13807312345', originCode: '421102',
        route: '黄冈—株洲', arrivedOn: shanghaiDate(), transportKind: 'bus', stayKind: 'other', stayPlace: '中路社区3栋102', reason: '返乡', temperature: 36.4, consent: true,
      }),
    });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { reference: string }).reference).toMatch(/^[A-Z0-9]{8}$/);

    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const obs = new ConsoleObservationPage(page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await obs.openFromMenu();

    // The letter template: the community writes its own; the preview fills the placeholders.
    await obs.openTab('letter');
    const title = '中路社区外来人员健康承诺书';
    await obs.editTemplate(title, '本人{name}（身份证号{idNumber}）承诺遵守{community}的健康观察安排。\n日期：{date}', async () => {
      // The preview follows the typing: the placeholders filled as a signing would fill them.
      await page.locator('[data-testid="template-preview"]', { hasText: '承诺遵守中路社区的健康观察安排' }).waitFor();
    });
    const saved = (await (await admin.get(`/api/observation/letter-template?communityId=${communityId}`)).json()) as { title: string; isDefault: boolean };
    expect(saved).toMatchObject({ title, isDefault: false });
    await page.reload();
    expect(await page.locator('[data-testid="template-title"]').inputValue()).toBe(title);
    await topShot(page, 'console-observation-letter-template');

    // The declaration waits in the queue with its details masked; approved with a 14-day plan, it leaves the queue.
    await obs.openTab('declarations');
    const card = obs.declaration(declared);
    await card.waitFor();
    expect(await card.innerText()).toContain('湖北省 黄冈市 黄州区');
    expect(await card.innerText()).toMatch(/421\*+\d{3}[\dX]/);
    await topShot(page, 'console-observation-declarations');
    await obs.approveWithPlan(declared, { kind: 'home', length: '14', worker: TEAM_MEMBER }, async () => {
      await obs.settle();
      await viewShot(page, 'console-observation-approve');
    });
    await obs.openApprovedRecord();
    await obs.waitForRecord(declared);
    expect(await obs.detail('登记方式').innerText()).toBe('本人申报');
    expect(await obs.detail('住址/工作地点').innerText()).toBe('中路社区3栋102');
    await obs.openPlan().waitFor();
    expect(await obs.planDays().count()).toBe(14);
    await topShot(page, 'console-observation-approved-record');
  });

  it('the secretary prints a park worker’s signed letter and the declaration poster, each on one A4 sheet', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const obs = new ConsoleObservationPage(page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await obs.openFromMenu();

    // A worker of the park batch: their letter was signed on the phone (demo), witnessed by the team member.
    await obs.openTab('groups');
    await page.locator('[data-testid="group-row"]', { hasText: '株洲高科建设工程有限公司' }).locator('a').click();
    await page.locator('[data-testid="group-member"]').first().waitFor();
    expect(await page.locator('[data-testid="group-member"]').count()).toBe(8);
    await topShot(page, 'console-observation-group');
    await page.locator('[data-testid="group-member"]').first().locator('a').click();
    await page.click('[data-testid="arrival-letter"]');
    const sheet = page.locator('[data-testid="letter-sheet"]');
    await sheet.waitFor();
    expect(await page.locator('[data-testid="letter-digest"]').innerText()).toMatch(/[0-9a-f]{64}/);
    expect(await sheet.innerText()).toContain(TEAM_MEMBER);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="letter-signature"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const a4 = (210 / 25.4) * 96;
    expect(Math.abs((await sheet.evaluate((s) => s.getBoundingClientRect().width)) - a4)).toBeLessThan(2);
    await viewShot(page, 'console-observation-letter-print');

    // The poster: the community, the title, a QR code of the public page and its address.
    await page.goto('/observation/declarations');
    await page.click('[data-testid="declare-link-open"]');
    await page.locator('[data-testid="declare-url"]').waitFor();
    await page.click('[data-testid="declare-poster-open"]');
    await page.locator('[data-testid="declare-poster"]').waitFor();
    expect(await page.locator('[data-testid="poster-community"]').innerText()).toBe('中路社区');
    expect(await page.locator('[data-testid="poster-url"]').innerText()).toMatch(/\/m\/declare\/[0-9a-f-]{36}$/);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="poster-qr"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    await viewShot(page, 'console-observation-poster');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="print-toolbar"]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the street office sees the figures of its communities only', async () => {
    const street = await apiAs(browser.baseUrl(), 'zz.street');
    const me = (await (await street.get('/api/auth/me')).json()) as { roles: { unit: { id: string } }[] };
    const figures = (await (await street.get(`/api/observation/figures?orgId=${me.roles[0]!.unit.id}`)).json()) as { observing: number };

    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    const obs = new ConsoleObservationPage(page);
    await console_.signIn('zz.street', E2E_PASSWORD);
    await console_.seeScope('栗雨街道');
    await obs.openFromMenu();
    expect(await obs.figure('observing')).toBe(figures.observing);
    await page.locator('[data-testid="figures-children"] tr', { hasText: '中路社区' }).waitFor();
    // No lists of people: no tabs, no alerts, and the list's address is refused.
    expect(await obs.tabs()).toEqual([]);
    expect(await page.locator('[data-testid="observation-alerts"]').count()).toBe(0);
    await topShot(page, 'console-observation-street');
    await page.goto('/observation/arrivals');
    await page.getByText('无权访问').waitFor();
    expect(await page.locator('[data-testid="arrival-row"]').count()).toBe(0);
  });
});
