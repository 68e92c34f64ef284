import type { Check, CheckReadingInput } from '../../../contract/observation.ts';
import { checkState } from '../../../domain/observation/schedule.ts';

/**
 * A worker's check lists as the phone shows them: the server's lists (kept on
 * the phone) with what this phone recorded and has not sent yet. A check with
 * a reading waiting on the phone is done as far as the worker is concerned
 * ("recorded, waiting to upload"); one whose reading the server refused must
 * be looked at again. States are worked out again from the clock, since the
 * lists may have been read hours ago.
 */
export type RowState = Check['state'] | 'waiting' | 'refused';

/** A reading kept on the phone (the outbox's item, as far as the lists care). */
export interface PhoneReading {
  status: 'waiting' | 'refused';
  reading: CheckReadingInput;
  refusal?: { message: string };
}

export interface CheckRow<T extends PhoneReading = PhoneReading> {
  check: Check;
  state: RowState;
  item: T | undefined;
}

export interface CheckGroup<T extends PhoneReading = PhoneReading> {
  /** The group (a company's batch, a convoy) or else the place, which is what a worker walks to. */
  title: string | null;
  rows: CheckRow<T>[];
}

export function rowOf<T extends PhoneReading>(check: Check, items: ReadonlyMap<string, T>, now: number): CheckRow<T> {
  const item = items.get(check.id);
  const state: RowState = item ? item.status : checkState(check, now);
  return { check, state, item };
}

export function itemsByCheck<T extends PhoneReading>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.reading.checkId, i]));
}

/** The rows of one tab: the due and overdue tabs show everything still open; the done tab adds what waits on the phone. */
export function tabRows<T extends PhoneReading>(
  tab: 'due' | 'overdue' | 'done', lists: { due: readonly Check[]; overdue: readonly Check[]; done: readonly Check[] }, items: readonly T[], now: number,
): CheckRow<T>[] {
  const byCheck = itemsByCheck(items);
  if (tab !== 'done') return lists[tab].map((c) => rowOf(c, byCheck, now));
  const doneIds = new Set(lists.done.map((c) => c.id));
  const waiting = [...lists.overdue, ...lists.due].filter((c) => !doneIds.has(c.id) && byCheck.get(c.id)?.status === 'waiting');
  return [...waiting.map((c) => rowOf(c, byCheck, now)), ...lists.done.map((c) => rowOf(c, new Map<string, T>(), now))];
}

/** How many of the rows still need the worker (not done, not waiting on the phone). */
export function openCount(rows: readonly CheckRow[]): number {
  return rows.filter((r) => r.state === 'due' || r.state === 'overdue' || r.state === 'refused').length;
}

const collator = new Intl.Collator('zh-CN');

/** Rows by group or place, in the order of their first check; each group's checks by time, then name. */
export function groupRows<T extends PhoneReading>(rows: readonly CheckRow<T>[]): CheckGroup<T>[] {
  const groups = new Map<string, CheckGroup<T>>();
  const sorted = [...rows].sort((a, b) => a.check.dueAt.localeCompare(b.check.dueAt) || collator.compare(a.check.name, b.check.name));
  for (const row of sorted) {
    const title = row.check.groupName ?? row.check.place;
    const key = title ?? '';
    const group: CheckGroup<T> = groups.get(key) ?? { title, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  // People on their own (no group, no place) come last.
  return [...groups.values()].sort((a, b) => Number(a.title === null) - Number(b.title === null));
}
