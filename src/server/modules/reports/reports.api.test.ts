import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';

const uuid = () => crypto.randomUUID();
const issue = (text: string, topic = 'supplies', kind = 'issue') => ({ kind, topic, text });

describeApi('daily reports and the issues they send up', (t) => {
  const today = shanghaiDate();
  const yesterday = addDays(today, -1);
  let zhonglu = '';
  let chuanchang = '';
  let liyu = '';
  let reportId = '';
  const submit = (as: string, over: Record<string, unknown> = {}) =>
    t.call('POST', '/api/reports/submit', {
      as,
      body: { id: uuid(), communityId: zhonglu, day: yesterday, narrative: '走访9个居民小组，登记备案6人。', issues: [issue('门店防护用品不足'), issue('建议增派志愿者', 'staff', 'suggestion')], ...over },
    });

  it('fills a day’s report from the records, keeps a draft, and refuses what the rule does not allow', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    chuanchang = await t.unit(CODES.chuanchang);
    liyu = await t.unit(CODES.liyu);
    const missing = await t.call('GET', `/api/reports/day?communityId=${zhonglu}&day=${yesterday}`, { as: 'zl.admin' });
    expect(missing.statusCode).toBe(200);
    expect(missing.json).toMatchObject({
      state: 'missing', id: null, canWrite: true, sendsTo: { id: liyu, name: '栗雨街道' },
      rules: { minIssues: 2, deadlineTime: '20:00', deadlineNextDay: false, answerHours: 24, setBy: null },
      figures: { households: 0, passages: 0 },
    });
    const draft = await t.call('PUT', '/api/reports/draft', { as: 'zl.admin', body: { communityId: zhonglu, day: yesterday, narrative: '草稿', issues: [issue('门店防护用品不足')] } });
    expect(draft.json).toMatchObject({ state: 'draft', narrative: '草稿', draftIssues: [issue('门店防护用品不足')], issues: [] });
    const again = await t.call('PUT', '/api/reports/draft', { as: 'zl.admin', body: { communityId: zhonglu, day: yesterday, narrative: '草稿二', issues: [] } });
    expect(again.json).toMatchObject({ state: 'draft', id: draft.json.id, narrative: '草稿二' });

    const tooFew = await submit('zl.admin', { issues: [issue('门店防护用品不足')] });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json).toMatchObject({ code: 'REPORT_TOO_FEW_ISSUES', field: 'issues', message: '日报至少需要 2 条问题或建议' });
    const future = await submit('zl.admin', { day: addDays(today, 1) });
    expect(future.json).toMatchObject({ code: 'REPORT_DAY_IN_FUTURE', field: 'day' });
    const blank = await t.call('POST', '/api/reports/submit', { as: 'zl.admin', body: { id: uuid(), communityId: zhonglu, day: yesterday, narrative: ' ', issues: [] } });
    expect(blank.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(blank.json.details.map((d: { field: string }) => d.field)).toContain('narrative');
  });

  it('lets only the community write its report: another community, the street and a volunteer are refused', async () => {
    expect((await submit('cc.admin')).statusCode).toBe(404);
    expect((await submit('zz.street')).json).toMatchObject({ code: 'FORBIDDEN' });
    expect((await submit('zl.gate')).statusCode).toBe(404);
    // A work team's member writes the team's report, not the community's own.
    expect((await submit('zl.team')).json).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call('PUT', '/api/reports/draft', { as: 'zl.team', body: { communityId: zhonglu, day: yesterday, narrative: 'x', issues: [] } })).json).toMatchObject({ code: 'FORBIDDEN' });
    // No draft for a day not begun either.
    const ahead = await t.call('PUT', '/api/reports/draft', { as: 'zl.admin', body: { communityId: zhonglu, day: addDays(today, 1), narrative: 'x', issues: [] } });
    expect(ahead.json).toMatchObject({ code: 'REPORT_DAY_IN_FUTURE', field: 'day' });
    expect((await t.call('GET', `/api/reports/day?communityId=${zhonglu}&day=${yesterday}`, { as: 'wh.street' })).statusCode).toBe(404);
    const street = await t.call('GET', `/api/reports/day?communityId=${zhonglu}&day=${yesterday}`, { as: 'zz.street' });
    expect(street.json).toMatchObject({ state: 'draft', canWrite: false });
  });

  it('submits once (a retry answers the same), freezes the report, and sends the issues to the street', async () => {
    const id = uuid();
    const body = { id, communityId: zhonglu, day: yesterday, narrative: '走访9个居民小组，登记备案6人。', issues: [issue('门店防护用品不足'), issue('建议增派志愿者', 'staff', 'suggestion')] };
    const [first, retry] = await Promise.all([t.call('POST', '/api/reports/submit', { as: 'zl.admin', body }), t.call('POST', '/api/reports/submit', { as: 'zl.admin', body })]);
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    reportId = id;
    expect(first.json).toMatchObject({ state: 'submitted', id, version: 1, draftIssues: [], versions: [{ id, version: 1, submittedByName: '中路社区书记', late: true, correctionReason: null }] });
    expect(first.json.issues).toHaveLength(2);
    expect(first.json.issues[0]).toMatchObject({ text: '门店防护用品不足', status: 'open', to: { id: liyu, name: '栗雨街道' }, flagged: false, canAnswer: false, answers: [] });
    const rows = await t.database.db.selectFrom('daily_reports').select(['id', 'version']).where('community_id', '=', zhonglu).where('day', '=', yesterday).execute();
    expect(rows).toEqual([{ id, version: 1 }]);
    expect(await t.database.db.selectFrom('report_issues').select('id').where('report_id', '=', id).execute()).toHaveLength(2);

    const conflict = await t.call('POST', '/api/reports/submit', { as: 'zl.admin', body: { ...body, narrative: '另一个内容' } });
    expect(conflict.json).toMatchObject({ code: 'ID_CONFLICT' });
    const frozen = await submit('zl.admin');
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json).toMatchObject({ code: 'REPORT_FROZEN', ref: { type: 'report', id } });
    const edit = await t.call('PUT', '/api/reports/draft', { as: 'zl.admin', body: { communityId: zhonglu, day: yesterday, narrative: '改一下', issues: [] } });
    expect(edit.json).toMatchObject({ code: 'REPORT_FROZEN' });
    const audit = await t.database.db.selectFrom('audit_events').select('after_json').where('action', '=', 'reports.submit').execute();
    expect(audit).toHaveLength(1);
  });

  it('corrects a report as a new version with its reason; the old version stays as it was', async () => {
    const noReason = await t.call('POST', `/api/reports/${reportId}/corrections`, { as: 'zl.admin', body: { id: uuid(), reason: '', narrative: '更正', issues: [] } });
    expect(noReason.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    const corrected = await t.call('POST', `/api/reports/${reportId}/corrections`, {
      as: 'zl.admin', body: { id: uuid(), reason: '登记人数有误', narrative: '走访9个居民小组，登记备案7人。', issues: [issue('独居老人缺少药品', 'vulnerable')] },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json).toMatchObject({ state: 'submitted', version: 2, narrative: '走访9个居民小组，登记备案7人。' });
    expect(corrected.json.versions.map((v: { version: number; correctionReason: string | null }) => [v.version, v.correctionReason])).toEqual([[1, null], [2, '登记人数有误']]);
    expect(corrected.json.issues).toHaveLength(3);
    const old = await t.call('GET', `/api/reports/${reportId}`, { as: 'zz.street' });
    expect(old.json).toMatchObject({ id: reportId, version: 1, narrative: '走访9个居民小组，登记备案6人。' });
    const stale = await t.call('POST', `/api/reports/${reportId}/corrections`, { as: 'zl.admin', body: { id: uuid(), reason: '再改', narrative: 'x', issues: [] } });
    expect(stale.json).toMatchObject({ code: 'REPORT_SUPERSEDED' });
    reportId = corrected.json.id;
  });

  it('lets the street answer the issues sent to it; the community sees the answer; the district and another street cannot answer', async () => {
    const inbox = await t.call('GET', `/api/issues?orgId=${liyu}&status=open&mine=true`, { as: 'zz.street' });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json).toHaveLength(3);
    expect(inbox.json.every((i: { canAnswer: boolean }) => i.canAnswer)).toBe(true);
    const supplies = inbox.json.find((i: { text: string }) => i.text === '门店防护用品不足');
    const declinedBare = await t.call('POST', `/api/issues/${supplies.id}/answers`, { as: 'zz.street', body: { status: 'declined' } });
    expect(declinedBare.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(declinedBare.json.details[0]).toMatchObject({ field: 'reason', message: '不予采纳时请说明原因' });
    const noMeasure = await t.call('POST', `/api/issues/${supplies.id}/answers`, { as: 'zz.street', body: { status: 'done' } });
    expect(noMeasure.json.details[0]).toMatchObject({ field: 'measure' });

    const district = await t.call('POST', `/api/issues/${supplies.id}/answers`, { as: 'zz.district', body: { status: 'accepted', measure: '区里协调' } });
    expect(district.statusCode).toBe(403);
    expect(district.json).toMatchObject({ code: 'ISSUE_NOT_ADDRESSED', message: '该问题报送的是 栗雨街道，不在您单位的答复范围内' });
    expect((await t.call('POST', `/api/issues/${supplies.id}/answers`, { as: 'wh.street', body: { status: 'accepted', measure: 'x' } })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/issues/${supplies.id}/answers`, { as: 'zl.admin', body: { status: 'done', measure: 'x' } })).json).toMatchObject({ code: 'ISSUE_NOT_ADDRESSED' });

    const accepted = await t.call('POST', `/api/issues/${supplies.id}/answers`, { as: 'zz.street', body: { status: 'accepted', measure: '向市派疫控工作办申请物资' } });
    expect(accepted.json).toMatchObject({ status: 'accepted', answers: [{ status: 'accepted', measure: '向市派疫控工作办申请物资', officeName: '栗雨街道', byName: '栗雨街道管理员' }] });
    const done = await t.call('POST', `/api/issues/${supplies.id}/answers`, { as: 'zz.street', body: { status: 'done', measure: '每个社区配发体温枪1把、口罩500个' } });
    expect(done.json.status).toBe('done');
    expect(done.json.answers.map((a: { status: string }) => a.status)).toEqual(['done', 'accepted']);

    const seen = await t.call('GET', `/api/reports/day?communityId=${zhonglu}&day=${yesterday}`, { as: 'zl.admin' });
    const answeredIssue = seen.json.issues.find((i: { id: string }) => i.id === supplies.id);
    expect(answeredIssue).toMatchObject({ status: 'done' });
    expect(answeredIssue.answers[0]).toMatchObject({ measure: '每个社区配发体温枪1把、口罩500个', officeName: '栗雨街道' });
    const districtView = await t.call('GET', `/api/issues?orgId=${await t.unit('430211')}&status=answered`, { as: 'zz.district' });
    expect(districtView.json.map((i: { id: string; canAnswer: boolean }) => [i.id, i.canAnswer])).toEqual([[supplies.id, false]]);
  });

  it('groups similar issues and answers them once; issues of two offices cannot be grouped', async () => {
    const open = (await t.call('GET', `/api/issues?orgId=${liyu}&status=open`, { as: 'zz.street' })).json as { id: string }[];
    expect(open).toHaveLength(2);
    const tooSmall = await t.call('POST', '/api/issues/groups', { as: 'zz.street', body: { title: '人手', issueIds: [open[0]!.id] } });
    expect(tooSmall.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    const group = await t.call('POST', '/api/issues/groups', { as: 'zz.street', body: { title: '人手与药品', issueIds: open.map((i) => i.id) } });
    expect(group.statusCode).toBe(200);
    expect(group.json.issues).toHaveLength(2);
    const answered = await t.call('POST', `/api/issues/groups/${group.json.id}/answers`, { as: 'zz.street', body: { status: 'in_progress', measure: '街道统一调配' } });
    expect(answered.json.issues.map((i: { status: string; group: { title: string } }) => [i.status, i.group.title])).toEqual([['in_progress', '人手与药品'], ['in_progress', '人手与药品']]);
    expect(answered.json.issues[0].answers[0]).toMatchObject({ groupTitle: '人手与药品', measure: '街道统一调配' });
    expect((await t.call('POST', `/api/issues/groups/${group.json.id}/answers`, { as: 'wh.street', body: { status: 'done', measure: 'x' } })).statusCode).toBe(404);
    // Grouped once: not moved into another group; the same request again (its id) answers the same group.
    const again = await t.call('POST', '/api/issues/groups', { as: 'zz.street', body: { title: '再次归并', issueIds: open.map((i) => i.id) } });
    expect(again.statusCode).toBe(409);
    expect(again.json).toMatchObject({ code: 'ISSUE_ALREADY_GROUPED', field: 'issueIds', message: expect.stringContaining('人手与药品') });
    const retried = await t.call('POST', '/api/issues/groups', { as: 'zz.street', body: { id: group.json.id, title: '人手与药品', issueIds: open.map((i) => i.id) } });
    expect(retried.json).toMatchObject({ id: group.json.id, title: '人手与药品' });
  });

  it('flags an issue left unanswered past the office’s time, at both ends', async () => {
    const rules = await t.call('PUT', `/api/reports/rules/${liyu}`, { as: 'zz.street', body: { minIssues: 1, deadlineTime: '09:00', deadlineNextDay: true, answerHours: 1 } });
    expect(rules.json).toMatchObject({ minIssues: 1, setBy: { id: liyu, name: '栗雨街道' } });
    const rule = { minIssues: 0, deadlineTime: '09:00', deadlineNextDay: true, answerHours: 1 };
    expect((await t.call('PUT', `/api/reports/rules/${liyu}`, { as: 'zl.admin', body: rule })).statusCode).toBe(404);
    expect((await t.call('PUT', `/api/reports/rules/${zhonglu}`, { as: 'zz.street', body: rule })).json).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call('PUT', `/api/reports/rules/${liyu}`, { as: 'zz.street', body: { ...rule, deadlineTime: '25:00' } })).json.details[0]).toMatchObject({ field: 'deadlineTime' });
    expect((await t.call('GET', `/api/reports/rules?orgId=${zhonglu}`, { as: 'zl.admin' })).json).toMatchObject({ minIssues: 1, deadlineNextDay: true });
    const day = addDays(today, -2);
    const one = await submit('zl.admin', { day, issues: [issue('帐篷需要加固', 'gates')] });
    expect(one.statusCode).toBe(200);
    expect(one.json.deadlineAt).toBe(new Date(`${addDays(day, 1)}T01:00:00Z`).toISOString());
    const sent = one.json.issues[0];
    await t.database.db.updateTable('report_issues').set({ sent_at: new Date(Date.now() - 2 * 3600_000).toISOString(), flag_at: new Date(Date.now() - 3600_000).toISOString() }).where('id', '=', sent.id).execute();
    const flagged = await t.call('GET', `/api/issues?orgId=${liyu}&status=flagged`, { as: 'zz.street' });
    expect(flagged.json.map((i: { id: string; flagged: boolean }) => [i.id, i.flagged])).toEqual([[sent.id, true]]);
    const community = await t.call('GET', `/api/reports/day?communityId=${zhonglu}&day=${day}`, { as: 'zl.admin' });
    expect(community.json.issues[0]).toMatchObject({ flagged: true });
    const level = await t.call('GET', `/api/reports/level?orgId=${liyu}&day=${day}`, { as: 'zz.street' });
    expect(level.json.total).toMatchObject({ communities: 1, reportsIn: 1, openIssues: 1, flaggedIssues: 1 });
  });

  it('keeps a work team’s report apart from the community’s and sends its issues to the city office', async () => {
    const org = await t.call('POST', '/api/teams/orgs', { as: 'zl.admin', body: { unitId: zhonglu, name: '市残联', kind: 'bureau' } });
    const team = await t.call('POST', '/api/teams', { as: 'zl.admin', body: { communityId: zhonglu, sendingOrgId: org.json.id, name: '市残联驻中路社区工作队', kind: 'work_team', from: addDays(today, -5) } });
    const zlTeam = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'zl.team').executeTakeFirstOrThrow()).id;
    await t.call('POST', `/api/teams/${team.json.id}/members`, { as: 'zl.admin', body: { userId: zlTeam, role: 'leader', from: addDays(today, -5) } });
    const body = { communityId: zhonglu, teamId: team.json.id, day: yesterday, narrative: '工作队今日走访12个小组。', issues: [issue('门店、微小企业防护用品不足'), issue('建议统一采购防护用品', 'supplies', 'suggestion')] };
    const ok = await t.call('POST', '/api/reports/submit', { as: 'zl.team', body: { id: uuid(), ...body } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json).toMatchObject({ team: { name: '市残联驻中路社区工作队' }, sendsTo: { name: '株洲市' }, version: 1 });
    expect(ok.json.issues[0]).toMatchObject({ to: { name: '株洲市' }, teamName: '市残联驻中路社区工作队' });
    // The member not on the team (a grid worker has no report.write; another team member off the team is told why).
    expect((await t.call('POST', '/api/reports/submit', { as: 'zl.tm1', body: { id: uuid(), ...body, day: today } })).json).toMatchObject({ code: 'NOT_ON_TEAM_THAT_DAY' });
    expect((await t.call('POST', '/api/reports/submit', { as: 'zl.team', body: { id: uuid(), ...body, day: addDays(today, -6) } })).json).toMatchObject({ code: 'DAY_OUTSIDE_TEAM' });
    // The street reads it but answers only what was sent to the street.
    const teamIssue = ok.json.issues[0].id;
    expect((await t.call('POST', `/api/issues/${teamIssue}/answers`, { as: 'zz.street', body: { status: 'done', measure: 'x' } })).json).toMatchObject({ code: 'ISSUE_NOT_ADDRESSED' });
    const city = await t.call('POST', `/api/issues/${teamIssue}/answers`, { as: 'zz.city', body: { status: 'done', measure: '22日每个社区配发体温枪1把、口罩500个' } });
    expect(city.json).toMatchObject({ status: 'done', answers: [{ officeName: '株洲市' }] });
    // "Sent to my office": the city's own, not the street's below it.
    const mine = await t.call('GET', `/api/issues?orgId=${await t.unit('430200')}&mine=true`, { as: 'zz.city' });
    expect(mine.json.map((i: { id: string }) => i.id).sort()).toEqual(ok.json.issues.map((i: { id: string }) => i.id).sort());
    expect((await t.call('GET', `/api/issues?orgId=${await t.unit('430200')}`, { as: 'zz.city' })).json.length).toBeGreaterThan(1);
    // The community's own report of the day is still the one the level shows.
    const level = await t.call('GET', `/api/reports/level?orgId=${liyu}&day=${yesterday}`, { as: 'zz.street' });
    expect(level.json.communities[0]).toMatchObject({ name: '中路社区', state: 'submitted', teamName: null, version: 2 });
    void chuanchang;
  });

  // Last: it stops the server.
  it('tells the street’s live pages when a community’s report arrives or an issue is answered, and nobody else', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/dashboard/stream?orgId=${liyu}`, { headers: { cookie: await t.login('zz.street') }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';
    expect(text).not.toContain('event: changed');
    const sent = await submit('zl.admin', { day: addDays(today, -3) });
    expect(sent.statusCode).toBe(200);
    while (!text.includes('event: changed')) text += (await reader.read()).value ?? '';
    controller.abort();
    expect((await fetch(`${address}/api/dashboard/stream?orgId=${liyu}`, { headers: { cookie: await t.login('wh.street') } })).status).toBe(404);
    await t.app.close();
  });
});
