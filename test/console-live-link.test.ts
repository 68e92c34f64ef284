import { describe, expect, it } from 'vitest';
import { catchUpHandlers, type LinkState } from '../src/web/shared/link-state.ts';

function watch() {
  const seen: { refreshes: number; links: LinkState[] } = { refreshes: 0, links: [] };
  const handlers = catchUpHandlers(
    () => seen.refreshes++,
    (l) => seen.links.push(l),
  );
  return { seen, handlers };
}

describe('a page following its unit through the change stream', () => {
  it('reads again on each change, not on the first connection', () => {
    const { seen, handlers } = watch();
    handlers.onStatus!('connecting');
    handlers.onStatus!('open');
    expect(seen.refreshes).toBe(0);
    handlers.onEvent('changed', '');
    handlers.onEvent('ping', '');
    expect(seen.refreshes).toBe(1);
    expect(seen.links).toEqual(['connecting', 'live']);
  });

  it('catches up once when the stream is back after being down, and says it was reconnecting meanwhile', () => {
    const { seen, handlers } = watch();
    handlers.onStatus!('connecting');
    handlers.onStatus!('open');
    handlers.onStatus!('reconnecting');
    handlers.onStatus!('connecting');
    handlers.onStatus!('reconnecting');
    handlers.onStatus!('connecting');
    expect(seen.refreshes).toBe(0);
    handlers.onStatus!('open');
    expect(seen.refreshes).toBe(1);
    expect(seen.links).toEqual(['connecting', 'live', 'reconnecting', 'reconnecting', 'reconnecting', 'reconnecting', 'live']);
    handlers.onStatus!('open');
    expect(seen.refreshes).toBe(1);
  });

  it('a server that never answered at first still catches up when it does', () => {
    const { seen, handlers } = watch();
    handlers.onStatus!('connecting');
    handlers.onStatus!('reconnecting');
    handlers.onStatus!('connecting');
    handlers.onStatus!('open');
    expect(seen.refreshes).toBe(1);
    expect(seen.links).toEqual(['connecting', 'reconnecting', 'reconnecting', 'live']);
  });

  it('says stopped when refused', () => {
    const { seen, handlers } = watch();
    handlers.onStatus!('connecting');
    handlers.onStatus!('stopped', { httpStatus: 403 });
    expect(seen.links).toEqual(['connecting', 'stopped']);
  });
});
