import dayjs from 'dayjs';
import { ShanghaiDayPicker } from '../../observation/time/shanghai-pickers.component.tsx';
import { useMondayFirstCalendar } from '../../shared/monday-first.ts';

interface Props {
  day: string;
  today: string;
  onChange: (day: string) => void;
}

/** A past day or today (reports of tomorrow do not exist yet), on a Monday-first calendar in every language. */
export function LevelDayPicker({ day, today, onChange }: Props) {
  const calendar = useMondayFirstCalendar();
  return (
    <ShanghaiDayPicker
      value={dayjs(day)}
      allowClear={false}
      locale={calendar}
      offsets={[0, -1]}
      disabledDate={(d) => d.format('YYYY-MM-DD') > today}
      onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
      data-testid="level-day"
      style={{ width: 150 }}
    />
  );
}

