import type { PlanInput } from '../../../contract/observation.ts';
import { isClockTime, LONGEST_PLAN_DAYS } from '../../../domain/observation/schedule.ts';

/**
 * An observation plan as set on a phone: the kind, where, how many days, the
 * temperature times, the test days and time, the responsible worker. Its
 * checks and the conversion to what the API takes. Pure, no React.
 */
export type PlanKind = PlanInput['kind'];

export interface PlanDraft {
  kind: PlanKind;
  place: string;
  days: number;
  temperatureTimes: string[];
  /** As typed: "1, 7". */
  testDays: string;
  testTime: string;
  workerId: string | null;
}

export type PlanField = keyof PlanDraft;
export type PlanProblems = Partial<Record<PlanField, string>>;

export const DEFAULT_TIMES = ['08:00', '16:00'];

export function newPlanDraft(kind: PlanKind, workerId: string | null, place = ''): PlanDraft {
  return { kind, place, days: 14, temperatureTimes: [...DEFAULT_TIMES], testDays: '1, 7', testTime: '09:00', workerId };
}

/** "1, 7 14" → [1, 7, 14]; null when something is not a whole number. */
export function parseTestDays(text: string): number[] | null {
  const parts = text.split(/[\s,，、]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

export function checkPlanDraft(draft: PlanDraft): PlanProblems {
  const problems: PlanProblems = {};
  if (!Number.isInteger(draft.days) || draft.days < 1 || draft.days > LONGEST_PLAN_DAYS) problems.days = 'server:validation.planDays';
  if (draft.place.trim().length > 200) problems.place = 'server:validation.tooLong';
  if (draft.temperatureTimes.some((t) => !isClockTime(t))) problems.temperatureTimes = 'server:validation.clockTime';
  const testDays = parseTestDays(draft.testDays);
  if (testDays === null || testDays.some((d) => d < 1 || d > draft.days)) problems.testDays = 'observation-field:plan.testDaysProblem';
  if (testDays && testDays.length > 0 && !isClockTime(draft.testTime)) problems.testTime = 'server:validation.clockTime';
  if (!draft.workerId) problems.workerId = 'observation-field:plan.workerRequired';
  return problems;
}

/** What the API takes; call only on a draft without problems. */
export function toPlanInput(draft: PlanDraft): PlanInput {
  return {
    kind: draft.kind,
    ...(draft.place.trim() ? { place: draft.place.trim() } : {}),
    days: draft.days,
    temperatureTimes: [...new Set(draft.temperatureTimes)].sort(),
    testDays: parseTestDays(draft.testDays) ?? [],
    testTime: draft.testTime,
    workerId: draft.workerId!,
  };
}

/** The server names a plan's fields `plan.days`, `plan.testDays.0`…: the form field each belongs to. */
export function planFieldOf(serverField: string): PlanField | null {
  const name = serverField.replace(/^plan\./, '').split('.')[0] ?? '';
  return (['kind', 'place', 'days', 'temperatureTimes', 'testDays', 'testTime', 'workerId'] as const).find((f) => f === name) ?? (name === 'lastDay' ? 'days' : null);
}
