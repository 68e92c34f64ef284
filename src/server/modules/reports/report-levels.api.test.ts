import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { systemActor } from '../../../cli/system-actor.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../domain/local-date.ts';
import { FIGURE_KEYS, sumFigures, type DayFigures } from '../../../domain/reports/figures.ts';
import { createUnit } from '../org/org.service.ts';

const uuid = () => crypto.randomUUID();

/**
 * A known day of records at a community: households, gate passages (let
 * through, refused, visitors, temperatures, fevers) and the briefing's
 * tasks, in the numbers given.
 */
async function recordDay(db: Executor, c: { id: string; path: string }, day: string, n: { households: number; passages: number; refused: number; visitors: number; fevers: number; tasks: number; tasksDone: number }, by: string) {
  const group = await db.selectFrom('org_units').select(['id', 'path']).where('parent_id', '=', c.id).where('kind', '=', 'group').executeTakeFirst()
    ?? await (async () => {
      const made = await createUnit(db, systemActor(), { parentId: c.id, kind: 'group', code: `${c.path.split('/').at(-2)}-01`, name: '一组', validFrom: '2000-01-01' });
      return (await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', made.id).executeTakeFirstOrThrow());
    })();
  const now = new Date().toISOString();
  for (let i = 0; i < n.households; i++) {
    await db.insertInto('households').values({ id: uuidv7(), community_id: c.id, group_id: group.id, org_path: group.path, address: `测试路${i + 1}号`, address_number: String(i + 1), head_id: null, created_at: now, updated_at: now }).execute();
  }
  const entrance = uuidv7();
  await db.insertInto('entrances').values({ id: entrance, community_id: c.id, org_path: c.path, name: `东门${entrance.slice(-4)}`, description: null, sort_order: 1, created_at: now, updated_at: now }).execute();
  const passage = (i: number, over: { allowed?: number; kind?: string; temp?: number | null }) => {
    const hour = 7 + (i % 12);
    return {
      id: uuidv7(), entrance_id: entrance, community_id: c.id, org_path: c.path, day, at: new Date(shanghaiInstant(day, `${String(hour).padStart(2, '0')}:15`)).toISOString(), hour,
      direction: 'in', kind: over.kind ?? 'pass', allowed: over.allowed ?? 1, reason: null, device_allowed: null, pass_id: null, holder_name: '住户', holder_label: null, visitor_id: null,
      from_place: null, purpose: null, visiting: null, temp_tenths: over.temp === undefined ? 365 : over.temp, health_code: null, recorded_by: by, created_at: now,
    };
  };
  const rows = [
    ...Array.from({ length: n.passages - n.visitors - n.fevers }, (_, i) => passage(i, {})),
    ...Array.from({ length: n.visitors }, (_, i) => passage(i, { kind: 'visitor', temp: null })),
    ...Array.from({ length: n.fevers }, (_, i) => passage(i, { temp: 381 })),
    ...Array.from({ length: n.refused }, (_, i) => passage(i, { allowed: 0, temp: null })),
  ];
  if (rows.length) await db.insertInto('gate_passages').values(rows).execute();
  for (let i = 0; i < n.tasks; i++) {
    await db.insertInto('briefing_tasks').values({
      id: uuidv7(), community_id: c.id, org_path: c.path, day, text: `任务${i}`, group_ids: '[]', created_by: by, created_at: now,
      done_at: i < n.tasksDone ? now : null, done_by: i < n.tasksDone ? by : null, done_note: null, done_tick_id: null, cancelled_at: null,
    }).execute();
  }
  // A cancelled task and yesterday's passages count nowhere.
  await db.insertInto('briefing_tasks').values({ id: uuidv7(), community_id: c.id, org_path: c.path, day, text: '取消的任务', group_ids: '[]', created_by: by, created_at: now, done_at: null, done_by: null, done_note: null, done_tick_id: null, cancelled_at: now }).execute();
  await db.insertInto('gate_passages').values({ ...passage(0, {}), day: addDays(day, -1) }).execute();
}

describeApi('report figures and their sums up four levels', (t) => {
  const today = shanghaiDate();
  const units: Record<string, { id: string; path: string }> = {};
  const expected: Record<string, { households: number; passages: number; refused: number; visitors: number; fevers: number; tasks: number; tasksDone: number }> = {
    zhonglu: { households: 12, passages: 40, refused: 3, visitors: 5, fevers: 2, tasks: 4, tasksDone: 3 },
    jinshan: { households: 7, passages: 25, refused: 1, visitors: 2, fevers: 1, tasks: 2, tasksDone: 0 },
    songjia: { households: 9, passages: 18, refused: 0, visitors: 4, fevers: 0, tasks: 3, tasksDone: 3 },
  };

  it('counts a community’s figures from a known day of records', async () => {
    const db = t.database.db;
    const by = (await db.selectFrom('users').select('id').where('username', '=', 'zl.gate').executeTakeFirstOrThrow()).id;
    const liyu = await t.unit(CODES.liyu);
    const tianyuan = await t.unit('430211');
    // A second community under 栗雨街道, and a second street of 天元区 with its own community.
    const jinshan = await createUnit(db, systemActor(), { parentId: liyu, kind: 'community', code: '430211003018', name: '金山社区', validFrom: '2000-01-01' });
    const songjiaStreet = await createUnit(db, systemActor(), { parentId: tianyuan, kind: 'street', code: '430211004', name: '嵩山路街道', validFrom: '2000-01-01' });
    const songjia = await createUnit(db, systemActor(), { parentId: songjiaStreet.id, kind: 'community', code: '430211004001', name: '宋家社区', validFrom: '2000-01-01' });
    for (const [key, id] of [['zhonglu', await t.unit(CODES.zhonglu)], ['jinshan', jinshan.id], ['songjia', songjia.id]] as const) {
      units[key] = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', id).executeTakeFirstOrThrow();
      await recordDay(db, units[key]!, today, expected[key]!, by);
    }
    const dashboard = await t.call('GET', `/api/dashboard?orgId=${units.zhonglu!.id}`, { as: 'zl.admin' });
    expect(dashboard.statusCode).toBe(200);
    const e = expected.zhonglu!;
    expect(dashboard.json.total.figures).toEqual({
      ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])),
      households: e.households, passages: e.passages, passagesRefused: e.refused, visitors: e.visitors,
      // Temperatures: every passage let through but the visitors (taken at the door with the pass), fevers among them.
      peopleChecked: e.passages - e.visitors, fevers: e.fevers, tasks: e.tasks, tasksDone: e.tasksDone,
    });
    const hours = dashboard.json.passagesByHour as { hour: number; passages: number; refused: number }[];
    expect(hours).toHaveLength(24);
    expect(hours.reduce((s, h) => s + h.passages, 0)).toBe(e.passages);
    expect(hours.reduce((s, h) => s + h.refused, 0)).toBe(e.refused);
    expect((dashboard.json.fevers as { count: number }[]).reduce((s, h) => s + h.count, 0)).toBe(e.fevers);
    // A screening round over the community counts while open, and not from the day after it is closed.
    const round = await t.call('POST', '/api/screening/rounds', { as: 'zl.admin', body: { communityId: units.zhonglu!.id, name: '测试轮次', startsOn: addDays(today, -3) } });
    expect(round.statusCode).toBe(201);
    const inRound = async (day: string) => (await t.call('GET', `/api/dashboard?orgId=${units.zhonglu!.id}&day=${day}`, { as: 'zl.admin' })).json.total.figures.roundHouseholds;
    expect(await inRound(today)).toBe(e.households);
    await t.call('POST', `/api/screening/rounds/${round.json.id}/close`, { as: 'zl.admin' });
    await t.database.db.updateTable('screening_rounds').set({ closed_at: new Date(shanghaiInstant(addDays(today, -2), '10:00')).toISOString() }).where('id', '=', round.json.id).execute();
    expect([await inRound(addDays(today, -3)), await inRound(addDays(today, -2)), await inRound(addDays(today, -1)), await inRound(today)]).toEqual([e.households, e.households, 0, 0]);
    await t.database.db.deleteFrom('screening_round_groups').where('round_id', '=', round.json.id).execute();
    await t.database.db.deleteFrom('screening_rounds').where('id', '=', round.json.id).execute();

    // The report of the day fills itself with the same figures.
    const report = await t.call('GET', `/api/reports/day?communityId=${units.zhonglu!.id}&day=${today}`, { as: 'zl.admin' });
    expect(report.json.figures).toEqual(dashboard.json.total.figures);
  });

  it('adds up exactly at the street, the district and the city, live and as reported', async () => {
    const communityFigures: Record<string, DayFigures> = {};
    for (const key of Object.keys(expected)) {
      const d = await t.call('GET', `/api/dashboard?orgId=${units[key]!.id}`, { as: 'zz.city' });
      communityFigures[key] = d.json.total.figures;
    }
    const levels = [
      { code: CODES.liyu, children: ['zhonglu', 'jinshan'] },
      { code: '430211', children: ['zhonglu', 'jinshan', 'songjia'] },
      { code: '430200', children: ['zhonglu', 'jinshan', 'songjia'] },
    ];
    for (const level of levels) {
      const d = await t.call('GET', `/api/dashboard?orgId=${await t.unit(level.code)}`, { as: 'zz.city' });
      expect(d.statusCode).toBe(200);
      const sum = sumFigures(level.children.map((k) => communityFigures[k]!));
      expect(d.json.total.figures).toEqual(sum);
      expect(sumFigures(d.json.children.map((c: { figures: DayFigures }) => c.figures))).toEqual(sum);
      expect(d.json.total.communities).toBe(level.children.length);
    }
    // The district's children are its streets: 栗雨街道 holds two communities, 嵩山路街道 one.
    const district = await t.call('GET', `/api/dashboard?orgId=${await t.unit('430211')}`, { as: 'zz.district' });
    expect(district.json.children.map((c: { name: string; communities: number; figures: DayFigures }) => [c.name, c.communities, c.figures.passages]))
      .toEqual([['栗雨街道', 2, 65], ['嵩山路街道', 1, 18]]);

    // Reports submitted by two of the three: the reported figures add up the same way, the third is missing.
    const submit = (as: string, communityId: string) => t.call('POST', '/api/reports/submit', {
      as, body: { id: uuid(), communityId, day: today, narrative: '今日情况', issues: [{ kind: 'issue', topic: 'supplies', text: '口罩不足' }, { kind: 'suggestion', topic: 'staff', text: '增派人手' }] },
    });
    expect((await submit('zl.admin', units.zhonglu!.id)).statusCode).toBe(200);
    // 宋家社区's secretary, given an account for the test.
    const made = await t.call('POST', '/api/users', { as: 'zz.district', body: { username: 'sj.admin', displayName: '宋家社区书记', roles: [{ role: 'community_admin', unitId: units.songjia!.id }] } });
    expect(made.statusCode).toBe(201);
    await t.database.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', made.json.user.id).execute();
    await t.login('sj.admin', made.json.oneTimePassword);
    expect((await submit('sj.admin', units.songjia!.id)).statusCode).toBe(200);
    const reported = ['zhonglu', 'songjia'];
    const cityLevel = await t.call('GET', `/api/reports/level?orgId=${await t.unit('430200')}&day=${today}`, { as: 'zz.city' });
    expect(cityLevel.statusCode).toBe(200);
    expect(cityLevel.json.total).toMatchObject({ communities: 3, reportsIn: reported.length, missing: 3 - reported.length, openIssues: 2 * reported.length });
    expect(cityLevel.json.total.figures).toEqual(sumFigures(reported.map((k) => communityFigures[k]!)));
    expect(sumFigures(cityLevel.json.children.map((c: { figures: DayFigures }) => c.figures))).toEqual(cityLevel.json.total.figures);
    const streetLevel = await t.call('GET', `/api/reports/level?orgId=${await t.unit(CODES.liyu)}&day=${today}`, { as: 'zz.street' });
    expect(streetLevel.json.communities.map((c: { name: string; state: string }) => [c.name, c.state])).toEqual([['中路社区', 'submitted'], ['金山社区', 'missing']]);
    expect(streetLevel.json.total.figures).toEqual(communityFigures.zhonglu);
    // The street sees its own communities only; 武汉's offices see none of them.
    expect((await t.call('GET', `/api/reports/level?orgId=${await t.unit('430211')}&day=${today}`, { as: 'zz.street' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/dashboard?orgId=${await t.unit('430200')}`, { as: 'wh.city' })).statusCode).toBe(404);
    // A day in the future is refused.
    expect((await t.call('GET', `/api/reports/level?orgId=${await t.unit('430200')}&day=${addDays(today, 1)}`, { as: 'zz.city' })).json).toMatchObject({ code: 'DAY_NOT_BEGUN', field: 'day' });
    // A role that reads no reports at all is refused, not told its unit is missing.
    expect((await t.call('GET', '/api/dashboard', { as: 'zl.g01' })).json).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports a report and a level’s day as .xlsx that read back with the same figures', async () => {
    const values = async (url: string, as: string, sheet = 0) => {
      const file = await t.call('GET', url, { as });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      return book.worksheets[sheet]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
    };
    const day = await t.call('GET', `/api/reports/day?communityId=${units.zhonglu!.id}&day=${today}`, { as: 'zl.admin' });
    const report = await values(`/api/reports/${day.json.id}/export.xlsx`, 'zz.street');
    expect(report[0]![0]).toBe(`中路社区 日报 ${today}`);
    expect(report).toEqual(expect.arrayContaining([['', '出入口通行', String(expected.zhonglu!.passages)], ['', '发热（≥37.3 °C）', String(expected.zhonglu!.fevers)]]));
    expect(report.some((r) => r[3] === '口罩不足' && r[4] === '待答复')).toBe(true);
    // In English for a user who works in English.
    await t.database.db.updateTable('users').set({ locale: 'en' }).where('username', '=', 'zz.street').execute();
    await t.login('zz.street');
    const en = await t.call('GET', `/api/reports/${day.json.id}/export.xlsx`, { as: 'zz.street' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(String(book.worksheets[0]!.getCell(1, 1).value)).toBe(`中路社区 daily report ${today}`);

    const level = await values(`/api/reports/level/export.xlsx?orgId=${await t.unit('430211')}&day=${today}`, 'zz.district');
    expect(level[0]![0]).toBe(`天元区 日报汇总 ${today}`);
    const passagesColumn = level[1]!.indexOf('出入口通行');
    const rows = Object.fromEntries(level.slice(2).map((r) => [r[0], r]));
    expect(rows['栗雨街道']!.slice(1, 5)).toEqual(['2', '1', '0', '1']);
    expect(rows['合计']![passagesColumn]).toBe(String(expected.zhonglu!.passages + expected.songjia!.passages));
    const communities = await values(`/api/reports/level/export.xlsx?orgId=${await t.unit('430211')}&day=${today}`, 'zz.district', 1);
    expect(communities.map((r) => [r[0], r[2]])).toEqual([['社区', '上报状态'], ['中路社区', '已报'], ['金山社区', '未报'], ['宋家社区', '已报']]);
    expect((await t.call('GET', `/api/reports/level/export.xlsx?orgId=${await t.unit('430211')}&day=${today}`, { as: 'wh.district' })).statusCode).toBe(404);
  });
});
