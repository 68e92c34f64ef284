import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../domain/local-date.ts';
import { mondayOf, thisMonday } from './roster-grid.ts';
import { useMondayFirstCalendar } from '../shared/monday-first.ts';

interface Props {
  monday: string;
  onChange: (monday: string) => void;
  /** Test ids begin with this, so a picker in a dialog is told from the page's. */
  testId?: string;
}

/** A week, moved by Mondays: back, forward, any week from the calendar, or this week again. */
export function WeekPicker({ monday, onChange, testId = 'roster-week' }: Props) {
  const { t } = useTranslation();
  const calendar = useMondayFirstCalendar();
  const current = thisMonday();
  const sunday = addDays(monday, 6);
  // The week last asked for: the router shows a new week in a transition, so a
  // second click before it lands must step from the week asked for, not the one on screen.
  const asked = useRef(monday);
  useEffect(() => {
    asked.current = monday;
  }, [monday]);
  const go = (next: string) => {
    asked.current = next;
    onChange(next);
  };
  return (
    <Space.Compact data-testid={testId} data-monday={monday}>
      <Button icon={<LeftOutlined />} onClick={() => go(addDays(asked.current, -7))} aria-label={t('teams-console:rosters.week.previous')} data-testid={`${testId}-prev`} />
      <DatePicker
        picker="week"
        locale={calendar}
        allowClear={false}
        value={dayjs(monday)}
        // The week as its first and last day, whatever week numbering the language uses.
        format={() => t('teams-console:rosters.week.range', { from: monday, to: sunday.slice(5) })}
        onChange={(d) => d && go(mondayOf(d.format('YYYY-MM-DD')))}
        style={{ width: 210 }}
      />
      <Button icon={<RightOutlined />} onClick={() => go(addDays(asked.current, 7))} aria-label={t('teams-console:rosters.week.next')} data-testid={`${testId}-next`} />
      <Button autoInsertSpace={false} disabled={monday === current} onClick={() => go(current)} data-testid={`${testId}-this`}>
        {t('teams-console:rosters.week.this')}
      </Button>
    </Space.Compact>
  );
}
