/** How often the outbox tries again while items wait: the interval of the automatic sync. */
export const RETRY_MS = 30_000;

/**
 * Whether an automatic sync may start now: not within RETRY_MS of a failed
 * one. A batch failing at the network while other requests get through would
 * otherwise be sent again at once, each time a read marks the server
 * reachable (a loop of dozens of posts a second); "sync now" is not held back.
 */
export function autoSyncDue(lastFailureAt: number | null, now: number): boolean {
  return lastFailureAt === null || now - lastFailureAt >= RETRY_MS;
}
