import type { Check } from '../observation.resource.ts';
import { clockOf } from '../observation-format.ts';

/** Today's checks of a group as a grid: one column per check time (a test is a column of its own), one row per member. */
export interface TodayGrid {
  columns: { key: string; clock: string; kind: Check['kind'] }[];
  cell: (arrivalId: string, columnKey: string) => Check | undefined;
}

export function todayGrid(checks: readonly Check[]): TodayGrid {
  const keyOf = (c: Check) => `${c.kind}@${clockOf(c.dueAt)}`;
  const columns = new Map<string, { key: string; clock: string; kind: Check['kind'] }>();
  const cells = new Map<string, Check>();
  for (const c of checks) {
    const key = keyOf(c);
    columns.set(key, { key, clock: clockOf(c.dueAt), kind: c.kind });
    cells.set(`${c.arrivalId}|${key}`, c);
  }
  return {
    columns: [...columns.values()].sort((a, b) => a.clock.localeCompare(b.clock) || a.kind.localeCompare(b.kind)),
    cell: (arrivalId, columnKey) => cells.get(`${arrivalId}|${columnKey}`),
  };
}

/** Done of all today, and how many are overdue. */
export function todayCounts(checks: readonly Check[]): { done: number; total: number; overdue: number } {
  return { done: checks.filter((c) => c.state === 'done').length, total: checks.length, overdue: checks.filter((c) => c.state === 'overdue').length };
}
