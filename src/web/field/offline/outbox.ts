import type { VisitInput } from '../../../contract/ledger.ts';
import { outboxRecordsOf, putOutboxRecord, useMyOutboxRecords, VISIT_CHANNEL, type OutboxRecord, type OutboxRefusal } from './outbox-store.ts';

/**
 * Screening visits in the phone's outbox (`outbox-store.ts` keeps every
 * channel's items; this is the visits' view of it). A visit keeps the id the
 * phone made, so sending it twice stores it once.
 */
export interface OutboxItem extends OutboxRecord {
  /** The visit's id. */
  id: string;
  channel?: typeof VISIT_CHANNEL;
  visit: VisitInput;
  /** What the outbox page shows even if the ledger on the phone no longer has the household. */
  label: { address: string; groupName: string; roundName: string };
  refusal?: OutboxRefusal;
}

export { loadOutbox, refuseOutboxItems, removeOutboxItems } from './outbox-store.ts';

const VISITS = [VISIT_CHANNEL] as const;

/** Adds or replaces a visit; resolves once it is safely stored on the phone. */
export function putOutboxItem(item: OutboxItem): Promise<void> {
  return putOutboxRecord({ ...item, channel: VISIT_CHANNEL });
}

/** The visits of one user, oldest first (a snapshot: read again after a change). */
export function outboxItemsOf(userId: string): OutboxItem[] {
  return outboxRecordsOf(userId, VISITS) as OutboxItem[];
}

/** The signed-in user's visits, oldest first. */
export function useMyOutbox(): { loaded: boolean; failed: boolean; items: OutboxItem[] } {
  const { loaded, failed, items } = useMyOutboxRecords(VISITS);
  return { loaded, failed, items: items as OutboxItem[] };
}
