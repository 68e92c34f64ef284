import { describe, expect, it } from 'vitest';
import type { Me } from '../src/contract/auth.ts';
import type { Duty, OnDutyNow, RosterWeek } from '../src/contract/rosters.ts';
import { orderForDesk } from '../src/web/console/rosters/now/on-duty-view.ts';
import { sheetLines } from '../src/web/console/rosters/print/roster-sheet.ts';
import { busyElsewhere, mondayOf, rosterGrid, shiftLabel, shiftTiming, shortDay, thisMonday, weekDays, weekdayIndex } from '../src/web/console/rosters/roster-grid.ts';
import { managesRoster, overviewUnit, readsFromAbove, readsSheet } from '../src/web/console/rosters/roster-scope.ts';

const MONDAY = '2020-02-17';
const DAYS = weekDays(MONDAY);
const SHIFTS = [
  { start: '07:00', end: '12:00', minimum: 2 },
  { start: '12:00', end: '18:00', minimum: 1 },
  { start: '18:00', end: '24:00', minimum: 1 },
  { start: '00:00', end: '07:00', minimum: 1 },
];

let n = 0;
function duty(entranceId: string, day: string, start: string, end: string, userId: string): Duty {
  n += 1;
  return { id: `d${n}`, entranceId, day, start, end, userId, name: `name-${userId}`, mobile: null, checkedInAt: null };
}

function week(duties: Duty[], gaps: RosterWeek['gaps'] = []): RosterWeek {
  return {
    communityId: 'c',
    communityName: 'community',
    monday: MONDAY,
    days: DAYS,
    checkpoints: [
      { entranceId: 'gate', name: 'Main gate', states: ['sealed', 'checkpoint', 'checkpoint', 'checkpoint', 'checkpoint', 'checkpoint', 'checkpoint'], shifts: SHIFTS },
      { entranceId: 'east', name: 'East gate', states: Array(7).fill('checkpoint') as RosterWeek['checkpoints'][number]['states'], shifts: SHIFTS.slice(0, 2) },
    ],
    duties,
    gaps,
  };
}

describe('the week grid of a roster', () => {
  it('puts each duty in its checkpoint, day and shift, and takes red from the server gaps only', () => {
    const a = duty('gate', DAYS[1]!, '07:00', '12:00', 'u1');
    const b = duty('gate', DAYS[1]!, '07:00', '12:00', 'u2');
    const c = duty('east', DAYS[1]!, '07:00', '12:00', 'u3');
    const gaps = [{ entranceId: 'east', day: DAYS[1]!, start: '07:00', end: '12:00', minimum: 2, staffed: 1 }];
    const rows = rosterGrid(week([a, b, c], gaps));
    expect(rows.map((r) => r.name)).toEqual(['Main gate', 'East gate']);
    expect(rows[0]!.cells.map((cell) => cell.day)).toEqual(DAYS);
    const tuesday = rows[0]!.cells[1]!;
    expect(tuesday.shifts.map((s) => `${s.start}-${s.end}`)).toEqual(['07:00-12:00', '12:00-18:00', '18:00-24:00', '00:00-07:00']);
    expect(tuesday.shifts[0]!.duties.map((d) => d.userId)).toEqual(['u1', 'u2']);
    expect(tuesday.shifts[0]).toMatchObject({ staffed: 2, minimum: 2, gap: false, defined: true });
    const east = rows[1]!.cells[1]!.shifts[0]!;
    expect(east).toMatchObject({ staffed: 1, minimum: 2, gap: true });
    expect(rows[1]!.gaps).toBe(1);
    expect(rows[0]!.gaps).toBe(0);
  });

  it('greys a day the entrance is not a checkpoint', () => {
    const rows = rosterGrid(week([]));
    expect(rows[0]!.cells[0]).toMatchObject({ state: 'sealed', open: false });
    expect(rows[0]!.cells[1]).toMatchObject({ state: 'checkpoint', open: true });
  });

  it('keeps duties at times that are no longer shifts, after the ones defined', () => {
    const stray = duty('east', DAYS[2]!, '18:00', '24:00', 'u9');
    const cell = rosterGrid(week([stray]))[1]!.cells[2]!;
    expect(cell.shifts.map((s) => [s.start, s.defined])).toEqual([
      ['07:00', true],
      ['12:00', true],
      ['18:00', false],
    ]);
    expect(cell.shifts[2]!.duties).toEqual([stray]);
  });

  it('says where a person already is at an overlapping time, night shifts across midnight included', () => {
    const morning = duty('east', DAYS[1]!, '07:00', '12:00', 'u1');
    const night = duty('east', DAYS[1]!, '00:00', '07:00', 'u2');
    const late = duty('east', DAYS[0]!, '18:00', '24:00', 'u3');
    const same = duty('gate', DAYS[1]!, '07:00', '12:00', 'u4');
    const busy = busyElsewhere(week([morning, night, late, same]), 'gate', DAYS[1]!, { start: '07:00', end: '12:00' });
    expect([...busy.keys()]).toEqual(['u1']);
    // The evening before ends at midnight: it meets a night shift without overlapping it.
    expect([...busyElsewhere(week([late]), 'gate', DAYS[1]!, { start: '00:00', end: '07:00' }).keys()]).toEqual([]);
    expect([...busyElsewhere(week([late]), 'gate', DAYS[0]!, { start: '20:00', end: '24:00' }).keys()]).toEqual(['u3']);
  });
});

