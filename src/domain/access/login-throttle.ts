/**
 * Sign-in throttling: after `limit` failures within `windowMs` a key (an
 * account from one address, or one address) is refused until the window ends.
 */
export interface AttemptWindow {
  windowStart: number;
  failures: number;
}

export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 30;
export const WINDOW_MS = 15 * 60 * 1000;

/** Milliseconds until the key may try again, or 0 if it may try now. */
export function waitBeforeAttempt(w: AttemptWindow | undefined, limit: number, now: number): number {
  if (!w || now - w.windowStart >= WINDOW_MS || w.failures < limit) return 0;
  return w.windowStart + WINDOW_MS - now;
}

/** The window after one more failure. */
export function afterFailure(w: AttemptWindow | undefined, now: number): AttemptWindow {
  if (!w || now - w.windowStart >= WINDOW_MS) return { windowStart: now, failures: 1 };
  return { windowStart: w.windowStart, failures: w.failures + 1 };
}
