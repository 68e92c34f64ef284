import type { Membership } from '../../../../contract/teams.ts';

export type HistoryEvent =
  | { kind: 'joined'; day: string; member: Membership }
  | { kind: 'replaced'; day: string; member: Membership }
  | { kind: 'left'; day: string; member: Membership };

/**
 * The team's history as the events a reader looks for, in the order of their
 * days: who joined, who took whose place (one event: the replacement says both
 * names and the reason), and who left with nobody in their place.
 */
export function historyEvents(history: readonly Membership[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (const m of history) {
    events.push({ kind: m.replacesName ? 'replaced' : 'joined', day: m.from, member: m });
    if (m.to !== null && !m.replacedByName) events.push({ kind: 'left', day: m.to, member: m });
  }
  const order = { left: 0, replaced: 1, joined: 2 } as const;
  return events.sort((a, b) => a.day.localeCompare(b.day) || order[a.kind] - order[b.kind]);
}
