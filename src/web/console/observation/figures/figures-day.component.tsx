import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../../domain/local-date.ts';

/** Picks the day of the figures (today when cleared); days to come have no figures yet. */
export function FiguresDay({ day, onDay }: { day: string | undefined; onDay: (day: string | undefined) => void }) {
  const { t } = useTranslation();
  const today = shanghaiDate();
  return (
    <DatePicker
      value={dayjs(day ?? today)}
      format="YYYY-MM-DD"
      allowClear={false}
      disabledDate={(d) => d.format('YYYY-MM-DD') > today}
      onChange={(d) => onDay(d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : undefined)}
      aria-label={t('observation-console:figures.day')}
      data-testid="figures-day"
    />
  );
}
