import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextChange } from '../src/web/console/observation/time/clock.ts';
import { dayOf, instantOf, isBeforeThisMinute, shanghaiDay, shanghaiNow } from '../src/web/console/observation/time/shanghai-time.ts';

// A desk in New York: the browser's own day and clock are not Shanghai's.
let zone: string | undefined;
beforeEach(() => {
  zone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  process.env.TZ = zone;
});

describe('Shanghai wall-clock values in a browser on another zone', () => {
  // 2026-11-25 19:53 in New York is 2026-11-26 08:53 in Shanghai.
  const at = new Date('2026-11-26T00:53:20Z');

  it('takes the day and the time from Shanghai, not from the browser', () => {
    expect(new Date(at).getDate()).toBe(25);
    expect(dayOf(shanghaiDay(0, at))).toBe('2026-11-26');
    expect(dayOf(shanghaiDay(-1, at))).toBe('2026-11-25');
    expect(dayOf(shanghaiDay(7, at))).toBe('2026-12-03');
    expect(shanghaiNow(at).format('YYYY-MM-DD HH:mm')).toBe('2026-11-26 08:53');
  });

  it('sends a picked time as Shanghai wall-clock time with its offset: "now" is now, to the minute', () => {
    expect(instantOf(shanghaiNow(at))).toBe('2026-11-26T08:53:00+08:00');
    expect(Date.parse(instantOf(shanghaiNow(at)))).toBe(Date.parse('2026-11-26T00:53:00Z'));
    // "Now" picked is not a start in the past (no past checks to make); a minute before is.
    expect(isBeforeThisMinute(shanghaiNow(at), at)).toBe(false);
    expect(isBeforeThisMinute(shanghaiNow(at).subtract(1, 'minute'), at)).toBe(true);
    expect(isBeforeThisMinute(shanghaiDay(1, at), at)).toBe(false);
  });
});

describe('the next moment a shown state changes', () => {
  const now = Date.parse('2026-11-26T00:00:00Z');

  it('is the first instant still to come', () => {
    expect(nextChange(['2026-11-25T23:00:00Z', '2026-11-26T00:05:00Z', '2026-11-26T00:02:00Z'], now)).toBe(Date.parse('2026-11-26T00:02:00Z'));
  });

  it('is at most a few minutes away, whatever is shown', () => {
    const next = nextChange([], now);
    expect(next).toBeGreaterThan(now);
    expect(next - now).toBeLessThanOrEqual(10 * 60_000);
  });
});
