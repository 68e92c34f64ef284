import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';

describeApi('work teams, replacements and areas', (t) => {
  let zhonglu = '';
  let org = '';
  let team = '';
  const ids: Record<string, string> = {};
  const today = shanghaiDate();

  it('registers the sending organisation and a team stationed from a day, refusing names twice and outsiders', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    for (const [username, name] of [['t6.lead', '刘队长'], ['t6.wang', '王队员'], ['t6.chen', '陈队员'], ['t6.zhao', '赵队员']]) {
      const made = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username, displayName: name, roles: [{ role: 'team_member', unitId: zhonglu }] } });
      expect(made.statusCode).toBe(201);
      ids[name!] = made.json.user.id;
    }
    const created = await t.call('POST', '/api/teams/orgs', { as: 'zl.admin', body: { unitId: zhonglu, name: '株洲市残疾人联合会', kind: 'bureau', contact: '办公室 0731-1234567' } });
    expect(created.json).toMatchObject({ name: '株洲市残疾人联合会', kind: 'bureau', unitName: '中路社区' });
    org = created.json.id;
    expect((await t.call('POST', '/api/teams/orgs', { as: 'zl.admin', body: { unitId: zhonglu, name: '株洲市残疾人联合会', kind: 'bureau' } })).json).toMatchObject({ code: 'SENDING_ORG_TAKEN', field: 'name' });
    expect((await t.call('POST', '/api/teams/orgs', { as: 'cc.admin', body: { unitId: zhonglu, name: '别人', kind: 'other' } })).statusCode).toBe(404);
    const made = await t.call('POST', '/api/teams', { as: 'zl.admin', body: { communityId: zhonglu, sendingOrgId: org, name: '市残联驻中路社区工作队', kind: 'work_team', from: '2026-02-10' } });
    expect(made.json).toMatchObject({ name: '市残联驻中路社区工作队', sendingOrg: { name: '株洲市残疾人联合会' }, from: '2026-02-10', to: null, onDay: [] });
    team = made.json.id;
    expect((await t.call('POST', '/api/teams', { as: 'zl.admin', body: { communityId: zhonglu, sendingOrgId: org, name: '市残联驻中路社区工作队', kind: 'work_team', from: '2026-02-10' } })).json).toMatchObject({ code: 'TEAM_NAME_TAKEN' });
    // Another community cannot use 中路社区's organisation, nor see its teams.
    expect((await t.call('POST', '/api/teams', { as: 'cc.admin', body: { communityId: await t.unit(CODES.chuanchang), sendingOrgId: org, name: 'x', kind: 'work_team', from: today } })).json).toMatchObject({ code: 'NOT_FOUND', field: 'sendingOrgId' });
    expect((await t.call('GET', `/api/teams?communityId=${zhonglu}`, { as: 'cc.admin' })).statusCode).toBe(404);
  });

  it('adds members from a day and keeps who was on the team on any past day through a replacement', async () => {
    const add = (name: string, role: string, from = '2026-02-10') => t.call('POST', `/api/teams/${team}/members`, { as: 'zl.admin', body: { userId: ids[name], role, from } });
    expect((await add('刘队长', 'leader')).statusCode).toBe(200);
    expect((await add('王队员', 'member')).statusCode).toBe(200);
    expect((await add('陈队员', 'member')).statusCode).toBe(200);
    expect((await add('王队员', 'member', '2026-02-12')).json).toMatchObject({ code: 'MEMBER_ALREADY_ON_TEAM', field: 'userId' });
    expect((await add('赵队员', 'member', '2026-02-01')).json).toMatchObject({ code: 'DAY_OUTSIDE_TEAM', field: 'from' });
    const outsider = (await t.call('GET', `/api/teams/people?communityId=${await t.unit(CODES.chuanchang)}`, { as: 'cc.admin' })).json[0].userId;
    expect((await t.call('POST', `/api/teams/${team}/members`, { as: 'zl.admin', body: { userId: outsider, role: 'member', from: '2026-02-10' } })).json).toMatchObject({ code: 'MEMBER_OUTSIDE_COMMUNITY' });

    const replace = (day: string, over: Record<string, unknown> = {}) => t.call('POST', `/api/teams/${team}/replacements`, {
      as: 'zl.admin', body: { outgoingUserId: ids['陈队员'], incomingUserId: ids['赵队员'], day, reason: '肩部骨折，回原单位休养', ...over },
    });
    const early = await replace('2026-02-09');
    expect(early.json).toMatchObject({ code: 'REPLACEMENT_BEFORE_JOINED', field: 'day' });
    expect(early.json.message).toBe('替换日期必须晚于此人入队日期（2026-02-10）');
    expect((await replace('2026-02-10')).json).toMatchObject({ code: 'REPLACEMENT_BEFORE_JOINED' });
    expect((await replace('2026-02-17', { incomingUserId: ids['王队员'] })).json).toMatchObject({ code: 'MEMBER_ALREADY_ON_TEAM', field: 'incomingUserId' });
    expect((await replace('2026-02-17', { outgoingUserId: ids['赵队员'], incomingUserId: ids['陈队员'] })).json).toMatchObject({ code: 'MEMBER_NOT_ON_TEAM' });
    expect((await t.call('POST', `/api/teams/${team}/replacements`, { as: 'zl.team', body: { outgoingUserId: ids['陈队员'], incomingUserId: ids['赵队员'], day: '2026-02-17', reason: 'x' } })).statusCode).toBe(404);
    const done = await replace('2026-02-17');
    expect(done.statusCode).toBe(200);
    expect(done.json.onDay.map((m: { name: string }) => m.name)).toEqual(['刘队长', '王队员', '赵队员']);

    const on = async (day: string) => (await t.call('GET', `/api/teams?communityId=${zhonglu}&day=${day}`, { as: 'zz.street' })).json[0].onDay.map((m: { name: string }) => m.name);
    expect(await on('2026-02-16')).toEqual(['刘队长', '王队员', '陈队员']);
    expect(await on('2026-02-17')).toEqual(['刘队长', '王队员', '赵队员']);
    expect(await on(today)).toEqual(['刘队长', '王队员', '赵队员']);
    const history = (await t.call('GET', `/api/teams?communityId=${zhonglu}`, { as: 'zl.admin' })).json[0].history;
    expect(history.find((m: { name: string }) => m.name === '陈队员')).toMatchObject({ from: '2026-02-10', to: '2026-02-17', endReason: '肩部骨折，回原单位休养', replacedByName: '赵队员' });
    expect(history.find((m: { name: string }) => m.name === '赵队员')).toMatchObject({ from: '2026-02-17', to: null, replacesName: '陈队员', reason: '肩部骨折，回原单位休养', role: 'member' });
    // The street reads the team but does not change it.
    expect((await t.call('POST', `/api/teams/${team}/members`, { as: 'zz.street', body: { userId: ids['赵队员'], role: 'member', from: today } })).statusCode).toBe(404);
  });

  it('gives the leader an area of five groups, shows who covers each group and the groups nobody covers', async () => {
    const groups = [1, 2, 3, 4, 5].map((n) => `${CODES.zhonglu}-0${n}`);
    const groupIds = await Promise.all(groups.map((c) => t.unit(c)));
    const before = (await t.call('GET', `/api/areas?communityId=${zhonglu}`, { as: 'zl.admin' })).json;
    expect(before.groups).toHaveLength(16);
    expect(before.uncovered).toHaveLength(16);
    const leader = (await t.call('GET', `/api/teams/people?communityId=${zhonglu}`, { as: 'zl.admin' })).json.find((p: { name: string }) => p.name === '市残联驻社区工作队队员').userId;
    const assigned = await t.call('POST', '/api/areas', { as: 'zl.admin', body: { communityId: zhonglu, userId: leader, groupIds, from: today } });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json.uncovered).toHaveLength(11);
    expect(assigned.json.groups[0]).toMatchObject({ groupName: '大海组', responsible: [{ name: '市残联驻社区工作队队员', from: today, to: null }] });
    const twice = await t.call('POST', '/api/areas', { as: 'zl.admin', body: { communityId: zhonglu, userId: leader, groupIds: [groupIds[2]], from: addDays(today, 3) } });
    expect(twice.json).toMatchObject({ code: 'AREA_ALREADY_ASSIGNED', field: 'groupIds.0' });
    const zoneB = await t.unit(CODES.zoneB);
    expect((await t.call('POST', '/api/areas', { as: 'zl.admin', body: { communityId: zhonglu, userId: ids['王队员'], groupIds: [zoneB], from: today } })).json).toMatchObject({ code: 'GROUP_NOT_IN_COMMUNITY', field: 'groupIds.0' });
    expect((await t.call('POST', '/api/areas', { as: 'cc.admin', body: { communityId: zhonglu, userId: ids['王队员'], groupIds, from: today } })).statusCode).toBe(404);
    // The leader sees the area first in the field app.
    const area = (await t.call('GET', '/api/me/area', { as: 'zl.team' })).json;
    expect(area.groups.map((g: { groupName: string }) => g.groupName)).toEqual(assigned.json.groups.slice(0, 5).map((g: { groupName: string }) => g.groupName));
    expect(area.groups[0]).toMatchObject({ communityName: '中路社区', from: today });
    // Ended from tomorrow: still covered today, not tomorrow.
    const id = assigned.json.groups[0].responsible[0].id;
    expect((await t.call('POST', `/api/areas/${id}/end`, { as: 'zl.admin', body: { day: today } })).json).toMatchObject({ code: 'DATE_ORDER' });
    await t.call('POST', `/api/areas/${id}/end`, { as: 'zl.admin', body: { day: addDays(today, 1) } });
    expect((await t.call('GET', `/api/areas?communityId=${zhonglu}&day=${addDays(today, 1)}`, { as: 'zl.admin' })).json.uncovered).toHaveLength(12);
    expect((await t.call('GET', `/api/areas?communityId=${zhonglu}`, { as: 'zl.admin' })).json.uncovered).toHaveLength(11);
  });
});

