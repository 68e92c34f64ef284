import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';

const uuid = () => crypto.randomUUID();

describeApi('morning briefing, tasks and hazards', (t) => {
  const today = shanghaiDate();
  let zhonglu = '';
  let chuanchang = '';
  const people: Record<string, string> = {};
  let teamId = '';
  let dahai = '';
  const tasks: Record<string, string> = {};
  const tick = (taskId: string, over: Record<string, unknown> = {}) => ({ id: uuid(), taskId, at: new Date().toISOString(), ...over });
  const done = async (as: string, items: unknown[], queueOf?: string) => {
    const r = await t.call('POST', '/api/briefings/tasks/done', { as, body: { items }, headers: { 'x-linli-queue-of': queueOf ?? (await userId(as)) } });
    expect(r.statusCode).toBe(200);
    return r.json as { id: string; result: string; code?: string; message?: string; field?: string }[];
  };
  const userId = async (username: string) => {
    const row = await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return row.id;
  };

  it('sets up a work team through the teams API: members by days, one replaced before today', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    chuanchang = await t.unit(CODES.chuanchang);
    dahai = await t.unit(CODES.dahai);
    for (const u of ['zl.team', 'zl.g01', 'zl.g02', 'zl.g03', 'zl.g05', 'cc.team']) people[u] = await userId(u);
    const org = await t.call('POST', '/api/teams/orgs', { as: 'zl.admin', body: { unitId: zhonglu, name: '市残联', kind: 'bureau' } });
    expect(org.statusCode).toBe(200);
    const team = await t.call('POST', '/api/teams', { as: 'zl.admin', body: { communityId: zhonglu, sendingOrgId: org.json.id, name: '市残联工作队', kind: 'work_team', from: addDays(today, -10) } });
    expect(team.statusCode).toBe(200);
    teamId = team.json.id;
    for (const u of ['zl.team', 'zl.g02']) {
      const added = await t.call('POST', `/api/teams/${teamId}/members`, { as: 'zl.admin', body: { userId: people[u], role: 'member', from: addDays(today, -10) } });
      expect(added.statusCode).toBe(200);
    }
    // zl.g02 left the team yesterday; zl.g03 took their place.
    const replaced = await t.call('POST', `/api/teams/${teamId}/replacements`, {
      as: 'zl.admin', body: { outgoingUserId: people['zl.g02'], incomingUserId: people['zl.g03'], day: addDays(today, -1), reason: '调回原单位' },
    });
    expect(replaced.statusCode).toBe(200);
  });

  it('answers the day’s briefing before any notes, then writes and rewrites them (audited)', async () => {
    const empty = await t.call('GET', `/api/briefings?communityId=${zhonglu}&day=${today}`, { as: 'zl.admin' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json).toEqual({ communityId: zhonglu, communityName: '中路社区', day: today, notes: null, writtenByName: null, updatedAt: null, tasks: [], done: 0, hazards: [] });
    const first = await t.call('PUT', '/api/briefings', { as: 'zl.admin', body: { communityId: zhonglu, day: today, notes: '今日重点：独居老人走访' } });
    expect(first.statusCode).toBe(200);
    expect(first.json).toMatchObject({ notes: '今日重点：独居老人走访', writtenByName: '中路社区书记', updatedAt: expect.any(String) });
    const second = await t.call('PUT', '/api/briefings', { as: 'zl.admin', body: { communityId: zhonglu, day: today, notes: '今日重点：独居老人走访；防汛' } });
    expect(second.json.notes).toBe('今日重点：独居老人走访；防汛');
    expect(await t.database.db.selectFrom('briefings').select('id').where('community_id', '=', zhonglu).execute()).toHaveLength(1);
    const audit = await t.database.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'briefing.write').orderBy('at').execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ notes: '今日重点：独居老人走访' });
  });

  it('gives tasks to a person and to a team; a retry with the same id is stored once', async () => {
    const id = uuid();
    const body = { id, communityId: zhonglu, day: today, text: '走访大海组独居老人', groupIds: [dahai], assignees: [{ userId: people['zl.g01'] }] };
    const r = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body });
    expect(r.statusCode).toBe(200);
    expect(r.json).toMatchObject({
      id, day: today, text: '走访大海组独居老人', groups: [{ id: dahai, name: '大海组' }], assignees: [{ userId: people['zl.g01'], teamId: null, name: '大海组网格员' }],
      doneAt: null, cancelledAt: null, createdByName: '中路社区书记',
    });
    tasks.person = id;
    const again = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body });
    expect(again.json).toEqual(r.json);
    const other = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { ...body, text: '另一个任务' } });
    expect(other.statusCode).toBe(409);
    expect(other.json).toMatchObject({ code: 'ID_CONFLICT', field: 'id' });
    const team = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { communityId: zhonglu, day: today, text: '清理3栋楼道杂物', assignees: [{ teamId }] } });
    expect(team.json.assignees).toEqual([{ userId: null, teamId, name: '市残联工作队' }]);
    tasks.team = team.json.id;
    const past = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { communityId: zhonglu, day: addDays(today, -5), text: '发放口罩', assignees: [{ teamId }] } });
    tasks.past = past.json.id;
    const cancel = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { communityId: zhonglu, day: today, text: '张贴通知', assignees: [{ userId: people['zl.g05'] }] } });
    tasks.cancel = cancel.json.id;
  });

  it('refuses a group of another community or dissolved, an assignee outside the community and an unknown team', async () => {
    const base = { communityId: zhonglu, day: today, text: '任务', assignees: [{ userId: people['zl.g01'] }] };
    const zone = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { ...base, groupIds: [await t.unit(CODES.zoneB)] } });
    expect(zone.statusCode).toBe(400);
    expect(zone.json).toMatchObject({ code: 'GROUP_NOT_IN_COMMUNITY', field: 'groupIds' });
    const dissolved = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { ...base, groupIds: [await t.unit(CODES.dissolved)] } });
    expect(dissolved.json).toMatchObject({ code: 'GROUP_NOT_IN_COMMUNITY', field: 'groupIds' });
    const outsider = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { ...base, assignees: [{ userId: people['zl.g01'] }, { userId: people['cc.team'] }] } });
    expect(outsider.json).toMatchObject({ code: 'MEMBER_OUTSIDE_COMMUNITY', field: 'assignees.1' });
    const noTeam = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { ...base, assignees: [{ teamId: uuid() }] } });
    expect(noTeam.statusCode).toBe(404);
    expect(noTeam.json).toMatchObject({ code: 'NOT_FOUND', field: 'assignees.0' });
    const none = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { ...base, assignees: [] } });
    expect(none.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'assignees' });
  });

  it('lets a team member of the day tick a team task once; a retry is already stored, a second tick names who did it', async () => {
    const first = tick(tasks.team!, { note: '已清理' });
    expect(await done('zl.team', [first])).toEqual([{ id: first.id, result: 'stored' }]);
    expect(await done('zl.team', [first])).toEqual([{ id: first.id, result: 'already_stored' }]);
    // The same tick id for another task is a different record.
    expect((await done('zl.team', [{ ...first, taskId: tasks.person }]))[0]).toMatchObject({ result: 'refused', code: 'ID_CONFLICT', field: 'id' });
    const [second] = await done('zl.g03', [tick(tasks.team!)]);
    expect(second).toMatchObject({ result: 'refused', code: 'TASK_DONE', field: 'taskId', message: '该任务已由 市残联驻社区工作队队员 完成' });
    // Someone who left the team yesterday is not on it today.
    expect((await done('zl.g02', [tick(tasks.team!)]))[0]).toMatchObject({ result: 'refused', code: 'TASK_NOT_YOURS' });
    const stored = await t.database.db.selectFrom('briefing_tasks').selectAll().where('id', '=', tasks.team!).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ done_by: people['zl.team'], done_note: '已清理', done_tick_id: first.id, done_at: new Date(first.at).toISOString() });
  });

  it('follows the team of the task’s day: five days ago zl.g02 was on it and zl.g03 was not', async () => {
    const [g03, g02] = [tick(tasks.past!), tick(tasks.past!)];
    expect((await done('zl.g03', [g03]))[0]).toMatchObject({ result: 'refused', code: 'TASK_NOT_YOURS' });
    expect(await done('zl.g02', [g02])).toEqual([{ id: g02.id, result: 'stored' }]);
  });

  it('ticks a person’s task in a batch beside refused items; others are told it is not theirs or find nothing', async () => {
    const mine = tick(tasks.person!, { note: '老人身体良好' });
    const results = await done('zl.g01', [tick(tasks.team!), mine, { id: uuid(), taskId: tasks.person, at: 'yesterday' }, tick(uuid())]);
    expect(results.map((r) => r.result === 'refused' ? r.code : r.result)).toEqual(['TASK_NOT_YOURS', 'stored', 'VALIDATION_FAILED', 'NOT_FOUND']);
    expect((await done('cc.gate', [tick(tasks.cancel!)]))[0]).toMatchObject({ result: 'refused', code: 'NOT_FOUND' });
    // A queue saved by another user is refused as a whole.
    const foreign = await t.call('POST', '/api/briefings/tasks/done', { as: 'zl.g05', body: { items: [tick(tasks.cancel!)] }, headers: { 'x-linli-queue-of': people['zl.g01']! } });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json).toMatchObject({ code: 'QUEUE_OF_ANOTHER_USER' });
  });

  it('cancels a task: ticks are refused, a done task cannot be edited, a cancelled one can be restored', async () => {
    const cancelled = await t.call('PATCH', `/api/briefings/tasks/${tasks.cancel}`, { as: 'zl.admin', body: { cancelled: true } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json.cancelledAt).toEqual(expect.any(String));
    expect((await done('zl.g05', [tick(tasks.cancel!)]))[0]).toMatchObject({ result: 'refused', code: 'TASK_CANCELLED' });
    expect((await t.call('PATCH', `/api/briefings/tasks/${tasks.cancel}`, { as: 'zl.admin', body: { text: '改' } })).json).toMatchObject({ code: 'TASK_CANCELLED' });
    const doneEdit = await t.call('PATCH', `/api/briefings/tasks/${tasks.team}`, { as: 'zl.admin', body: { cancelled: true } });
    expect(doneEdit.statusCode).toBe(409);
    expect(doneEdit.json).toMatchObject({ code: 'TASK_DONE' });
    const restored = await t.call('PATCH', `/api/briefings/tasks/${tasks.cancel}`, { as: 'zl.admin', body: { cancelled: false, text: '张贴防汛通知' } });
    expect(restored.json).toMatchObject({ cancelledAt: null, text: '张贴防汛通知' });
    await t.call('PATCH', `/api/briefings/tasks/${tasks.cancel}`, { as: 'zl.admin', body: { cancelled: true } });
    const briefing = await t.call('GET', `/api/briefings?communityId=${zhonglu}&day=${today}`, { as: 'zl.admin' });
    expect(briefing.json.tasks.map((x: { id: string }) => x.id)).toEqual([tasks.person, tasks.team, tasks.cancel]);
    expect(briefing.json.done).toBe(2);
    expect(briefing.json.tasks[0]).toMatchObject({ doneByName: '大海组网格员', doneNote: '老人身体良好', doneAt: expect.any(String) });
    // The community's lead may tick off anyone's task (done on their behalf at the meeting).
    const lead = await t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: { communityId: zhonglu, day: addDays(today, 1), text: '核对物资', assignees: [{ userId: people['zl.g05'] }] } });
    const byLead = tick(lead.json.id);
    expect(await done('zl.admin', [byLead])).toEqual([{ id: byLead.id, result: 'stored' }]);
  });

  it('lists my tasks of a day: mine and my team’s of that day, in any community', async () => {
    const team = await t.call('GET', '/api/me/tasks', { as: 'zl.team' });
    expect(team.statusCode).toBe(200);
    expect(team.json).toMatchObject({ day: today });
    expect(team.json.tasks.map((x: { id: string }) => x.id)).toEqual([tasks.team]);
    expect((await t.call('GET', '/api/me/tasks', { as: 'zl.g01' })).json.tasks.map((x: { id: string }) => x.id)).toEqual([tasks.person]);
    expect((await t.call('GET', '/api/me/tasks', { as: 'zl.g02' })).json.tasks).toEqual([]);
    expect((await t.call('GET', `/api/me/tasks?day=${addDays(today, -5)}`, { as: 'zl.g02' })).json.tasks.map((x: { id: string }) => x.id)).toEqual([tasks.past]);
    expect((await t.call('GET', `/api/me/tasks?day=${addDays(today, -5)}`, { as: 'zl.g03' })).json.tasks).toEqual([]);
  });

  it('logs hazards with updates; only the lead closes them; a closed hazard takes no updates', async () => {
    const logged = await t.call('POST', '/api/hazards', { as: 'zl.g05', body: { communityId: zhonglu, kind: 'flooding', place: '新塘组排水沟', description: '水位上涨，漫过路面' } });
    expect(logged.statusCode).toBe(200);
    expect(logged.json).toMatchObject({ kind: 'flooding', reportedByName: '新塘组网格员', closedAt: null, updates: [] });
    const id = logged.json.id;
    const update = await t.call('POST', `/api/hazards/${id}/updates`, { as: 'zl.g05', body: { note: '已设置警示牌' } });
    expect(update.json.updates).toEqual([{ at: expect.any(String), byName: '新塘组网格员', note: '已设置警示牌', closed: false }]);
    const notLead = await t.call('POST', `/api/hazards/${id}/updates`, { as: 'zl.g05', body: { note: '水退了', close: true } });
    expect(notLead.statusCode).toBe(403);
    const storm = await t.call('POST', '/api/hazards', { as: 'zl.admin', body: { id: uuid(), communityId: zhonglu, kind: 'rainstorm', place: '全社区', description: '暴雨橙色预警' } });
    // Open ones on the phone, with the day's tasks.
    const mine = await t.call('GET', '/api/me/tasks', { as: 'zl.g01' });
    expect(mine.json.hazards.map((h: { id: string }) => h.id).sort()).toEqual([id, storm.json.id].sort());
    const closed = await t.call('POST', `/api/hazards/${id}/updates`, { as: 'zl.admin', body: { note: '水已退，警示牌撤除', close: true } });
    expect(closed.json).toMatchObject({ closedAt: expect.any(String), updates: [{ closed: false }, { closed: true, byName: '中路社区书记' }] });
    const late = await t.call('POST', `/api/hazards/${id}/updates`, { as: 'zl.g05', body: { note: '又涨了' } });
    expect(late.statusCode).toBe(409);
    expect(late.json).toMatchObject({ code: 'HAZARD_CLOSED' });
    expect((await t.call('GET', `/api/hazards?communityId=${zhonglu}&open=true`, { as: 'zl.g05' })).json.map((h: { id: string }) => h.id)).toEqual([storm.json.id]);
    expect((await t.call('GET', `/api/hazards?communityId=${zhonglu}&open=false`, { as: 'zl.g05' })).json.map((h: { id: string }) => h.id)).toEqual([id]);
    // The day's briefing keeps the one closed today; the phone shows open ones only.
    const briefing = await t.call('GET', `/api/briefings?communityId=${zhonglu}&day=${today}`, { as: 'zz.street' });
    expect(briefing.json.hazards.map((h: { id: string }) => h.id).sort()).toEqual([id, storm.json.id].sort());
    expect((await t.call('GET', `/api/briefings?communityId=${zhonglu}&day=${addDays(today, -1)}`, { as: 'zl.admin' })).json.hazards).toEqual([]);
    expect((await t.call('GET', '/api/me/tasks', { as: 'zl.g01' })).json.hazards.map((h: { id: string }) => h.id)).toEqual([storm.json.id]);
    // A retried report with the same id is stored once.
    const again = await t.call('POST', '/api/hazards', { as: 'zl.admin', body: { id: storm.json.id, communityId: zhonglu, kind: 'rainstorm', place: '全社区', description: '暴雨橙色预警' } });
    expect(again.json.id).toBe(storm.json.id);
    const conflict = await t.call('POST', '/api/hazards', { as: 'zl.admin', body: { id: storm.json.id, communityId: zhonglu, kind: 'wind', place: '全社区', description: '大风' } });
    expect(conflict.json).toMatchObject({ code: 'ID_CONFLICT', field: 'id' });
  });

  it('keeps the briefing to its community: the street reads it, other communities see nothing', async () => {
    const url = `/api/briefings?communityId=${zhonglu}&day=${today}`;
    expect((await t.call('GET', url, { as: 'zz.street' })).statusCode).toBe(200);
    expect((await t.call('PUT', '/api/briefings', { as: 'zz.street', body: { communityId: zhonglu, day: today, notes: '街道改' } })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/briefings/tasks', { as: 'zz.street', body: { communityId: zhonglu, day: today, text: '街道任务', assignees: [{ userId: people['zl.g01'] }] } })).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/briefings/tasks/${tasks.person}`, { as: 'zz.street', body: { text: '改' } })).statusCode).toBe(404);
    expect((await t.call('GET', url, { as: 'cc.admin' })).statusCode).toBe(404);
    expect((await t.call('PUT', '/api/briefings', { as: 'cc.admin', body: { communityId: zhonglu, day: today, notes: '别的社区' } })).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/briefings/tasks/${tasks.person}`, { as: 'cc.admin', body: { text: '改' } })).statusCode).toBe(404);
    expect((await t.call('GET', url, { as: 'cc.gate' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/hazards?communityId=${zhonglu}`, { as: 'cc.gate' })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/hazards', { as: 'cc.gate', body: { communityId: zhonglu, kind: 'fire', place: '某处', description: '冒烟' } })).statusCode).toBe(404);
    // A field user of the community reads it but does not write it.
    expect((await t.call('GET', url, { as: 'zl.gate' })).statusCode).toBe(200);
    expect((await t.call('PUT', '/api/briefings', { as: 'zl.g01', body: { communityId: zhonglu, day: today, notes: '网格员改' } })).statusCode).toBe(404);
    // Other communities' own briefings are theirs.
    const own = await t.call('GET', `/api/briefings?communityId=${chuanchang}&day=${today}`, { as: 'cc.admin' });
    expect(own.json).toMatchObject({ communityName: '船厂社区', notes: null, tasks: [], hazards: [] });
  });
});

