import type { FieldLedger } from '../../../contract/ledger.ts';
import type { Household, Round } from '../ledger/ledger.resource.ts';
import type { OutboxItem } from '../offline/outbox.ts';
import { emptyCounts, roundStatuses, type VisitStatus } from './visit-status.ts';

export interface RoundProgress {
  /** The user's households in the round (those on the phone), each with where it stands. */
  households: { household: Household; status: VisitStatus }[];
  counts: Record<VisitStatus, number>;
}

/** A round as far as the user's own households go: what is done, waiting to sync, refused, left. */
export function roundProgress(ledger: FieldLedger, outbox: readonly OutboxItem[], round: Round): RoundProgress {
  const groups = new Set(round.groups.map((g) => g.id));
  const statusOf = roundStatuses(ledger, outbox, round.id);
  const households = ledger.households.filter((h) => groups.has(h.groupId)).map((household) => ({ household, status: statusOf(household.id) }));
  const counts = emptyCounts();
  for (const h of households) counts[h.status] += 1;
  return { households, counts };
}
