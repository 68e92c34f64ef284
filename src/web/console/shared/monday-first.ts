import { ConfigProvider, type DatePickerProps } from 'antd';
import 'dayjs/locale/en-gb';
import { useContext } from 'react';

/**
 * The date pickers' locale with weeks starting on Monday in every language:
 * the English calendar starts its rows on Sunday, the British one has the
 * same words with Monday first.
 */
export function useMondayFirstCalendar(): DatePickerProps['locale'] {
  const picker = useContext(ConfigProvider.ConfigContext).locale?.DatePicker;
  return picker && picker.lang.locale.startsWith('en') ? { ...picker, lang: { ...picker.lang, locale: 'en-gb' } } : picker;
}
