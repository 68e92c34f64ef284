import { useCallback, useSyncExternalStore } from 'react';
import { useMe } from '../../shared/session.ts';

/**
 * The entrance this phone registers at, remembered per user: a volunteer
 * opens the app at the same gate shift after shift and should land there.
 */
const keyOf = (userId: string) => `linli.field.gate.entrance.${userId}`;
const listeners = new Set<() => void>();
/** This session's choices, so a phone whose storage is blocked still keeps the choice until the app closes. */
const memory = new Map<string, string | null>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

function read(userId: string | undefined): string | null {
  if (!userId) return null;
  if (memory.has(userId)) return memory.get(userId) ?? null;
  try {
    return localStorage.getItem(keyOf(userId));
  } catch {
    return null;
  }
}

export function useChosenEntrance(): [string | null, (entranceId: string | null) => void] {
  const userId = useMe().data?.id;
  const chosen = useSyncExternalStore(subscribe, () => read(userId));
  const choose = useCallback(
    (entranceId: string | null) => {
      if (!userId) return;
      memory.set(userId, entranceId);
      try {
        if (entranceId) localStorage.setItem(keyOf(userId), entranceId);
        else localStorage.removeItem(keyOf(userId));
      } catch {
        // Storage blocked: the choice lasts until the app closes.
      }
      for (const l of listeners) l();
    },
    [userId],
  );
  return [chosen, choose];
}
