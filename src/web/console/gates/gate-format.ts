import type { TFunction } from 'i18next';
import { shanghaiDate, shanghaiDateTime } from '../../../domain/local-date.ts';

/**
 * Times on the gate pages are Asia/Shanghai wall-clock times, as the server
 * counts days and hours, whatever the zone of the desk's browser: "07:00
 * tomorrow" means 07:00 at the gates.
 */

/** 09:30 */
export const clockOf = (instant: string): string => shanghaiDateTime(new Date(instant)).slice(11);

const secondsClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** 09:30:05, for "figures as of" that change every few seconds. */
export const secondsOf = (instant: string): string => secondsClock.format(new Date(instant));

/** 2020-02-13 09:30 */
export const dateTimeOf = (instant: string): string => shanghaiDateTime(new Date(instant));

/** The Shanghai day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return shanghaiDate(new Date(Date.parse(`${day}T12:00:00+08:00`) + n * 86_400_000));
}

/** "today 09:30", "tomorrow 07:00", "yesterday 22:40", or the full date and time further away. */
export function whenOf(t: TFunction, instant: string, today = shanghaiDate()): string {
  const day = shanghaiDate(new Date(instant));
  const clock = clockOf(instant);
  if (day === today) return t('gate-console:when.today', { clock });
  if (day === addDays(today, 1)) return t('gate-console:when.tomorrow', { clock });
  if (day === addDays(today, -1)) return t('gate-console:when.yesterday', { clock });
  return dateTimeOf(instant);
}

/** A wall-clock time typed in a picker ("2020-02-14 07:00") read as Shanghai time, as an instant. */
export function shanghaiInstant(wallClock: string): string {
  return new Date(`${wallClock.replace(' ', 'T')}:00+08:00`).toISOString();
}

/** 37.8 °C */
export const temperatureOf = (t: TFunction, celsius: number): string => `${celsius.toFixed(1)} ${t('gates:temperatureUnit')}`;
