import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Me } from '../src/contract/auth.ts';
import { addDays, shanghaiDate } from '../src/domain/local-date.ts';
import { weekStart } from '../src/domain/rosters/roster-rules.ts';
import { DEFAULT_SHIFTS, shiftSpan } from '../src/domain/rosters/shifts.ts';
import { FieldPage } from './pages/field.page.ts';
import { chromiumAvailable, PHONE, screenshot, settleAnimations, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { apiAs } from './support/api.ts';

const zh = (ns: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../src/i18n/locales/zh-CN/${ns}.json`), 'utf8')) as Record<string, Record<string, string>>;
const SERVER = zh('server');
const COMMUNITY = '船厂社区';

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.status(), `${res.url()}: ${res.status() === 200 ? '' : await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/**
 * The shift a volunteer put on the roster now can check in at: the default
 * shift in force (Asia/Shanghai), or the next one when this one ends within
 * five minutes (its check-in opens half an hour before it starts).
 */
function shiftNow(now = Date.now()): { day: string; start: string; end: string; inForce: boolean } {
  const today = shanghaiDate(new Date(now));
  for (const day of [today, addDays(today, 1)]) {
    for (const s of DEFAULT_SHIFTS) {
      const span = shiftSpan(day, s);
      if (now >= span.from - 30 * 60_000 && now < span.to - 5 * 60_000) return { day, start: s.start, end: s.end, inForce: now >= span.from };
    }
  }
  throw new Error('no shift found');
}

interface WeekCheckpoint { entranceId: string; name: string; states: string[]; shifts: { start: string; end: string }[] }

/** A person signs up on the public page's API and is approved: their account and one-time password. */
async function approvedVolunteer(admin: APIRequestContext, communityId: string, name: string, mobile: string, username: string) {
  const id = crypto.randomUUID();
  const receipt = await json<{ id: string }>(
    await admin.post(`/api/public/volunteer/${communityId}`, { data: { id, name, mobile, skills: ['gate'], availability: '全天', consent: true, consentVersion: '2026-1' } }),
  );
  const approved = await json<{ volunteer: { userId: string }; oneTimePassword: string }>(
    await admin.post(`/api/volunteers/${receipt.id}/approve`, { data: { role: 'checkpoint_volunteer', username } }),
  );
  return { id: receipt.id, userId: approved.volunteer.userId, oneTimePassword: approved.oneTimePassword };
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Waits for running animations (a sheet closing) to end, for a screenshot that shows the page itself. */
async function settle(page: Page): Promise<void> {
  await settleAnimations(page);
}

/** A screenshot of the page itself: no toast over it, no sheet half closed. */
async function shot(page: Page, name: string): Promise<void> {
  await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
  await settle(page);
  await screenshot(page, name);
}

function shift(page: Page, dutyId: string) {
  return page.locator(`[data-testid="duty-shift"][data-duty="${dutyId}"]`);
}

describe.runIf(chromiumAvailable())('teams on a phone: a volunteer signs up, checks in at the gate (also offline), ticks a task off; my area first', () => {
  const browser = useBrowser();
  const state = {
    communityId: '',
    shift: { day: '', start: '', end: '', inForce: false },
    checkpoints: [] as WeekCheckpoint[],
    volunteer: { name: '程晓峰', mobile: '13900007777', username: 'cc.chengxf', userId: '', oneTimePassword: '', password: 'chengxf-2026' },
    dutyId: '',
    tomorrowDutyId: '',
    second: { name: '石磊', userId: '' },
  };

  it('takes a sign-up from someone with no account: refused without consent, by the page and by the server; the reference survives a reload', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const me = await json<Me>(await admin.get('/api/auth/me'));
    state.communityId = me.roles.find((r) => r.unit?.name === COMMUNITY)!.unit!.id;

    const { context, page } = await browser.open(PHONE);
    await page.goto(`/m/volunteer/${state.communityId}`);
    await page.waitForSelector('[data-testid="volunteer-page"]');
    // No sign-in page on the way: the page is public.
    expect(new URL(page.url()).pathname).toBe(`/m/volunteer/${state.communityId}`);
    expect(await page.textContent('[data-testid="volunteer-community"]')).toContain(COMMUNITY);
    expect(await page.textContent('[data-testid="volunteer-consent-text"]')).toBe(zh('teams').consent!.text);

    await page.fill('[data-testid="volunteer-name"] input', state.volunteer.name);
    await page.fill('[data-testid="volunteer-mobile"] input', state.volunteer.mobile);
    await page.click('[data-testid="volunteer-skill-gate"]');
    await page.click('[data-testid="volunteer-skill-patrol"]');
    await page.fill('[data-testid="volunteer-availability"] textarea', '工作日晚上、周末全天');
    await page.click('[data-testid="volunteer-send"]');
    // Nothing is sent without the consent.
    expect(await page.textContent('[data-testid="error-consent"]')).toBe(SERVER.validation!.consentRequired);
    await page.locator('[data-testid="volunteer-consent-section"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'field-teams-volunteer-no-consent');

    // The server refuses it too (a page of another version that forgot the box): its word shows at the box.
    const refused = await admin.post(`/api/public/volunteer/${state.communityId}`, {
      data: { id: crypto.randomUUID(), name: state.volunteer.name, mobile: state.volunteer.mobile, skills: ['gate'], availability: '周末', consent: false, consentVersion: '2026-1' },
    });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'consent', message: expect.stringContaining(SERVER.validation!.consentRequired!) });
    await page.click('[data-testid="volunteer-consent"]');
    await context.route(`**/api/public/volunteer/${state.communityId}`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      return route.continue({ postData: JSON.stringify({ ...(route.request().postDataJSON() as object), consent: false }) });
    });
    await page.click('[data-testid="volunteer-send"]');
    await page.locator('[data-testid="error-consent"]', { hasText: SERVER.validation!.consentRequired! }).waitFor();
    await context.unroute(`**/api/public/volunteer/${state.communityId}`);

    await page.click('[data-testid="volunteer-send"]');
    const reference = (await page.textContent('[data-testid="volunteer-reference"]'))!.trim();
    expect(reference).toMatch(/^[A-Z0-9]{6,10}$/);
    await shot(page, 'field-teams-volunteer-receipt');
    await page.reload();
    expect((await page.textContent('[data-testid="volunteer-reference"]'))!.trim()).toBe(reference);

    const pending = await json<{ id: string; reference: string; name: string; skills: string[]; mobile: string }[]>(
      await admin.get(`/api/volunteers?communityId=${state.communityId}&status=pending`),
    );
    const signedUp = pending.find((v) => v.reference === reference)!;
    expect(signedUp).toMatchObject({ name: state.volunteer.name, skills: ['gate', 'patrol'], mobile: '139****7777' });

    // cc.admin approves: a field app account with a one-time password.
    const approved = await json<{ volunteer: { userId: string; username: string }; oneTimePassword: string }>(
      await admin.post(`/api/volunteers/${signedUp.id}/approve`, { data: { role: 'checkpoint_volunteer', username: state.volunteer.username } }),
    );
    state.volunteer.userId = approved.volunteer.userId;
    state.volunteer.oneTimePassword = approved.oneTimePassword;
    await admin.dispose();
  });

  it('puts the volunteer on the shift of now; on the phone they change the password, see it and check in; the lead sees them checked in', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    state.shift = shiftNow();
    const week = await json<{ days: string[]; checkpoints: WeekCheckpoint[] }>(await admin.get(`/api/rosters/week?communityId=${state.communityId}&monday=${weekStart(state.shift.day)}`));
    const dayIndex = week.days.indexOf(state.shift.day);
    state.checkpoints = week.checkpoints.filter((c) => c.states[dayIndex] === 'checkpoint' && c.shifts.some((s) => s.start === state.shift.start && s.end === state.shift.end));
    expect(state.checkpoints.length).toBeGreaterThanOrEqual(2);
    const gate = state.checkpoints[0]!;
    const duty = await json<{ id: string }>(
      await admin.post('/api/rosters/duties', { data: { entranceId: gate.entranceId, day: state.shift.day, start: state.shift.start, end: state.shift.end, userId: state.volunteer.userId } }),
    );
    state.dutyId = duty.id;
    // Tomorrow too, for the list by day.
    const tomorrow = addDays(state.shift.day, 1);
    const later = await json<{ id: string }>(
      await admin.post('/api/rosters/duties', { data: { entranceId: gate.entranceId, day: tomorrow, start: '12:00', end: '18:00', userId: state.volunteer.userId } }),
    );
    state.tomorrowDutyId = later.id;

    const { page } = await browser.open(PHONE);
    const field = new FieldPage(page);
    await field.signIn(state.volunteer.username, state.volunteer.oneTimePassword);
    await page.waitForSelector('#newPassword');
    await page.fill('#currentPassword', state.volunteer.oneTimePassword);
    await page.fill('#newPassword', state.volunteer.password);
    await page.fill('#confirm', state.volunteer.password);
    await page.click('[data-testid="password-submit"]');
    await page.waitForSelector('[data-testid="greeting"]');
    // The duty tile on the home page names the shift and its gate.
    await page.locator('[data-testid="duty-tile-shift"]', { hasText: gate.name }).waitFor();
    await shot(page, 'field-teams-home-duty-tile');

    await page.click('[data-testid="work-duty"]');
    await shift(page, state.dutyId).waitFor();
    expect(await shift(page, state.dutyId).getAttribute('data-phase')).toBe(state.shift.inForce ? 'now' : 'soon');
    expect(await shift(page, state.dutyId).getAttribute('data-entrance')).toBe(gate.name);
    expect(await page.locator('[data-testid="duty-day"]').count()).toBe(2);
    await shot(page, 'field-teams-my-shifts');

    await shift(page, state.dutyId).locator('[data-testid="duty-check-in"]').click();
    await page.locator(`[data-testid="duty-shift"][data-duty="${state.dutyId}"][data-check-in="checked_in"]`).waitFor();
    // A shift that has begun is no longer swapped.
    expect(await shift(page, state.dutyId).locator('[data-testid="duty-swap-ask"]').count()).toBe(state.shift.inForce ? 0 : 1);
    await shot(page, 'field-teams-checked-in');

    const week2 = await json<{ duties: { id: string; checkedInAt: string | null }[] }>(await admin.get(`/api/rosters/week?communityId=${state.communityId}&monday=${weekStart(state.shift.day)}`));
    expect(week2.duties.find((d) => d.id === state.dutyId)?.checkedInAt).toEqual(expect.any(String));
    if (state.shift.inForce) {
      const now = await json<{ checkpoints: { entranceId: string; onShift: { userId: string; checkedInAt: string | null }[] }[] }>(await admin.get(`/api/rosters/now?communityId=${state.communityId}`));
      const there = now.checkpoints.find((c) => c.entranceId === gate.entranceId)!;
      expect(there.onShift.find((p) => p.userId === state.volunteer.userId)?.checkedInAt).toEqual(expect.any(String));
    }
    await admin.dispose();
  });

  it('a second volunteer checks in with no network: waiting, kept across a reload, sent once back online and stored once', { timeout: 120_000 }, async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const second = await approvedVolunteer(admin, state.communityId, state.second.name, '13900008888', 'cc.shilei');
    state.second.userId = second.userId;
    // Their own first sign-in and new password, away from this test's point.
    const own = await apiAs(browser.baseUrl(), 'cc.shilei', second.oneTimePassword);
    expect((await own.post('/api/auth/password', { data: { currentPassword: second.oneTimePassword, newPassword: 'shilei-2026' } })).status()).toBe(200);
    await own.dispose();
    const gate = state.checkpoints[1]!;
    const duty = await json<{ id: string }>(
      await admin.post('/api/rosters/duties', { data: { entranceId: gate.entranceId, day: state.shift.day, start: state.shift.start, end: state.shift.end, userId: second.userId } }),
    );

    const { context, page } = await browser.open(PHONE);
    await new FieldPage(page).signIn('cc.shilei', 'shilei-2026');
    await page.waitForSelector('[data-testid="greeting"]');
    await waitForServiceWorker(page);
    await page.click('[data-testid="work-duty"]');
    await shift(page, duty.id).waitFor();

    await context.setOffline(true);
    await page.waitForSelector('[data-testid="offline-banner"]');
    await shift(page, duty.id).locator('[data-testid="duty-check-in"]').click();
    await page.locator(`[data-testid="duty-shift"][data-duty="${duty.id}"][data-check-in="waiting"]`).waitFor();
    await page.locator('[data-testid="duty-outbox-line"][data-waiting="1"]').waitFor();
    await shot(page, 'field-teams-check-in-offline');

    // The phone restarts, still offline: the shift and the check-in waiting are still there.
    await page.reload();
    await page.waitForSelector('[data-testid="offline-banner"]');
    await page.locator(`[data-testid="duty-shift"][data-duty="${duty.id}"][data-check-in="waiting"]`).waitFor();

    // Back online, the first upload reaches the server but its answer is lost: sent again, the server already has it.
    let posts = 0;
    const answers: string[] = [];
    await context.route('**/api/rosters/check-ins', async (route) => {
      posts += 1;
      const response = await route.fetch();
      if (posts === 1) return route.abort('failed');
      answers.push(...((await response.json()) as { result: string }[]).map((a) => a.result));
      return route.fulfill({ response });
    });
    await context.setOffline(false);
    await expect.poll(() => posts, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    // Ask for the retry now; the app may be retrying by itself already (then the button is busy, or gone once it went through).
    await page.click('[data-testid="duty-outbox-line-send"]', { timeout: 5_000 }).catch(() => undefined);
    await page.locator(`[data-testid="duty-shift"][data-duty="${duty.id}"][data-check-in="checked_in"]`).waitFor({ timeout: 45_000 });
    await context.unroute('**/api/rosters/check-ins');
    expect(posts).toBeGreaterThanOrEqual(2);
    expect(answers).toContain('already_stored');
    expect(await page.locator('[data-testid="duty-outbox-line"]').count()).toBe(0);
    await shot(page, 'field-teams-check-in-synced');

    const week = await json<{ duties: { id: string; checkedInAt: string | null }[] }>(await admin.get(`/api/rosters/week?communityId=${state.communityId}&monday=${weekStart(state.shift.day)}`));
    expect(week.duties.find((d) => d.id === duty.id)?.checkedInAt).toEqual(expect.any(String));
    if (state.shift.inForce) {
      const now = await json<{ checkpoints: { entranceId: string; onShift: { userId: string; checkedInAt: string | null }[] }[] }>(await admin.get(`/api/rosters/now?communityId=${state.communityId}`));
      expect(now.checkpoints.find((c) => c.entranceId === gate.entranceId)!.onShift.filter((p) => p.userId === second.userId)).toEqual([
        expect.objectContaining({ checkedInAt: expect.any(String) }),
      ]);
    }
    await admin.dispose();
  });

  it('a task of the morning briefing given to the volunteer appears on the phone and is ticked off with a note', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const today = shanghaiDate();
    const task = await json<{ id: string }>(
      await admin.post('/api/briefings/tasks', { data: { communityId: state.communityId, day: today, text: '巡查B区、C区，带体温枪', assignees: [{ userId: state.volunteer.userId }] } }),
    );

    const { page } = await browser.open(PHONE);
    await new FieldPage(page).signIn(state.volunteer.username, state.volunteer.password);
    await page.waitForSelector('[data-testid="greeting"]');
    await page.locator('[data-testid="work-duty"][data-open-tasks="1"]').waitFor();
    await page.click('[data-testid="work-duty"]');
    await page.click('[data-testid="duty-tab-tasks"]');
    const row = page.locator(`[data-testid="duty-task"][data-task="${task.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('open');
    await shot(page, 'field-teams-tasks');
    await row.locator('[data-testid="duty-task-tick"]').click();
    await page.fill('[data-testid="duty-tick-note"] textarea', '已巡查，无异常');
    await page.click('[data-testid="duty-tick-confirm"]');
    await page.locator(`[data-testid="duty-task"][data-task="${task.id}"][data-state="done"]`).waitFor();
    expect(await row.locator('[data-testid="duty-task-done"]').textContent()).toContain('已巡查，无异常');
    await page.locator('[data-testid="duty-tick-sheet"]').waitFor({ state: 'detached' });
    await shot(page, 'field-teams-task-done');

    const briefing = await json<{ tasks: { id: string; doneAt: string | null; doneNote: string | null; doneByName: string | null }[] }>(
      await admin.get(`/api/briefings?communityId=${state.communityId}&day=${today}`),
    );
    expect(briefing.tasks.find((t) => t.id === task.id)).toMatchObject({ doneAt: expect.any(String), doneNote: '已巡查，无异常', doneByName: state.volunteer.name });
    await admin.dispose();
  });

  it('a task ticked off with no network and cancelled at the desk meanwhile: refused, the reason shown beside the cancelled task until dismissed', { timeout: 120_000 }, async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const task = await json<{ id: string }>(
      await admin.post('/api/briefings/tasks', { data: { communityId: state.communityId, day: shanghaiDate(), text: '加固卡点帐篷', assignees: [{ userId: state.volunteer.userId }] } }),
    );
    const { context, page } = await browser.open(PHONE);
    await new FieldPage(page).signIn(state.volunteer.username, state.volunteer.password);
    await page.waitForSelector('[data-testid="greeting"]');
    await page.click('[data-testid="work-duty"]');
    await page.click('[data-testid="duty-tab-tasks"]');
    const row = page.locator(`[data-testid="duty-task"][data-task="${task.id}"]`);
    await row.waitFor();

    await context.setOffline(true);
    await page.waitForSelector('[data-testid="offline-banner"]');
    await row.locator('[data-testid="duty-task-tick"]').click();
    await page.fill('[data-testid="duty-tick-note"] textarea', '已加固');
    await page.click('[data-testid="duty-tick-confirm"]');
    await page.locator(`[data-testid="duty-task"][data-task="${task.id}"][data-state="waiting"]`).waitFor();
    // Meanwhile the lead cancels it.
    expect((await admin.patch(`/api/briefings/tasks/${task.id}`, { data: { cancelled: true } })).status()).toBe(200);

    await context.setOffline(false);
    await page.click('[data-testid="duty-task-outbox-line-send"]', { timeout: 5_000 }).catch(() => undefined);
    // The list is read again after the refusal: the task shows cancelled, the server's reason beside it.
    const refusal = page.locator(`[data-testid="duty-task"][data-task="${task.id}"][data-state="cancelled"] [data-testid="duty-task-refused"][data-code="TASK_CANCELLED"]`);
    await refusal.waitFor({ timeout: 45_000 });
    await page.locator('[data-testid="duty-task-outbox-line"][data-refused="1"]').waitFor();
    await shot(page, 'field-teams-task-refused');
    await row.locator('[data-testid="duty-task-dismiss"]').click();
    await refusal.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="duty-task-outbox-line"]').count()).toBe(0);
    await admin.dispose();
  });

  it('the volunteer asks that the other take tomorrow’s shift, sees the request waiting, and withdraws it', async () => {
    const { page } = await browser.open(PHONE);
    await new FieldPage(page).signIn(state.volunteer.username, state.volunteer.password);
    await page.waitForSelector('[data-testid="greeting"]');
    await page.click('[data-testid="work-duty"]');
    await shift(page, state.tomorrowDutyId).locator('[data-testid="duty-swap-ask"]').click();
    await page.fill('[data-testid="duty-swap-sheet"] .adm-search-bar input', state.second.name);
    await page.locator(`[data-testid="duty-swap-person"][data-name="${state.second.name}"]`).click();
    await page.fill('[data-testid="duty-swap-reason"] textarea', '家中老人就医');
    await shot(page, 'field-teams-swap-ask');
    await page.click('[data-testid="duty-swap-send"]');
    const request = page.locator('[data-testid="duty-swap"][data-status="pending"][data-mine="true"]');
    await request.waitFor();
    expect(await shift(page, state.tomorrowDutyId).locator('[data-testid="duty-shift-swap"]').textContent()).toContain(state.second.name);

    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const pending = await json<{ id: string; duty: { id: string }; toUserId: string; reason: string }[]>(await admin.get(`/api/rosters/swaps?communityId=${state.communityId}&status=pending`));
    expect(pending.filter((s) => s.duty.id === state.tomorrowDutyId)).toEqual([expect.objectContaining({ toUserId: state.second.userId, reason: '家中老人就医' })]);
    await page.locator('[data-testid="duty-swap-sheet"]').waitFor({ state: 'detached' });
    await request.scrollIntoViewIfNeeded();
    await shot(page, 'field-teams-swap-pending');

    await request.locator('[data-testid="duty-swap-cancel"]').click();
    await page.locator('.adm-dialog .adm-dialog-button', { hasText: zh('teams-field').swaps!.cancel! }).click();
    await page.locator('[data-testid="duty-swap"][data-status="cancelled"]').waitFor();
    expect(await shift(page, state.tomorrowDutyId).locator('[data-testid="duty-swap-ask"]').count()).toBe(1);
    const cancelled = await json<{ duty: { id: string } }[]>(await admin.get(`/api/rosters/swaps?communityId=${state.communityId}&status=cancelled`));
    expect(cancelled.filter((s) => s.duty.id === state.tomorrowDutyId)).toHaveLength(1);
    await admin.dispose();
  });

  it('a grid worker with an area sees it first on the home page', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const people = await json<{ userId: string; name: string; roles: string[] }[]>(await admin.get(`/api/teams/people?communityId=${state.communityId}`));
    const worker = people.find((p) => p.name === 'A区网格员')!;
    const coverage = await json<{ groups: { groupId: string; groupName: string; responsible: { userId: string }[] }[] }>(await admin.get(`/api/areas?communityId=${state.communityId}`));
    const groupA = coverage.groups.find((g) => g.groupName === 'A区')!;
    if (!groupA.responsible.some((r) => r.userId === worker.userId)) {
      await json(await admin.post('/api/areas', { data: { communityId: state.communityId, userId: worker.userId, groupIds: [groupA.groupId], from: addDays(shanghaiDate(), -1) } }));
    }

    const { page } = await browser.open(PHONE);
    await new FieldPage(page).signIn('cc.a', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="my-area"]');
    // First of everything under the greeting.
    expect(await page.evaluate(() => document.querySelector('.field-stack')?.firstElementChild?.getAttribute('data-testid'))).toBe('my-area');
    await page.locator(`[data-testid="my-area-group"][data-group="${groupA.groupId}"]`).click();
    await page.waitForURL(`**/m/units/${groupA.groupId}`);
    await shot(page, 'field-teams-area-group');
    await page.goBack();
    await page.waitForSelector('[data-testid="my-area"]');
    await shot(page, 'field-teams-my-area');
    await admin.dispose();
  });

  it('the lead sees the checkpoints unstaffed now in red on the home page', async () => {
    const admin = await apiAs(browser.baseUrl(), 'cc.admin');
    const alerts = await json<{ entranceName: string }[]>(await admin.get(`/api/rosters/alerts?communityId=${state.communityId}&open=true`));
    const { page } = await browser.open(PHONE);
    await new FieldPage(page).signIn('cc.admin', E2E_PASSWORD);
    await page.waitForSelector('[data-testid="greeting"]');
    // Alerts come once a shift has run a quarter of an hour below its minimum: there may be none yet at a shift's start.
    if (alerts.length > 0) {
      await page.locator('[data-testid="duty-alert"]').first().waitFor();
      expect(await page.evaluate(() => document.querySelector('.field-stack')?.firstElementChild?.getAttribute('data-testid'))).toBe('duty-alerts');
      await shot(page, 'field-teams-lead-alerts');
    }
    await admin.dispose();
  });
});

