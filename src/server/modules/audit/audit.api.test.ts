import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { CODES, describeApi } from '../../../../test/harness.ts';

describeApi('the audit trail', (t) => {
  it('records who changed what, with before and after, and lets admins filter it', async () => {
    const id = await t.unit(CODES.caotang);
    await t.call('PATCH', `/api/org-units/${id}`, { as: 'zl.admin', body: { name: '草塘组（新）' } });
    const byPerson = await t.call('GET', '/api/audit-events?actor=zl.admin&action=org.update', { as: 'zl.admin' });
    expect(byPerson.json.items[0]).toMatchObject({ action: 'org.update', entityId: id, unitName: '草塘组（新）', before: { name: '草塘组' }, after: { name: '草塘组（新）' }, ip: '127.0.0.1' });
    const byUnit = await t.call('GET', `/api/audit-events?unitId=${id}`, { as: 'zl.admin' });
    expect(byUnit.json.items.length).toBeGreaterThan(0);
    expect(byUnit.json.items.every((e: { unitPath: string }) => e.unitPath.includes(CODES.caotang))).toBe(true);
    const today = shanghaiDate();
    const byDate = await t.call('GET', `/api/audit-events?from=2000-01-01&to=2000-01-02`, { as: 'zl.admin' });
    expect(byDate.json.items).toEqual([]);
    const todays = await t.call('GET', `/api/audit-events?from=${today}&to=${today}&action=org`, { as: 'zl.admin' });
    expect(todays.json.items.length).toBeGreaterThan(0);
  });

  it('pages through events with a cursor, newest first', async () => {
    const first = await t.call('GET', '/api/audit-events?limit=5', { as: 'zz.city' });
    expect(first.json.items).toHaveLength(5);
    const second = await t.call('GET', `/api/audit-events?limit=5&cursor=${first.json.nextCursor}`, { as: 'zz.city' });
    const ids = [...first.json.items, ...second.json.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(10);
    const times = [...first.json.items, ...second.json.items].map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows each administrator only the events of their area', async () => {
    await t.call('PATCH', `/api/org-units/${await t.unit(CODES.zoneB)}`, { as: 'cc.admin', body: { name: 'B区' } });
    const zl = await t.call('GET', '/api/audit-events?limit=200', { as: 'zl.admin' });
    expect(zl.json.items.length).toBeGreaterThan(0);
    expect(zl.json.items.every((e: { unitPath: string }) => e.unitPath.startsWith('/430000/430200/430211/430211003/430211003017/'))).toBe(true);
    const out = await t.call('GET', `/api/audit-events?unitId=${await t.unit(CODES.zoneB)}`, { as: 'zl.admin' });
    expect(out.statusCode).toBe(404);
    expect((await t.call('GET', '/api/audit-events', { as: 'zl.g01' })).statusCode).toBe(403);
  });

  it('refuses a damaged or forged cursor with a 400, on both databases', async () => {
    for (const cursor of ['not-base64!', Buffer.from('["garbage","x"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      const r = await t.call('GET', `/api/audit-events?cursor=${cursor}`, { as: 'zl.admin' });
      expect(r.statusCode, cursor).toBe(400);
      expect(r.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
    }
    const upper = await t.call('GET', '/api/audit-events?action=ORG', { as: 'zl.admin' });
    expect(upper.json.items.length).toBeGreaterThan(0);
  });

  it('has no API to change or delete events, and the database refuses it too', async () => {
    const any = await t.call('GET', '/api/audit-events?limit=1', { as: 'zl.admin' });
    const id = any.json.items[0].id;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const r = await t.call(method, `/api/audit-events/${id}`, { as: 'zl.admin', body: {} });
      expect(r.statusCode).toBe(404);
    }
    await expect(sql`update audit_events set action = 'x' where id = ${id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = ${id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });
});
