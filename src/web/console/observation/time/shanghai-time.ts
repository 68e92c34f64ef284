import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDate, shanghaiDateTime } from '../../../../domain/local-date.ts';
import { addDays } from '../../../../domain/observation/schedule.ts';

/**
 * The observation pickers hold Asia/Shanghai wall-clock values: a Dayjs here
 * is read by its fields (its format), never as an instant, so a desk whose
 * browser runs on another zone still picks and sends Shanghai days and times.
 * Nothing here may take a value from the browser's own clock fields.
 */

/** Shanghai's day `offset` days from today, as a picker value. */
export const shanghaiDay = (offset = 0, at: Date = new Date()): Dayjs => dayjs(addDays(shanghaiDate(at), offset));

/** Shanghai's clock now, to the minute, as a picker value. */
export const shanghaiNow = (at: Date = new Date()): Dayjs => dayjs(shanghaiDateTime(at));

/** A picked day as the API takes it. */
export const dayOf = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** A picked date and time as the API takes it: the Shanghai wall-clock time with its offset. */
export const instantOf = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** Whether a picked date and time (Shanghai wall clock, to the minute) lies before the current minute: "now" picked is not the past. */
export const isBeforeThisMinute = (d: Dayjs, at: Date = new Date()): boolean => Date.parse(instantOf(d)) < Date.parse(instantOf(shanghaiNow(at)));
