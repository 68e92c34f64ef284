import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { makeId } from '../../../../test/citizen-ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';

const uuid = () => crypto.randomUUID();

describeApi('door-to-door screening rounds', (t) => {
  let roundId = '';
  let dahaiHousehold = '';
  let caotangHousehold = '';

  it('opens a round over some groups of a community, for its managers only', async () => {
    const community = await t.unit(CODES.zhonglu);
    const groups = [await t.unit(CODES.dahai), await t.unit(CODES.caotang)];
    const body = { communityId: community, name: '返乡人员摸排', groupIds: groups, startsOn: shanghaiDate() };
    expect((await t.call('POST', '/api/screening/rounds', { as: 'zl.g01', body })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/screening/rounds', { as: 'cc.admin', body })).statusCode).toBe(404);
    const bad = await t.call('POST', '/api/screening/rounds', { as: 'zl.admin', body: { ...body, groupIds: [await t.unit(CODES.zoneB)] } });
    expect(bad.json).toMatchObject({ code: 'NOT_FOUND', field: 'groupIds.0' });
    const order = await t.call('POST', '/api/screening/rounds', { as: 'zl.admin', body: { ...body, endsOn: '2020-01-01' } });
    expect(order.json).toMatchObject({ code: 'DATE_ORDER', field: 'endsOn' });
    const r = await t.call('POST', '/api/screening/rounds', { as: 'zl.admin', body });
    expect(r.statusCode).toBe(201);
    expect(r.json).toMatchObject({ name: '返乡人员摸排', closed: false, visited: 0, groups: [{ name: '大海组' }, { name: '草塘组' }] });
    expect(r.json.households).toBeGreaterThan(20);
    roundId = r.json.id;
    const unvisited = await t.call('GET', `/api/screening/rounds/${roundId}/unvisited?groupId=${groups[0]}`, { as: 'zl.admin' });
    expect(unvisited.json.length).toBeGreaterThan(5);
    dahaiHousehold = unvisited.json[0].id;
    caotangHousehold = (await t.call('GET', `/api/screening/rounds/${roundId}/unvisited?groupId=${groups[1]}`, { as: 'zl.admin' })).json[0].id;
  });

  it('stores a visit sent twice once, registers the arrivals found, and refuses what is not the worker’s', async () => {
    const field = await t.call('GET', '/api/field/ledger', { as: 'zl.g01' });
    expect(field.json.rounds.map((r: { id: string }) => r.id)).toContain(roundId);
    expect(field.json.households.every((h: { groupName: string }) => h.groupName === '大海组')).toBe(true);
    const household = field.json.households.find((h: { id: string }) => h.id === dahaiHousehold);
    const returnee = makeId('440305', '19950606', '017');
    const visit = {
      id: uuid(), roundId, householdId: dahaiHousehold, visitedAt: new Date().toISOString(), outcome: 'visited',
      presentIds: [household.members[0].id], health: { fever: false, cough: true, temperature: 36.6 },
      arrivals: [{ id: uuid(), name: '返乡小李', idNumber: returnee, phone: '13807331234', category: 'returnee', relation: 'child' }],
      needs: '口罩不足', note: null,
    };
    const first = await t.call('POST', '/api/screening/visits', { as: 'zl.g01', body: { visits: [visit] } });
    expect(first.json).toEqual([{ id: visit.id, result: 'stored' }]);
    const again = await t.call('POST', '/api/screening/visits', { as: 'zl.g01', body: { visits: [visit] } });
    expect(again.json).toEqual([{ id: visit.id, result: 'already_stored' }]);
    const found = await t.call('GET', `/api/residents?q=${returnee}`, { as: 'zl.admin' });
    expect(found.json.items).toEqual([expect.objectContaining({ name: '返乡小李', categories: [{ category: 'returnee' }], householdId: dahaiHousehold })]);

    const others = [
      { ...visit, id: uuid(), householdId: caotangHousehold, arrivals: [] },
      { ...visit, id: uuid(), arrivals: [{ ...visit.arrivals[0], id: uuid(), idNumber: returnee.slice(0, 17) + (returnee[17] === '1' ? '2' : '1') }] },
      { ...visit, id: uuid(), visitedAt: new Date(Date.now() + 86_400_000).toISOString(), arrivals: [] },
      { ...visit, id: uuid(), health: { fever: true, cough: false, temperature: 52 }, arrivals: [] },
      { id: 'not-a-visit' },
    ];
    const mixed = await t.call('POST', '/api/screening/visits', { as: 'zl.g01', body: { visits: others } });
    expect(mixed.json.map((r: { result: string; code?: string; field?: string }) => [r.result, r.code, r.field])).toEqual([
      ['refused', 'NOT_FOUND', 'householdId'],
      ['refused', 'INVALID_VALUE', 'arrivals.0.idNumber'],
      ['refused', 'DATE_ORDER', 'visitedAt'],
      ['refused', 'VALIDATION_FAILED', 'health.temperature'],
      ['refused', 'VALIDATION_FAILED', 'id'],
    ]);
    expect(mixed.json[1].message).toBe('身份证号校验位不正确，请核对是否录错');
    expect((await t.call('POST', '/api/screening/visits', { as: 'zz.street', body: { visits: [visit] } })).statusCode).toBe(403);
  });

  it('shows coverage per group, per worker and per day, the households left, and health only to the community', async () => {
    const nobody = { id: uuid(), roundId, householdId: caotangHousehold, visitedAt: new Date().toISOString(), outcome: 'nobody_home', presentIds: [], health: { fever: false, cough: false }, arrivals: [] };
    expect((await t.call('POST', '/api/screening/visits', { as: 'zl.g02', body: { visits: [nobody] } })).json[0].result).toBe('stored');
    // The phone learns the household was tried: still to visit, but not untouched.
    const field = await t.call('GET', '/api/field/ledger', { as: 'zl.g02' });
    expect(field.json.away[roundId]).toEqual([caotangHousehold]);
    expect(field.json.visited[roundId]).toEqual([]);
    const c = await t.call('GET', `/api/screening/rounds/${roundId}/coverage`, { as: 'zl.admin' });
    expect(c.json.round).toMatchObject({ visited: 1 });
    expect(c.json.byGroup).toEqual([
      expect.objectContaining({ groupName: '大海组', visited: 1, nobodyHome: 0 }),
      expect.objectContaining({ groupName: '草塘组', visited: 0, nobodyHome: 1 }),
    ]);
    expect(c.json.byWorker.map((w: { name: string; households: number }) => [w.name, w.households])).toEqual([['草塘组网格员', 1], ['大海组网格员', 1]]);
    expect(c.json.byDay).toEqual([{ day: shanghaiDate(), households: 1, fevers: 0, registered: { returnee: 1 } }]);
    const left = await t.call('GET', `/api/screening/rounds/${roundId}/unvisited`, { as: 'zl.admin' });
    expect(left.json.find((h: { id: string }) => h.id === dahaiHousehold)).toBeUndefined();
    expect(left.json.find((h: { id: string }) => h.id === caotangHousehold)).toMatchObject({ attempts: 1 });
    const asStreet = await t.call('GET', `/api/screening/rounds/${roundId}/visits`, { as: 'zz.street' });
    expect(asStreet.json.every((v: { health: unknown }) => v.health === null)).toBe(true);
    const asAdmin = await t.call('GET', `/api/screening/rounds/${roundId}/visits?householdId=${dahaiHousehold}`, { as: 'zl.admin' });
    expect(asAdmin.json).toEqual([expect.objectContaining({ outcome: 'visited', arrivals: 1, health: { fever: false, cough: true, temperature: 36.6 }, needs: '口罩不足' })]);
    expect((await t.call('GET', `/api/screening/rounds/${roundId}/coverage`, { as: 'cc.admin' })).statusCode).toBe(404);
    // A worker of a group outside the round does not see it.
    const g05 = await t.call('GET', '/api/screening/rounds', { as: 'zl.g05' });
    expect(g05.json.map((r: { id: string }) => r.id)).not.toContain(roundId);
  });

  it('has the demo round’s day figures in the report’s shape, and closes a round', async () => {
    const rounds = await t.call('GET', '/api/screening/rounds', { as: 'zl.admin' });
    const demo = rounds.json.find((r: { name: string }) => r.name.endsWith('月外来人员摸排'));
    const c = await t.call('GET', `/api/screening/rounds/${demo.id}/coverage`, { as: 'zl.admin' });
    const first = c.json.byDay.at(-1);
    expect(first).toMatchObject({ households: 29, registered: { outside_worker: 2, returnee: 4 } });
    const closed = await t.call('POST', `/api/screening/rounds/${roundId}/close`, { as: 'zl.admin' });
    expect(closed.json.closed).toBe(true);
    const late = { id: uuid(), roundId, householdId: dahaiHousehold, visitedAt: new Date().toISOString(), outcome: 'visited', presentIds: [], health: { fever: false, cough: false }, arrivals: [] };
    expect((await t.call('POST', '/api/screening/visits', { as: 'zl.g01', body: { visits: [late] } })).json[0]).toMatchObject({ result: 'refused', code: 'ROUND_CLOSED' });
  });
}, { ledger: true });