describeApi('morning briefing: the offices above read, retries at once', (t) => {
  const today = shanghaiDate();
  let zhonglu = '';
  let g01 = '';

  it('lets the street and the district read the hazards but neither log one nor add to one', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    const hazard = (await t.call('POST', '/api/hazards', { as: 'zl.g05', body: { communityId: zhonglu, kind: 'flooding', place: '新塘组排水沟', description: '水位上涨' } })).json;
    for (const as of ['zz.street', 'zz.district']) {
      expect((await t.call('GET', `/api/hazards?communityId=${zhonglu}`, { as })).statusCode, as).toBe(200);
      const logged = await t.call('POST', '/api/hazards', { as, body: { communityId: zhonglu, kind: 'fire', place: '某处', description: '冒烟' } });
      expect(logged.statusCode, as).toBe(404);
      expect(logged.json).toMatchObject({ code: 'NOT_FOUND', field: 'communityId' });
      expect((await t.call('POST', `/api/hazards/${hazard.id}/updates`, { as, body: { note: '街道已知悉' } })).statusCode, as).toBe(404);
    }
    const stored = await t.database.db.selectFrom('hazards').select('id').where('community_id', '=', zhonglu).execute();
    expect(stored).toHaveLength(1);
    expect(await t.database.db.selectFrom('hazard_updates').select('id').where('hazard_id', '=', hazard.id).execute()).toEqual([]);
    // Whoever works at the community, a volunteer included, still logs and follows hazards.
    expect((await t.call('POST', `/api/hazards/${hazard.id}/updates`, { as: 'zl.gate', body: { note: '已拉警戒线' } })).statusCode).toBe(200);
  });

  it('stores a task or a hazard sent twice at once with the same id once, answering both with it', async () => {
    g01 = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'zl.g01').executeTakeFirstOrThrow()).id;
    await t.login('zl.admin');
    const task = { id: uuid(), communityId: zhonglu, day: today, text: '走访独居老人', assignees: [{ userId: g01 }] };
    const tasks = await Promise.all([0, 1, 2].map(() => t.call('POST', '/api/briefings/tasks', { as: 'zl.admin', body: task })));
    expect(tasks.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(tasks.map((r) => r.json.id))).toEqual(new Set([task.id]));
    const hazard = { id: uuid(), communityId: zhonglu, kind: 'rainstorm', place: '全社区', description: '暴雨预警' };
    const hazards = await Promise.all([0, 1, 2].map(() => t.call('POST', '/api/hazards', { as: 'zl.admin', body: hazard })));
    expect(hazards.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(hazards.map((r) => r.json.id))).toEqual(new Set([hazard.id]));
    expect(await t.database.db.selectFrom('audit_events').select('id').where('entity_id', 'in', [task.id, hazard.id]).execute()).toHaveLength(2);
  });
});
