import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ShanghaiDayPicker } from '../time/shanghai-pickers.component.tsx';
import { dayOf } from '../time/shanghai-time.ts';

interface Props {
  /** The day picked; undefined: today, following Shanghai's day as it changes. */
  day: string | undefined;
  /** Shanghai's today. */
  today: string;
  onDay: (day: string | undefined) => void;
}

/** Picks the day of the figures (today when cleared); days to come have no figures yet. */
export function FiguresDay({ day, today, onDay }: Props) {
  const { t } = useTranslation();
  return (
    <ShanghaiDayPicker
      offsets={[0, -1]}
      value={dayjs(day ?? today)}
      allowClear={false}
      disabledDate={(d) => dayOf(d) > today}
      onChange={(d) => onDay(d && dayOf(d) !== today ? dayOf(d) : undefined)}
      aria-label={t('observation-console:figures.day')}
      data-testid="figures-day"
    />
  );
}
