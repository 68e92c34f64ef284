import { useCallback, useSyncExternalStore } from 'react';
import { useMe } from '../../shared/session.ts';
import type { RoundDraft } from './patrol-draft.ts';

/**
 * The round being walked, written to the phone's storage at each change: a
 * round of forty minutes must survive the app being closed, a reload or a
 * flat battery halfway. Per user; cleared once the round is finished (then it
 * is in the outbox) or discarded.
 */
const keyOf = (userId: string) => `linli.field.patrol.round.${userId}`;
const listeners = new Set<() => void>();
/** Read from storage once per user; also what keeps the round if storage is blocked. */
const memory = new Map<string, RoundDraft | null>();

function read(userId: string | undefined): RoundDraft | null {
  if (!userId) return null;
  if (!memory.has(userId)) {
    let round: RoundDraft | null;
    try {
      const raw = localStorage.getItem(keyOf(userId));
      round = raw ? (JSON.parse(raw) as RoundDraft) : null;
    } catch {
      round = null;
    }
    memory.set(userId, round);
  }
  return memory.get(userId) ?? null;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

export function useRoundInProgress(): [RoundDraft | null, (round: RoundDraft | null) => void] {
  const userId = useMe().data?.id;
  const round = useSyncExternalStore(subscribe, () => read(userId));
  const save = useCallback(
    (next: RoundDraft | null) => {
      if (!userId) return;
      memory.set(userId, next);
      try {
        if (next) localStorage.setItem(keyOf(userId), JSON.stringify(next));
        else localStorage.removeItem(keyOf(userId));
      } catch {
        // Storage full or blocked: the round lives on in memory until the app closes.
      }
      for (const l of listeners) l();
    },
    [userId],
  );
  return [round, save];
}
