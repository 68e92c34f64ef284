import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';
import { weekStart } from '../../../domain/rosters/roster-rules.ts';

describeApi('the demo’s teams, rosters and briefing', (t) => {
  const today = shanghaiDate();
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '02-17' ? 1 : 0);

  it('has the 市残联 team at 中路社区 with the replacement of 17 February and the leader’s area of five groups', async () => {
    const zhonglu = await t.unit(CODES.zhonglu);
    const on = async (day: string) => (await t.call('GET', `/api/teams?communityId=${zhonglu}&day=${day}`, { as: 'zl.admin' })).json[0];
    const before = await on(`${year}-02-16`);
    expect(before).toMatchObject({ name: '市残联驻中路社区工作队', sendingOrg: { name: '株洲市残疾人联合会', kind: 'bureau' } });
    expect(before.onDay.map((m: { name: string }) => m.name)).toEqual(['市残联驻社区工作队队员', '周建国', '李晓明']);
    expect((await on(`${year}-02-17`)).onDay.map((m: { name: string }) => m.name)).toEqual(['市残联驻社区工作队队员', '周建国', '孙卫东']);
    const areas = (await t.call('GET', `/api/areas?communityId=${zhonglu}`, { as: 'zl.admin' })).json;
    const leaderGroups = areas.groups.filter((g: { responsible: { name: string }[] }) => g.responsible.some((r) => r.name === '市残联驻社区工作队队员'));
    expect(leaderGroups).toHaveLength(5);
    expect(areas.uncovered).toHaveLength(2);
    expect((await t.call('GET', '/api/me/area', { as: 'zl.team' })).json.groups).toHaveLength(5);
  });

  it('has 船厂社区’s 9 checkpoints with this week’s roster, volunteers, the shipyard’s party members and today’s briefing', async () => {
    const chuanchang = await t.unit(CODES.chuanchang);
    const week = (await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${weekStart(today)}`, { as: 'cc.admin' })).json;
    expect(week.checkpoints).toHaveLength(9);
    const todays = week.duties.filter((d: { day: string }) => d.day === today);
    expect(todays.length).toBeGreaterThanOrEqual(9 * 4);
    // No one is in two places at once, and today's shifts are covered.
    const seen = new Set(week.duties.map((d: { userId: string; day: string; start: string }) => `${d.userId}|${d.day}|${d.start}`));
    expect(seen.size).toBe(week.duties.length);
    expect(week.gaps.filter((g: { day: string }) => g.day === today)).toEqual([]);
    const teams = (await t.call('GET', `/api/teams?communityId=${chuanchang}`, { as: 'cc.admin' })).json;
    expect(teams[0]).toMatchObject({ name: '船舶重工下沉党员突击队', kind: 'party_members', sendingOrg: { name: '青山船舶重工有限公司', kind: 'enterprise' } });
    expect(teams[0].onDay).toHaveLength(8);
    const volunteers = (await t.call('GET', `/api/volunteers?communityId=${chuanchang}`, { as: 'cc.admin' })).json;
    expect(volunteers.filter((v: { status: string }) => v.status === 'approved')).toHaveLength(10);
    expect(volunteers.filter((v: { status: string }) => v.status === 'pending')).toHaveLength(3);
    const briefing = (await t.call('GET', `/api/briefings?communityId=${chuanchang}&day=${today}`, { as: 'cc.admin' })).json;
    expect(briefing.tasks).toHaveLength(4);
    expect(briefing.done).toBe(1);
    expect(briefing.hazards.filter((h: { closedAt: string | null }) => h.closedAt === null).map((h: { kind: string }) => h.kind).sort()).toEqual(['flooding', 'rainstorm']);
    // A party member sees the patrol task given to their team.
    const mine = (await t.call('GET', '/api/me/tasks', { as: 'cc.p03' })).json;
    expect(mine.tasks.map((x: { text: string }) => x.text)).toEqual([expect.stringContaining('B 区、C 区')]);
    // The street reads every community's roster and the sheet with phones.
    const sheet = (await t.call('GET', `/api/rosters/sheet?communityId=${chuanchang}&monday=${weekStart(today)}`, { as: 'wh.street' })).json;
    expect(sheet.rows.some((r: { people: { mobile: string | null }[] }) => r.people.some((p) => /^1\d{10}$/.test(p.mobile ?? '')))).toBe(true);
    // The market crossing is sealed from tomorrow 07:00: the sheet lists no shift of it after that.
    expect(sheet.rows.filter((r: { checkpoint: string; day: string }) => r.checkpoint === '菜场路口' && r.day > addDays(today, 1))).toEqual([]);
    // The swap waiting asks someone free then: the lead can approve it (when the week still has a shift more than a day ahead).
    const pending = (await t.call('GET', `/api/rosters/swaps?communityId=${chuanchang}&status=pending`, { as: 'cc.admin' })).json;
    expect(pending.length).toBeLessThanOrEqual(1);
    for (const swap of pending) {
      expect((await t.call('POST', `/api/rosters/swaps/${swap.id}/decide`, { as: 'cc.admin', body: { approve: true } })).json).toMatchObject({ status: 'approved' });
    }
  });
}, { ledger: true });
