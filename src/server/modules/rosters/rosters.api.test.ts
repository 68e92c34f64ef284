import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../domain/local-date.ts';
import { weekStart } from '../../../domain/rosters/roster-rules.ts';
import { DEFAULT_SHIFTS, shiftSpan } from '../../../domain/rosters/shifts.ts';

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
