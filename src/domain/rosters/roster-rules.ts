import { addDays } from '../local-date.ts';
import { shiftSpan, type ShiftTimes } from './shifts.ts';

/** One person on one shift at one checkpoint on one Shanghai day. */
export interface Duty extends ShiftTimes {
  personId: string;
  checkpointId: string;
  day: string;
}

/**
 * Duties of one person that overlap in time (a person cannot be in two
 * places at once), compared as instants so that a night shift and the next
 * morning's meet without clashing. Pairs of indexes into `duties`.
 */
export function clashes(duties: readonly Duty[]): [number, number][] {
  const spans = duties.map((d) => shiftSpan(d.day, d));
  const byPerson = new Map<string, number[]>();
  duties.forEach((d, i) => byPerson.set(d.personId, [...(byPerson.get(d.personId) ?? []), i]));
  const out: [number, number][] = [];
  for (const indexes of byPerson.values()) {
    const sorted = [...indexes].sort((a, b) => spans[a]!.from - spans[b]!.from);
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length && spans[sorted[y]!]!.from < spans[sorted[x]!]!.to; y++) {
        out.push([Math.min(sorted[x]!, sorted[y]!), Math.max(sorted[x]!, sorted[y]!)]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

export interface ShiftNeed extends ShiftTimes {
  checkpointId: string;
  day: string;
  /** The fewest people the shift may have. */
  minimum: number;
}

/** Shifts with fewer people than their minimum (shown in red), with how many they have. */
export function gaps(needs: readonly ShiftNeed[], duties: readonly Duty[]): (ShiftNeed & { staffed: number })[] {
  const key = (x: { checkpointId: string; day: string; start: string; end: string }) => `${x.checkpointId}|${x.day}|${x.start}|${x.end}`;
  const count = new Map<string, Set<string>>();
  for (const d of duties) count.set(key(d), (count.get(key(d)) ?? new Set()).add(d.personId));
  return needs.map((n) => ({ ...n, staffed: count.get(key(n))?.size ?? 0 })).filter((n) => n.staffed < n.minimum);
}

/** The Monday (Shanghai) of the week a day belongs to. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * A template week applied to the week starting `monday`: each duty moves to
 * the same weekday of that week, whatever month or year the week runs into.
 */
export function fromTemplate(template: readonly Duty[], monday: string): Duty[] {
  if (weekStart(monday) !== monday) throw new Error(`${monday} is not a Monday`);
  return template.map((d) => {
    const offset = Math.round((Date.parse(`${d.day}T00:00:00Z`) - Date.parse(`${weekStart(d.day)}T00:00:00Z`)) / 86_400_000);
    return { ...d, day: addDays(monday, offset) };
  });
}
