import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../figures/figures-format.ts';
import { dayLabel, dayLine, registeredBreakdown, registeredTotal, type DayCoverage } from './day-report.ts';

/**
 * Day by day, newest first, with each day's line as the daily report words it,
 * ready to copy into the report sent up.
 */
export function DayReport({ rows }: { rows: readonly DayCoverage[] }) {
  const { t } = useTranslation();
  return (
    <Table<DayCoverage>
      data-testid="coverage-days"
      rowKey="day"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      locale={{ emptyText: t('screening:round.day.none') }}
      columns={[
        { key: 'day', title: t('screening:round.day.day'), width: 90, render: (_, d) => <span title={d.day}>{dayLabel(t, d.day)}</span> },
        { key: 'households', title: t('screening:round.day.householdsColumn'), align: 'right', width: 80, render: (_, d) => formatCount(d.households) },
        {
          key: 'registered',
          title: t('screening:round.day.registeredColumn'),
          width: 110,
          align: 'right',
          render: (_, d) => formatCount(registeredTotal(d)),
        },
        {
          key: 'fevers',
          title: t('screening:round.day.feversColumn'),
          align: 'right',
          width: 70,
          render: (_, d) => (d.fevers > 0 ? <Typography.Text type="danger" strong>{formatCount(d.fevers)}</Typography.Text> : '0'),
        },
        {
          key: 'line',
          title: t('screening:round.day.lineColumn'),
          render: (_, d) => (
            <Typography.Text copyable={{ text: dayLine(t, d) }} data-testid="day-line" title={registeredBreakdown(t, d) || undefined}>
              {dayLine(t, d)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
