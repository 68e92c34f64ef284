import dayjsConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { shanghaiDay, shanghaiNow } from '../observation/time/shanghai-time.ts';

/*
 * Weeks start on Monday in every language (English's calendar would start on
 * Sunday), and "today" is Shanghai's, whatever zone the browser runs in.
 */
const MondayCalendar = DatePicker.generatePicker<Dayjs>({
  ...dayjsConfig,
  getNow: () => shanghaiNow(),
  locale: { ...dayjsConfig.locale, getWeekFirstDay: () => 1 },
});

interface Props {
  day: string;
  today: string;
  onDay: (day: string) => void;
}

/** The day shown: today, or a past day (the future has no figures). */
export function DashboardDayPicker({ day, today, onDay }: Props) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <MondayCalendar
        value={dayjs(day)}
        format="YYYY-MM-DD"
        allowClear={false}
        showNow={false}
        disabledDate={(d) => d.format('YYYY-MM-DD') > today}
        presets={[
          { label: <span data-testid="dash-preset-today">{t('dashboard:day.today')}</span>, value: () => shanghaiDay(0) },
          { label: <span data-testid="dash-preset-yesterday">{t('dashboard:day.yesterday')}</span>, value: () => shanghaiDay(-1) },
        ]}
        onChange={(d) => d && onDay(d.format('YYYY-MM-DD'))}
        style={{ width: 150 }}
        data-testid="dash-day"
      />
      {day !== today && (
        <a onClick={() => onDay(today)} data-testid="dash-back-today">
          {t('dashboard:day.backToToday')}
        </a>
      )}
    </span>
  );
}
