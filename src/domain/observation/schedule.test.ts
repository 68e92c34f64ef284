import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../local-date.ts';
import { addDays, checksFrom, checkState, dueChecks, overdueAt, readingFits, releaseDay, shanghaiInstant } from './schedule.ts';

const HOUR = 3_600_000;

/** A plan: a start between 2020 and 2030, 1–30 days, up to 4 clock times, some test days. */
const plans = fc.record({
  startMs: fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
  days: fc.integer({ min: 1, max: 30 }),
  times: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { maxLength: 4 })
    .map((ts) => ts.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)),
  testDays: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }),
  testHour: fc.integer({ min: 0, max: 23 }),
}).map((p) => ({
  startAt: new Date(p.startMs).toISOString(), days: p.days, temperatureTimes: [...new Set(p.times)], testDays: p.testDays.filter((d) => d <= p.days),
  testTime: `${String(p.testHour).padStart(2, '0')}:00`,
}));

describe('observation schedules (Asia/Shanghai days)', () => {
  it('makes two checks a day at 08:00 and 16:00 Shanghai time, tests on their days, and releases the morning after the last day', () => {
    // Arrived 2020-02-10 at 10:00 in Shanghai (02:00 UTC): the 08:00 check of day 1 has passed, the 16:00 one has not.
    const plan = { startAt: '2020-02-10T02:00:00Z', days: 7, temperatureTimes: ['16:00', '08:00'], testDays: [1, 7], testTime: '09:00' };
    const checks = dueChecks(plan);
    expect(checks.filter((c) => c.kind === 'temperature')).toHaveLength(13);
    expect(checks[0]).toEqual({ kind: 'test', day: '2020-02-10', dayNumber: 1, dueAt: '2020-02-10T02:00:00.000Z', overdueAt: '2020-02-10T12:00:00.000Z' });
    expect(checks[1]).toMatchObject({ kind: 'temperature', day: '2020-02-10', dueAt: '2020-02-10T08:00:00.000Z', overdueAt: '2020-02-10T10:00:00.000Z' });
    expect(checks.at(-1)).toMatchObject({ kind: 'temperature', day: '2020-02-16', dayNumber: 7, dueAt: '2020-02-16T08:00:00.000Z' });
    expect(checks.filter((c) => c.kind === 'test').map((c) => c.day)).toEqual(['2020-02-10', '2020-02-16']);
    expect(releaseDay(plan.startAt, 7)).toBe('2020-02-17');
  });

  it('counts days from the Shanghai day of the start, not the UTC day', () => {
    // 23:30 UTC on 9 February is 07:30 on 10 February in Shanghai: day 1 is the 10th, and its 08:00 check is still due.
    const checks = dueChecks({ startAt: '2020-02-09T23:30:00Z', days: 1, temperatureTimes: ['08:00'], testDays: [], testTime: '09:00' });
    expect(checks).toEqual([expect.objectContaining({ day: '2020-02-10', dueAt: '2020-02-10T00:00:00.000Z' })]);
    expect(releaseDay('2020-02-09T23:30:00Z', 1)).toBe('2020-02-11');
  });

  it('makes a check late by the end of its own day at the latest, so a miss is noticed the same day', () => {
    expect(new Date(overdueAt('temperature', '2020-02-10', shanghaiInstant('2020-02-10', '23:00'))).toISOString()).toBe('2020-02-10T16:00:00.000Z');
    expect(new Date(overdueAt('temperature', '2020-02-10', shanghaiInstant('2020-02-10', '08:00'))).toISOString()).toBe('2020-02-10T02:00:00.000Z');
  });

  it('tells a check’s state and whether a reading fits it', () => {
    const c = { dueAt: '2020-02-10T08:00:00.000Z', overdueAt: '2020-02-10T10:00:00.000Z', doneAt: null, day: '2020-02-10' };
    expect(checkState(c, Date.parse('2020-02-10T07:00:00Z'))).toBe('upcoming');
    expect(checkState(c, Date.parse('2020-02-10T09:00:00Z'))).toBe('due');
    expect(checkState(c, Date.parse('2020-02-10T10:00:00Z'))).toBe('overdue');
    expect(checkState({ ...c, doneAt: '2020-02-10T11:00:00Z' }, Date.parse('2020-02-10T12:00:00Z'))).toBe('done');
    expect(readingFits(c, Date.parse('2020-02-10T06:00:00Z'))).toBe(true);
    expect(readingFits(c, Date.parse('2020-02-10T05:59:00Z'))).toBe(false);
    expect(readingFits(c, Date.parse('2020-02-11T05:00:00Z'))).toBe(true);
  });

  it('property: every check lies on its own Shanghai day, within the plan, in time order, late only within that day', () => {
    fc.assert(fc.property(plans, (plan) => {
      const checks = dueChecks(plan);
      const first = shanghaiDate(new Date(plan.startAt));
      const release = releaseDay(plan.startAt, plan.days);
      for (const [i, c] of checks.entries()) {
        expect(shanghaiDate(new Date(c.dueAt))).toBe(c.day);
        expect(c.day).toBe(addDays(first, c.dayNumber - 1));
        expect(c.day >= first && c.day < release).toBe(true);
        expect(Date.parse(c.dueAt)).toBeGreaterThanOrEqual(Date.parse(plan.startAt));
        expect(Date.parse(c.overdueAt)).toBeGreaterThan(Date.parse(c.dueAt));
        expect(shanghaiDate(new Date(Date.parse(c.overdueAt) - 1))).toBe(c.day);
        if (i > 0) expect(c.dueAt >= checks[i - 1]!.dueAt).toBe(true);
      }
      // Counts: each day every clock time, but the first day's times before the start; each test day one test.
      const skipped = plan.temperatureTimes.filter((tm) => shanghaiInstant(first, tm) < Date.parse(plan.startAt)).length;
      expect(checks.filter((c) => c.kind === 'temperature')).toHaveLength(plan.days * plan.temperatureTimes.length - skipped);
      expect(checks.filter((c) => c.kind === 'test')).toHaveLength(plan.testDays.length);
      expect(release).toBe(addDays(first, plan.days));
    }), { numRuns: 500 });
  });

  it('property: a plan entered later keeps exactly the checks not yet past their grace', () => {
    fc.assert(fc.property(plans, fc.integer({ min: 0, max: 40 * 24 }), (plan, hoursLater) => {
      const madeAt = Date.parse(plan.startAt) + hoursLater * HOUR;
      const all = dueChecks(plan);
      const kept = checksFrom(plan, madeAt);
      expect(kept).toEqual(all.filter((c) => Date.parse(c.overdueAt) > madeAt));
      for (const c of kept) expect(checkState({ ...c, doneAt: null }, madeAt)).not.toBe('overdue');
    }), { numRuns: 300 });
  });

  it('property: the schedule does not depend on the server’s own time zone', () => {
    const before = process.env.TZ;
    try {
      fc.assert(fc.property(plans, (plan) => {
        process.env.TZ = 'UTC';
        const a = dueChecks(plan);
        process.env.TZ = 'America/Los_Angeles';
        const b = dueChecks(plan);
        process.env.TZ = 'Asia/Kolkata';
        expect(dueChecks(plan)).toEqual(a);
        expect(b).toEqual(a);
      }), { numRuns: 100 });
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
