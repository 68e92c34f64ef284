import { MutationObserver, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { FieldLedger, VisitInput, VisitResult } from '../../../contract/ledger.ts';
import { api, ApiRequestError } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';
import { useMe } from '../../shared/session.ts';
import { LEDGER_KEY } from '../ledger/ledger.resource.ts';
import { useOnline } from './connectivity.ts';
import { loadOutbox, outboxItemsOf, refuseOutboxItems, removeOutboxItems, useMyOutbox, type OutboxItem } from './outbox.ts';

/**
 * Sends the outbox to the server: at start, whenever the app is back online,
 * after each save, and every half minute while something still waits (a
 * server error, or a network that says "online" and is not). Each answer is
 * per visit: stored or already stored → gone from the outbox; refused → kept
 * with the reason, for the user to correct or discard. A failed request
 * keeps everything for the next try; the ids the phone made mean a visit the
 * server got but whose answer was lost is not stored twice.
 */
const BATCH = 50;
const RETRY_MS = 30_000;

export interface SyncState {
  running: boolean;
  /** When the last attempt ended without a failure. */
  lastSyncedAt: string | null;
  /** Why the last attempt failed, in the user's language (network, server, session). */
  lastError: string | null;
}

let state: SyncState = { running: false, lastSyncedAt: null, lastError: null };
const listeners = new Set<() => void>();
let current: Promise<void> | undefined;

function publish(patch: Partial<SyncState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

/**
 * Through the mutation cache rather than a bare fetch, so the connectivity
 * watcher (connectivity.ts) learns from it whether the server is reachable.
 */
function send(client: QueryClient, visits: VisitInput[]): Promise<VisitResult[]> {
  const observer = new MutationObserver<VisitResult[], Error, VisitInput[]>(client, {
    mutationFn: (batch) => api<VisitResult[]>('POST', '/api/screening/visits', { visits: batch }),
    networkMode: 'always',
    retry: false,
  });
  return observer.mutate(visits);
}

/** The households just stored count as visited (or tried, nobody at home) at once, before the ledger is downloaded again. */
function markVisited(client: QueryClient, items: readonly OutboxItem[]): void {
  if (items.length === 0) return;
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

async function run(client: QueryClient, userId: string): Promise<void> {
  publish({ running: true });
  const tried = new Set<string>();
  const done: OutboxItem[] = [];
  try {
    // Items saved while a batch is on its way go out in the next turn of the loop.
    for (;;) {
      const batch = outboxItemsOf(userId)
        .filter((i) => i.status === 'waiting' && !tried.has(i.id))
        .slice(0, BATCH);
      if (batch.length === 0) break;
      for (const i of batch) tried.add(i.id);
      const results = await send(
        client,
        batch.map((i) => i.visit),
      );
      const byId = new Map(results.map((r) => [r.id, r]));
      const stored = batch.filter((i) => byId.get(i.id)?.result === 'stored' || byId.get(i.id)?.result === 'already_stored');
      const refusals = new Map<string, NonNullable<OutboxItem['refusal']>>();
      for (const i of batch) {
        const r = byId.get(i.id);
        if (r?.result !== 'refused') continue;
        refusals.set(i.id, { code: r.code ?? 'INVALID_VALUE', message: r.message ?? i18n.t('common:errors.unexpected'), ...(r.field ? { field: r.field } : {}) });
      }
      await removeOutboxItems(stored.map((i) => i.id));
      await refuseOutboxItems(refusals);
      done.push(...stored);
    }
    publish({ lastSyncedAt: new Date().toISOString(), lastError: null });
  } catch (e) {
    publish({ lastError: e instanceof ApiRequestError ? e.message : i18n.t('common:errors.unexpected') });
  } finally {
    publish({ running: false });
    if (done.length > 0) {
      markVisited(client, done);
      void client.invalidateQueries({ queryKey: LEDGER_KEY });
    }
  }
}

/** Sends the user's waiting visits now; a call while a sync runs joins it. */
export function syncOutbox(client: QueryClient, userId: string): Promise<void> {
  current ??= run(client, userId).finally(() => {
    current = undefined;
  });
  return current;
}

export function useSyncState(): SyncState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Keeps the outbox flowing; mounted once for signed-in users who record visits. */
export function useOutboxSync(enabled: boolean): void {
  const client = useQueryClient();
  const online = useOnline();
  const userId = useMe().data?.id;
  const { loaded, items } = useMyOutbox();
  const waiting = items.filter((i) => i.status === 'waiting').length;

  useEffect(() => {
    if (enabled) void loadOutbox();
  }, [enabled]);

  const active = enabled && loaded && online && userId !== undefined && waiting > 0;
  useEffect(() => {
    if (active) void syncOutbox(client, userId);
  }, [active, waiting, client, userId]);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void syncOutbox(client, userId), RETRY_MS);
    return () => clearInterval(timer);
  }, [active, client, userId]);
}
