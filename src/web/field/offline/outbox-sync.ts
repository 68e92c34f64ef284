import type { QueryClient } from '@tanstack/react-query';
import type { FieldLedger, VisitResult } from '../../../contract/ledger.ts';
import { LEDGER_KEY } from '../ledger/ledger.resource.ts';
import { outboxChannel } from './outbox-channel.ts';
import { VISIT_CHANNEL } from './outbox-store.ts';
import type { OutboxItem } from './outbox.ts';

export type { SyncState } from './outbox-channel.ts';

/** The households just stored count as visited (or tried, nobody at home) at once, before the ledger is downloaded again. */
function markVisited(client: QueryClient, items: readonly OutboxItem[]): void {
  client.setQueryData<FieldLedger>(LEDGER_KEY, (old) => {
    if (!old) return old;
    const add = (map: Record<string, string[]>, roundId: string, householdId: string) => {
      const list = map[roundId] ?? [];
      if (!list.includes(householdId)) map[roundId] = [...list, householdId];
    };
    const visited = { ...old.visited };
    const away = { ...old.away };
    for (const { visit } of items) add(visit.outcome === 'visited' ? visited : away, visit.roundId, visit.householdId);
    return { ...old, visited, away };
  });
}

/** Screening visits: sent to the screening endpoint, then the ledger learns which households were visited. */
const visits = outboxChannel<OutboxItem, VisitResult>({
  channel: VISIT_CHANNEL,
  path: '/api/screening/visits',
  batch: 50,
  body: (items) => ({ visits: items.map((i) => i.visit) }),
  afterStored: (client, done) => {
    markVisited(client, done.map((d) => d.item));
    void client.invalidateQueries({ queryKey: LEDGER_KEY });
  },
});

/** Sends the user's waiting visits now; a call while a sync runs joins it. */
export const syncOutbox = visits.sync;
export const useSyncState = visits.useSyncState;
/** Keeps the visits flowing; mounted once for signed-in users who record visits. */
export const useOutboxSync = visits.useAutoSync;
