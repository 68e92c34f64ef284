import { shanghaiDate } from '../../../domain/local-date.ts';
import { addDays } from '../../../domain/observation/schedule.ts';

/**
 * The worker's check lists are kept on the phone under the Shanghai day they
 * were asked for (the server's day is the Shanghai day): a list read in the
 * evening is yesterday's the next morning, never taken for today's.
 */
export const CHECKS_KEY = 'observation-checks';
export type CheckList = 'due' | 'overdue' | 'done';

export const checksKey = (list: CheckList, day: string) => [CHECKS_KEY, list, day] as const;

/** The day a kept list was asked for (lists kept before there were days have none). */
export const dayOfChecksKey = (key: readonly unknown[]): string | null => (typeof key[2] === 'string' ? key[2] : null);

/** The days the lists are read for at `now`: today's, tomorrow's due list for a morning without network, yesterday's as kept. */
export function checkDays(now: number): { today: string; yesterday: string; tomorrow: string } {
  const today = shanghaiDate(new Date(now));
  return { today, yesterday: addDays(today, -1), tomorrow: addDays(today, 1) };
}

/** A kept list of no more use: of a day before yesterday, or kept before lists had days. */
export function isOldCheckList(key: readonly unknown[], today: string): boolean {
  const day = dayOfChecksKey(key);
  return day === null || day < addDays(today, -1);
}
