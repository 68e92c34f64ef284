import type { Insertable } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { DutiesTable, TeamMembersTable } from '../../../db/schema.ts';
import { maskMobile } from '../../../domain/access/mask.ts';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../domain/local-date.ts';
import { clashes, weekStart, type Duty } from '../../../domain/rosters/roster-rules.ts';
import { DEFAULT_SHIFTS, shiftSpan } from '../../../domain/rosters/shifts.ts';
import { VOLUNTEER_CONSENT_VERSION } from '../../../contract/teams.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { orgRepository } from '../org/org.repository.ts';
import { stateAtShift, rosterEntrances } from '../rosters/roster-checkpoints.ts';
import { usersRepository } from '../users/users.repository.ts';
import { CHUANCHANG_PARTY, CHUANCHANG_VOLUNTEERS } from './demo-data.ts';
import { demoId } from './demo-ids.ts';

const ZHONGLU = '430211003017';
const CHUANCHANG = '420107006001';
const REASON = '肩部骨折，回原单位休养';
const SKILLS = [['gate', 'patrol'], ['gate'], ['delivery', 'driving'], ['gate', 'medical'], ['patrol', 'counselling'], ['gate', 'delivery'], ['translation', 'gate'], ['gate', 'patrol'], ['driving'], ['gate']];
const AVAILABILITY = ['工作日晚上、周末全天', '每天上午', '每天 12:00 以后', '周一至周五全天', '夜班可以', '周末', '每天下午', '随时', '每天早上 7 点前', '工作日'];
const PENDING = [
  { name: '罗晓婷', skills: ['gate', 'delivery'], availability: '每天下午' },
  { name: '高振宇', skills: ['driving'], availability: '周末全天，有私家车' },
  { name: '宋雅琪', skills: ['medical'], availability: '护士，夜班后白天可以' },
];

/**
 * Teams, areas, rosters and the briefing of the demo, as in the two reports:
 * the 市残联 team at 中路社区 (three members, one replaced on 17 February
 * after breaking a shoulder) with its areas — the leader takes five groups,
 * two groups are left for nobody to cover; 船厂社区's 9 checkpoints with this
 * week's roster (the enterprise's party members, approved volunteers, the
 * community's own people; a few night shifts left short), check-ins up to
 * now except at one gate, a swap waiting, three sign-ups waiting, and
 * today's morning briefing with its tasks and hazards. Skipped when 中路社区
 * already has a team.
 */
