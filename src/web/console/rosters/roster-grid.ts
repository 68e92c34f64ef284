import type { Duty, RosterWeek, Shift } from '../../../contract/rosters.ts';
import type { EntranceState } from '../../../domain/gates/entrance-state.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';
import { weekStart } from '../../../domain/rosters/roster-rules.ts';
import { shiftSpan } from '../../../domain/rosters/shifts.ts';

/** One shift of one checkpoint on one day, with the people on it. */
export interface GridShift {
  start: string;
  end: string;
  minimum: number;
  duties: Duty[];
  staffed: number;
  /** Fewer people than the minimum (the server's gaps): shown in red. */
  gap: boolean;
  /**
   * False for duties at times the checkpoint no longer has as a shift (its
   * shifts were edited after they were made): still shown, so nobody is lost.
   */
  defined: boolean;
}

export interface GridCell {
  day: string;
  state: EntranceState;
  /** Duties are taken only on days the entrance is a checkpoint; other days are greyed. */
  open: boolean;
  shifts: GridShift[];
}

export interface GridRow {
  entranceId: string;
  name: string;
  shifts: Shift[];
  cells: GridCell[];
  gaps: number;
}

const key = (entranceId: string, day: string, start: string, end: string) => `${entranceId}|${day}|${start}|${end}`;

/**
 * The week as a grid: a row per checkpoint, a cell per day, in each cell the
 * checkpoint's shifts in their own order with the people on them. Red comes
 * from the server's gaps only, so the page and the export never disagree.
 */
export function rosterGrid(week: RosterWeek): GridRow[] {
  const gaps = new Map(week.gaps.map((g) => [key(g.entranceId, g.day, g.start, g.end), g]));
  const duties = new Map<string, Duty[]>();
  for (const d of week.duties) {
    const k = key(d.entranceId, d.day, d.start, d.end);
    duties.set(k, [...(duties.get(k) ?? []), d]);
  }
  return week.checkpoints.map((c) => {
    const cells = week.days.map((day, i): GridCell => {
      const state = c.states[i] ?? 'checkpoint';
      const defined = c.shifts.map((s): GridShift => {
        const k = key(c.entranceId, day, s.start, s.end);
        const on = duties.get(k) ?? [];
        const gap = gaps.get(k);
        return { ...s, duties: on, staffed: gap?.staffed ?? on.length, gap: Boolean(gap), defined: true };
      });
      const times = new Set(c.shifts.map((s) => `${s.start}|${s.end}`));
      const stray = week.duties.filter((d) => d.entranceId === c.entranceId && d.day === day && !times.has(`${d.start}|${d.end}`));
      const extra = [...new Set(stray.map((d) => `${d.start}|${d.end}`))].map((time): GridShift => {
        const on = stray.filter((d) => `${d.start}|${d.end}` === time);
        const [start, end] = time.split('|') as [string, string];
        return { start, end, minimum: 0, duties: on, staffed: on.length, gap: false, defined: false };
      });
      return { day, state, open: state === 'checkpoint', shifts: [...defined, ...extra] };
    });
    return { entranceId: c.entranceId, name: c.name, shifts: c.shifts, cells, gaps: cells.reduce((n, cell) => n + cell.shifts.filter((s) => s.gap).length, 0) };
  });
}

/** "07–12" when on the hour, else "07:30–12:00": short enough for a dense grid. */
export function shiftLabel(start: string, end: string): string {
  const onHour = start.endsWith(':00') && end.endsWith(':00');
  return onHour ? `${start.slice(0, 2)}–${end.slice(0, 2)}` : `${start}–${end}`;
}

/** The Monday of this week in Shanghai. */
export const thisMonday = (now = new Date()): string => weekStart(shanghaiDate(now));

/** The seven days from a Monday. */
export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** A `?monday=` from a link: any day of a week stands for its Monday; nonsense falls back to this week. */
export function mondayOf(param: string | null, now = new Date()): string {
  if (!param || !/^\d{4}-\d{2}-\d{2}$/.test(param) || Number.isNaN(Date.parse(`${param}T00:00:00Z`))) return thisMonday(now);
  return weekStart(param);
}

/** 0 for Monday … 6 for Sunday: the index into the weekday names. */
export const weekdayIndex = (day: string): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** "2/17" for a column head. */
export const shortDay = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

/**
 * Where a shift stands in time: people join it until it ends, but leave it
 * only before it begins (the server refuses both otherwise; the dialog says
 * so before anyone tries).
 */
export function shiftTiming(day: string, shift: { start: string; end: string }, now = Date.now()): 'ahead' | 'underway' | 'over' {
  const span = shiftSpan(day, shift);
  return span.to <= now ? 'over' : span.from <= now ? 'underway' : 'ahead';
}

/**
 * Where each person already stands at a time overlapping a shift, elsewhere
 * in the week: the picker shows it beside their name (the server refuses two
 * places at once; this says so before asking).
 */
export function busyElsewhere(week: RosterWeek, entranceId: string, day: string, shift: { start: string; end: string }): Map<string, Duty> {
  const span = shiftSpan(day, shift);
  const out = new Map<string, Duty>();
  for (const d of week.duties) {
    if (d.entranceId === entranceId && d.day === day && d.start === shift.start && d.end === shift.end) continue;
    const other = shiftSpan(d.day, d);
    if (other.from < span.to && span.from < other.to) out.set(d.userId, d);
  }
  return out;
}
