import type { Check, CheckReadingInput } from '../../../contract/observation.ts';
import { checkState } from '../../../domain/observation/schedule.ts';

/**
 * A worker's check lists as the phone shows them: the server's lists (kept on
 * the phone, each under the Shanghai day it was asked for) with what this
 * phone recorded and has not sent yet. A check with a reading waiting on the
 * phone is done as far as the worker is concerned ("recorded, waiting to
 * upload"); one whose reading the server refused must be looked at again.
 * Which tab a check is in is worked out again from the clock, since the lists
 * may have been read hours ago (the evening before, for a phone that lost its
 * network overnight).
 */
export type RowState = Check['state'] | 'waiting' | 'refused';
export type CheckTab = 'due' | 'overdue' | 'done';

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

/** The lists on the phone, by the day they were asked for (undefined: never downloaded). */
export interface KeptLists {
  /** Today's checks not done (read today, or yesterday as "tomorrow's"). */
  due: readonly Check[] | undefined;
  /** Every missed check up to today, as the server counted them today. */
  overdue: readonly Check[] | undefined;
  /** Today's checks done. */
  done: readonly Check[] | undefined;
  /** Yesterday's lists, which stand in for today's overdue list until that has been read: their open checks are now overdue. */
  yesterdayDue: readonly Check[] | undefined;
  yesterdayOverdue: readonly Check[] | undefined;
}

/**
 * Every check the phone knows for today's work, once each. Today's overdue
 * list is the server's word on what was missed (a released person's missed
 * checks are not in it); until it has been read, yesterday's lists stand in
 * for it. A check seen done in any list is done (a reading just sent marks
 * it in every list it is in).
 */
export function checksOnPhone(lists: KeptLists): Check[] {
  const sources = [lists.done, lists.due, ...(lists.overdue ? [lists.overdue] : [lists.yesterdayOverdue, lists.yesterdayDue])];
  const byId = new Map<string, Check>();
  for (const list of sources) {
    for (const check of list ?? []) {
      const known = byId.get(check.id);
      if (!known || (known.doneAt === null && check.doneAt !== null)) byId.set(check.id, check);
    }
  }
  return [...byId.values()];
}

export function rowOf<T extends PhoneReading>(check: Check, items: ReadonlyMap<string, T>, now: number): CheckRow<T> {
  const item = items.get(check.id);
  const state: RowState = item ? item.status : checkState(check, now);
  return { check, state, item };
}

export function itemsByCheck<T extends PhoneReading>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.reading.checkId, i]));
}

/**
 * The tab a row belongs in now: a reading waiting on the phone counts as
 * done; a refused one needs the worker again, in the due tab if its check is
 * today's and not yet overdue, else in the overdue tab; a check done on an
 * earlier day is in no tab (the server's done list is today's), nor is one of
 * a later day (tomorrow's list, kept for a morning without network).
 */
export function tabOf(row: CheckRow, today: string, now: number): CheckTab | null {
  if (row.check.day > today) return null;
  if (row.state === 'waiting') return 'done';
  if (row.state === 'done') return row.check.day === today ? 'done' : null;
  if (row.state === 'refused') return row.check.day === today && checkState(row.check, now) !== 'overdue' ? 'due' : 'overdue';
  if (row.state === 'overdue') return 'overdue';
  return row.check.day === today ? 'due' : null;
}

/** The rows of the three tabs, from the checks on the phone and the readings waiting or refused there. */
export function placeRows<T extends PhoneReading>(checks: readonly Check[], items: readonly T[], today: string, now: number): Record<CheckTab, CheckRow<T>[]> {
  const byCheck = itemsByCheck(items);
  const tabs: Record<CheckTab, CheckRow<T>[]> = { due: [], overdue: [], done: [] };
  for (const check of checks) {
    const row = rowOf(check, byCheck, now);
    const tab = tabOf(row, today, now);
    if (tab) tabs[tab].push(row);
  }
  return tabs;
}

/** How many of the rows still need the worker (not done, not waiting on the phone, not still to come). */
export function openCount(rows: readonly CheckRow[]): number {
  return rows.filter((r) => r.state === 'due' || r.state === 'overdue' || r.state === 'refused').length;
}

/** What the tabs and the hub say: open checks in the due and overdue tabs, everything in the done tab. */
export function tabCounts(tabs: Record<CheckTab, readonly CheckRow[]>): Record<CheckTab, number> {
  return { due: openCount(tabs.due), overdue: openCount(tabs.overdue), done: tabs.done.length };
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