export async function loadDemoRosters(database: Database, box: SensitiveBox, now = new Date()): Promise<number> {
  const { db } = database;
  const zhonglu = await orgRepository.findByCode(db, ZHONGLU);
  const chuanchang = await orgRepository.findByCode(db, CHUANCHANG);
  if (!zhonglu || !chuanchang) return 0;
  if (await db.selectFrom('work_teams').select('id').where('community_id', '=', zhonglu.id).executeTakeFirst()) return 0;
  const at = now.toISOString();
  const today = shanghaiDate(now);
  // The report's 17 February, in the latest February already past.
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '02-17' ? 1 : 0);
  const feb = (d: number) => `${year}-02-${String(d).padStart(2, '0')}`;

  return db.transaction().execute(async (trx) => {
    const user = async (username: string) => (await usersRepository.findByUsername(trx, username))!;
    const zlAdmin = await user('zl.admin');
    const ccAdmin = await user('cc.admin');

    /* 中路社区: the 市残联 team and its areas */
    const bureau = demoId('org:市残联');
    await trx.insertInto('sending_orgs').values({ id: bureau, unit_id: zhonglu.id, org_path: zhonglu.path, name: '株洲市残疾人联合会', kind: 'bureau', contact: '组联部 0731-28681234', created_by: zlAdmin.id, created_at: at }).execute();
    const team = demoId('team:市残联');
    await trx.insertInto('work_teams').values({ id: team, community_id: zhonglu.id, org_path: zhonglu.path, sending_org_id: bureau, name: '市残联驻中路社区工作队', kind: 'work_team', from_day: feb(10), to_day: null, created_by: zlAdmin.id, created_at: at }).execute();
    const [leader, zhou, li, sun] = [await user('zl.team'), await user('zl.tm1'), await user('zl.tm2'), await user('zl.tm3')];
    const member = (key: string, userId: string, role: string, from: string, extra: Partial<Insertable<TeamMembersTable>> = {}) => ({
      id: demoId(`member:${key}`), team_id: team, org_path: zhonglu.path, user_id: userId, role, from_day: from, to_day: null, replaces_id: null, reason: null,
      end_reason: null, created_by: zlAdmin.id, created_at: at, ended_by: null, ended_at: null, ...extra,
    });
    await trx.insertInto('team_members').values([
      member('leader', leader.id, 'leader', feb(10)),
      member('zhou', zhou.id, 'member', feb(10)),
      member('li', li.id, 'member', feb(10), { to_day: feb(17), end_reason: REASON, ended_by: zlAdmin.id, ended_at: at }),
      member('sun', sun.id, 'member', feb(17), { replaces_id: demoId('member:li'), reason: REASON }),
    ]).execute();
    const groups = await trx.selectFrom('org_units').select(['id', 'path', 'code']).where('parent_id', '=', zhonglu.id).where('kind', '=', 'group').where('valid_to', 'is', null).orderBy('code').execute();
    const area = (who: string, userId: string, from: number, to: number, fromDay: string, toDay: string | null = null) =>
      groups.slice(from - 1, to).map((g) => ({
        id: demoId(`area:${who}:${g.code}`), community_id: zhonglu.id, group_id: g.id, org_path: g.path, user_id: userId, from_day: fromDay, to_day: toDay,
        assigned_by: zlAdmin.id, created_at: at, ended_by: toDay ? zlAdmin.id : null,
      }));
    await trx.insertInto('area_assignments').values([
      ...area('leader', leader.id, 1, 5, feb(10)),
      ...area('zhou', zhou.id, 6, 9, feb(10)),
      ...area('li', li.id, 10, 13, feb(10), feb(17)),
      ...area('sun', sun.id, 10, 13, feb(17)),
      ...area('g14', (await user('zl.g14')).id, 14, 14, feb(10)),
    ]).execute();

    /* 船厂社区: the shipyard's party members, volunteers, shifts, this week's roster */
    const shipyard = demoId('org:shipyard');
    await trx.insertInto('sending_orgs').values({ id: shipyard, unit_id: chuanchang.id, org_path: chuanchang.path, name: '青山船舶重工有限公司', kind: 'enterprise', contact: '党委办公室', created_by: ccAdmin.id, created_at: at }).execute();
    const party = demoId('team:shipyard');
    await trx.insertInto('work_teams').values({ id: party, community_id: chuanchang.id, org_path: chuanchang.path, sending_org_id: shipyard, name: '船舶重工下沉党员突击队', kind: 'party_members', from_day: addDays(today, -10), to_day: null, created_by: ccAdmin.id, created_at: at }).execute();
    const partyUsers = await Promise.all(CHUANCHANG_PARTY.map((_, i) => user(`cc.p${String(i + 1).padStart(2, '0')}`)));
    await trx.insertInto('team_members').values(partyUsers.map((u, i) => ({
      id: demoId(`member:cc.p${i}`), team_id: party, org_path: chuanchang.path, user_id: u.id, role: i === 0 ? 'leader' : 'member', from_day: addDays(today, -10), to_day: null,
      replaces_id: null, reason: null, end_reason: null, created_by: ccAdmin.id, created_at: at, ended_by: null, ended_at: null,
    }))).execute();
    const volunteers = await Promise.all(CHUANCHANG_VOLUNTEERS.map((_, i) => user(`cc.v${String(i + 1).padStart(2, '0')}`)));
    const signup = (key: string, name: string, mobile: string, skills: string[], availability: string, daysAgo: number, approvedUser: { id: string } | null) => ({
      id: demoId(`signup:${key}`), community_id: chuanchang.id, org_path: chuanchang.path, reference: demoId(`ref:${key}`).replace(/[^A-Z0-9]/gi, '').slice(0, 8).toUpperCase(),
      name, mobile_sealed: box.seal(mobile), mobile_hash: box.lookupHash(`phone:${mobile}`), mobile_masked: maskMobile(mobile)!, skills: JSON.stringify(skills), availability,
      consent_version: VOLUNTEER_CONSENT_VERSION, consent_at: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(), ip_hash: box.lookupHash('ip:demo'),
      status: approvedUser ? 'approved' : 'pending', reviewed_by: approvedUser ? ccAdmin.id : null, reviewed_at: approvedUser ? new Date(now.getTime() - (daysAgo - 1) * 86_400_000).toISOString() : null,
      note: null, user_id: approvedUser?.id ?? null, role: approvedUser ? 'checkpoint_volunteer' : null, created_at: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    });
    await trx.insertInto('volunteer_signups').values([
      ...volunteers.map((u, i) => signup(`v${i}`, u.display_name, u.mobile!, SKILLS[i]!, AVAILABILITY[i]!, 5, u)),
      ...PENDING.map((p, i) => signup(`p${i}`, p.name, `1377000000${i + 1}`, p.skills, p.availability, 0, null)),
    ]).execute();

    const checkpoints = (await rosterEntrances(trx, chuanchang.id)).filter((e) => e.stateAt(at) === 'checkpoint');
    await trx.insertInto('checkpoint_shifts').values(checkpoints.flatMap((e, i) => DEFAULT_SHIFTS.map((s, j) => ({
      // The two main gates keep two people by day; every other shift one.
      id: demoId(`shift:${e.id}:${j}`), entrance_id: e.id, org_path: e.path, start_time: s.start, end_time: s.end, minimum: i < 2 && s.start !== '00:00' ? 2 : 1, sort_order: j,
    })))).execute();
    const people = [await user('cc.gate'), await user('cc.team'), ...partyUsers, ...volunteers, ...(await Promise.all(['cc.a', 'cc.b', 'cc.c', 'cc.d'].map(user)))];
    const duties = rosterWeek(checkpoints, people.map((p) => p.id), weekStart(today));
    await trx.insertInto('duties').values(duties.map((d, i) => ({
      id: demoId(`duty:${i}:${d.checkpointId}:${d.day}:${d.start}`), entrance_id: d.checkpointId, community_id: chuanchang.id, org_path: chuanchang.path, user_id: d.personId,
      day: d.day, start_time: d.start, end_time: d.end, created_by: ccAdmin.id, created_at: at,
    }) satisfies Insertable<DutiesTable>)).execute();
    // Everyone checked in ten minutes before their shift, except at 临江路西门 now: the lead gets the unstaffed alert.
    const stored = await trx.selectFrom('duties').selectAll().where('community_id', '=', chuanchang.id).execute();
    const west = checkpoints.find((e) => e.name === '临江路西门')?.id;
    const checkIns = stored.filter((d) => {
      const span = shiftSpan(d.day, { start: d.start_time, end: d.end_time });
      return span.from - 10 * 60_000 <= now.getTime() && !(d.entrance_id === west && span.to > now.getTime());
    });
    for (let i = 0; i < checkIns.length; i += 200) {
      await trx.insertInto('duty_check_ins').values(checkIns.slice(i, i + 200).map((d) => ({
        id: demoId(`checkin:${d.id}`), entrance_id: d.entrance_id, community_id: chuanchang.id, org_path: chuanchang.path, user_id: d.user_id, duty_id: d.id,
        at: new Date(shiftSpan(d.day, { start: d.start_time, end: d.end_time }).from - 10 * 60_000).toISOString(), received_at: at,
      }))).execute();
    }
    await swapWaiting(trx, stored, volunteers, chuanchang, now);
    await briefing(trx, chuanchang, ccAdmin.id, party, today, now);
    return duties.length;
  });
}

