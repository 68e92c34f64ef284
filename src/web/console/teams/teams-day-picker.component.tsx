import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ShanghaiDayPicker } from '../observation/time/shanghai-pickers.component.tsx';
import { useTeamsDay } from './teams-day.ts';

/** "Show the day": today unless another is picked, kept in the URL; a tag says when the page shows another day than today. */
export function TeamsDayPicker({ label, testId }: { label: string; testId: string }) {
  const { t } = useTranslation();
  const { day, today, isToday, setDay } = useTeamsDay();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span>{label}</span>
      <ShanghaiDayPicker
        value={dayjs(day)}
        allowClear={false}
        offsets={[0, -1]}
        onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
        data-testid={testId}
        style={{ width: 150 }}
      />
      {!isToday && (
        <a onClick={() => setDay(today)} data-testid={`${testId}-today`}>
          {t('teams-console:day.backToToday')}
        </a>
      )}
    </span>
  );
}
