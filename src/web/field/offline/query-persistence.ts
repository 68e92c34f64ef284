import { dehydrate, hydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query';
import { version } from '../../../../package.json';

/**
 * Keeps what the field user last saw (who they are, their units, the
 * households of their groups for offline search and visits, the gate kit:
 * entrances, pass keys and the passes to refuse; the worker's observation
 * checks; one's own shifts, today's tasks and area) on the phone,
 * so the app opens with it when there is no network. A small
 * stand-in for a query persister: only the listed reads, only successful
 * answers, dropped after a week, on sign-out and with a new app version.
 */
const STORAGE_KEY = 'linli.field.queries';
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const PERSISTED = new Set(['me', 'org-units', 'org-unit', 'field-ledger', 'field-gate', 'observation-checks', 'my-duties', 'my-tasks', 'my-area']);
/** The offline work itself: never garbage-collected, even while no screen shows it. */
const KEPT = ['field-ledger', 'field-gate', 'observation-checks', 'my-duties', 'my-tasks', 'my-area'];

interface Stored {
  version: string;
  savedAt: number;
  state: DehydratedState;
}

/**
 * A signed-out answer (`me` = null) is not kept: opened again, the app must
 * ask the server rather than trust an old "signed out" over a fresh sign-in.
 */
const shouldPersist = (q: Query) => q.state.status === 'success' && q.state.data != null && PERSISTED.has(String(q.queryKey[0]));

/** Puts the saved answers back into the cache; they count as stale, so they are refetched when online. */
export function restoreQueries(client: QueryClient): void {
  for (const key of KEPT) client.setQueryDefaults([key], { gcTime: Infinity });
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return;
    const stored = JSON.parse(raw) as Stored;
    if (stored.version !== version || Date.now() - stored.savedAt > MAX_AGE_MS) {
      localStorage.removeItem(STORAGE_KEY);
      return;
    }
    hydrate(client, stored.state);
  } catch {
    // A damaged entry is only a lost cache: start without it.
    localStorage.removeItem(STORAGE_KEY);
  }
}

/** Saves the persisted answers shortly after each change of the cache. Returns the unsubscribe function. */
export function persistQueries(client: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const state = dehydrate(client, { shouldDehydrateQuery: shouldPersist });
    const stored: Stored = { version, savedAt: Date.now(), state };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or blocked: the app still works online.
    }
  };
  const unsubscribe = client.getQueryCache().subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  });
  // A reload or a closed app must not lose the last change still waiting for the timer.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    save();
  };
  window.addEventListener('pagehide', flush);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('pagehide', flush);
    unsubscribe();
  };
}

/** Keys under this prefix hold personal data kept for one user's convenience (a gate's recent visitors): gone at sign-out. */
export const PRIVATE_PREFIX = 'linli.field.private.';

/** Forgets everything saved for the previous user (sign-out, expired session). */
export function forgetQueries(): void {
  localStorage.removeItem(STORAGE_KEY);
  for (const key of Object.keys(localStorage)) if (key.startsWith(PRIVATE_PREFIX)) localStorage.removeItem(key);
}
