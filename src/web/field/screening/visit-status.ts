import type { FieldLedger } from '../../../contract/ledger.ts';
import type { OutboxItem } from '../offline/outbox.ts';

/**
 * Where a household stands in a round, as far as this phone knows: a visit
 * refused by the server (to correct), one waiting in the outbox, visited
 * (someone was seen, by anyone, per the last ledger download or a sync since),
 * tried with nobody at home (still to visit), or not yet.
 */
export type VisitStatus = 'refused' | 'waiting' | 'visited' | 'away' | 'none';

/** The order of a round's list: what needs the user first. */
export const STATUS_ORDER: Record<VisitStatus, number> = { refused: 0, none: 1, away: 2, waiting: 3, visited: 4 };

export const emptyCounts = (): Record<VisitStatus, number> => ({ refused: 0, waiting: 0, visited: 0, away: 0, none: 0 });

export function roundStatuses(ledger: FieldLedger, outbox: readonly OutboxItem[], roundId: string): (householdId: string) => VisitStatus {
  const visited = new Set(ledger.visited[roundId] ?? []);
  const away = new Set(ledger.away[roundId] ?? []);
  const pending = new Map<string, VisitStatus>();
  for (const item of outbox) {
    if (item.visit.roundId !== roundId) continue;
    // One refused visit outweighs another waiting for the same household: it needs the user.
    if (item.status === 'refused' || !pending.has(item.visit.householdId)) pending.set(item.visit.householdId, item.status);
  }
  return (householdId) => pending.get(householdId) ?? (visited.has(householdId) ? 'visited' : away.has(householdId) ? 'away' : 'none');
}
