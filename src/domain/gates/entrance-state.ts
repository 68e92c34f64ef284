/**
 * An entrance is open, sealed (封闭) or a staffed checkpoint (卡点). Its state
 * is the latest decided change whose time has come, so a change planned for
 * 07:00 tomorrow takes effect then with nothing to run at that moment, and
 * the history keeps who decided what and when.
 */
export const ENTRANCE_STATES = ['open', 'sealed', 'checkpoint'] as const;
export type EntranceState = (typeof ENTRANCE_STATES)[number];

export interface StateChange {
  state: EntranceState;
  /** ISO instant from which it holds. */
  effectiveAt: string;
  /** ISO instant it was called off, if it was (before taking effect). */
  cancelledAt: string | null;
  /** When it was decided: of two changes for the same instant, the later decision holds. */
  decidedAt?: string;
}

/** The state in force at `at`: the last change that took effect by then; open if none. */
export function stateAt<T extends StateChange>(changes: readonly T[], at: string): { state: EntranceState; since: T | null } {
  let current: T | null = null;
  const t = Date.parse(at);
  for (const c of changes) {
    if (c.cancelledAt !== null) continue;
    const from = Date.parse(c.effectiveAt);
    if (from > t) continue;
    const was = current ? Date.parse(current.effectiveAt) : -Infinity;
    if (from > was || (from === was && Date.parse(c.decidedAt ?? '') >= Date.parse(current?.decidedAt ?? ''))) current = c;
  }
  return { state: current?.state ?? 'open', since: current };
}

/** Changes decided for a later time and not called off, soonest first. */
export function plannedAfter<T extends StateChange>(changes: readonly T[], at: string): T[] {
  const t = Date.parse(at);
  return changes.filter((c) => c.cancelledAt === null && Date.parse(c.effectiveAt) > t)
    .sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
}
