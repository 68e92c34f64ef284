import dayjs, { type Dayjs } from 'dayjs';
import type { PlanInput } from '../../../../contract/observation.ts';
import { isClockTime } from '../../../../domain/observation/schedule.ts';
import { dayOf, instantOf } from '../time/shanghai-time.ts';

export type PlanLength = '7' | '14' | 'custom' | 'lastDay';

/** A plan as its form holds it; `planInputOf` makes the API's PlanInput of it. */
export interface PlanValues {
  kind: PlanInput['kind'];
  place?: string | undefined;
  /** A Shanghai wall-clock time; empty: from now. */
  startAt?: Dayjs | null | undefined;
  pastChecks?: boolean | undefined;
  length: PlanLength;
  days?: number | null | undefined;
  lastDay?: Dayjs | null | undefined;
  temperatureTimes: string[];
  testDays: number[];
  testTime?: Dayjs | null | undefined;
  workerId?: string | undefined;
}

/** The usual plan: 14 days at home, temperature at 08:00 and 16:00, tests on days 1 and 7 at 09:00. */
export function defaultPlan(kind: PlanInput['kind'] = 'home', length: PlanLength = '14'): PlanValues {
  return { kind, length, temperatureTimes: ['08:00', '16:00'], testDays: [1, 7], testTime: dayjs().hour(9).minute(0).second(0).millisecond(0) };
}

/** The plan's length in days as chosen, when known before the server counts it (not for "until a day"). */
export function lengthDays(v: Pick<PlanValues, 'length' | 'days'>): number | undefined {
  if (v.length === 'custom') return v.days ?? undefined;
  if (v.length === 'lastDay') return undefined;
  return Number(v.length);
}

/** "8:00" typed is 08:00. */
export function normaliseClock(text: string): string {
  const m = /^(\d{1,2})[:：.](\d{2})$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
}

export const clockTimesValid = (times: readonly string[]): boolean => times.every(isClockTime);

export function planInputOf(v: PlanValues): PlanInput {
  const start = v.startAt ? instantOf(v.startAt) : undefined;
  return {
    kind: v.kind,
    place: v.place?.trim() || undefined,
    startAt: start,
    ...(start && v.pastChecks ? { pastChecks: true } : {}),
    days: lengthDays(v),
    lastDay: v.length === 'lastDay' && v.lastDay ? dayOf(v.lastDay) : undefined,
    temperatureTimes: [...new Set(v.temperatureTimes.map(normaliseClock))].sort(),
    testDays: [...new Set(v.testDays)].sort((a, b) => a - b),
    testTime: v.testTime ? v.testTime.format('HH:mm') : undefined,
    workerId: v.workerId ?? '',
  };
}

/**
 * The server names a test day by its place in the list (`plan.testDays.2`);
 * the form has one field for them all. Renames for applyServerErrors.
 */
export function planErrorRenames(prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < 60; i++) out[`${prefix}testDays.${i}`] = `${prefix}testDays`;
  return out;
}
