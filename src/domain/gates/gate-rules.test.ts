import { describe, expect, it } from 'vitest';
import { plannedAfter, stateAt } from './entrance-state.ts';
import { isFever, isPlausibleTemperature, toTenths } from './temperature.ts';

describe('entrance state', () => {
  const changes = [
    { id: 'a', state: 'checkpoint' as const, effectiveAt: '2026-11-20T00:00:00.000Z', cancelledAt: null },
    { id: 'b', state: 'sealed' as const, effectiveAt: '2026-11-25T23:00:00.000Z', cancelledAt: null },
    { id: 'c', state: 'open' as const, effectiveAt: '2026-11-26T02:00:00.000Z', cancelledAt: '2026-11-25T10:00:00.000Z' },
  ];

  it('is the last change whose time has come; a planned one takes effect at its time; called-off ones never', () => {
    expect(stateAt([], '2026-11-25T00:00:00Z').state).toBe('open');
    expect(stateAt(changes, '2026-11-19T23:59:59Z').state).toBe('open');
    expect(stateAt(changes, '2026-11-25T22:59:59.999Z')).toMatchObject({ state: 'checkpoint', since: { id: 'a' } });
    expect(stateAt(changes, '2026-11-25T23:00:00Z')).toMatchObject({ state: 'sealed', since: { id: 'b' } });
    expect(stateAt(changes, '2026-11-27T00:00:00Z').state).toBe('sealed');
    expect(plannedAfter(changes, '2026-11-25T12:00:00Z').map((c) => c.id)).toEqual(['b']);
  });
});

describe('temperatures', () => {
  it('are fevers from 37.3 and misreadings outside 34.0–43.0', () => {
    expect(isFever(37.2)).toBe(false);
    expect(isFever(37.3)).toBe(true);
    expect(isFever(37.29999999)).toBe(true);
    expect([33.9, 43.1, Number.NaN].map(isPlausibleTemperature)).toEqual([false, false, false]);
    expect([34.0, 36.5, 43.0].map(isPlausibleTemperature)).toEqual([true, true, true]);
    expect(toTenths(36.55)).toBe(366);
  });
});

describe('gate scope', () => {
  it('lifts a group or grid role to its community, and leaves other levels alone', async () => {
    const { gateGrant, gatePrefixes, gateReach } = await import('./gate-scope.ts');
    const community = '/420000/4201/420107/420107006/420107006001/';
    expect(gateReach(`${community}420107006001-B/`)).toBe(community);
    expect(gateReach(community)).toBe(community);
    expect(gateReach('/420000/4201/420107/420107006/')).toBe('/420000/4201/420107/420107006/');
    const worker = { userId: 'u', username: 'cc.b', grants: [{ assignmentId: 'a', role: 'grid_worker' as const, unitId: 'g', path: `${community}420107006001-B/` }] };
    expect(gatePrefixes(worker, 'gate.view')).toEqual([community]);
    expect(gateGrant(worker, 'gate.register', community)).toMatchObject({ role: 'grid_worker' });
    expect(gateGrant(worker, 'gate.register', '/430000/4302/430211/430211003/430211003017/')).toBeNull();
    expect(gateGrant(worker, 'gate.manage', community)).toBeNull();
  });
});

describe('two decisions for the same instant', () => {
  it('the later decision holds', async () => {
    const { stateAt: at } = await import('./entrance-state.ts');
    const same = '2026-11-25T23:00:00.000Z';
    const changes = [
      { state: 'sealed' as const, effectiveAt: same, decidedAt: '2026-11-25T10:00:00.000Z', cancelledAt: null },
      { state: 'checkpoint' as const, effectiveAt: same, decidedAt: '2026-11-25T12:00:00.000Z', cancelledAt: null },
    ];
    expect(at(changes, '2026-11-26T00:00:00Z').state).toBe('checkpoint');
    expect(at([...changes].reverse(), '2026-11-26T00:00:00Z').state).toBe('checkpoint');
  });
});
