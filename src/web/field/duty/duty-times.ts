import { addDays, shanghaiDate } from '../../../domain/local-date.ts';
import { shiftSpan } from '../../../domain/rosters/shifts.ts';
import { CHECK_IN_EARLY_MS } from '../../../domain/rosters/on-duty.ts';

/**
 * A person's own shifts as the phone shows them: by Shanghai day, with the
 * one in force now picked out, and whether its check-in button shows. The
 * server counts a check-in from 30 minutes before a shift starts until it
 * ends (domain/rosters/on-duty.ts), so the button shows exactly then.
 */

/** How many days "my shifts" covers: today and the next seven. */
export const DUTY_DAYS = 8;

export interface DutyLike {
  id: string;
  day: string;
  start: string;
  end: string;
  checkedInAt: string | null;
}

/** Over, in force now, about to start (check-in open), or later. */
export type DutyPhase = 'past' | 'now' | 'soon' | 'later';

export function dutyPhase(d: DutyLike, now: number): DutyPhase {
  const { from, to } = shiftSpan(d.day, d);
  if (now >= to) return 'past';
  if (now >= from) return 'now';
  return now >= from - CHECK_IN_EARLY_MS ? 'soon' : 'later';
}

/** Whether the check-in is open for the shift now (the server would count it). */
export const checkInOpen = (d: DutyLike, now: number): boolean => {
  const phase = dutyPhase(d, now);
  return phase === 'now' || phase === 'soon';
};

const byTime = (a: DutyLike, b: DutyLike) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start) || a.end.localeCompare(b.end);

/**
 * The shifts from today on, grouped by day, soonest first. Today's shifts
 * that are over stay (dimmed, with their check-in), days gone by leave: a
 * list kept on the phone overnight moves on with the clock.
 */
export function dutyDays<T extends DutyLike>(duties: readonly T[], now: number): { day: string; duties: T[] }[] {
  const today = shanghaiDate(new Date(now));
  const out: { day: string; duties: T[] }[] = [];
  for (const d of [...duties].filter((x) => x.day >= today).sort(byTime)) {
    const last = out.at(-1);
    if (last?.day === d.day) last.duties.push(d);
    else out.push({ day: d.day, duties: [d] });
  }
  return out;
}

/** The shift in force now, else the next one to come (the home tile shows it); null when none is ahead. */
export function nextDuty<T extends DutyLike>(duties: readonly T[], now: number): T | null {
  return [...duties].sort(byTime).find((d) => dutyPhase(d, now) !== 'past') ?? null;
}

/** "today", "tomorrow" or the weekday index (0 = Monday), to name a day in the list. */
export function dayLabel(day: string, now: number): { kind: 'today' | 'tomorrow' | 'weekday'; weekday: number } {
  const today = shanghaiDate(new Date(now));
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  if (day === today) return { kind: 'today', weekday };
  if (day === addDays(today, 1)) return { kind: 'tomorrow', weekday };
  return { kind: 'weekday', weekday };
}

/** 07:00–12:00 */
export const shiftText = (d: { start: string; end: string }) => `${d.start}–${d.end}`;

/** 02-14 */
export const shortDay = (day: string) => day.slice(5);