describeApi('work teams: two edits at once', (t) => {
  it('adds a person once and replaces a member once when the same edit comes twice at once', async () => {
    const zhonglu = await t.unit(CODES.zhonglu);
    const ids: Record<string, string> = {};
    for (const username of ['t7.a', 't7.b', 't7.c', 't7.d']) {
      ids[username] = (await t.call('POST', '/api/users', { as: 'zl.admin', body: { username, displayName: username, roles: [{ role: 'team_member', unitId: zhonglu }] } })).json.user.id;
    }
    const org = (await t.call('POST', '/api/teams/orgs', { as: 'zl.admin', body: { unitId: zhonglu, name: '某企业', kind: 'enterprise' } })).json.id;
    const team = (await t.call('POST', '/api/teams', { as: 'zl.admin', body: { communityId: zhonglu, sendingOrgId: org, name: '党员突击队', kind: 'party_members', from: '2026-02-10' } })).json.id;
    const add = () => t.call('POST', `/api/teams/${team}/members`, { as: 'zl.admin', body: { userId: ids['t7.a'], role: 'member', from: '2026-02-10' } });
    const added = await Promise.all([add(), add(), add()]);
    expect(added.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(added.find((r) => r.statusCode === 409)!.json).toMatchObject({ code: 'MEMBER_ALREADY_ON_TEAM' });
    const replace = (incoming: string) => t.call('POST', `/api/teams/${team}/replacements`, {
      as: 'zl.admin', body: { outgoingUserId: ids['t7.a'], incomingUserId: ids[incoming], day: '2026-02-17', reason: '调回原单位' },
    });
    const replaced = await Promise.all([replace('t7.b'), replace('t7.c'), replace('t7.d')]);
    expect(replaced.map((r) => r.statusCode).sort()).toEqual([200, 400, 400]);
    expect(replaced.find((r) => r.statusCode === 400)!.json).toMatchObject({ code: 'MEMBER_NOT_ON_TEAM' });
    const rows = await t.database.db.selectFrom('team_members').select(['user_id', 'from_day', 'to_day']).where('team_id', '=', team).execute();
    expect(rows).toHaveLength(2);
  });
});
