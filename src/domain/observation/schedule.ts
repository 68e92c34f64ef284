import { addDays, shanghaiDate, shanghaiInstant } from '../local-date.ts';

/**
 * The checks an observation plan (居家 / 集中 / 单位 观察) makes due. Days are
 * Asia/Shanghai days: day 1 is the day the observation starts, the person is
 * released on the morning after its last day (start + length). China keeps
 * UTC+8 all year, so a clock time on a day is one fixed instant.
 */
export type CheckKind = 'temperature' | 'test';

export interface PlanTimes {
  /** When observation began (ISO instant with offset). */
  startAt: string;
  /** Its length in days (7, 14 or as set). */
  days: number;
  /** Clock times of the temperature checks, HH:MM (two a day: 08:00 and 16:00). */
  temperatureTimes: readonly string[];
  /** The days (1 = the first) on which a test is taken, and at what time. */
  testDays: readonly number[];
  testTime: string;
}

export interface DueCheck {
  kind: CheckKind;
  /** The Shanghai day the check belongs to, YYYY-MM-DD. */
  day: string;
  /** 1 for the first day of the observation. */
  dayNumber: number;
  dueAt: string;
  /** From this instant a check not done is overdue and the lead is told; always within its own day. */
  overdueAt: string;
}

export const LONGEST_PLAN_DAYS = 60;
/** A temperature check is late two hours after its time; a test (queues, travel to the site) by the evening. */
const GRACE_MS: Record<CheckKind, number> = { temperature: 2 * 3_600_000, test: 10 * 3_600_000 };
/** A reading may be taken a little before its time (the worker's round passes at 07:45 for 08:00), not the day before. */
export const EARLIEST_BEFORE_DUE_MS = 2 * 3_600_000;


export function isClockTime(text: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  return m !== null && Number(m[1]) < 24 && Number(m[2]) < 60;
}

export { addDays, shanghaiInstant };

/** The day the person is released: the day after the last day of observation. */
export function releaseDay(startAt: string, days: number): string {
  return addDays(shanghaiDate(new Date(startAt)), days);
}

/** The instant a check becomes overdue: its grace after the due time, but no later than the end of its day (missed today, noticed today). */
export function overdueAt(kind: CheckKind, day: string, dueAtMs: number): number {
  return Math.min(dueAtMs + GRACE_MS[kind], shanghaiInstant(addDays(day, 1), '00:00'));
}

/**
 * Every check a plan makes due, in time order. Temperature checks whose time
 * on the first day has passed before the start are not due (the reading taken
 * at registration stands for them); a test on the first day whose time has
 * passed is due at the start, since the test still has to be taken.
 */
export function dueChecks(plan: PlanTimes): DueCheck[] {
  return allChecks(plan);
}

/**
 * The checks still to do when a plan is made at `madeAt`: a plan started
 * days ago (a returnee registered late) does not begin with a pile of checks
 * nobody could have done; a check still within its grace is kept.
 */
export function checksFrom(plan: PlanTimes, madeAt: number): DueCheck[] {
  return allChecks(plan).filter((c) => Date.parse(c.overdueAt) > madeAt);
}

function allChecks(plan: PlanTimes): DueCheck[] {
  const startMs = Date.parse(plan.startAt);
  const first = shanghaiDate(new Date(startMs));
  const checks: DueCheck[] = [];
  const times = [...new Set(plan.temperatureTimes)].sort();
  const testDays = new Set(plan.testDays);
  for (let n = 1; n <= plan.days; n++) {
    const day = addDays(first, n - 1);
    const add = (kind: CheckKind, dueMs: number) =>
      checks.push({ kind, day, dayNumber: n, dueAt: new Date(dueMs).toISOString(), overdueAt: new Date(overdueAt(kind, day, dueMs)).toISOString() });
    for (const time of times) {
      const due = shanghaiInstant(day, time);
      if (due >= startMs) add('temperature', due);
    }
    if (testDays.has(n)) add('test', Math.max(shanghaiInstant(day, plan.testTime), startMs));
  }
  return checks.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind));
}

export type CheckState = 'upcoming' | 'due' | 'overdue' | 'done';

/** Where a check stands at `now`. */
export function checkState(check: { dueAt: string; overdueAt: string; doneAt: string | null }, now: number): CheckState {
  if (check.doneAt !== null) return 'done';
  if (now < Date.parse(check.dueAt)) return 'upcoming';
  return now < Date.parse(check.overdueAt) ? 'due' : 'overdue';
}

/** Whether a reading taken at `at` may stand for the check: not long before its time nor on the day before (late is allowed, and shows as late). */
export function readingFits(check: { dueAt: string; day: string }, at: number): boolean {
  return at >= Date.parse(check.dueAt) - EARLIEST_BEFORE_DUE_MS && shanghaiDate(new Date(at)) >= check.day;
}
