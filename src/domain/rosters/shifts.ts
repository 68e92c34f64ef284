import { addDays, shanghaiInstant } from '../local-date.ts';

/**
 * Duty rosters (排班) at checkpoints: shifts on Asia/Shanghai days. A shift
 * runs from a clock time to a later one on its day; "24:00" is the end of the
 * day, so 18:00–24:00 meets the next day's 00:00–07:00 without overlapping it.
 */
export interface ShiftTimes {
  start: string;
  end: string;
}

/** The checkpoints' usual day: morning, afternoon, evening and night (editable per checkpoint). */
export const DEFAULT_SHIFTS: readonly ShiftTimes[] = [
  { start: '07:00', end: '12:00' },
  { start: '12:00', end: '18:00' },
  { start: '18:00', end: '24:00' },
  { start: '00:00', end: '07:00' },
];

function minutes(time: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && value <= 24 * 60 ? value : null;
}

/** A shift starts at 00:00–23:59 and ends later the same day, at 24:00 at the latest. */
export function isShiftTimes(s: ShiftTimes): boolean {
  const from = minutes(s.start);
  const to = minutes(s.end);
  return from !== null && to !== null && from < 24 * 60 && from < to;
}

/** The instants [from, to) of a shift on a Shanghai day, in milliseconds. */
export function shiftSpan(day: string, s: ShiftTimes): { from: number; to: number } {
  const to = s.end === '24:00' ? shanghaiInstant(addDays(day, 1), '00:00') : shanghaiInstant(day, s.end);
  return { from: shanghaiInstant(day, s.start), to };
}

/** Shifts of one checkpoint's day that overlap each other (a template with 07:00–12:00 and 11:00–15:00): pairs of indexes. */
export function overlappingShifts(shifts: readonly ShiftTimes[]): [number, number][] {
  const out: [number, number][] = [];
  shifts.forEach((a, i) => {
    shifts.forEach((b, j) => {
      if (j <= i) return;
      const [af, at, bf, bt] = [minutes(a.start)!, minutes(a.end)!, minutes(b.start)!, minutes(b.end)!];
      if (af < bt && bf < at) out.push([i, j]);
    });
  });
  return out;
}
