import { randomUUID } from 'node:crypto';
import { request, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../src/domain/local-date.ts';
import { personId, pick, signInAtZhonglu as signIn, typeDay, viewShot, zhonglu } from './pages/console-teams.page.ts';
import { apiAs } from './support/api.ts';
import { chromiumAvailable, clickOption, DESKTOP, topShot, useBrowser } from './support/browser.ts';

/** The demo's team member at 中路社区 (zl.team), who ticks a task off from the field. */
const TEAM_MEMBER = '市残联驻社区工作队队员';

const member = (page: Page, name: string) => page.locator(`[data-testid="team"][data-team="${TEAM}"] [data-testid="team-member"][data-name="${name}"]`);
const TEAM = '市总工会驻中路社区工作队';

describe.runIf(chromiumAvailable())('work teams, volunteers, areas and the morning briefing at a desk', () => {
  const browser = useBrowser();

  it('the secretary registers a sending organisation and a work team through the forms, and puts its leader on it', { timeout: 150_000 }, async () => {
    const { page } = await browser.open(DESKTOP);
    await signIn(page, 'zl.admin');
    await page.click('[data-testid="nav-teams"]');
    await page.locator('[data-testid="teams"][data-loaded]:not([data-loaded=""])').waitFor();

    await page.click('[data-testid="org-create"]');
    await page.fill('[data-testid="org-name"]', '市卫健委');
    await page.click('[data-testid="org-kind-bureau"]');
    await page.fill('[data-testid="org-contact"]', '李科长 0731-22880000');
    await page.click('[data-testid="org-ok"]');
    await page.locator('[data-testid="org-row"][data-name="市卫健委"]').waitFor();
    await page.click('[data-testid="team-create"]');
    await pick(page, 'team-org', '.ant-select-item-option[title^="市卫健委"]');
    await page.fill('[data-testid="team-name"]', '市卫健委驻中路社区工作队');
    await typeDay(page, 'team-from', addDays(shanghaiDate(), -3));
    await page.click('[data-testid="team-ok"]');
    const card = page.locator('[data-testid="team"][data-team="市卫健委驻中路社区工作队"]');
    await card.waitFor();

    await card.locator('[data-testid="member-add"]').click();
    await pick(page, 'member-person', '[data-testid="person-option"][data-name="石塘组网格员"]', '石塘');
    await page.click('[data-testid="member-add-ok"]');
    await card.locator('[data-testid="team-member"][data-name="石塘组网格员"][data-role="leader"]').waitFor();
    await topShot(page, 'console-teams-created');
  });

  it('the secretary replaces a member (a day on or before they joined is refused on the day) and sees the team of a day before and after', { timeout: 150_000 }, async () => {
    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const communityId = await zhonglu(admin);
    const today = shanghaiDate();
    const from = addDays(today, -20);
    const replacedOn = addDays(today, -5);
    // A team whose three members joined 20 days ago, made through the API as the forms send it.
    const org = (await (await admin.post('/api/teams/orgs', { data: { unitId: communityId, name: '市总工会', kind: 'bureau' } })).json()) as { id: string };
    const created = await admin.post('/api/teams', { data: { communityId, sendingOrgId: org.id, name: TEAM, kind: 'work_team', from } });
    expect(created.status()).toBe(200);
    const team = (await created.json()) as { id: string };
    for (const [name, role] of [['上冲组网格员', 'leader'], ['下冲组网格员', 'member'], ['中路组网格员', 'member']] as const) {
      const res = await admin.post(`/api/teams/${team.id}/members`, { data: { userId: await personId(admin, communityId, name), role, from } });
      expect(res.status()).toBe(200);
    }
    const { page } = await browser.open(DESKTOP);
    await signIn(page, 'zl.admin');
    await page.goto('/teams');
    await member(page, '下冲组网格员').waitFor();
    expect(await member(page, '上冲组网格员').getAttribute('data-role')).toBe('leader');

    // The replacement: dated on the day the member joined, it is refused, and the message sits on the day.
    await page.locator(`[data-testid="team"][data-team="${TEAM}"] [data-testid="team-member"][data-name="下冲组网格员"] [data-testid="member-replace"]`).click();
    await page.locator('[data-testid="replace-form"]').waitFor();
    await pick(page, 'replace-incoming', '[data-testid="person-option"][data-name="塘边组网格员"]', '塘边');
    await typeDay(page, 'replace-day', from);
    await page.fill('[data-testid="replace-reason"]', '肩部骨折，需休养');
    await page.click('[data-testid="replace-ok"]');
    const dayField = page.locator('.ant-form-item', { has: page.locator('[data-testid="replace-day"]') });
    await dayField.locator('.ant-form-item-explain-error', { hasText: '替换日期必须晚于此人入队日期' }).waitFor();
    await viewShot(page, 'console-teams-replacement-refused');
    await typeDay(page, 'replace-day', replacedOn);
    await page.click('[data-testid="replace-ok"]');
    await page.locator('[data-testid="replace-form"]').waitFor({ state: 'detached' });

    // Today: the new member, marked as replacing the old one.
    await member(page, '塘边组网格员').waitFor();
    expect(await member(page, '下冲组网格员').count()).toBe(0);
    expect(await member(page, '塘边组网格员').innerText()).toContain('接替 下冲组网格员');
    await page.locator(`[data-testid="team"][data-team="${TEAM}"] [data-testid="history-open"]`).click();
    const replaced = page.locator(`[data-testid="team"][data-team="${TEAM}"] [data-testid="history-event"][data-kind="replaced"]`);
    await replaced.waitFor();
    expect(await replaced.getAttribute('data-day')).toBe(replacedOn);
    expect(await replaced.innerText()).toContain('塘边组网格员 接替 下冲组网格员');
    expect(await replaced.innerText()).toContain('肩部骨折，需休养');
    await topShot(page, 'console-teams');

    // A day before the replacement: the old member was on the team, the new one not yet.
    await typeDay(page, 'teams-day', addDays(today, -10));
    await page.keyboard.press('Escape');
    await page.locator(`[data-testid="teams"][data-loaded="${addDays(today, -10)}"]`).waitFor();
    await member(page, '下冲组网格员').waitFor();
    expect(await member(page, '塘边组网格员').count()).toBe(0);
    expect(await member(page, '下冲组网格员').innerText()).toContain(`${from} 至 ${addDays(replacedOn, -1)}`);
    await topShot(page, 'console-teams-before-replacement');
    await admin.dispose();
  });

  it("the demo's 市残联 team shows the member who broke a shoulder on 16 February and the one who replaced him from 17 February", async () => {
    const today = shanghaiDate();
    // The demo's 17 February: the latest one already past.
    const year = Number(today.slice(0, 4)) - (today.slice(5) < '02-17' ? 1 : 0);
    const demoTeam = '市残联驻中路社区工作队';
    const { page } = await browser.open(DESKTOP);
    const inDemo = (name: string) => page.locator(`[data-testid="team"][data-team="${demoTeam}"] [data-testid="team-member"][data-name="${name}"]`);
    await signIn(page, 'zl.admin');
    await page.goto(`/teams?day=${year}-02-16`);
    await page.locator(`[data-testid="teams"][data-loaded="${year}-02-16"]`).waitFor();
    await inDemo('李晓明').waitFor();
    expect(await inDemo('孙卫东').count()).toBe(0);
    // His time on the team has ended: he is not offered for another replacement (the form would not know him).
    expect(await inDemo('李晓明').locator('[data-testid="member-replace"]').isDisabled()).toBe(true);
    expect(await inDemo('周建国').locator('[data-testid="member-replace"]').isDisabled()).toBe(false);
    expect(await inDemo(TEAM_MEMBER).getAttribute('data-role')).toBe('leader');
    await typeDay(page, 'teams-day', `${year}-02-17`);
    await page.keyboard.press('Escape');
    await page.locator(`[data-testid="teams"][data-loaded="${year}-02-17"]`).waitFor();
    await inDemo('孙卫东').waitFor();
    expect(await inDemo('李晓明').count()).toBe(0);
    expect(await inDemo('孙卫东').innerText()).toContain('接替 李晓明');
    await page.locator(`[data-testid="team"][data-team="${demoTeam}"] [data-testid="history-open"]`).click();
    await page.locator(`[data-testid="team"][data-team="${demoTeam}"] [data-testid="history-event"][data-kind="replaced"][data-name="孙卫东"][data-day="${year}-02-17"]`).waitFor();
    await topShot(page, 'console-teams-demo-replacement');
  });

  it('the secretary assigns an area, and the count of groups nobody covers drops', { timeout: 150_000 }, async () => {
    const { page } = await browser.open(DESKTOP);
    await signIn(page, 'zl.admin');
    await page.goto('/teams/areas');
    const count = page.locator('[data-testid="areas-uncovered"]:not([data-count=""])');
    await count.waitFor();
    const before = Number(await count.getAttribute('data-count'));
    expect(before).toBeGreaterThanOrEqual(1);
    // Uncovered groups are listed first, in red.
    const rows = page.locator('[data-testid="area-row"]');
    expect(await rows.first().getAttribute('data-uncovered')).toBe('true');
    await topShot(page, 'console-teams-areas-uncovered');
    const groups = await page.locator('[data-testid="area-row"][data-uncovered="true"]').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-group')!));

    await page.click('[data-testid="area-assign"]');
    await page.locator('[data-testid="area-assign-form"]').waitFor();
    await pick(page, 'area-person', '[data-testid="person-option"][data-name="长岭组网格员"]', '长岭');
    await page.click('[data-testid="area-groups"]');
    for (const g of groups) await clickOption(page, `[data-testid="group-option"][data-name="${g}"]`);
    await page.keyboard.press('Escape');
    await viewShot(page, 'console-teams-area-assign');
    await page.click('[data-testid="area-assign-ok"]');
    await page.locator('[data-testid="area-assign-form"]').waitFor({ state: 'detached' });

    await page.locator(`[data-testid="areas-uncovered"][data-count="${before - groups.length}"]`).waitFor();
    for (const g of groups) {
      const row = page.locator(`[data-testid="area-row"][data-group="${g}"]`);
      expect(await row.getAttribute('data-uncovered')).toBe('false');
      await row.locator('[data-testid="area-responsible"][data-name="长岭组网格员"]').waitFor();
    }
    await topShot(page, 'console-teams-areas');
  });

  it('a volunteer signs up on the public page and the secretary approves them, seeing the one-time password once', { timeout: 150_000 }, async () => {
    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const communityId = await zhonglu(admin);
    const anonymous = await request.newContext({ baseURL: browser.baseUrl() });
    const mobile = `1390731${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const signup = await anonymous.post(`/api/public/volunteer/${communityId}`, {
      data: { id: randomUUID(), name: '易志远', mobile, skills: ['gate', 'patrol'], availability: '工作日晚上、周末全天', consent: true, consentVersion: '2026-1' },
    });
    expect(signup.status()).toBe(200);
    const { reference } = (await signup.json()) as { reference: string };

    const { page } = await browser.open(DESKTOP);
    await signIn(page, 'zl.admin');
    await page.goto('/teams/volunteers');
    const row = page.locator(`[data-testid="volunteer"][data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid="volunteer-mobile"]').innerText()).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
    expect(await row.innerText()).toContain('卡点值守');
    await topShot(page, 'console-teams-volunteers');

    // The full number on request (audited by the server).
    await row.locator('[data-testid="volunteer-reveal"]').click();
    await row.locator('[data-testid="volunteer-mobile"]', { hasText: mobile }).waitFor();

    await row.locator('[data-testid="volunteer-approve"]').click();
    await page.locator('[data-testid="volunteer-approve-form"]').waitFor();
    const suggested = await page.inputValue('[data-testid="volunteer-username"]');
    expect(suggested).toMatch(new RegExp(`^v${mobile.slice(-4)}\\d{3}$`));
    await page.click('[data-testid="volunteer-role-checkpoint_volunteer"]');
    await viewShot(page, 'console-teams-volunteer-approve');
    await page.click('[data-testid="volunteer-approve-ok"]');
    const password = page.locator('[data-testid="one-time-password"]');
    await password.waitFor();
    const oneTime = await password.innerText();
    expect(await page.locator('[data-testid="password-username"]').innerText()).toBe(suggested);
    await viewShot(page, 'console-teams-one-time-password');

    // The account opens with that password (and must change it first).
    const login = await anonymous.post('/api/auth/login', { data: { username: suggested, password: oneTime } });
    expect(login.status()).toBe(200);

    await page.click('[data-testid="password-close"]');
    await password.waitFor({ state: 'detached' });
    await page.click('[data-testid="volunteers-status-approved"]');
    await page.locator(`[data-testid="volunteer"][data-reference="${reference}"][data-status="approved"] [data-testid="volunteer-username-shown"]`, { hasText: suggested }).waitFor();

    // The poster to print, with the QR code of the public sign-up page.
    await page.click('[data-testid="volunteer-poster-open"]');
    await page.locator('[data-testid="poster-qr"]').waitFor();
    expect(await page.locator('[data-testid="poster-url"]').innerText()).toContain(`/m/volunteer/${communityId}`);
    expect(await page.locator('[data-testid="poster-community"]').innerText()).toBe('中路社区');
    await topShot(page, 'console-teams-volunteer-poster');
    await anonymous.dispose();
    await admin.dispose();
  });

  it('the secretary writes the briefing with a task for a team member, who ticks it off in the field', { timeout: 150_000 }, async () => {
    const { page } = await browser.open(DESKTOP);
    await signIn(page, 'zl.admin');
    await page.goto('/teams/briefing');
    const tasks = page.locator('[data-testid="tasks"]');
    await page.locator('[data-testid="briefing"][data-day]:not([data-day=""])').waitFor();
    const doneBefore = Number(await tasks.getAttribute('data-done'));
    const totalBefore = Number(await tasks.getAttribute('data-total'));

    await page.fill('[data-testid="briefing-notes-text"]', '今晚有暴雨：各卡点加固帐篷，巡查队带测温枪。');
    await page.click('[data-testid="briefing-notes-save"]');
    await page.locator('[data-testid="briefing-notes-save"]:disabled').waitFor();

    const text = `带测温枪巡查 B 区、C 区（${randomUUID().slice(0, 4)}）`;
    await page.click('[data-testid="task-add"]');
    await page.locator('[data-testid="task-form"]').waitFor();
    await page.fill('[data-testid="task-text"]', text);
    await pick(page, 'task-people', `[data-testid="person-option"][data-name="${TEAM_MEMBER}"]`, '市残联');
    await page.keyboard.press('Escape');
    await viewShot(page, 'console-teams-task');
    await page.click('[data-testid="task-ok"]');
    await page.locator('[data-testid="task-form"]').waitFor({ state: 'detached' });
    const task = page.locator(`[data-testid="task"][data-text="${text}"]`);
    await task.waitFor();
    expect(await task.getAttribute('data-state')).toBe('open');
    expect(await page.locator('[data-testid="tasks-count"]').innerText()).toBe(`${doneBefore}/${totalBefore + 1} 已完成`);

    // The team member ticks it off on the phone (the field app's outbox batch).
    const field = await apiAs(browser.baseUrl(), 'zl.team');
    const mine = (await (await field.get('/api/me/tasks')).json()) as { tasks: { id: string; text: string }[] };
    const taskId = mine.tasks.find((t) => t.text === text)!.id;
    const tick = await field.post('/api/briefings/tasks/done', { data: { items: [{ id: randomUUID(), taskId, note: '已巡查，无异常', at: new Date().toISOString() }] } });
    expect(((await tick.json()) as { result: string }[])[0]!.result).toBe('stored');

    await page.reload();
    await page.locator(`[data-testid="task"][data-text="${text}"][data-state="done"]`).waitFor();
    const done = await page.locator(`[data-testid="task"][data-text="${text}"] [data-testid="task-done"]`).innerText();
    expect(done).toContain(TEAM_MEMBER);
    expect(done).toContain('已巡查，无异常');
    expect(await page.locator('[data-testid="tasks-count"]').innerText()).toBe(`${doneBefore + 1}/${totalBefore + 1} 已完成`);
    expect(await page.locator('[data-testid="briefing-notes-text"]').inputValue()).toContain('今晚有暴雨');
    await topShot(page, 'console-teams-briefing');
    await field.dispose();
  });
});
