import { useEffect, useState } from 'react';
import { shanghaiDate, shanghaiMidnightUtc } from '../../../../domain/local-date.ts';

/** However far off the next change is, the time is looked at again this often (a laptop that slept, a clock that was set). */
const LONGEST_WAIT_MS = 10 * 60_000;
/** Timers may fire a little before their time as the page counts it: wait a moment past it. */
const PAST_IT_MS = 250;

/**
 * Shanghai's day, moving on by itself at Shanghai midnight: queries keyed by
 * it become new ones after midnight, so "today" never keeps yesterday's figures.
 */
export function useShanghaiToday(): string {
  const [today, setToday] = useState(() => shanghaiDate());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const day = shanghaiDate();
      setToday(day);
      timer = setTimeout(arm, Math.min(Date.parse(shanghaiMidnightUtc(day, 1)) - Date.now() + PAST_IT_MS, LONGEST_WAIT_MS));
    };
    arm();
    return () => clearTimeout(timer);
  }, []);
  return today;
}

/** The first of `instants` after `now`, or `now` + the longest wait. */
export function nextChange(instants: readonly string[], now: number): number {
  let next = now + LONGEST_WAIT_MS;
  for (const s of instants) {
    const at = Date.parse(s);
    if (at > now && at < next) next = at;
  }
  return next;
}

/**
 * The time now, moved on as each of `instants` passes: what is worked out from
 * the time at render (a check turning from due to overdue) changes on screen
 * when its moment comes, without waiting for the server.
 */
export function useNow(instants: readonly string[]): number {
  const [now, setNow] = useState(() => Date.now());
  const next = nextChange(instants, now);
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), Math.max(next - Date.now(), 0) + PAST_IT_MS);
    return () => clearTimeout(timer);
  }, [next]);
  return now;
}