/**
 * A week's roster from Monday, filled shift by shift from the pool: each
 * person at most two shifts a day and never two at once; a shift the
 * entrance is not a checkpoint for is left out, and two night shifts on
 * Sunday are left short on purpose (shown in red).
 */
function rosterWeek(checkpoints: Awaited<ReturnType<typeof rosterEntrances>>, pool: readonly string[], monday: string): Duty[] {
  const out: Duty[] = [];
  let next = 0;
  for (let d = 0; d < 7; d++) {
    const day = addDays(monday, d);
    const perDay = new Map<string, number>();
    for (const [si, s] of [3, 0, 1, 2].map((j) => [j, DEFAULT_SHIFTS[j]!] as const)) {
      for (const [ci, e] of checkpoints.entries()) {
        if (stateAtShift(e, day, s) !== 'checkpoint') continue;
        if (d === 6 && si === 3 && ci >= 6) continue;
        const minimum = ci < 2 && s.start !== '00:00' ? 2 : 1;
        for (let n = 0; n < minimum; n++) {
          for (let tries = 0; tries < pool.length; tries++) {
            const personId = pool[next++ % pool.length]!;
            const duty: Duty = { personId, checkpointId: e.id, day, start: s.start, end: s.end };
            if ((perDay.get(personId) ?? 0) >= 2 || clashes([...out.filter((o) => o.personId === personId), duty]).length > 0) continue;
            out.push(duty);
            perDay.set(personId, (perDay.get(personId) ?? 0) + 1);
            break;
          }
        }
      }
    }
  }
  return out;
}