describe('weeks and labels', () => {
  it('moves by Mondays in Shanghai, across a year end', () => {
    expect(mondayOf('2020-02-20')).toBe('2020-02-17');
    expect(mondayOf('2021-01-03')).toBe('2020-12-28');
    expect(mondayOf('nonsense', new Date('2020-02-19T20:00:00Z'))).toBe('2020-02-17');
    // Sunday 23:00 UTC is already Monday in Shanghai.
    expect(thisMonday(new Date('2020-02-23T17:00:00Z'))).toBe('2020-02-24');
    expect(weekDays('2020-12-28').at(-1)).toBe('2021-01-03');
    expect(weekdayIndex('2020-02-17')).toBe(0);
    expect(weekdayIndex('2020-02-23')).toBe(6);
    expect(shortDay('2020-02-07')).toBe('2/7');
  });

  it('tells a shift ahead, under way or over by the Shanghai clock (24:00 is the next midnight)', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(shiftTiming('2020-02-17', { start: '07:00', end: '12:00' }, at('2020-02-17T06:59:00+08:00'))).toBe('ahead');
    expect(shiftTiming('2020-02-17', { start: '07:00', end: '12:00' }, at('2020-02-17T07:00:00+08:00'))).toBe('underway');
    expect(shiftTiming('2020-02-17', { start: '18:00', end: '24:00' }, at('2020-02-17T23:59:00+08:00'))).toBe('underway');
    expect(shiftTiming('2020-02-17', { start: '18:00', end: '24:00' }, at('2020-02-18T00:00:00+08:00'))).toBe('over');
  });

  it('shortens shifts on the hour', () => {
    expect(shiftLabel('07:00', '12:00')).toBe('07–12');
    expect(shiftLabel('18:00', '24:00')).toBe('18–24');
    expect(shiftLabel('07:30', '12:00')).toBe('07:30–12:00');
  });
});

describe("the street's printed sheet", () => {
  it('writes each checkpoint and day once over the rows they cover, and counts who is missing', () => {
    const row = (checkpoint: string, day: string, start: string, people: number) => ({
      checkpoint, day, start, end: '24:00', minimum: 2, people: Array.from({ length: people }, (_, i) => ({ name: `p${i}`, mobile: null })),
    });
    const lines = sheetLines([row('A', '2020-02-17', '07:00', 2), row('A', '2020-02-17', '12:00', 1), row('A', '2020-02-18', '07:00', 0), row('B', '2020-02-17', '07:00', 3)]);
    expect(lines.map((l) => [l.checkpointSpan, l.daySpan, l.short])).toEqual([
      [3, 2, 0],
      [0, 0, 1],
      [0, 1, 2],
      [1, 1, 0],
    ]);
    expect(sheetLines([])).toEqual([]);
  });
});

describe('on duty now at the desk', () => {
  it('lists unstaffed checkpoints first, then those not all checked in', () => {
    const cp = (name: string, unstaffed: boolean, checkedIn: boolean[]): OnDutyNow['checkpoints'][number] => ({
      entranceId: name, name, unstaffed, shift: { start: '07:00', end: '12:00', minimum: 1, day: '2020-02-17' },
      onShift: checkedIn.map((c, i) => ({ userId: `${name}${i}`, name: `${name}${i}`, checkedInAt: c ? '2020-02-17T00:00:00.000Z' : null })),
    });
    const order = orderForDesk([cp('a', false, [true]), cp('b', false, [true, false]), cp('c', true, []), cp('d', false, [true])]);
    expect(order.map((c) => c.name)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('who edits and who reads a roster', () => {
  const unit = (id: string, kind: 'street' | 'community' | 'district') => ({ id, name: id, kind, code: id, ancestors: [] });
  const me = (roles: Me['roles']): Me => ({ id: 'u', username: 'u', displayName: 'u', locale: 'zh-CN', mustChangePassword: false, roles, permissions: [] });
  const grant = (role: Me['roles'][number]['role'], u: ReturnType<typeof unit> | null) => ({ assignmentId: role + (u?.id ?? ''), role, unit: u, validFrom: '2020-01-01', validTo: null });

  it('lets the secretary edit their community only; a street reads every community from its overview', () => {
    const secretary = me([grant('community_admin', unit('cc', 'community'))]);
    expect(managesRoster(secretary, 'cc')).toBe(true);
    expect(managesRoster(secretary, 'zl')).toBe(false);
    expect(readsFromAbove(secretary)).toBe(false);
    expect(overviewUnit(secretary)).toBeUndefined();

    const street = me([grant('street_admin', unit('qs', 'street'))]);
    expect(managesRoster(street, 'cc')).toBe(false);
    expect(readsFromAbove(street)).toBe(true);
    expect(overviewUnit(street)).toEqual({ id: 'qs', name: 'qs' });

    const twoOffices = me([grant('street_admin', unit('qs', 'street')), grant('district_admin', unit('d', 'district'))]);
    expect(overviewUnit(twoOffices)).toBeUndefined();
    expect(readsFromAbove(me([grant('system_admin', null)]))).toBe(true);
  });

  it('offers the sheet with phones in full (print view, .xlsx) to the administrators the server gives it to, not to field roles', () => {
    expect(readsSheet(me([grant('community_admin', unit('cc', 'community'))]))).toBe(true);
    expect(readsSheet(me([grant('street_admin', unit('qs', 'street'))]))).toBe(true);
    expect(readsSheet(me([grant('team_member', unit('cc', 'community'))]))).toBe(false);
    expect(readsSheet(me([grant('checkpoint_volunteer', unit('cc', 'community'))]))).toBe(false);
  });
});
