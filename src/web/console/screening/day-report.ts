import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { formatCount } from '../figures/figures-format.ts';
import type { CoverageAnswer } from './screening.resource.ts';

export type DayCoverage = CoverageAnswer['byDay'][number];

/** The categories a visit registers people under, in the order the reports name them. */
export const REGISTERED_ORDER = ['outside_worker', 'returnee', 'floating'] as const;

export const registeredTotal = (d: DayCoverage): number => Object.values(d.registered).reduce((a, b) => a + b, 0);

/** “2月13日” / “Feb 13”. */
export const dayLabel = (t: TFunction, day: string): string => dayjs(day).format(t('screening:round.day.format'));

/** “外来人员 2 人，返乡人员 4 人”, or '' when the day registered nobody. */
export function registeredBreakdown(t: TFunction, d: DayCoverage): string {
  return REGISTERED_ORDER.filter((c) => (d.registered[c] ?? 0) > 0)
    .map((c) => t('screening:round.day.registeredPart', { category: t(`server:categories.${c}`), count: d.registered[c], n: formatCount(d.registered[c] ?? 0) }))
    .join(t('screening:clauseSeparator'));
}

/**
 * One day in the shape of the daily report:
 * “2月13日：摸排 29 户，登记 6 人（外来人员 2 人，返乡人员 4 人），发热 0 人”.
 */
export function dayLine(t: TFunction, d: DayCoverage): string {
  const part = (key: string, count: number) => t(`screening:round.day.${key}`, { count, n: formatCount(count) });
  const registered = registeredTotal(d);
  const breakdown = registeredBreakdown(t, d);
  return t('screening:round.day.line', {
    day: dayLabel(t, d.day),
    households: part('households', d.households),
    registered: part('registered', registered),
    breakdown: breakdown ? t('screening:round.day.breakdown', { list: breakdown }) : '',
    fevers: part('fevers', d.fevers),
  });
}
