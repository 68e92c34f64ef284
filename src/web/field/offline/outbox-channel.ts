import { MutationObserver, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { api, ApiRequestError } from '../../shared/api.ts';
import { RETRY_MS, autoSyncDue } from './retry-policy.ts';
import { QUEUE_OWNER_HEADER } from '../../../contract/common.ts';
import i18n from '../../shared/i18n.ts';
import { useMe } from '../../shared/session.ts';
import { useOnline } from './connectivity.ts';
import { loadOutbox, outboxRecordsOf, refuseOutboxItems, removeOutboxItems, useMyOutboxRecords, type OutboxRecord, type OutboxRefusal } from './outbox-store.ts';

/** The server's answer for one item of a batch (the same for every channel). */
export interface ItemAnswer {
  id: string;
  result: 'stored' | 'already_stored' | 'refused';
  code?: string | undefined;
  message?: string | undefined;
  field?: string | undefined;
}

export interface ChannelSpec<T extends OutboxRecord, A extends ItemAnswer> {
  channel: string;
  /** The endpoint the batches are posted to. */
  path: string;
  /** Items per request. */
  batch: number;
  /** The request body for some items. */
  body(items: readonly T[]): unknown;
  /** Once a sync ends, with the items the server now has and its answers (to update what the screens show). */
  afterStored?(client: QueryClient, done: readonly { item: T; answer: A }[]): void;
  /** Once a sync ends, with the items the server refused: what they were made for may have changed meanwhile (read it again). */
  afterRefused?(client: QueryClient, refused: readonly T[]): void;
}

export interface SyncState {
  running: boolean;
  /** When the last attempt ended without a failure. */
  lastSyncedAt: string | null;
  /** Why the last attempt failed, in the user's language (network, server, session). */
  lastError: string | null;
}

export interface OutboxChannel {
  readonly channel: string;
  /** Sends the user's waiting items now; a call while a sync runs joins it. */
  sync(client: QueryClient, userId: string): Promise<void>;
  useSyncState(): SyncState;
  /** Keeps the channel flowing; mounted once, around every signed-in screen, for users who record such items. */
  useAutoSync(enabled: boolean): void;
}

/**
 * Through the mutation cache rather than a bare fetch, so the connectivity
 * watcher (connectivity.ts) learns from it whether the server is reachable.
 */
function post<A>(client: QueryClient, path: string, body: unknown, userId: string): Promise<A[]> {
  const observer = new MutationObserver<A[], Error, unknown>(client, {
    // The server refuses the batch if another user is signed in now (another tab signed out and in): items keep their author.
    mutationFn: (b) => api<A[]>('POST', path, b, { headers: { [QUEUE_OWNER_HEADER]: userId } }),
    networkMode: 'always',
    retry: false,
  });
  return observer.mutate(body);
}

/**
 * Sends one channel of the outbox to its endpoint: at start, whenever the app
 * is back online, after each save, and every half minute while something
 * still waits (a server error, or a network that says "online" and is not).
 * Each answer is per item: stored or already stored → gone from the outbox;
 * refused → kept with the reason, for the user to correct or discard. A failed
 * request keeps everything for the next try; the ids the phone made mean an
 * item the server got but whose answer was lost is not stored twice.
 */
export function outboxChannel<T extends OutboxRecord, A extends ItemAnswer = ItemAnswer>(spec: ChannelSpec<T, A>): OutboxChannel {
  const channels = [spec.channel] as const;
  let state: SyncState = { running: false, lastSyncedAt: null, lastError: null };
  const listeners = new Set<() => void>();
  let current: { userId: string; done: Promise<void> } | undefined;
  let lastFailureAt: number | null = null;

  const publish = (patch: Partial<SyncState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };

  async function run(client: QueryClient, userId: string): Promise<void> {
    publish({ running: true });
    const tried = new Set<string>();
    const done: { item: T; answer: A }[] = [];
    const refused: T[] = [];
    try {
      // Items saved while a batch is on its way go out in the next turn of the loop.
      for (;;) {
        const batch = (outboxRecordsOf(userId, channels) as T[]).filter((i) => i.status === 'waiting' && !tried.has(i.id)).slice(0, spec.batch);
        if (batch.length === 0) break;
        for (const i of batch) tried.add(i.id);
        const answers = await post<A>(client, spec.path, spec.body(batch), userId);
        const byId = new Map(answers.map((a) => [a.id, a]));
        const stored: { item: T; answer: A }[] = [];
        const refusals = new Map<string, OutboxRefusal>();
        for (const item of batch) {
          const answer = byId.get(item.id);
          if (answer?.result === 'stored' || answer?.result === 'already_stored') stored.push({ item, answer });
          else if (answer?.result === 'refused') {
            refusals.set(item.id, {
              code: answer.code ?? 'INVALID_VALUE',
              message: answer.message ?? i18n.t('common:errors.unexpected'),
              ...(answer.field ? { field: answer.field } : {}),
            });
          }
        }
        await removeOutboxItems(stored.map((s) => s.item.id));
        await refuseOutboxItems(refusals);
        done.push(...stored);
        refused.push(...batch.filter((i) => refusals.has(i.id)));
      }
      lastFailureAt = null;
      publish({ lastSyncedAt: new Date().toISOString(), lastError: null });
    } catch (e) {
      lastFailureAt = Date.now();
      publish({ lastError: e instanceof ApiRequestError ? e.message : i18n.t('common:errors.unexpected') });
    } finally {
      publish({ running: false });
      if (done.length > 0) spec.afterStored?.(client, done);
      if (refused.length > 0) spec.afterRefused?.(client, refused);
    }
  }

  /** One run at a time; a call for another user (after a sign-in) waits for the running one and then runs for its own user. */
  function sync(client: QueryClient, userId: string): Promise<void> {
    if (current?.userId === userId) return current.done;
    const before = current?.done ?? Promise.resolve();
    const mine: { userId: string; done: Promise<void> } = {
      userId,
      done: before.then(() => run(client, userId)).finally(() => {
        if (current === mine) current = undefined;
      }),
    };
    current = mine;
    return mine.done;
  }

  function useSyncState(): SyncState {
    return useSyncExternalStore(
      (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      () => state,
    );
  }

  function useAutoSync(enabled: boolean): void {
    const client = useQueryClient();
    const online = useOnline();
    const userId = useMe().data?.id;
    const { loaded, items } = useMyOutboxRecords(channels);
    const waiting = items.filter((i) => i.status === 'waiting').length;

    useEffect(() => {
      if (enabled) void loadOutbox();
    }, [enabled]);

    const active = enabled && loaded && online && userId !== undefined && waiting > 0;
    useEffect(() => {
      if (active && autoSyncDue(lastFailureAt, Date.now())) void sync(client, userId);
    }, [active, waiting, client, userId]);

    useEffect(() => {
      if (!active) return;
      const timer = setInterval(() => {
        if (autoSyncDue(lastFailureAt, Date.now())) void sync(client, userId);
      }, RETRY_MS);
      return () => clearInterval(timer);
    }, [active, client, userId]);
  }

  return { channel: spec.channel, sync, useSyncState, useAutoSync };
}
