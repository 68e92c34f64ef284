import type { SessionUser } from './auth.service.ts';

/**
 * Resolved sessions kept for a few seconds, so a burst of requests from one
 * phone or desk does not read the same session, user and roles each time.
 * Every change to a user in this process forgets that user's entries at
 * once; other server processes see the change within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: SessionUser; until: number }>();

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

  set(sessionId: string, value: SessionUser, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.max) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { value, until: now + this.ttlMs });
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  forgetUser(userId: string): void {
    for (const [id, e] of this.entries) if (e.value.user.id === userId) this.entries.delete(id);
  }
}
