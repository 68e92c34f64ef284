import type { TFunction } from 'i18next';
import type { Check } from '../../../contract/observation.ts';
import { isFever } from '../../../domain/gates/temperature.ts';
import { shanghaiDateTime } from '../../../domain/local-date.ts';

/**
 * How observation pages show things. Times are Asia/Shanghai wall-clock times,
 * as the server counts days and check times, whatever the desk browser's zone.
 */

/** 2020-02-13 09:30 */
export const dateTimeOf = (instant: string | null | undefined): string => (instant ? shanghaiDateTime(new Date(instant)) : '');

/** 09:30 */
export const clockOf = (instant: string): string => shanghaiDateTime(new Date(instant)).slice(11);

/** The antd colour of a check's state: done green, overdue red, due orange, upcoming grey. */
export const CHECK_STATE_COLOR: Record<Check['state'], string> = { done: 'success', overdue: 'error', due: 'warning', upcoming: 'default' };

/** Red for a fever (37.3 °C and above). */
export const FEVER_RED = '#cf1322';

/** 37.8 °C */
export const temperatureText = (t: TFunction, celsius: number): string => `${celsius.toFixed(1)} ${t('gates:temperatureUnit')}`;

export const feverStyle = (celsius: number | null | undefined) => (celsius != null && isFever(celsius) ? { color: FEVER_RED, fontWeight: 700 } : undefined);

/** What stands for an empty value in tables and descriptions. */
export const DASH = '—';

/** Open (not yet released) plan first: the one the pages act on. */
export const openPlanOf = <P extends { releasedAt: string | null }>(plans: readonly P[]): P | undefined => plans.find((p) => p.releasedAt === null);

const DAY_MS = 86_400_000;

/** Day N of a plan on `today` (1 on its first day), kept within its length. */
export function planDayOf(startDay: string, days: number, today: string): number {
  const n = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`)) / DAY_MS) + 1;
  return Math.min(Math.max(n, 1), days);
}
