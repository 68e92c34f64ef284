import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Me } from '../src/contract/auth.ts';
import { addDays, clockOf, dateTimeOf, secondsOf, shanghaiInstant, whenOf } from '../src/web/console/gates/gate-format.ts';
import { ownCommunity, watchedStreet } from '../src/web/console/gates/own-community.ts';
import { sheetsOf } from '../src/web/console/gates/passes/pass-sheets.ts';

/** Answers the key and its values, so a test reads which message was chosen. */
const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as TFunction;

describe('gate times are Asia/Shanghai wall-clock times, whatever the browser zone', () => {
  it('reads a picked wall-clock time as Shanghai time', () => {
    expect(shanghaiInstant('2020-02-14 07:00')).toBe('2020-02-13T23:00:00.000Z');
    expect(clockOf('2020-02-13T23:00:00.000Z')).toBe('07:00');
    expect(dateTimeOf('2020-02-13T23:00:00.000Z')).toBe('2020-02-14 07:00');
    expect(secondsOf('2020-02-13T23:00:05.000Z')).toBe('07:00:05');
  });

  it('counts days across month ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
  });

  it('says today, tomorrow or yesterday, else the date', () => {
    const today = '2020-02-13';
    expect(whenOf(t, shanghaiInstant('2020-02-14 07:00'), today)).toBe('gate-console:when.tomorrow{"clock":"07:00"}');
    expect(whenOf(t, shanghaiInstant('2020-02-13 00:10'), today)).toBe('gate-console:when.today{"clock":"00:10"}');
    expect(whenOf(t, shanghaiInstant('2020-02-12 23:50'), today)).toBe('gate-console:when.yesterday{"clock":"23:50"}');
    expect(whenOf(t, shanghaiInstant('2020-02-15 07:00'), today)).toBe('2020-02-15 07:00');
  });
});

describe('pass cards on A4 sheets', () => {
  it('puts eight on a sheet, the rest on the last', () => {
    const cards = Array.from({ length: 19 }, (_, i) => i);
    expect(sheetsOf(cards).map((s) => s.length)).toEqual([8, 8, 3]);
    expect(sheetsOf(cards).flat()).toEqual(cards);
    expect(sheetsOf([])).toEqual([]);
    expect(sheetsOf(cards.slice(0, 16)).map((s) => s.length)).toEqual([8, 8]);
  });
});

describe('the community a user works with', () => {
  const crumb = (id: string, kind: string, name = id) => ({ id, name, kind, code: id });
  const grant = (role: string, unit: ReturnType<typeof crumb> & { ancestors?: ReturnType<typeof crumb>[] }) =>
    ({ assignmentId: `${role}-${unit.id}`, role, unit: { ...unit, ancestors: unit.ancestors ?? [] }, validFrom: '2020-01-01', validTo: null });
  const me = (...roles: ReturnType<typeof grant>[]) => ({ roles }) as unknown as Me;
  const street = crumb('s1', 'street');
  const community = crumb('c1', 'community', 'Shipyard');

  it('is the secretary’s community, or the one above a grid', () => {
    expect(ownCommunity(me(grant('community_admin', community)))).toEqual({ id: 'c1', name: 'Shipyard' });
    expect(ownCommunity(me(grant('grid_worker', { ...crumb('g1', 'grid'), ancestors: [street, community] })))).toEqual({ id: 'c1', name: 'Shipyard' });
    // Two roles in the same community: still one.
    expect(ownCommunity(me(grant('community_admin', community), grant('team_member', { ...crumb('g2', 'group'), ancestors: [street, community] })))?.id).toBe('c1');
  });

  it('is chosen by offices above communities and by people of two communities', () => {
    expect(ownCommunity(me(grant('street_admin', street)))).toBeUndefined();
    expect(ownCommunity(me(grant('community_admin', community), grant('checkpoint_volunteer', crumb('c2', 'community'))))).toBeUndefined();
    // A role without gate work (an enterprise contact) does not count.
    expect(ownCommunity(me(grant('enterprise_contact', community)))).toBeUndefined();
    expect(watchedStreet(me(grant('street_admin', street)))).toBe('s1');
    expect(watchedStreet(me(grant('community_admin', community)))).toBeUndefined();
  });
});
