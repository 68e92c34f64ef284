import type { SessionUser } from './auth.service.ts';

/**
 * Resolved sessions kept for a few seconds, so a burst of requests from one
 * phone or desk does not read the same session, user and roles each time.
 * Every change to a user in this process forgets that user's entries at
 * once; other server processes see the change within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: SessionUser; until: number }>();
  /** Bumped on every change, so a lookup that raced a change does not put the old state back. */
  private generation = 0;

  constructor(
    private readonly ttlMs = 5_000,
    private readonly max = 10_000,
  ) {}

  get(sessionId: string, now = Date.now()): SessionUser | undefined {
    const hit = this.entries.get(sessionId);
    if (!hit) return undefined;
    if (hit.until <= now || Date.parse(hit.value.expiresAt) <= now) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return hit.value;
  }

  /** Call before reading a session from the database; pass the result to `set`. */
  ticket(): number {
    return this.generation;
  }

  set(sessionId: string, value: SessionUser, ticket: number, now = Date.now()): void {
    if (this.ttlMs <= 0 || ticket !== this.generation) return;
    if (this.entries.size >= this.max) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { value, until: now + this.ttlMs });
  }

  forget(sessionId: string): void {
    this.generation++;
    this.entries.delete(sessionId);
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const [id, e] of this.entries) if (e.value.user.id === userId) this.entries.delete(id);
  }
}
