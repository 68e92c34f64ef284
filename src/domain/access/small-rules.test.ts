import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids.ts';
import { isInForce, shanghaiDate, shanghaiMidnightUtc } from '../local-date.ts';
import { ACCOUNT_LIMIT, WINDOW_MS, waitAfterCounting } from './login-throttle.ts';
import { maskIdNumber, maskMobile } from './mask.ts';

describe('masking', () => {
  it('shows a mobile as 138****1234 and an ID number by its first 3 and last 4', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskIdNumber('43021119500101123X')).toBe('430***********123X');
    expect(maskMobile(null)).toBeNull();
  });
});

describe('sign-in throttle', () => {
  it('lets the limit through and refuses the next attempt until the window ends', () => {
    expect(waitAfterCounting({ windowStart: 1000, attempts: ACCOUNT_LIMIT }, ACCOUNT_LIMIT, 2000)).toBe(0);
    expect(waitAfterCounting({ windowStart: 1000, attempts: ACCOUNT_LIMIT + 1 }, ACCOUNT_LIMIT, 2000)).toBe(WINDOW_MS - 1000);
    expect(waitAfterCounting({ windowStart: 1000, attempts: ACCOUNT_LIMIT + 1 }, ACCOUNT_LIMIT, 1000 + WINDOW_MS)).toBe(0);
  });
});

describe('days and ids', () => {
  it('counts calendar days in Shanghai whatever the server’s zone', () => {
    expect(shanghaiDate(new Date('2020-02-12T16:30:00Z'))).toBe('2020-02-13');
    expect(shanghaiMidnightUtc('2020-02-13')).toBe('2020-02-12T16:00:00.000Z');
    expect(isInForce('2020-02-13', '2005-01-01', '2018-07-01')).toBe(false);
    expect(isInForce('2018-06-30', '2005-01-01', '2018-07-01')).toBe(true);
  });

  it('makes time-ordered version 7 uuids', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('keeps ids made within one millisecond in the order they were made', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
