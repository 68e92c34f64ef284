import type { TFunction } from 'i18next';
import { addDays, isInForce } from '../../../domain/local-date.ts';

/*
 * The server keeps the end of a period as its first day off (a member
 * replaced from 17 February has 17 February as their end). People read and
 * type periods by their last day, so the pages show and take the last day
 * and turn it into the first day off only when they send it.
 */

/** The last day of a period that ends on `to` (the first day off); null while open. */
export const lastDayOf = (to: string | null): string | null => (to ? addDays(to, -1) : null);

/** The first day off after a last day typed in a form; null (open-ended) when none was typed. */
export const endAfter = (lastDay: string | null | undefined): string | null => (lastDay ? addDays(lastDay, 1) : null);

/** "2020-02-01 – 2020-02-16", or "from 2020-02-01" while it runs on. */
export function periodText(t: TFunction, from: string, to: string | null): string {
  const last = lastDayOf(to);
  return last ? t('teams-console:period.between', { from, last }) : t('teams-console:period.since', { from });
}

/** True when the period from `from` to the first day off `to` covers `day` (the domain's rule, as the server reads it). */
export const coversDay = (from: string, to: string | null, day: string): boolean => isInForce(day, from, to);

/**
 * A username to offer for an approved volunteer: `v`, the last four digits
 * of the (masked) mobile, and three random digits, so it is easy to tell on
 * the phone and unlikely to be taken. The desk may change it.
 */
export function suggestUsername(maskedMobile: string, random: () => number = Math.random): string {
  const digits = maskedMobile.replace(/\D/g, '');
  const last4 = digits.slice(-4).padStart(4, '0');
  const tail = String(Math.floor(random() * 1000)).padStart(3, '0');
  return `v${last4}${tail}`;
}

/** "3/5" done, counting tasks not cancelled. */
export function completion(tasks: readonly { doneAt: string | null; cancelledAt: string | null }[]): { done: number; total: number } {
  const live = tasks.filter((task) => task.cancelledAt === null);
  return { done: live.filter((task) => task.doneAt !== null).length, total: live.length };
}
