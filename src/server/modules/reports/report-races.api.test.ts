import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';
import { issuesRepository } from './issues.repository.ts';

const uuid = () => crypto.randomUUID();
const issue = (text: string, topic = 'supplies', kind = 'issue') => ({ kind, topic, text });

/** Requests that arrive together: a draft saved as one submits, two groupings, a retried correction. */
describeApi('daily reports when requests arrive at once', (t) => {
  const today = shanghaiDate();
  let zhonglu = '';
  const body = (day: string) => ({ communityId: zhonglu, day, narrative: '走访9个居民小组。', issues: [issue('门店防护用品不足'), issue('建议增派志愿者', 'staff', 'suggestion')] });

  it('never keeps a draft beside a submitted report when the first draft is saved as the report is submitted', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    for (let n = 10; n < 20; n++) {
      const day = addDays(today, -n);
      const [draft, submitted] = await Promise.all([
        t.call('PUT', '/api/reports/draft', { as: 'zl.admin', body: body(day) }),
        t.call('POST', '/api/reports/submit', { as: 'zl.admin', body: { id: uuid(), ...body(day) } }),
      ]);
      expect(submitted.statusCode).toBe(200);
      expect([200, 409]).toContain(draft.statusCode);
      const current = await t.database.db.selectFrom('daily_reports').select(['version']).where('community_id', '=', zhonglu).where('day', '=', day)
        .where('current', '=', 1).execute();
      expect(current.map((r) => r.version)).toEqual([1]);
      const seen = await t.call('GET', `/api/reports/day?communityId=${zhonglu}&day=${day}`, { as: 'zl.admin' });
      expect(seen.json).toMatchObject({ state: 'submitted', version: 1 });
    }
  });

  it('answers a correction sent twice at once as one correction', async () => {
    const day = addDays(today, -25);
    const first = await t.call('POST', '/api/reports/submit', { as: 'zl.admin', body: { id: uuid(), ...body(day) } });
    const correction = { id: uuid(), reason: '登记人数有误', narrative: '走访9个居民小组，登记备案7人。', issues: [] };
    const [a, b] = await Promise.all([
      t.call('POST', `/api/reports/${first.json.id}/corrections`, { as: 'zl.admin', body: correction }),
      t.call('POST', `/api/reports/${first.json.id}/corrections`, { as: 'zl.admin', body: correction }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json.id, b.json.id]).toEqual([correction.id, correction.id]);
    expect(a.json.versions).toHaveLength(2);
  });

  it('puts an issue in one group when two groupings of it arrive at once', async () => {
    const day = addDays(today, -30);
    const sent = await t.call('POST', '/api/reports/submit', {
      as: 'zl.admin', body: { id: uuid(), ...body(day), issues: [issue('口罩不足'), issue('体温枪不足'), issue('消毒液不足')] },
    });
    const [one, two, three] = sent.json.issues.map((i: { id: string }) => i.id) as [string, string, string];
    const [a, b] = await Promise.all([
      t.call('POST', '/api/issues/groups', { as: 'zz.street', body: { title: '防护用品', issueIds: [one, two] } }),
      t.call('POST', '/api/issues/groups', { as: 'zz.street', body: { title: '物资', issueIds: [one, three] } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const won = a.statusCode === 200 ? a.json : b.json;
    const rows = await t.database.db.selectFrom('report_issues').select(['id', 'group_id']).where('id', 'in', [one, two, three]).execute();
    const groupOf = new Map(rows.map((r) => [r.id, r.group_id]));
    for (const i of won.issues as { id: string }[]) expect(groupOf.get(i.id)).toBe(won.id);
    expect(rows.filter((r) => r.group_id !== null)).toHaveLength(2);
  });

  it('does not name a group on an answer given to one issue of it', async () => {
    const open = (await t.call('GET', `/api/issues?orgId=${await t.unit(CODES.liyu)}&status=open`, { as: 'zz.street' })).json as { id: string; group: unknown }[];
    const grouped = open.find((i) => i.group !== null)!;
    const answered = await t.call('POST', `/api/issues/${grouped.id}/answers`, { as: 'zz.street', body: { status: 'accepted', measure: '单独答复' } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json.answers[0]).toMatchObject({ measure: '单独答复', groupTitle: null });
  });
});

describeApi('the live pages’ news of a community', (t) => {
  const heard = async (act: () => Promise<unknown>): Promise<string[]> => {
    const ids: string[] = [];
    const stop = t.services.news.onAny((id) => ids.push(id));
    try {
      await act();
    } finally {
      stop();
    }
    return ids;
  };

  it('tells the level a draft was begun, and the dashboard a briefing task was done', async () => {
    const zhonglu = await t.database.db.selectFrom('org_units').select(['id', 'path']).where('code', '=', CODES.zhonglu).executeTakeFirstOrThrow();
    const day = shanghaiDate();
    const draft = await heard(async () => {
      const r = await t.call('PUT', '/api/reports/draft', { as: 'zl.admin', body: { communityId: zhonglu.id, day, narrative: '草稿', issues: [] } });
      expect(r.statusCode).toBe(200);
    });
    expect(draft).toContain(zhonglu.id);

    const by = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'zl.admin').executeTakeFirstOrThrow()).id;
    const taskId = crypto.randomUUID();
    await t.database.db.insertInto('briefing_tasks').values({
      id: taskId, community_id: zhonglu.id, org_path: zhonglu.path, day, text: '清点物资', group_ids: '[]', created_by: by, created_at: new Date().toISOString(),
      done_at: null, done_by: null, done_note: null, done_tick_id: null, cancelled_at: null,
    }).execute();
    const tick = await heard(async () => {
      const r = await t.call('POST', '/api/briefings/tasks/done', { as: 'zl.admin', body: { items: [{ id: uuid(), taskId, at: new Date().toISOString() }] } });
      expect(r.json).toMatchObject([{ result: 'stored' }]);
    });
    expect(tick).toContain(zhonglu.id);
  });

  it('tells the dashboard a household was screened and a duty checked in', async () => {
    const db = t.database.db;
    const zhonglu = await db.selectFrom('org_units').select(['id', 'path']).where('code', '=', CODES.zhonglu).executeTakeFirstOrThrow();
    const group = await db.selectFrom('org_units').select(['id', 'path']).where('parent_id', '=', zhonglu.id).where('kind', '=', 'group').orderBy('path').executeTakeFirstOrThrow();
    const round = await t.call('POST', '/api/screening/rounds', { as: 'zl.admin', body: { communityId: zhonglu.id, name: '第一轮', groupIds: [group.id], startsOn: addDays(shanghaiDate(), -1) } });
    expect(round.statusCode).toBe(201);
    const now = new Date().toISOString();
    const household = crypto.randomUUID();
    await db.insertInto('households').values({ id: household, community_id: zhonglu.id, group_id: group.id, org_path: group.path, address: '测试路1号', address_number: '1', head_id: null, created_at: now, updated_at: now }).execute();
    const visit = await heard(async () => {
      const r = await t.call('POST', '/api/screening/visits', {
        as: 'zl.admin', body: { visits: [{ id: uuid(), roundId: round.json.id, householdId: household, visitedAt: now, outcome: 'nobody_home', presentIds: [], health: { fever: false, cough: false }, arrivals: [] }] },
      });
      expect(r.json).toMatchObject([{ result: 'stored' }]);
    });
    expect(visit).toContain(zhonglu.id);

    const admin = (await db.selectFrom('users').select('id').where('username', '=', 'zl.admin').executeTakeFirstOrThrow()).id;
    const entrance = crypto.randomUUID();
    await db.insertInto('entrances').values({ id: entrance, community_id: zhonglu.id, org_path: zhonglu.path, name: '测试门', description: null, sort_order: 99, created_at: now, updated_at: now }).execute();
    await db.insertInto('duties').values({ id: crypto.randomUUID(), entrance_id: entrance, community_id: zhonglu.id, org_path: zhonglu.path, user_id: admin, day: shanghaiDate(), start_time: '00:00', end_time: '23:59', created_by: admin, created_at: now }).execute();
    const checkIn = await heard(async () => {
      const r = await t.call('POST', '/api/rosters/check-ins', { as: 'zl.admin', body: { items: [{ id: uuid(), entranceId: entrance, at: now }] } });
      expect(r.json).toMatchObject([{ result: 'stored' }]);
    });
    expect(checkIn).toContain(zhonglu.id);
  });

  it('describes every reports route in the API document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, { summary?: string }>> };
    const routes = Object.entries(doc.paths).filter(([path]) => /^\/api\/(reports|issues|dashboard)/.test(path))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method} ${path}`, Boolean(op.summary)]));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter(([, has]) => !has)).toEqual([]);
  });
});

describeApi('the rule a work team’s report follows', (t) => {
  it('is the city office’s, to which it reports, not the street’s', async () => {
    const today = shanghaiDate();
    const zhonglu = await t.unit(CODES.zhonglu);
    const liyu = await t.unit(CODES.liyu);
    const city = await t.unit('430200');
    const org = await t.call('POST', '/api/teams/orgs', { as: 'zl.admin', body: { unitId: zhonglu, name: '市残联', kind: 'bureau' } });
    const team = await t.call('POST', '/api/teams', { as: 'zl.admin', body: { communityId: zhonglu, sendingOrgId: org.json.id, name: '市残联驻中路社区工作队', kind: 'work_team', from: addDays(today, -5) } });
    expect(team.statusCode).toBe(200);
    // The street asks little of its communities and answers within the hour; the city asks three issues and answers within two days.
    expect((await t.call('PUT', `/api/reports/rules/${liyu}`, { as: 'zz.street', body: { minIssues: 0, deadlineTime: '09:00', deadlineNextDay: true, answerHours: 1 } })).statusCode).toBe(200);
    expect((await t.call('PUT', `/api/reports/rules/${city}`, { as: 'zz.city', body: { minIssues: 3, deadlineTime: '18:00', deadlineNextDay: false, answerHours: 48 } })).statusCode).toBe(200);
    const day = addDays(today, -1);
    const read = await t.call('GET', `/api/reports/day?communityId=${zhonglu}&teamId=${team.json.id}&day=${day}`, { as: 'zl.admin' });
    expect(read.json).toMatchObject({ sendsTo: { id: city }, rules: { minIssues: 3, answerHours: 48, setBy: { id: city } } });
    const body = { communityId: zhonglu, teamId: team.json.id, day, narrative: '工作队今日走访12个小组。', issues: [issue('口罩不足'), issue('体温枪不足')] };
    const tooFew = await t.call('POST', '/api/reports/submit', { as: 'zl.admin', body: { id: uuid(), ...body } });
    expect(tooFew.json).toMatchObject({ code: 'REPORT_TOO_FEW_ISSUES', field: 'issues' });
    const sent = await t.call('POST', '/api/reports/submit', { as: 'zl.admin', body: { id: uuid(), ...body, issues: [...body.issues, issue('消毒液不足')] } });
    expect(sent.statusCode).toBe(200);
    const first = sent.json.issues[0];
    expect(Date.parse(first.flagAt) - Date.parse(first.sentAt)).toBe(48 * 3_600_000);
    // The community's own report still follows the street's.
    const own = await t.call('GET', `/api/reports/day?communityId=${zhonglu}&day=${day}`, { as: 'zl.admin' });
    expect(own.json.rules).toMatchObject({ minIssues: 0, setBy: { id: liyu } });
  });
});

describeApi('an issue answered twice at once', (t) => {
  it('shows the newest answer’s status, whichever was stored last', async () => {
    const zhonglu = await t.unit(CODES.zhonglu);
    const sent = await t.call('POST', '/api/reports/submit', {
      as: 'zl.admin', body: { id: uuid(), communityId: zhonglu, day: addDays(shanghaiDate(), -1), narrative: '走访。', issues: [issue('口罩不足'), issue('体温枪不足')] },
    });
    const id = sent.json.issues[0].id as string;
    const db = t.database.db;
    const street = await t.unit(CODES.liyu);
    const by = (await db.selectFrom('users').select('id').where('username', '=', 'zz.street').executeTakeFirstOrThrow()).id;
    const answer = (status: string, at: string) => ({ id: uuid(), issue_id: id, status, measure: status, reason: null, office_id: street, group_id: null, answered_by: by, answered_at: at });
    // A group's answer given at 10:00:01 commits after one given to the issue alone at 10:00:02.
    await issuesRepository.insertAnswer(db, answer('done', '2026-11-25T02:00:02.000Z'));
    await issuesRepository.insertAnswer(db, answer('in_progress', '2026-11-25T02:00:01.000Z'));
    const read = (await t.call('GET', `/api/issues?orgId=${street}`, { as: 'zz.street' })).json.find((i: { id: string }) => i.id === id);
    expect(read.answers[0].status).toBe('done');
    expect(read.status).toBe('done');
  });
});
