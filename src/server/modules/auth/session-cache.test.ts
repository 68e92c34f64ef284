import { describe, expect, it } from 'vitest';
import type { SessionUser } from './auth.service.ts';
import { SessionCache } from './session-cache.ts';

const session = (userId: string, expiresAt = '2999-01-01T00:00:00.000Z') =>
  ({ user: { id: userId }, assignments: [], sessionId: `s-${userId}`, expiresAt }) as unknown as SessionUser;

describe('the session cache', () => {
  it('keeps a session for its time to live only', () => {
    const cache = new SessionCache(5_000);
    cache.set('a', session('u1'), cache.ticket(), 1_000);
    expect(cache.get('a', 5_999)?.user.id).toBe('u1');
    expect(cache.get('a', 6_000)).toBeUndefined();
  });

  it('never outlives the session itself', () => {
    const cache = new SessionCache(5_000);
    cache.set('a', session('u1', new Date(2_000).toISOString()), cache.ticket(), 1_000);
    expect(cache.get('a', 2_500)).toBeUndefined();
  });

  it('forgets every session of a changed user at once', () => {
    const cache = new SessionCache(5_000);
    cache.set('a', session('u1'), cache.ticket(), 0);
    cache.set('b', session('u1'), cache.ticket(), 0);
    cache.set('c', session('u2'), cache.ticket(), 0);
    cache.forgetUser('u1');
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)?.user.id]).toEqual([undefined, undefined, 'u2']);
  });

  it('stays bounded', () => {
    const cache = new SessionCache(5_000, 2);
    for (const k of ['a', 'b', 'c']) cache.set(k, session(k), cache.ticket(), 0);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBeDefined();
  });

  it('does not keep what a lookup read before a change that happened meanwhile', () => {
    const cache = new SessionCache(5_000);
    const ticket = cache.ticket();
    cache.forgetUser('u1');
    cache.set('a', session('u1'), ticket, 0);
    expect(cache.get('a', 1)).toBeUndefined();
  });
});
