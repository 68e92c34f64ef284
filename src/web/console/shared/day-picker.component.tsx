import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ShanghaiDayPicker } from '../observation/time/shanghai-pickers.component.tsx';

interface Props {
  day: string;
  /** Shanghai's today. */
  today: string;
  onDay: (day: string) => void;
  /** The picker's test id; its "back to today" link is `${testId}-today`. */
  testId: string;
  /** Days after today cannot be picked: nothing has been recorded or reported for them. */
  pastOnly?: boolean;
}

/** The day a page shows: today and yesterday at hand, any day from the calendar, and a way back to today. */
export function DayPicker({ day, today, onDay, testId, pastOnly = false }: Props) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <ShanghaiDayPicker
        value={dayjs(day)}
        allowClear={false}
        offsets={[0, -1]}
        disabledDate={pastOnly ? (d) => d.format('YYYY-MM-DD') > today : undefined}
        onChange={(d) => d && onDay(d.format('YYYY-MM-DD'))}
        data-testid={testId}
        style={{ width: 150 }}
      />
      {day !== today && (
        <a onClick={() => onDay(today)} data-testid={`${testId}-today`}>
          {t('common:backToToday')}
        </a>
      )}
    </span>
  );
}