async function swapWaiting(trx: Executor, duties: readonly { id: string; user_id: string; day: string; start_time: string; end_time: string; entrance_id: string }[], volunteers: readonly { id: string }[], community: { id: string; path: string }, now: Date): Promise<void> {
  const later = duties.filter((d) => d.user_id === volunteers[0]!.id && shanghaiInstant(d.day, d.start_time) > now.getTime() + 86_400_000)[0];
  if (!later) return;
  // Asked of a volunteer free at that time, so that the lead can approve it.
  const span = (d: { day: string; start_time: string; end_time: string }) => shiftSpan(d.day, { start: d.start_time, end: d.end_time });
  const busy = (userId: string) => duties.some((d) => d.user_id === userId && span(d).from < span(later).to && span(later).from < span(d).to);
  const free = volunteers.slice(1).find((v) => !busy(v.id));
  if (!free) return;
  await trx.insertInto('duty_swaps').values({
    id: demoId('swap:v01'), community_id: community.id, org_path: community.path, duty_id: later.id, counter_duty_id: null, from_user_id: later.user_id, to_user_id: free.id,
    reason: '家中老人要去医院复查，请人代班', status: 'pending', requested_by: later.user_id, requested_at: now.toISOString(), decided_by: null, decided_at: null, note: null,
    shift_json: JSON.stringify({ duty: { day: later.day, start: later.start_time, entranceId: later.entrance_id }, counter: null }),
  }).execute();
}

