import { describe, expect, it } from 'vitest';
import { autoSyncDue } from '../src/web/field/offline/retry-policy.ts';

describe('the outbox’s automatic sync after a failure', () => {
  it('waits the retry interval after a failed batch instead of sending it again at once', () => {
    const failedAt = Date.parse('2026-02-21T08:00:00Z');
    expect(autoSyncDue(null, failedAt)).toBe(true);
    // A read a moment later marks the server reachable: the batch is not sent again yet.
    expect(autoSyncDue(failedAt, failedAt + 50)).toBe(false);
    expect(autoSyncDue(failedAt, failedAt + 29_999)).toBe(false);
    expect(autoSyncDue(failedAt, failedAt + 30_000)).toBe(true);
  });
});
