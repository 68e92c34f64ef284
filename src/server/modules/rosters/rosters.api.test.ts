import ExcelJS from 'exceljs';
import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { CODES, describeApi, TEST_BOX, type Ctx } from '../../../../test/harness.ts';
import { systemActor } from '../../../cli/system-actor.ts';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../domain/local-date.ts';
import { weekStart } from '../../../domain/rosters/roster-rules.ts';
import { DEFAULT_SHIFTS, shiftSpan } from '../../../domain/rosters/shifts.ts';
import type { Actor } from '../../actor.ts';
import { createServices } from '../../services.ts';

const uuid = () => crypto.randomUUID();

describeApi('checkpoint duty rosters', (t) => {
  let chuanchang = '';
  const gates: string[] = [];
  let sealed = '';
  const people: Record<string, string> = {};
  const today = shanghaiDate();
  const nextMonday = addDays(weekStart(today), 7);
  // The shift in force now (Shanghai), whatever the time of day the test runs.
  const current = DEFAULT_SHIFTS.find((s) => {
    const span = shiftSpan(today, s);
    return span.from <= Date.now() && Date.now() < span.to;
  })!;

  it('shows a week of checkpoints with their default shifts, every shift a gap until staffed', async () => {
    chuanchang = await t.unit(CODES.chuanchang);
    for (const name of ['1号卡点', '2号卡点', '3号卡点']) {
      const r = await t.call('POST', '/api/gates/entrances', { as: 'cc.admin', body: { communityId: chuanchang, name, state: 'checkpoint' } });
      expect(r.statusCode).toBe(201);
      gates.push(r.json.id);
    }
    sealed = (await t.call('POST', '/api/gates/entrances', { as: 'cc.admin', body: { communityId: chuanchang, name: '封闭口', state: 'sealed' } })).json.id;
    for (const p of (await t.call('GET', `/api/teams/people?communityId=${chuanchang}`, { as: 'cc.admin' })).json as { userId: string; name: string }[]) people[p.name] = p.userId;
    const week = await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'cc.admin' });
    expect(week.statusCode).toBe(200);
    expect(week.json.days).toHaveLength(7);
    expect(week.json.checkpoints.map((c: { name: string }) => c.name)).toEqual(['1号卡点', '2号卡点', '3号卡点']);
    expect(week.json.checkpoints[0].shifts).toEqual(DEFAULT_SHIFTS.map((s) => ({ ...s, minimum: 2 })));
    expect(week.json.gaps).toHaveLength(3 * 7 * 4);
    const notMonday = await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${addDays(nextMonday, 1)}`, { as: 'cc.admin' });
    expect(notMonday.json).toMatchObject({ code: 'NOT_A_MONDAY', field: 'monday' });
  });

  it('puts people on shifts and refuses two places at once, a sealed entrance, an unknown shift, an outsider and an outside editor', async () => {
    const duty = (over: Record<string, unknown> = {}) => ({ entranceId: gates[0], day: nextMonday, start: '07:00', end: '12:00', userId: people['船厂社区卡点志愿者'], ...over });
    const first = await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty() });
    expect(first.statusCode).toBe(200);
    expect(first.json).toMatchObject({ name: '船厂社区卡点志愿者', day: nextMonday, start: '07:00', checkedInAt: null });
    expect((await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty() })).json).toMatchObject({ code: 'DUTY_TAKEN' });
    const twice = await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty({ entranceId: gates[1] }) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json).toMatchObject({ code: 'PERSON_TWO_PLACES', field: 'userId' });
    expect(twice.json.message).toBe(`船厂社区卡点志愿者 同一时间已在 1号卡点 值班（${nextMonday} 07:00–12:00）`);
    // The next shift of the same person elsewhere is fine: 12:00 ends one and begins the other.
    expect((await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty({ entranceId: gates[1], start: '12:00', end: '18:00' }) })).statusCode).toBe(200);
    const atSealed = await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty({ entranceId: sealed, userId: people['船厂社区工作队队员'] }) });
    expect(atSealed.json).toMatchObject({ code: 'ENTRANCE_NOT_CHECKPOINT', field: 'entranceId' });
    expect(atSealed.json.message).toBe(`封闭口 在 ${nextMonday} 是“封闭”状态，不能排班`);
    expect((await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty({ start: '08:00', userId: people['船厂社区工作队队员'] }) })).json).toMatchObject({ code: 'SHIFT_NOT_DEFINED' });
    const zhongluTeam = (await t.call('GET', `/api/teams/people?communityId=${await t.unit(CODES.zhonglu)}`, { as: 'zl.admin' })).json.find((p: { name: string }) => p.name === '市残联驻社区工作队队员').userId;
    expect((await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty({ userId: zhongluTeam }) })).json).toMatchObject({ code: 'MEMBER_OUTSIDE_COMMUNITY', field: 'userId' });
    expect((await t.call('POST', '/api/rosters/duties', { as: 'zl.admin', body: duty({ userId: people['船厂社区工作队队员'] }) })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/rosters/duties', { as: 'cc.gate', body: duty({ userId: people['船厂社区工作队队员'] }) })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/rosters/duties', { as: 'wh.street', body: duty({ userId: people['船厂社区工作队队员'] }) })).statusCode).toBe(404);
    // A shift already over is history.
    expect((await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: duty({ day: addDays(today, -1), userId: people['船厂社区工作队队员'] }) })).json).toMatchObject({ code: 'DUTY_PAST' });
    const week = (await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'cc.admin' })).json;
    expect(week.duties).toHaveLength(2);
    expect(week.gaps.find((g: { entranceId: string; day: string; start: string }) => g.entranceId === gates[0] && g.day === nextMonday && g.start === '07:00')).toMatchObject({ minimum: 2, staffed: 1 });
  });

  it('edits a checkpoint’s shifts and refuses overlapping or backward ones', async () => {
    const overlap = await t.call('PUT', `/api/rosters/checkpoints/${gates[2]}/shifts`, { as: 'cc.admin', body: { shifts: [{ start: '07:00', end: '13:00', minimum: 1 }, { start: '12:00', end: '18:00', minimum: 1 }] } });
    expect(overlap.json).toMatchObject({ code: 'SHIFTS_OVERLAP', field: 'shifts.1.start' });
    const backward = await t.call('PUT', `/api/rosters/checkpoints/${gates[2]}/shifts`, { as: 'cc.admin', body: { shifts: [{ start: '18:00', end: '07:00', minimum: 1 }] } });
    expect(backward.json).toMatchObject({ code: 'SHIFT_TIMES', field: 'shifts.0.end' });
    const bad = await t.call('PUT', `/api/rosters/checkpoints/${gates[2]}/shifts`, { as: 'cc.admin', body: { shifts: [{ start: '25:00', end: '26:00', minimum: 1 }] } });
    expect(bad.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'shifts.0.start' });
    const ok = await t.call('PUT', `/api/rosters/checkpoints/${gates[2]}/shifts`, { as: 'cc.admin', body: { shifts: [{ start: '20:00', end: '24:00', minimum: 1 }, { start: '08:00', end: '20:00', minimum: 1 }] } });
    expect(ok.json.shifts.map((s: { start: string }) => s.start)).toEqual(['08:00', '20:00']);
    expect((await t.call('PUT', `/api/rosters/checkpoints/${gates[2]}/shifts`, { as: 'cc.gate', body: { shifts: [{ start: '08:00', end: '20:00', minimum: 1 }] } })).statusCode).toBe(404);
    const week = (await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'cc.admin' })).json;
    expect(week.gaps.filter((g: { entranceId: string }) => g.entranceId === gates[2])).toHaveLength(7 * 2);
  });

  it('copies a template week onto the next, skipping what is already there', async () => {
    const following = addDays(nextMonday, 7);
    const copy = await t.call('POST', '/api/rosters/copy-week', { as: 'cc.admin', body: { communityId: chuanchang, fromMonday: nextMonday, toMonday: following } });
    expect(copy.statusCode).toBe(200);
    expect(copy.json).toEqual({ added: 2, skipped: [] });
    const again = await t.call('POST', '/api/rosters/copy-week', { as: 'cc.admin', body: { communityId: chuanchang, fromMonday: nextMonday, toMonday: following } });
    expect(again.json.added).toBe(0);
    expect(again.json.skipped.map((s: { code: string }) => s.code)).toEqual(['DUTY_TAKEN', 'DUTY_TAKEN']);
    const week = (await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${following}`, { as: 'cc.admin' })).json;
    expect(week.duties.map((d: { day: string; start: string }) => `${d.day} ${d.start}`)).toEqual([`${following} 07:00`, `${following} 12:00`]);
    expect((await t.call('POST', '/api/rosters/copy-week', { as: 'cc.admin', body: { communityId: chuanchang, fromMonday: nextMonday, toMonday: addDays(following, 2) } })).json).toMatchObject({ code: 'NOT_A_MONDAY', field: 'toMonday' });
    expect((await t.call('POST', '/api/rosters/copy-week', { as: 'zl.admin', body: { communityId: chuanchang, fromMonday: nextMonday, toMonday: following } })).statusCode).toBe(404);
  });

  it('gives the street the sheet with phones (audited), an .xlsx of it and an overview of its communities', async () => {
    await t.call('PATCH', `/api/users/${people['船厂社区卡点志愿者']}`, { as: 'cc.admin', body: { mobile: '13911112222' } });
    const sheet = await t.call('GET', `/api/rosters/sheet?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'wh.street' });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.json).toMatchObject({ communityName: '船厂社区', streetName: '青山镇街道', monday: nextMonday });
    const row = sheet.json.rows.find((r: { checkpoint: string; day: string; start: string }) => r.checkpoint === '1号卡点' && r.day === nextMonday && r.start === '07:00');
    expect(row.people).toEqual([{ name: '船厂社区卡点志愿者', mobile: '13911112222' }]);
    const audit = await t.call('GET', '/api/audit-events?action=rosters.sheet', { as: 'wh.street' });
    expect(audit.json.items ?? audit.json).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'rosters.sheet' })]));
    const file = await t.call('GET', `/api/rosters/export.xlsx?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'wh.street' });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('船厂社区');
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map(String));
    expect(rows).toEqual(expect.arrayContaining([['1号卡点', nextMonday, '07:00–12:00', '2', '船厂社区卡点志愿者', '13911112222']]));
    const overview = await t.call('GET', `/api/rosters/overview?unitId=${await t.unit('420107006')}&monday=${nextMonday}`, { as: 'wh.street' });
    expect(overview.json.find((c: { communityName: string }) => c.communityName === '船厂社区')).toMatchObject({ checkpoints: 3, duties: 2 });
    // The street may read but not edit; another street sees nothing.
    expect((await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'wh.street' })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'zz.street' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/rosters/sheet?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'zz.street' })).statusCode).toBe(404);
  });

  it('swaps a shift when the lead approves, and refuses swaps of others’ shifts or into two places at once', async () => {
    const d = (await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: { entranceId: gates[1], day: addDays(nextMonday, 1), start: '07:00', end: '12:00', userId: people['A区网格员'] } })).json;
    expect((await t.call('POST', '/api/rosters/swaps', { as: 'cc.b', body: { dutyId: d.id, toUserId: people['B区网格员'], reason: '替别人' } })).json).toMatchObject({ code: 'SWAP_NOT_YOURS' });
    expect((await t.call('POST', '/api/rosters/swaps', { as: 'cc.a', body: { dutyId: d.id, toUserId: people['A区网格员'], reason: '自己' } })).json).toMatchObject({ code: 'SWAP_SAME_PERSON' });
    const asked = await t.call('POST', '/api/rosters/swaps', { as: 'cc.a', body: { dutyId: d.id, toUserId: people['B区网格员'], reason: '孩子发烧' } });
    expect(asked.json).toMatchObject({ status: 'pending', toName: 'B区网格员', requestedByName: expect.any(String), duty: { name: 'A区网格员' } });
    expect((await t.call('POST', `/api/rosters/swaps/${asked.json.id}/decide`, { as: 'cc.a', body: { approve: true } })).statusCode).toBe(404);
    const approved = await t.call('POST', `/api/rosters/swaps/${asked.json.id}/decide`, { as: 'cc.admin', body: { approve: true, note: '同意' } });
    expect(approved.json).toMatchObject({ status: 'approved', duty: { name: 'B区网格员' }, note: '同意' });
    expect((await t.call('POST', `/api/rosters/swaps/${asked.json.id}/decide`, { as: 'cc.admin', body: { approve: false } })).json).toMatchObject({ code: 'SWAP_DECIDED' });
    // B now holds it: asking C to take a shift when C is elsewhere then is refused at approval.
    await t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: { entranceId: gates[0], day: addDays(nextMonday, 1), start: '07:00', end: '12:00', userId: people['C区网格员'] } });
    const clash = await t.call('POST', '/api/rosters/swaps', { as: 'cc.b', body: { dutyId: d.id, toUserId: people['C区网格员'], reason: '换班' } });
    const refused = await t.call('POST', `/api/rosters/swaps/${clash.json.id}/decide`, { as: 'cc.admin', body: { approve: true } });
    expect(refused.json).toMatchObject({ code: 'PERSON_TWO_PLACES' });
    expect((await t.call('POST', `/api/rosters/swaps/${clash.json.id}/cancel`, { as: 'cc.b' })).json).toMatchObject({ status: 'cancelled' });
    const mine = await t.call('GET', '/api/me/duties', { as: 'cc.b' });
    expect(mine.json.duties.some((x: { id: string }) => x.id === d.id)).toBe(true);
    expect(mine.json.swaps.map((s: { status: string }) => s.status).sort()).toEqual(['approved', 'cancelled']);
  });

  it('checks people in at their gate once, tells who is on duty now, and alerts the lead when a shift runs unstaffed', async () => {
    const add = (entranceId: string, who: string) => t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body: { entranceId, day: today, start: current.start, end: current.end, userId: people[who] } });
    expect((await add(gates[0]!, '船厂社区卡点志愿者')).statusCode).toBe(200);
    expect((await add(gates[1]!, '船厂社区工作队队员')).statusCode).toBe(200);
    const before = (await t.call('GET', `/api/rosters/now?communityId=${chuanchang}`, { as: 'cc.admin' })).json;
    expect(before.checkpoints.find((c: { entranceId: string }) => c.entranceId === gates[0])).toMatchObject({ unstaffed: true, onShift: [{ name: '船厂社区卡点志愿者', checkedInAt: null }] });
    const id = uuid();
    const at = new Date().toISOString();
    const batch = (items: unknown[], as = 'cc.gate') => t.call('POST', '/api/rosters/check-ins', { as, body: { items } });
    expect((await batch([{ id, entranceId: gates[0], at }])).json).toEqual([{ id, result: 'stored' }]);
    expect((await batch([{ id, entranceId: gates[0], at }])).json).toEqual([{ id, result: 'already_stored' }]);
    const elsewhere = (await batch([{ id: uuid(), entranceId: gates[1], at }])).json[0];
    expect(elsewhere).toMatchObject({ result: 'refused', code: 'NOT_ON_SHIFT', message: expect.stringContaining('2号卡点') });
    expect((await batch([{ id, entranceId: gates[0], at }], 'cc.team')).json[0]).toMatchObject({ result: 'refused', code: 'ID_CONFLICT' });
    const after = (await t.call('GET', `/api/rosters/now?communityId=${chuanchang}`, { as: 'wh.street' })).json;
    expect(after.checkpoints.find((c: { entranceId: string }) => c.entranceId === gates[0]).onShift[0].checkedInAt).toBe(at);
    // A quarter of an hour into the shift both checkpoints are below their minimum of two: one alert each, however often the sweep runs.
    const late = Math.max(shanghaiInstant(today, current.start) + 16 * 60_000, Date.now() + 1000);
    await t.services.rosters.onDuty.sweep(late);
    await t.services.rosters.onDuty.sweep(late + 60_000);
    const alerts = (await t.call('GET', `/api/rosters/alerts?communityId=${chuanchang}&open=true`, { as: 'cc.admin' })).json;
    const ours = alerts.filter((a: { day: string; start: string; entranceName: string }) => a.day === today && a.start === current.start && a.entranceName !== '3号卡点');
    expect(ours.map((a: { entranceName: string; checkedIn: number }) => `${a.entranceName}:${a.checkedIn}`).sort()).toEqual(['1号卡点:1', '2号卡点:0']);
    const handled = await t.call('POST', `/api/rosters/alerts/${ours[0].id}/handle`, { as: 'cc.admin', body: { note: '已电话通知替班' } });
    expect(handled.json).toMatchObject({ handledByName: '船厂社区书记', note: '已电话通知替班' });
    expect((await t.call('POST', `/api/rosters/alerts/${ours[0].id}/handle`, { as: 'cc.admin', body: { note: '再次' } })).json).toMatchObject({ code: 'ALERT_HANDLED' });
    expect((await t.call('GET', `/api/rosters/alerts?communityId=${chuanchang}`, { as: 'cc.gate' })).statusCode).toBe(404);
    const mine = (await t.call('GET', '/api/me/duties', { as: 'cc.gate' })).json;
    expect(mine.duties.find((d: { day: string; entranceName: string }) => d.day === today && d.entranceName === '1号卡点')).toMatchObject({ checkedInAt: at, communityName: '船厂社区' });
  });
});