/** Today's morning briefing at 船厂社区: patrol zones B and C, visit the elderly living alone in zone A, reinforce the tents before the storm. */
async function briefing(trx: Executor, community: { id: string; path: string }, adminId: string, partyTeam: string, today: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const zones = new Map((await trx.selectFrom('org_units').select(['id', 'code']).where('parent_id', '=', community.id).execute()).map((z) => [z.code.slice(-1), z.id]));
  const user = async (username: string) => (await usersRepository.findByUsername(trx, username))!.id;
  await trx.insertInto('briefings').values({
    id: demoId('briefing:cc'), community_id: community.id, org_path: community.path, day: today, written_by: adminId, updated_at: at,
    notes: '7:30 晨会，到会 14 人。气象台发布暴雨橙色预警，今晚至明早有大到暴雨：各卡点加固帐篷、备好雨具；流动巡查重点 B、C 区；A 区独居老人逐户走访；江滩步道口排水沟堵塞，请物业今天疏通。',
  }).execute();
  const task = async (key: string, text: string, zoneCodes: string[], assignees: { user?: string; team?: string }[], done?: { by: string; note: string }) => {
    const id = demoId(`task:${key}`);
    const doneBy = done ? await user(done.by) : null;
    await trx.insertInto('briefing_tasks').values({
      id, community_id: community.id, org_path: community.path, day: today, text, group_ids: JSON.stringify(zoneCodes.map((z) => zones.get(z)).filter(Boolean)),
      created_by: adminId, created_at: at, done_at: done ? new Date(now.getTime() - 20 * 60_000).toISOString() : null, done_by: doneBy, done_note: done?.note ?? null,
      done_tick_id: done ? demoId(`tick:${key}`) : null, cancelled_at: null,
    }).execute();
    for (const [i, a] of assignees.entries()) {
      await trx.insertInto('briefing_task_assignees').values({ id: demoId(`assignee:${key}:${i}`), task_id: id, user_id: a.user ? await user(a.user) : null, team_id: a.team ?? null }).execute();
    }
  };
  await task('patrol', '带体温枪流动巡查 B 区、C 区，重点查看聚集和未戴口罩情况', ['B', 'C'], [{ team: partyTeam }]);
  await task('elderly', '走访 A 区独居老人（5 户），了解用药、买菜需求并登记', ['A'], [{ user: 'cc.a' }]);
  await task('tents', '暴雨前加固各卡点帐篷，检查沙袋和雨具', [], [{ user: 'cc.team' }, { user: 'cc.gate' }], { by: 'cc.team', note: '已加固 6 处帐篷，补沙袋 20 袋' });
  await task('stock', '统计各卡点口罩、消毒液库存，下午 3 点前报社区', [], [{ user: 'cc.p01' }]);
  const hazard = async (key: string, kind: string, place: string, description: string, hoursAgo: number, updates: { note: string; closed?: boolean }[]) => {
    const id = demoId(`hazard:${key}`);
    const reportedAt = new Date(now.getTime() - hoursAgo * 3_600_000);
    const closed = updates.find((u) => u.closed);
    await trx.insertInto('hazards').values({
      id, community_id: community.id, org_path: community.path, kind, place, description, reported_by: adminId, reported_at: reportedAt.toISOString(),
      closed_at: closed ? new Date(reportedAt.getTime() + 3_600_000 * updates.length).toISOString() : null, closed_by: closed ? adminId : null,
    }).execute();
    for (const [i, u] of updates.entries()) {
      await trx.insertInto('hazard_updates').values({ id: demoId(`hazard:${key}:${i}`), hazard_id: id, at: new Date(reportedAt.getTime() + 3_600_000 * (i + 1)).toISOString(), by: adminId, note: u.note, closed: u.closed ? 1 : 0 }).execute();
    }
  };
  await hazard('storm', 'rainstorm', '全社区', '暴雨橙色预警：今晚至明早大到暴雨，卡点帐篷和低洼处需防范', 2, [{ note: '已通知各卡点加固帐篷，物业备好抽水泵' }]);
  await hazard('ditch', 'flooding', '江滩步道口旁排水沟', '排水沟被落叶堵塞，雨水漫上步道', 1, []);
  await hazard('wind', 'wind', '临江路西门', '大风把卡点帐篷吹歪，支架松动', 30, [{ note: '已重新固定支架' }, { note: '复查牢固，关闭', closed: true }]);
}
