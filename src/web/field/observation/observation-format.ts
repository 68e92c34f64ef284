import { shanghaiDate, shanghaiDateTime } from '../../../domain/local-date.ts';

/**
 * Times of observation work as the schedule states them: in Asia/Shanghai,
 * whatever zone the phone is set to (a check "at 08:00" is 08:00 there).
 */
export function clockOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : shanghaiDateTime(at).slice(11);
}

/** 11-26 08:00 */
export function dayTimeOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : shanghaiDateTime(at).slice(5);
}

/** A check's time: 08:00 today, 11-25 16:00 on another day (a missed check of yesterday must not read as this morning's). */
export function dueTimeOf(iso: string, today = shanghaiDate()): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || shanghaiDate(at) === today ? clockOf(iso) : dayTimeOf(iso);
}

/** 2026-11-26 08:00 */
export function fullTimeOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : shanghaiDateTime(at);
}

/** 36.5 */
export const degrees = (value: number) => value.toFixed(1);
