import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiRequestError } from '../../shared/api.ts';

/**
 * Whether the app can reach the server. `navigator.onLine` alone is not
 * enough outdoors: a phone with one bar, or on a Wi-Fi without internet,
 * says "online" while every request fails. So a request that fails for want
 * of network also marks the app offline, as does a light probe (GET
 * /api/health) at start; the probe repeats while offline and brings the app
 * back as soon as the server answers again.
 */
const PROBE_MS = 10_000;

let reachable = true;
let probe: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();
let client: QueryClient | undefined;

function setReachable(value: boolean): void {
  if (reachable === value) return;
  reachable = value;
  for (const l of listeners) l();
  if (value) {
    clearInterval(probe);
    probe = undefined;
    // Reads that failed while the server was out of reach are fetched again.
    void client?.refetchQueries({ type: 'active', predicate: (q) => q.state.fetchFailureCount > 0 });
  } else if (!probe) {
    probe = setInterval(() => void checkServer(), PROBE_MS);
  }
}

/** Asks the server whether it answers; any HTTP answer counts as reachable, only a failed request does not. */
async function checkServer(): Promise<void> {
  if (!navigator.onLine) return;
  try {
    await fetch('/api/health', { cache: 'no-store' });
    setReachable(true);
  } catch {
    setReachable(false);
  }
}

const isNetworkFailure = (e: unknown) => e instanceof ApiRequestError && e.code === 'NETWORK';

/** Follows the query and mutation caches: a network failure marks the server unreachable, an answer marks it reachable. */
export function watchConnectivity(queryClient: QueryClient): void {
  client = queryClient;
  // Start from what the phone says, so reads wait for the network instead of failing (TanStack assumes online).
  onlineManager.setOnline(navigator.onLine);
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action } = event;
    if ((action.type === 'failed' && isNetworkFailure(action.error)) || (action.type === 'error' && isNetworkFailure(action.error))) setReachable(false);
    else if (action.type === 'success' && !action.manual) setReachable(true);
  });
  queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action } = event;
    if (action.type === 'error' && isNetworkFailure(action.error)) setReachable(false);
    else if (action.type === 'success') setReachable(true);
  });
  window.addEventListener('online', () => void checkServer());
  // Saved data may be fresh enough not to be refetched: ask once at start whether the server is there.
  void checkServer();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** True when the phone has a network and the server answered the last request. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine && reachable);
}
