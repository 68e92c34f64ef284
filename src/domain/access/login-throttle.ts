/**
 * Sign-in throttling: every attempt is counted (atomically, in the database)
 * before the password is checked; once a key (an account from one address,
 * or one address) has more than `limit` attempts within the window it is
 * refused until the window ends. A successful sign-in forgives its attempts.
 */
export interface AttemptWindow {
  windowStart: number;
  attempts: number;
}

export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 30;
export const WINDOW_MS = 15 * 60 * 1000;

/** Milliseconds the key must wait, given its window after counting this attempt; 0 to go ahead. */
export function waitAfterCounting(w: AttemptWindow, limit: number, now: number): number {
  return w.attempts > limit ? Math.max(0, w.windowStart + WINDOW_MS - now) : 0;
}
