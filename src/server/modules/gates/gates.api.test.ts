import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { makeId } from '../../../../test/citizen-ids.ts';
import { fromBase64Url, toBase64Url } from '../../../domain/gates/base64url.ts';
import { readPassToken } from '../../../domain/gates/pass-token.ts';
import { nobleCheck } from '../../../domain/gates/ed25519-check.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';

const uuid = () => crypto.randomUUID();
type Entrance = { id: string; name: string; state: string; planned: { id: string }[]; assignees: { name: string }[] };

describeApi('entrances, passes and gate registrations', (t) => {
  let community = '';
  let entrances: Entrance[] = [];
  const byName = (name: string) => entrances.find((e) => e.name === name)!;
  const passage = (over: Record<string, unknown> = {}) => ({ id: uuid(), entranceId: byName('船厂路正门').id, at: new Date().toISOString(), direction: 'in', ...over });
  const visitor = { name: '访客小王', idNumber: makeId('420106', '19880303', '015'), phone: '13912345678', fromPlace: '武汉市洪山区', purpose: '送药', visiting: '3栋201' };

  it('lists the demo community’s 23 entrances: 9 checkpoints, 14 sealed, one change planned, who decided', async () => {
    community = await t.unit(CODES.chuanchang);
    const r = await t.call('GET', `/api/gates/entrances?communityId=${community}`, { as: 'cc.admin' });
    expect(r.statusCode).toBe(200);
    entrances = r.json;
    expect(entrances).toHaveLength(23);
    expect(entrances.filter((e) => e.state === 'checkpoint')).toHaveLength(9);
    expect(entrances.filter((e) => e.state === 'sealed')).toHaveLength(14);
    expect(byName('菜场路口').planned).toHaveLength(1);
    expect(byName('船厂路正门').assignees.map((a) => a.name).sort()).toEqual(['船厂社区卡点志愿者', '船厂社区工作队队员'].sort());
    const history = await t.call('GET', `/api/gates/entrances/${byName('1栋后小门').id}/history`, { as: 'cc.admin' });
    expect(history.json[0]).toMatchObject({ state: 'sealed', decidedByName: '船厂社区书记', note: '封闭14个出入口', cancelledAt: null });
    // Another community's administrator sees none of them; the street above sees them (states are not personal data).
    expect((await t.call('GET', `/api/gates/entrances?communityId=${community}`, { as: 'zl.admin' })).json).toEqual([]);
    expect((await t.call('GET', `/api/gates/entrances?communityId=${community}`, { as: 'zz.street' })).json).toEqual([]);
    expect((await t.call('GET', `/api/gates/entrances?communityId=${community}`, { as: 'wh.street' })).json).toHaveLength(23);
    expect((await t.call('GET', `/api/gates/entrances?communityId=${community}`, { as: 'cc.biz' })).statusCode).toBe(403);
  });

  it('plans changes for several entrances for later, calls one off, and refuses the past, the effective and the foreign', async () => {
    const ids = [byName('1栋后小门').id, byName('3栋消防通道').id];
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const planned = await t.call('POST', '/api/gates/entrance-changes', { as: 'cc.admin', body: { entranceIds: ids, state: 'open', effectiveAt: later, note: '恢复通行' } });
    expect(planned.statusCode).toBe(200);
    expect(planned.json.map((e: Entrance) => e.state)).toEqual(['sealed', 'sealed']);
    expect(planned.json[0].planned).toEqual([expect.objectContaining({ state: 'open', effectiveAt: later, decidedByName: '船厂社区书记' })]);
    const cancelled = await t.call('POST', `/api/gates/entrance-changes/${planned.json[0].planned[0].id}/cancel`, { as: 'cc.admin' });
    expect(cancelled.json.planned).toEqual([]);
    const again = await t.call('POST', `/api/gates/entrance-changes/${planned.json[0].planned[0].id}/cancel`, { as: 'cc.admin' });
    expect(again.json).toMatchObject({ code: 'CHANGE_ALREADY_EFFECTIVE' });
    const past = await t.call('POST', '/api/gates/entrance-changes', { as: 'cc.admin', body: { entranceIds: ids, state: 'open', effectiveAt: '2020-02-13T00:00:00Z' } });
    expect(past.json).toMatchObject({ code: 'PLAN_IN_PAST', field: 'effectiveAt' });
    const foreign = await t.call('POST', '/api/gates/entrance-changes', { as: 'zl.admin', body: { entranceIds: ids, state: 'open' } });
    expect(foreign.json).toMatchObject({ code: 'NOT_FOUND', field: 'entranceIds.0' });
    const volunteer = await t.call('POST', '/api/gates/entrance-changes', { as: 'cc.gate', body: { entranceIds: ids, state: 'open' } });
    expect(volunteer.json).toMatchObject({ code: 'NOT_FOUND', field: 'entranceIds.0' });
    // Now: takes effect at once; the history keeps both decisions.
    const now = await t.call('POST', '/api/gates/entrance-changes', { as: 'cc.admin', body: { entranceIds: [ids[1]], state: 'checkpoint', note: '临时增设卡点' } });
    expect(now.json[0]).toMatchObject({ state: 'checkpoint', since: { note: '临时增设卡点' } });
    const history = await t.call('GET', `/api/gates/entrances/${ids[1]}/history`, { as: 'cc.admin' });
    expect(history.json.map((c: { state: string }) => c.state)).toEqual(['checkpoint', 'open', 'sealed']);
  });

  it('creates entrances with unique names and assigns only the community’s gate people', async () => {
    const made = await t.call('POST', '/api/gates/entrances', { as: 'cc.admin', body: { communityId: community, name: '临时便门', description: '江边工地旁', state: 'sealed' } });
    expect(made.statusCode).toBe(201);
    expect(made.json).toMatchObject({ name: '临时便门', state: 'sealed', sortOrder: 24 });
    const twice = await t.call('POST', '/api/gates/entrances', { as: 'cc.admin', body: { communityId: community, name: '临时便门' } });
    expect(twice.json).toMatchObject({ code: 'ENTRANCE_NAME_TAKEN', field: 'name' });
    const people = await t.call('GET', `/api/gates/assignable?communityId=${community}`, { as: 'cc.admin' });
    const gridA = people.json.find((u: { name: string }) => u.name === 'A区网格员');
    expect(gridA.roles).toEqual(['grid_worker']);
    const assigned = await t.call('PUT', `/api/gates/entrances/${made.json.id}/assignees`, { as: 'cc.admin', body: { userIds: [gridA.userId] } });
    expect(assigned.json.assignees).toEqual([{ userId: gridA.userId, name: 'A区网格员' }]);
    const zlUser = (await t.call('GET', `/api/gates/assignable?communityId=${await t.unit(CODES.zhonglu)}`, { as: 'zl.admin' })).json[0].userId;
    const foreign = await t.call('PUT', `/api/gates/entrances/${made.json.id}/assignees`, { as: 'cc.admin', body: { userIds: [zlUser] } });
    expect(foreign.json).toMatchObject({ code: 'NOT_FOUND', field: 'userIds.0' });
    expect((await t.call('PUT', `/api/gates/entrances/${made.json.id}/assignees`, { as: 'cc.gate', body: { userIds: [] } })).statusCode).toBe(403);
  });

  let validToken = '';
  let revokedToken = '';
  it('issues passes whose tokens verify offline with the keys a phone syncs; revoking is final and reaches the phones', async () => {
    const list = await t.call('GET', `/api/gates/passes?communityId=${community}`, { as: 'cc.admin' });
    expect(list.json.length).toBeGreaterThan(150);
    expect(list.json.filter((p: { status: string }) => p.status === 'revoked')).toHaveLength(2);
    expect(list.json[0].idMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect((await t.call('GET', `/api/gates/passes?communityId=${community}`, { as: 'cc.gate' })).statusCode).toBe(404);

    const zoneB = await t.unit(CODES.zoneB);
    const issue = { communityId: community, holderKind: 'household', groupIds: [zoneB], validFrom: shanghaiDate(), validTo: shanghaiDate(new Date(Date.now() + 14 * 86_400_000)) };
    const again = await t.call('POST', '/api/gates/passes', { as: 'cc.admin', body: issue });
    expect(again.json).toMatchObject({ issued: 0 });
    expect(again.json.alreadyHeld).toBeGreaterThan(20);
    const people = await t.call('POST', '/api/gates/passes', { as: 'cc.admin', body: { ...issue, holderKind: 'resident' } });
    expect(people.json.issued).toBeGreaterThan(again.json.alreadyHeld);
    const order = await t.call('POST', '/api/gates/passes', { as: 'cc.admin', body: { ...issue, validTo: '2020-01-01' } });
    expect(order.json).toMatchObject({ code: 'DATE_ORDER', field: 'validTo' });

    const active = list.json.filter((p: { status: string }) => p.status === 'active');
    const cards = await t.call('GET', `/api/gates/passes/cards?communityId=${community}&ids=${active[0].id},${active[1].id}`, { as: 'cc.admin' });
    expect(cards.json).toHaveLength(2);
    const kit = await t.call('GET', '/api/field/gate', { as: 'cc.gate' });
    const cc = kit.json.communities[0];
    const keys = Object.fromEntries(Object.entries(cc.keys as Record<string, string>).map(([k, v]) => [k, fromBase64Url(v)!]));
    const read = readPassToken(cards.json[0].token, keys, nobleCheck);
    expect(read).toMatchObject({ ok: true, claims: { p: active[0].id, c: CODES.chuanchang } });
    expect(read.ok && read.claims.n).toMatch(/^.\*/);
    validToken = cards.json[0].token;
    revokedToken = cards.json[1].token;
    const svg = await t.call('GET', `/api/gates/passes/${active[0].id}/qr.svg`, { as: 'cc.admin' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain('<svg');

    const revoked = await t.call('POST', `/api/gates/passes/${active[1].id}/status`, { as: 'cc.admin', body: { status: 'revoked', reason: '挂失' } });
    expect(revoked.json).toMatchObject({ status: 'revoked', statusReason: '挂失' });
    const back = await t.call('POST', `/api/gates/passes/${active[1].id}/status`, { as: 'cc.admin', body: { status: 'active' } });
    expect(back.json).toMatchObject({ code: 'PASS_REVOKED' });
    expect((await t.call('POST', `/api/gates/passes/${active[0].id}/status`, { as: 'zl.admin', body: { status: 'revoked' } })).statusCode).toBe(404);
    const synced = await t.call('GET', '/api/field/gate', { as: 'cc.gate' });
    expect(synced.json.communities[0].revoked).toContain(active[1].id);
    expect(synced.json.communities[0].suspended).toHaveLength(1);
    expect(synced.json.entrances.map((e: Entrance) => e.name)).toEqual(['船厂路正门', '和平大道东门', '厂前街北门']);
    expect(synced.json.receivesAlerts).toBe(false);
    expect(synced.json.patrolGroups).toEqual([expect.objectContaining({ name: '流动巡查一组', zones: [expect.objectContaining({ name: 'B区' }), expect.objectContaining({ name: 'C区' })] })]);
  });

  it('stores each scan once with the server’s verdict, and refuses forged tokens, sealed and unassigned gates and misreadings', async () => {
    const scan = passage({ kind: 'pass', token: validToken, deviceVerdict: { allowed: true }, temperature: 36.5, healthCode: 'green' });
    const first = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [scan] } });
    expect(first.json).toEqual([{ id: scan.id, result: 'stored', allowed: true }]);
    const again = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [scan] } });
    expect(again.json).toEqual([{ id: scan.id, result: 'already_stored', allowed: true }]);

    const [prefix, payload, signature] = validToken.split('.');
    const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload!)!));
    const altered = `${prefix}.${toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, t: '2099-12-31' })))}.${signature}`;
    const items = [
      passage({ kind: 'pass', token: revokedToken, deviceVerdict: { allowed: true } }),
      passage({ kind: 'pass', token: altered }),
      passage({ kind: 'pass', token: 'https://example.com/not-a-pass' }),
      passage({ kind: 'pass', token: validToken, entranceId: byName('临江路西门').id }),
      passage({ kind: 'pass', token: validToken, entranceId: byName('江滩步道口').id }),
      passage({ kind: 'visitor', visitor, temperature: 45 }),
      passage({ kind: 'visitor', visitor: { ...visitor, idNumber: visitor.idNumber.slice(0, 17) + (visitor.idNumber[17] === '1' ? '2' : '1') } }),
      passage({ kind: 'visitor', visitor, at: new Date(Date.now() + 86_400_000).toISOString() }),
      passage({ kind: 'visitor', visitor: { ...visitor, idNumber: undefined, phone: undefined } }),
      { id: 'not-a-registration' },
    ];
    const mixed = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items } });
    expect(mixed.statusCode).toBe(200);
    expect(mixed.json.map((r: Record<string, unknown>) => [r.result, r.allowed ?? r.code, r.reason ?? r.field])).toEqual([
      ['stored', false, 'revoked'],
      ['stored', false, 'forged'],
      ['stored', false, 'malformed'],
      ['refused', 'NOT_ASSIGNED', 'entranceId'],
      ['refused', 'NOT_ASSIGNED', 'entranceId'],
      ['refused', 'TEMPERATURE_MISREAD', 'temperature'],
      ['refused', 'INVALID_VALUE', 'visitor.idNumber'],
      ['refused', 'DATE_ORDER', 'at'],
      ['refused', 'VALIDATION_FAILED', 'visitor.idNumber'],
      ['refused', 'VALIDATION_FAILED', 'id'],
    ]);
    expect(mixed.json[5].message).toContain('重新测量');
    // The sealed entrance: the community's lead may register anywhere, but not through a sealed entrance.
    const sealed = await t.call('POST', '/api/gates/passages', { as: 'cc.admin', body: { items: [passage({ kind: 'pass', token: validToken, entranceId: byName('江滩步道口').id })] } });
    expect(sealed.json[0]).toMatchObject({ result: 'refused', code: 'ENTRANCE_SEALED', field: 'entranceId' });
    // Another community's volunteer: the entrance does not exist for them.
    const foreign = await t.call('POST', '/api/gates/passages', { as: 'zl.gate', body: { items: [passage({ kind: 'pass', token: validToken })] } });
    expect(foreign.json[0]).toMatchObject({ result: 'refused', code: 'NOT_FOUND', field: 'entranceId' });
    expect((await t.call('POST', '/api/gates/passages', { as: 'cc.biz', body: { items: [scan] } })).statusCode).toBe(403);
  });

  it('finds a returning visitor by ID or phone, and raises a fever alert the lead sees and handles once', async () => {
    const reg = passage({ kind: 'visitor', visitor, temperature: 37.3, healthCode: 'green' });
    const r = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [reg] } });
    expect(r.json).toEqual([{ id: reg.id, result: 'stored', alert: true }]);
    const byId = await t.call('GET', `/api/gates/visitors/lookup?communityId=${community}&idNumber=${visitor.idNumber.toLowerCase()}`, { as: 'cc.gate' });
    expect(byId.json.visitor).toMatchObject({ name: '访客小王', fromPlace: '武汉市洪山区', lastPurpose: '送药', lastVisiting: '3栋201', visits: 1, phoneMasked: '139****5678' });
    expect(byId.json.visitor.idMasked).toMatch(/^420\*+/);
    const byPhone = await t.call('GET', `/api/gates/visitors/lookup?communityId=${community}&phone=13912345678`, { as: 'cc.gate' });
    expect(byPhone.json.visitor.id).toBe(byId.json.visitor.id);
    expect((await t.call('GET', `/api/gates/visitors/lookup?communityId=${community}&phone=13912345678`, { as: 'zl.gate' })).statusCode).toBe(404);

    const alerts = await t.call('GET', `/api/gates/alerts?communityId=${community}&open=true`, { as: 'cc.admin' });
    const mine = alerts.json.find((a: { name: string }) => a.name === '访客小王');
    expect(mine).toMatchObject({ temperature: 37.3, place: '船厂路正门', source: 'passage', recordedByName: '船厂社区卡点志愿者', handledAt: null });
    expect(alerts.json.some((a: { name: string; temperature: number }) => a.name === '陈志刚' && a.temperature === 37.8)).toBe(true);
    expect((await t.call('GET', `/api/gates/alerts?communityId=${community}`, { as: 'cc.gate' })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/gates/alerts/${mine.id}/handle`, { as: 'zl.admin', body: { note: 'x' } })).statusCode).toBe(404);
    const handled = await t.call('POST', `/api/gates/alerts/${mine.id}/handle`, { as: 'cc.admin', body: { note: '已送发热门诊' } });
    expect(handled.json).toMatchObject({ handledByName: '船厂社区书记', note: '已送发热门诊' });
    expect((await t.call('POST', `/api/gates/alerts/${mine.id}/handle`, { as: 'cc.admin', body: { note: 'again' } })).json).toMatchObject({ code: 'ALERT_HANDLED' });
  });

  it('syncs a phone’s queue exactly once through repeats, interruptions and two tabs at once', async () => {
    const queue = Array.from({ length: 240 }, (_, i) => passage({ kind: i % 4 === 0 ? 'visitor' : 'pass', token: validToken, visitor: { ...visitor, phone: `1380000${String(i).padStart(4, '0')}`, idNumber: undefined }, direction: i % 2 ? 'out' : 'in' }));
    // The connection drops after the first 100 were stored: the phone sends everything again.
    const part = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: queue.slice(0, 100) } });
    expect(part.json.every((r: { result: string }) => r.result === 'stored')).toBe(true);
    const [a, b] = await Promise.all([
      t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: queue.slice(0, 200) } }),
      t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: queue.slice(50) } }),
    ]);
    const results = [...a.json, ...b.json] as { id: string; result: string }[];
    expect(results.every((r) => r.result === 'stored' || r.result === 'already_stored')).toBe(true);
    expect(results.filter((r) => r.result === 'stored')).toHaveLength(140);
    const stored = await t.database.db.selectFrom('gate_passages').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', queue.map((q) => q.id)).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(240);
    // The same id with other content is someone else's item: refused, never overwritten.
    const clash = await t.call('POST', '/api/gates/passages', { as: 'cc.team', body: { items: [queue[0]] } });
    expect(clash.json[0]).toMatchObject({ result: 'refused', code: 'ID_CONFLICT' });
  });

  it('gives the day’s register to the community (masked) and as .xlsx with a sheet per checkpoint', async () => {
    const day = shanghaiDate();
    const r = await t.call('GET', `/api/gates/register?communityId=${community}&entranceId=${byName('船厂路正门').id}&day=${day}`, { as: 'cc.admin' });
    const wang = r.json.find((p: { name: string; fever: boolean }) => p.name === '访客小王' && p.fever);
    expect(wang).toMatchObject({ kind: 'visitor', temperature: 37.3, phoneMasked: '139****5678', fromPlace: '武汉市洪山区', purpose: '送药', recordedByName: '船厂社区卡点志愿者' });
    const refused = r.json.find((p: { reason: string | null }) => p.reason === 'revoked');
    expect(refused).toMatchObject({ allowed: false, deviceDisagreed: true });
    expect((await t.call('GET', `/api/gates/register?communityId=${community}`, { as: 'cc.gate' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/gates/register?communityId=${community}`, { as: 'wh.street' })).statusCode).toBe(404);

    const file = await t.call('GET', `/api/gates/register.xlsx?communityId=${community}&day=${day}`, { as: 'cc.admin' });
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['船厂路正门', '和平大道东门', '厂前街北门']);
    expect(names).toHaveLength(10); // 9 checkpoints and the one made a checkpoint above
    const sheet = workbook.getWorksheet('船厂路正门')!;
    expect(String(sheet.getCell('A1').value)).toBe(`船厂社区 船厂路正门 出入登记簿（${day}）`);
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(['时间', '姓名', '体温', '健康码', '结果']));
    const rows = sheet.getRows(4, sheet.rowCount - 3)!.map((row) => row.values as unknown[]);
    expect(rows.some((v) => v.includes('访客小王') && v.includes('37.3') && v.includes('139****5678'))).toBe(true);
    expect(rows.some((v) => v.includes('劝返: 出入证已注销'))).toBe(true);
  });

  it('shows today live per entrance: the lead with alerts, the street with counts only, others nothing', async () => {
    const live = await t.call('GET', `/api/gates/live?communityId=${community}`, { as: 'cc.admin' });
    expect(live.json.totals).toMatchObject({ checkpoints: 10, sealed: 14 });
    const gate = live.json.entrances.find((e: { name: string }) => e.name === '船厂路正门');
    expect(gate.hours).toHaveLength(24);
    expect(gate.hours.reduce((s: number, n: number) => s + n, 0)).toBe(gate.in + gate.out);
    expect(gate.refused).toBeGreaterThanOrEqual(3);
    expect(gate.fevers).toBeGreaterThanOrEqual(1);
    expect(live.json.alerts.some((a: { name: string }) => a.name === '陈志刚')).toBe(true);
    const street = await t.call('GET', `/api/gates/live?communityId=${community}`, { as: 'wh.street' });
    expect(street.json.totals).toEqual(live.json.totals);
    expect(street.json.alerts).toEqual([]);
    expect((await t.call('GET', `/api/gates/live?communityId=${community}`, { as: 'zl.admin' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/gates/live?communityId=${community}`, { as: 'zz.street' })).statusCode).toBe(404);
  });

  it('records patrol rounds of a group’s members in its zones, with fevers alerted and coverage by zone and hour', async () => {
    const kit = (await t.call('GET', '/api/field/gate', { as: 'cc.team' })).json;
    const group = kit.patrolGroups[0];
    const [zoneB] = group.zones;
    const zones = (await t.call('GET', `/api/gates/patrol-zones?communityId=${community}`, { as: 'cc.admin' })).json;
    const zoneA = zones.find((z: { name: string }) => z.name === 'A区');
    const start = new Date(Date.now() - 30 * 60_000).toISOString();
    const round = {
      id: uuid(), groupId: group.id, zoneId: zoneB.id, startedAt: start, endedAt: new Date().toISOString(),
      readings: [{ temperature: 36.4, healthCode: 'green' }, { temperature: 37.6, healthCode: 'green', name: '巡查发现' }], checkedWithoutReading: 3,
      remindersMasks: 4, remindersGatherings: 1, incidents: '球场有人聚集，已劝散',
    };
    const stored = await t.call('POST', '/api/gates/patrol-rounds', { as: 'cc.team', body: { items: [round, round] } });
    expect(stored.json).toEqual([{ id: round.id, result: 'stored', alert: true }, { id: round.id, result: 'already_stored' }]);
    const refused = await t.call('POST', '/api/gates/patrol-rounds', {
      as: 'cc.team',
      body: { items: [{ ...round, id: uuid(), zoneId: zoneA.id }, { ...round, id: uuid(), endedAt: '2020-01-01T00:00:00Z' }, { ...round, id: uuid(), readings: [{ temperature: 20 }] }] },
    });
    expect(refused.json.map((r: { code: string; field: string }) => [r.code, r.field])).toEqual([
      ['ZONE_NOT_IN_GROUP', 'zoneId'], ['DATE_ORDER', 'endedAt'], ['TEMPERATURE_MISREAD', 'readings.0.temperature'],
    ]);
    const outsider = await t.call('POST', '/api/gates/patrol-rounds', { as: 'cc.a', body: { items: [{ ...round, id: uuid() }] } });
    expect(outsider.json[0]).toMatchObject({ code: 'NOT_IN_PATROL_GROUP' });
    const coverage = await t.call('GET', `/api/gates/patrol-coverage?communityId=${community}`, { as: 'cc.admin' });
    const b = coverage.json.zones.find((z: { name: string }) => z.name === 'B区');
    expect(b.checked).toBeGreaterThanOrEqual(5);
    expect(b.fevers).toBeGreaterThanOrEqual(1);
    expect(b.hours.some((h: number) => h > 0)).toBe(true);
    expect(coverage.json.rounds.find((r: { id: string }) => r.id === round.id)).toMatchObject({ zoneName: 'B区', checked: 5, incidents: '球场有人聚集，已劝散', remindersMasks: 4 });
    const alerts = await t.call('GET', `/api/gates/alerts?communityId=${community}&open=true`, { as: 'cc.admin' });
    expect(alerts.json.find((a: { source: string; name: string }) => a.source === 'patrol')).toMatchObject({ place: 'B区', temperature: 37.6, name: '巡查发现' });
    const zone = await t.call('POST', '/api/gates/patrol-zones', { as: 'cc.admin', body: { communityId: community, name: 'B区' } });
    expect(zone.json).toMatchObject({ code: 'ZONE_NAME_TAKEN' });
    const made = await t.call('POST', '/api/gates/patrol-groups', { as: 'cc.admin', body: { communityId: community, name: '夜间巡查组', zoneIds: [zoneA.id], memberIds: [kit.patrolGroups[0] && (await t.call('GET', `/api/gates/assignable?communityId=${community}`, { as: 'cc.admin' })).json[0].userId] } });
    expect(made.statusCode).toBe(201);
    expect(made.json.zones).toEqual([{ id: zoneA.id, name: 'A区' }]);
  });

  it('judges a scan by the pass’s status at its time, trusts nothing of a forged token, and turns fevers back', async () => {
    const passes = (await t.call('GET', `/api/gates/passes?communityId=${community}&status=active`, { as: 'cc.admin' })).json;
    const id = passes[5].id;
    const token = (await t.call('GET', `/api/gates/passes/cards?communityId=${community}&ids=${id}`, { as: 'cc.admin' })).json[0].token;
    await t.call('POST', `/api/gates/passes/${id}/status`, { as: 'cc.admin', body: { status: 'suspended', reason: '居家隔离' } });
    await new Promise((r) => setTimeout(r, 20));
    const whileSuspended = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await t.call('POST', `/api/gates/passes/${id}/status`, { as: 'cc.admin', body: { status: 'active' } });
    const [then, now, fever] = (await t.call('POST', '/api/gates/passages', {
      as: 'cc.gate',
      body: { items: [passage({ kind: 'pass', token, at: whileSuspended, deviceVerdict: { allowed: true } }), passage({ kind: 'pass', token }), passage({ kind: 'pass', token, temperature: 38.2 })] },
    })).json;
    expect([then.allowed, then.reason, now.allowed, fever.allowed, fever.reason, fever.alert]).toEqual([false, 'suspended', true, false, 'fever', true]);

    const [prefix, payload, signature] = token.split('.');
    const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload)!));
    const forged = `${prefix}.${toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, n: '任意姓名', a: '任意地址' })))}.${signature}`;
    const scan = passage({ kind: 'pass', token: forged });
    expect((await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [scan] } })).json[0]).toMatchObject({ allowed: false, reason: 'forged' });
    const register = (await t.call('GET', `/api/gates/register?communityId=${community}&entranceId=${byName('船厂路正门').id}`, { as: 'cc.admin' })).json;
    expect(register.find((r: { id: string }) => r.id === scan.id)).toMatchObject({ name: '', label: null, allowed: false, reason: 'forged' });
    expect(register.find((r: { id: string }) => r.id === fever.id)).toMatchObject({ allowed: false, reason: 'fever', fever: true, deviceDisagreed: false });
  });

  it('keeps family members sharing a phone apart, and refuses an id sent again with other content', async () => {
    const shared = { name: '张三', phone: '13711112222', fromPlace: '鄂州市', purpose: '探望老人' };
    const a = passage({ kind: 'visitor', visitor: shared });
    const b = passage({ kind: 'visitor', visitor: { ...shared, name: '李四' } });
    await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [a, b] } });
    const register = (await t.call('GET', `/api/gates/register?communityId=${community}`, { as: 'cc.admin' })).json;
    expect([a, b].map((p) => register.find((r: { id: string }) => r.id === p.id).name)).toEqual(['张三', '李四']);
    const visitors = await t.database.db.selectFrom('gate_visitors').select('name').where('phone_masked', '=', '137****2222').execute();
    expect(visitors.map((v) => v.name).sort()).toEqual(['张三', '李四'].sort());
    const edited = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [{ ...a, direction: 'out' }] } });
    expect(edited.json[0]).toMatchObject({ result: 'refused', code: 'ID_CONFLICT' });
    const again = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [a] } });
    expect(again.json[0]).toMatchObject({ result: 'already_stored' });
    const noOffset = await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [passage({ kind: 'visitor', visitor: shared, at: '2026-11-25 10:00' })] } });
    expect(noOffset.json[0]).toMatchObject({ result: 'refused', code: 'VALIDATION_FAILED', field: 'at' });
  });

  it('lets a grid worker of one zone see the community’s live view, and keeps patrol details from the offices above', async () => {
    expect((await t.call('GET', `/api/gates/live?communityId=${community}`, { as: 'cc.b' })).statusCode).toBe(200);
    const street = (await t.call('GET', `/api/gates/patrol-coverage?communityId=${community}`, { as: 'wh.street' })).json;
    expect(street.rounds.length).toBeGreaterThan(0);
    expect(street.rounds.every((r: { incidents: string | null; recordedByName: string }) => r.incidents === null && r.recordedByName === '')).toBe(true);
    expect((await t.call('GET', `/api/gates/patrol-groups?communityId=${community}`, { as: 'wh.street' })).json[0].members).toEqual([]);
    expect((await t.call('GET', `/api/gates/patrol-groups?communityId=${community}`, { as: 'cc.admin' })).json[0].members.length).toBeGreaterThan(0);
  });

  // Last: it stops the server.
  it('streams the live view: the whole view on connecting, then each alert and change as it happens', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await t.login('cc.admin');
    const controller = new AbortController();
    const response = await fetch(`${address}/api/gates/live/stream?communityId=${community}`, { headers: { cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (what: string) => {
      while (!text.includes(what)) text += (await reader.read()).value ?? '';
    };
    await until('event: view');
    const reg = passage({ kind: 'visitor', visitor: { ...visitor, name: '直播测试' }, temperature: 38.1 });
    await t.call('POST', '/api/gates/passages', { as: 'cc.gate', body: { items: [reg] } });
    await until('event: alert');
    expect(text).toContain('直播测试');
    expect(text).toContain('"recordedByName":"船厂社区卡点志愿者"');
    const views = text.split('event: view').length - 1;
    await until('"temperature":38.1');
    while (text.split('event: view').length - 1 === views) text += (await reader.read()).value ?? '';
    controller.abort();
    const refused = await fetch(`${address}/api/gates/live/stream?communityId=${community}`, { headers: { cookie: await t.login('zl.admin') } });
    expect(refused.status).toBe(404);
    // A stream still open when the server stops is ended, so stopping does not wait for it.
    const open = await fetch(`${address}/api/gates/live/stream?communityId=${community}`, { headers: { cookie } });
    const openReader = open.body!.pipeThrough(new TextDecoderStream()).getReader();
    await openReader.read();
    await t.app.close();
    let rest = '';
    for (let r = await openReader.read(); !r.done; r = await openReader.read()) rest += r.value;
    expect(rest).not.toContain('ping');
  });
}, { ledger: true });
