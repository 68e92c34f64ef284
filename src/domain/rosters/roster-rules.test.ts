import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../local-date.ts';
import { clashes, fromTemplate, gaps, weekStart, type Duty } from './roster-rules.ts';
import { DEFAULT_SHIFTS, isShiftTimes, overlappingShifts, shiftSpan } from './shifts.ts';

const duty = (over: Partial<Duty> = {}): Duty => ({ personId: 'p1', checkpointId: 'gate-1', day: '2020-02-17', start: '07:00', end: '12:00', ...over });

describe('checkpoint shifts (Asia/Shanghai days)', () => {
  it('has the usual four shifts, which cover a day without overlapping', () => {
    expect(DEFAULT_SHIFTS.every(isShiftTimes)).toBe(true);
    expect(overlappingShifts(DEFAULT_SHIFTS)).toEqual([]);
    const covered = DEFAULT_SHIFTS.map((s) => shiftSpan('2020-02-17', s)).reduce((sum, s) => sum + (s.to - s.from), 0);
    expect(covered).toBe(24 * 3_600_000);
  });

  it('refuses a shift that ends before it starts, and finds overlapping shifts in a day', () => {
    expect(isShiftTimes({ start: '12:00', end: '07:00' })).toBe(false);
    expect(isShiftTimes({ start: '24:00', end: '24:00' })).toBe(false);
    expect(isShiftTimes({ start: '07:60', end: '12:00' })).toBe(false);
    expect(overlappingShifts([{ start: '07:00', end: '12:00' }, { start: '11:00', end: '15:00' }, { start: '15:00', end: '18:00' }])).toEqual([[0, 1]]);
  });

  it('puts 18:00–24:00 on its day in Shanghai, ending at the next day’s midnight (16:00 UTC)', () => {
    expect(shiftSpan('2020-02-17', { start: '18:00', end: '24:00' })).toEqual({ from: Date.parse('2020-02-17T10:00:00Z'), to: Date.parse('2020-02-17T16:00:00Z') });
  });
});

describe('a person in two places at once', () => {
  it('finds the same person on overlapping shifts at two checkpoints, and nobody else', () => {
    const duties = [
      duty(), duty({ checkpointId: 'gate-2', start: '11:00', end: '15:00' }),
      duty({ personId: 'p2', checkpointId: 'gate-2' }), duty({ personId: 'p1', start: '12:00', end: '18:00', checkpointId: 'gate-3' }),
    ];
    expect(clashes(duties)).toEqual([[0, 1], [1, 3]]);
  });

  it('lets the evening shift and the next day’s night shift follow each other, and catches a night shift that runs into another day’s', () => {
    const evening = duty({ start: '18:00', end: '24:00' });
    const night = duty({ day: '2020-02-18', start: '00:00', end: '07:00', checkpointId: 'gate-2' });
    expect(clashes([evening, night])).toEqual([]);
    expect(clashes([evening, { ...night, day: '2020-02-17', start: '20:00', end: '24:00' }])).toEqual([[0, 1]]);
  });

  it('property: two duties of one person clash exactly when their time spans overlap', () => {
    const shifts = fc.constantFrom(...DEFAULT_SHIFTS, { start: '08:00', end: '20:00' }, { start: '20:00', end: '24:00' });
    const duties = fc.array(fc.record({ person: fc.constantFrom('a', 'b'), dayOffset: fc.integer({ min: 0, max: 3 }), shift: shifts }), { maxLength: 8 })
      .map((xs) => xs.map((x) => duty({ personId: x.person, day: addDays('2020-02-17', x.dayOffset), checkpointId: `gate-${x.dayOffset}`, ...x.shift })));
    fc.assert(fc.property(duties, (ds) => {
      const expected: [number, number][] = [];
      ds.forEach((a, i) => ds.forEach((b, j) => {
        if (j <= i || a.personId !== b.personId) return;
        const [sa, sb] = [shiftSpan(a.day, a), shiftSpan(b.day, b)];
        if (sa.from < sb.to && sb.from < sa.to) expected.push([i, j]);
      }));
      expect(clashes(ds)).toEqual(expected);
    }), { numRuns: 300 });
  });
});

describe('staffing below the minimum', () => {
  it('shows each shift with fewer people than it needs, counting a person once', () => {
    const needs = [
      { checkpointId: 'gate-1', day: '2020-02-17', start: '07:00', end: '12:00', minimum: 2 },
      { checkpointId: 'gate-1', day: '2020-02-17', start: '12:00', end: '18:00', minimum: 1 },
      { checkpointId: 'gate-1', day: '2020-02-17', start: '18:00', end: '24:00', minimum: 2 },
    ];
    const duties = [duty(), duty(), duty({ start: '12:00', end: '18:00', personId: 'p2' }), duty({ start: '18:00', end: '24:00', personId: 'p3' }), duty({ start: '18:00', end: '24:00', personId: 'p4' })];
    expect(gaps(needs, duties)).toEqual([{ ...needs[0], staffed: 1 }]);
  });
});

describe('a template week', () => {
  it('knows the Monday of a week, across a month and a year', () => {
    expect(weekStart('2020-02-17')).toBe('2020-02-17');
    expect(weekStart('2020-02-23')).toBe('2020-02-17');
    expect(weekStart('2020-03-01')).toBe('2020-02-24');
    expect(weekStart('2021-01-01')).toBe('2020-12-28');
  });

  it('copies each duty to the same weekday of another week, across a month end and a year end', () => {
    const template = [duty({ day: '2020-02-17' }), duty({ day: '2020-02-23', start: '00:00', end: '07:00' })];
    expect(fromTemplate(template, '2020-02-24').map((d) => d.day)).toEqual(['2020-02-24', '2020-03-01']);
    expect(fromTemplate(template, '2020-12-28').map((d) => d.day)).toEqual(['2020-12-28', '2021-01-03']);
    expect(() => fromTemplate(template, '2020-02-25')).toThrow(/not a Monday/);
  });

  it('property: a copied week keeps weekdays, shifts and people, and lies within the target week', () => {
    const days = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2019-12-30', n));
    fc.assert(fc.property(fc.array(days, { minLength: 1, maxLength: 7 }), days, (templateDays, target) => {
      const monday = weekStart(target);
      const template = templateDays.map((day, i) => duty({ day, personId: `p${i}` }));
      const copied = fromTemplate(template, monday);
      copied.forEach((d, i) => {
        expect(new Date(`${d.day}T00:00:00Z`).getUTCDay()).toBe(new Date(`${template[i]!.day}T00:00:00Z`).getUTCDay());
        expect(weekStart(d.day)).toBe(monday);
        expect({ ...d, day: template[i]!.day }).toEqual(template[i]);
      });
    }), { numRuns: 300 });
  });
});

describe('whatever the server’s own time zone', () => {
  it('gives the same spans, clashes and weeks under UTC, New York and Kolkata', () => {
    const before = process.env.TZ;
    const run = () => {
      const duties = [duty({ start: '18:00', end: '24:00' }), duty({ day: '2020-02-18', start: '00:00', end: '07:00' }), duty({ day: '2020-02-17', start: '20:00', end: '24:00', checkpointId: 'gate-2' })];
      return { spans: duties.map((d) => shiftSpan(d.day, d)), clashes: clashes(duties), week: weekStart('2020-03-01'), copied: fromTemplate(duties, '2020-12-28') };
    };
    try {
      process.env.TZ = 'UTC';
      const utc = run();
      process.env.TZ = 'America/New_York';
      expect(run()).toEqual(utc);
      process.env.TZ = 'Asia/Kolkata';
      expect(run()).toEqual(utc);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
