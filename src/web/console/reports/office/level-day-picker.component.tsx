import { ConfigProvider, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import { useContext } from 'react';
import { ShanghaiDayPicker } from '../../observation/time/shanghai-pickers.component.tsx';

interface Props {
  day: string;
  today: string;
  onChange: (day: string) => void;
}

/** A past day or today (reports of tomorrow do not exist yet), on a Monday-first calendar in every language. */
export function LevelDayPicker({ day, today, onChange }: Props) {
  const calendar = mondayFirst(useContext(ConfigProvider.ConfigContext).locale?.DatePicker);
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

/** The English calendar starts its rows on Sunday: the British one has the same words with Monday first. */
function mondayFirst(picker: DatePickerProps['locale']): DatePickerProps['locale'] {
  return picker && picker.lang.locale.startsWith('en') ? { ...picker, lang: { ...picker.lang, locale: 'en-gb' } } : picker;
}
