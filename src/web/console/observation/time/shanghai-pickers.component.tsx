import dayjsConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker, TimePicker, type DatePickerProps, type TimePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMondayFirstCalendar } from '../../shared/monday-first.ts';
import { shanghaiDay, shanghaiNow } from './shanghai-time.ts';

/*
 * antd's own "Today" and "Now" buttons fill the browser's clock: on a desk
 * whose browser runs on New York time, "Now" read as Shanghai time started a
 * plan 13 hours early. These pickers drop them and offer presets counted from
 * Shanghai's date and clock instead. Their calendar is antd's DatePicker with
 * Shanghai's clock as its "now" (the same dayjs config antd builds its own
 * from), so the day marked as today and the month it opens on are Shanghai's;
 * its weeks start on Monday in every language.
 */
const ShanghaiCalendar = DatePicker.generatePicker<Dayjs>({ ...dayjsConfig, getNow: () => shanghaiNow() });

type DayProps = Omit<DatePickerProps<Dayjs, false>, 'presets' | 'showNow' | 'showTime' | 'picker' | 'multiple'> & {
  /** Days offered beside the calendar, counted from Shanghai's today: 0 today, -1 yesterday, 7 in a week. */
  offsets?: readonly number[];
};

/** A day (YYYY-MM-DD) as Shanghai counts days. */
export function ShanghaiDayPicker({ offsets = [0], ...props }: DayProps) {
  const { t } = useTranslation();
  const calendar = useMondayFirstCalendar();
  const label = (n: number) => (n === 0 ? t('observation-console:picker.today') : n === -1 ? t('observation-console:picker.yesterday') : t('observation-console:picker.inDays', { count: n }));
  return (
    <ShanghaiCalendar
      format="YYYY-MM-DD"
      locale={calendar}
      {...props}
      showNow={false}
      presets={offsets.map((n) => ({ label: <span data-testid={`preset-day-${n}`}>{label(n)}</span>, value: () => shanghaiDay(n) }))}
    />
  );
}

type DateTimeProps = Omit<DatePickerProps<Dayjs, false>, 'presets' | 'showNow' | 'showTime' | 'picker' | 'multiple'>;

/** A date and time (to the minute) read as Shanghai wall-clock time; "now" is Shanghai's clock now. */
export function ShanghaiDateTimePicker(props: DateTimeProps) {
  const { t } = useTranslation();
  const calendar = useMondayFirstCalendar();
  return (
    <ShanghaiCalendar
      format="YYYY-MM-DD HH:mm"
      locale={calendar}
      {...props}
      // A day clicked with no time picked yet takes Shanghai's clock, not midnight.
      showTime={{ format: 'HH:mm', defaultOpenValue: shanghaiNow() }}
      showNow={false}
      presets={[{ label: <span data-testid="preset-now">{t('observation-console:picker.now')}</span>, value: () => shanghaiNow() }]}
    />
  );
}

/** A clock time (HH:mm) with no "Now" button: the browser's clock is not the one at the place. */
export function ClockPicker(props: Omit<TimePickerProps, 'showNow'>) {
  return <TimePicker format="HH:mm" {...props} showNow={false} />;
}