/** Services on the test's database that count the queries they send, to show a read costs the same however many communities there are. */
function countingServices(t: Ctx) {
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const services = createServices({ ...t.database, db: t.database.db.withPlugin(counter) }, TEST_BOX, { sessionHours: 24 });
  return {
    services,
    async count(run: () => Promise<unknown>): Promise<number> {
      queries = 0;
      await run();
      return queries;
    },
  };
}

describeApi('checkpoint duty rosters: races, access and the night shift', (t) => {
  let chuanchang = '';
  const gates: string[] = [];
  const people: Record<string, string> = {};
  const nextMonday = addDays(weekStart(shanghaiDate()), 7);
  const duty = (over: Record<string, unknown> = {}) => ({ entranceId: gates[0], day: nextMonday, start: '07:00', end: '12:00', userId: people['船厂社区卡点志愿者'], ...over });
  const add = (body: Record<string, unknown>) => t.call('POST', '/api/rosters/duties', { as: 'cc.admin', body });

  it('sets up three checkpoints', async () => {
    chuanchang = await t.unit(CODES.chuanchang);
    for (const name of ['1号卡点', '2号卡点', '3号卡点']) {
      gates.push((await t.call('POST', '/api/gates/entrances', { as: 'cc.admin', body: { communityId: chuanchang, name, state: 'checkpoint' } })).json.id);
    }
    for (const p of (await t.call('GET', `/api/teams/people?communityId=${chuanchang}`, { as: 'cc.admin' })).json as { userId: string; name: string }[]) people[p.name] = p.userId;
    for (const u of ['cc.a', 'cc.b', 'cc.c', 'cc.gate', 'zl.admin']) await t.login(u);
  });

  it('keeps a person in one place when the same shift at three checkpoints is given to them at once', async () => {
    const answers = await Promise.all(gates.map((entranceId) => add(duty({ entranceId }))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json.code)).toEqual(['PERSON_TWO_PLACES', 'PERSON_TWO_PLACES']);
    const week = (await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'cc.admin' })).json;
    expect(week.duties.filter((d: { userId: string }) => d.userId === people['船厂社区卡点志愿者'])).toHaveLength(1);
  });

  it('answers a duty sent twice at once with the same id as one stored duty', async () => {
    const body = duty({ id: crypto.randomUUID(), day: addDays(nextMonday, 1), userId: people['船厂社区工作队队员'] });
    const [a, b] = await Promise.all([add(body), add(body)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(b.json).toEqual(a.json);
  });

  it('approves only one of two swaps of the same duty decided at once', async () => {
    const d = (await add(duty({ entranceId: gates[1], day: addDays(nextMonday, 2), userId: people['A区网格员'] }))).json;
    const ask = async (to: string) => (await t.call('POST', '/api/rosters/swaps', { as: 'cc.a', body: { dutyId: d.id, toUserId: people[to], reason: '有事' } })).json.id as string;
    const swaps = [await ask('B区网格员'), await ask('C区网格员')];
    const answers = await Promise.all(swaps.map((id) => t.call('POST', `/api/rosters/swaps/${id}/decide`, { as: 'cc.admin', body: { approve: true } })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.statusCode === 200)!.json;
    const held = await t.database.db.selectFrom('duties').select('user_id').where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(held.user_id).toBe(winner.toUserId);
    const statuses = await t.database.db.selectFrom('duty_swaps').select('status').where('duty_id', '=', d.id).execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'pending']);
  });

  it('removes a duty someone took over by a swap, and keeps one whose person has checked in', async () => {
    const d = (await add(duty({ entranceId: gates[2], day: addDays(nextMonday, 3), userId: people['A区网格员'] }))).json;
    const swap = (await t.call('POST', '/api/rosters/swaps', { as: 'cc.a', body: { dutyId: d.id, toUserId: people['B区网格员'], reason: '有事' } })).json;
    expect((await t.call('POST', `/api/rosters/swaps/${swap.id}/decide`, { as: 'cc.admin', body: { approve: true } })).statusCode).toBe(200);
    const removed = await t.call('DELETE', `/api/rosters/duties/${d.id}`, { as: 'cc.admin' });
    expect(removed.statusCode).toBe(200);
    expect(await t.database.db.selectFrom('duties').select('id').where('id', '=', d.id).execute()).toEqual([]);
    // Someone already at the gate (a check-in counts from half an hour before the shift) is part of the day's record.
    const early = (await add(duty({ entranceId: gates[2], day: addDays(nextMonday, 4), userId: people['C区网格员'] }))).json;
    await t.database.db.insertInto('duty_check_ins').values({
      id: crypto.randomUUID(), entrance_id: gates[2]!, community_id: chuanchang, org_path: (await t.database.db.selectFrom('duties').select('org_path').where('id', '=', early.id).executeTakeFirstOrThrow()).org_path,
      user_id: people['C区网格员']!, duty_id: early.id, at: new Date().toISOString(), received_at: new Date().toISOString(),
    }).execute();
    const kept = await t.call('DELETE', `/api/rosters/duties/${early.id}`, { as: 'cc.admin' });
    expect(kept.statusCode).toBe(409);
    expect(kept.json).toMatchObject({ code: 'DUTY_STARTED', field: 'id' });
  });

  it('gives phones in full only to administrators: a volunteer or team member reads the week masked, not the sheet', async () => {
    await t.call('PATCH', `/api/users/${people['船厂社区卡点志愿者']}`, { as: 'cc.admin', body: { mobile: '13911113333' } });
    const week = (await t.call('GET', `/api/rosters/week?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'cc.gate' })).json;
    expect(week.duties.find((d: { userId: string }) => d.userId === people['船厂社区卡点志愿者']).mobile).toBe('139****3333');
    for (const as of ['cc.gate', 'cc.team', 'cc.a']) {
      const sheet = await t.call('GET', `/api/rosters/sheet?communityId=${chuanchang}&monday=${nextMonday}`, { as });
      expect(sheet.statusCode, as).toBe(403);
      expect(sheet.json).toMatchObject({ code: 'FORBIDDEN' });
      expect((await t.call('GET', `/api/rosters/export.xlsx?communityId=${chuanchang}&monday=${nextMonday}`, { as })).statusCode, as).toBe(403);
    }
    const full = await t.call('GET', `/api/rosters/sheet?communityId=${chuanchang}&monday=${nextMonday}`, { as: 'cc.admin' });
    expect(full.json.rows.flatMap((r: { people: { mobile: string }[] }) => r.people.map((p) => p.mobile))).toContain('13911113333');
  });

  it('tells someone of another community that a duty does not exist, not that it is someone else’s', async () => {
    const d = (await add(duty({ entranceId: gates[0], day: addDays(nextMonday, 5), userId: people['B区网格员'] }))).json;
    const outsider = await t.call('POST', '/api/rosters/swaps', { as: 'zl.admin', body: { dutyId: d.id, toUserId: people['C区网格员'], reason: '换' } });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json).toMatchObject({ code: 'NOT_FOUND', field: 'dutyId' });
    expect((await t.call('POST', '/api/rosters/swaps', { as: 'cc.c', body: { dutyId: d.id, toUserId: people['C区网格员'], reason: '换' } })).json).toMatchObject({ code: 'SWAP_NOT_YOURS' });
  });

  it('checks in for the night shift from half an hour before midnight, the day before the shift’s day', async () => {
    const ids = { duty: crypto.randomUUID(), early: crypto.randomUUID(), during: crypto.randomUUID() };
    const path = (await t.database.db.selectFrom('org_units').select('path').where('id', '=', chuanchang).executeTakeFirstOrThrow()).path;
    await t.database.db.insertInto('duties').values({
      id: ids.duty, entrance_id: gates[0]!, community_id: chuanchang, org_path: path, user_id: people['船厂社区卡点志愿者']!, day: '2020-02-18', start_time: '00:00', end_time: '07:00',
      created_by: null, created_at: new Date().toISOString(),
    }).execute();
    const items = [{ id: ids.early, entranceId: gates[0], at: '2020-02-17T23:45:00+08:00' }, { id: ids.during, entranceId: gates[0], at: '2020-02-18T00:20:00+08:00' }];
    const answers = (await t.call('POST', '/api/rosters/check-ins', { as: 'cc.gate', body: { items } })).json;
    expect(answers).toEqual([{ id: ids.early, result: 'stored' }, { id: ids.during, result: 'stored' }]);
    const stored = await t.database.db.selectFrom('duty_check_ins').select(['id', 'duty_id']).where('id', 'in', [ids.early, ids.during]).orderBy('at').execute();
    expect(stored).toEqual([{ id: ids.early, duty_id: ids.duty }, { id: ids.during, duty_id: ids.duty }]);
  });

  it('counts a check-in half an hour before the next shift for that shift, when the person is also on the one ending', async () => {
    const path = (await t.database.db.selectFrom('org_units').select('path').where('id', '=', chuanchang).executeTakeFirstOrThrow()).path;
    const shift = (start: string, end: string) => ({
      id: crypto.randomUUID(), entrance_id: gates[1]!, community_id: chuanchang, org_path: path, user_id: people['船厂社区卡点志愿者']!, day: '2020-02-19', start_time: start, end_time: end,
      created_by: null, created_at: new Date().toISOString(),
    });
    const [morning, afternoon] = [shift('07:00', '12:00'), shift('12:00', '18:00')];
    await t.database.db.insertInto('duties').values([morning, afternoon]).execute();
    const items = [{ id: crypto.randomUUID(), entranceId: gates[1], at: '2020-02-19T06:50:00+08:00' }, { id: crypto.randomUUID(), entranceId: gates[1], at: '2020-02-19T11:45:00+08:00' }];
    expect((await t.call('POST', '/api/rosters/check-ins', { as: 'cc.gate', body: { items } })).json.map((r: { result: string }) => r.result)).toEqual(['stored', 'stored']);
    const stored = await t.database.db.selectFrom('duty_check_ins').select('duty_id').where('id', 'in', items.map((i) => i.id)).orderBy('at').execute();
    expect(stored.map((c) => c.duty_id)).toEqual([morning.id, afternoon.id]);
  });

  it('handles an alert older than the newest two hundred', async () => {
    const path = (await t.database.db.selectFrom('org_units').select('path').where('id', '=', chuanchang).executeTakeFirstOrThrow()).path;
    const alerts = Array.from({ length: 201 }, (_, i) => ({
      id: crypto.randomUUID(), community_id: chuanchang, org_path: path, entrance_id: gates[0]!, day: addDays('2020-01-01', i), start_time: '07:00', end_time: '12:00',
      minimum: 2, checked_in: 0, raised_at: new Date(shanghaiInstant(addDays('2020-01-01', i), '07:15')).toISOString(), handled_at: null, handled_by: null, note: null,
    }));
    await t.database.db.insertInto('duty_alerts').values(alerts).execute();
    const handled = await t.call('POST', `/api/rosters/alerts/${alerts[0]!.id}/handle`, { as: 'cc.admin', body: { note: '已补记' } });
    expect(handled.statusCode).toBe(200);
    expect(handled.json).toMatchObject({ id: alerts[0]!.id, day: '2020-01-01', handledByName: '船厂社区书记', note: '已补记' });
  });

  it('reads a district’s overview, a community’s alerts and the minute’s sweep in as many queries whatever the number of communities', async () => {
    const counted = countingServices(t);
    const street = await t.unit('420107006');
    const district = await t.unit('420107');
    const ccAdmin = await t.database.db.selectFrom('users').select('id').where('username', '=', 'cc.admin').executeTakeFirstOrThrow();
    const ccPath = (await t.database.db.selectFrom('org_units').select('path').where('id', '=', chuanchang).executeTakeFirstOrThrow()).path;
    const lead: Actor = { userId: ccAdmin.id, username: 'cc.admin', grants: [{ assignmentId: '', role: 'community_admin', unitId: chuanchang, path: ccPath }], ip: null };
    // A day in the future, its morning shift one minute old: the sweep looks but raises nothing yet.
    const day = '2030-03-04';
    const sweepAt = shanghaiInstant(day, '07:01');
    const rostered = async (communityId: string, path: string) => {
      const entranceId = crypto.randomUUID();
      const at = new Date().toISOString();
      await t.database.db.insertInto('entrances').values({ id: entranceId, community_id: communityId, org_path: path, name: '北门', description: null, sort_order: 0, created_at: at, updated_at: at }).execute();
      await t.database.db.insertInto('entrance_changes').values({
        id: crypto.randomUUID(), entrance_id: entranceId, org_path: path, state: 'checkpoint', effective_at: at, decided_by: null, decided_at: at, note: null, cancelled_at: null, cancelled_by: null,
      }).execute();
      // The one on the day of the sweep, and one now (unstaffed: reading the alerts sweeps).
      const now = DEFAULT_SHIFTS.find((x) => shiftSpan(shanghaiDate(), x).from <= Date.now() && Date.now() < shiftSpan(shanghaiDate(), x).to)!;
      await t.database.db.insertInto('duties').values([
        { id: crypto.randomUUID(), entrance_id: entranceId, community_id: communityId, org_path: path, user_id: ccAdmin.id, day, start_time: '07:00', end_time: '12:00', created_by: null, created_at: at },
        { id: crypto.randomUUID(), entrance_id: entranceId, community_id: communityId, org_path: path, user_id: ccAdmin.id, day: shanghaiDate(), start_time: now.start, end_time: now.end, created_by: null, created_at: at },
      ]).execute();
    };
    await rostered(chuanchang, ccPath);
    const measure = async () => ({
      overview: await counted.count(() => counted.services.rosters.sheet.overview(systemActor(), { unitId: district, monday: nextMonday })),
      alerts: await counted.count(() => counted.services.rosters.onDuty.alerts(lead, { communityId: chuanchang })),
      sweep: await counted.count(() => counted.services.rosters.onDuty.sweep(sweepAt)),
    });
    const before = await measure();
    for (let i = 2; i <= 6; i++) {
      const made = await t.call('POST', '/api/org-units', { as: 'wh.street', body: { parentId: street, kind: 'community', code: `42010700600${i}`, name: `新社区${i}` } });
      expect(made.statusCode).toBe(201);
      await rostered(made.json.id, made.json.path);
    }
    expect(await measure()).toEqual(before);
    expect((await counted.services.rosters.sheet.overview(systemActor(), { unitId: district, monday: nextMonday })).map((c) => c.communityName)).toEqual(['船厂社区', ...[2, 3, 4, 5, 6].map((i) => `新社区${i}`)]);
  });
});
