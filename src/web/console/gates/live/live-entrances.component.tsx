import { Badge, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveGateView } from '../../../../contract/gates.ts';
import { EntranceStateTag } from '../entrance-state-tag.component.tsx';
import { HourBars } from './hour-bars.component.tsx';

type LiveEntrance = LiveGateView['entrances'][number];

const red = (n: number) => (n > 0 ? { color: '#cf1322', fontWeight: 600 } : { color: 'rgba(0,0,0,0.25)' });

/**
 * Today per entrance: its state, passages let through by hour (on one scale
 * for all rows), and the day's counts. Checkpoints come first; a sealed
 * entrance with nothing today is a short grey row.
 */
export function LiveEntrances({ entrances, currentHour }: { entrances: readonly LiveEntrance[]; currentHour: number | undefined }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...entrances.flatMap((e) => e.hours));
  const rank = { checkpoint: 0, open: 1, sealed: 2 } as const;
  const rows = [...entrances].sort((a, b) => rank[a.state] - rank[b.state]);
  const count = (key: 'in' | 'out' | 'refused' | 'visitors' | 'visitorsInside') => ({
    key,
    title: t(`gate-console:live.columns.${key}`),
    width: 72,
    align: 'right' as const,
    render: (_: unknown, e: LiveEntrance) => <span data-figure={key} style={e[key] === 0 ? { color: 'rgba(0,0,0,0.25)' } : undefined}>{e[key]}</span>,
  });
  return (
    <Table<LiveEntrance>
      data-testid="live-entrances"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      onRow={(e) => ({ 'data-testid': 'live-entrance', 'data-entrance': e.name, 'data-state': e.state }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'name',
          title: t('gate-console:live.columns.entrance'),
          render: (_, e) => (
            <Typography.Text strong={e.state !== 'sealed'} type={e.state === 'sealed' ? 'secondary' : undefined}>
              {e.name}
            </Typography.Text>
          ),
        },
        { key: 'state', title: t('gate-console:live.columns.state'), width: 90, render: (_, e) => <EntranceStateTag state={e.state} /> },
        {
          key: 'hours',
          title: t('gate-console:live.columns.hours'),
          width: 220,
          render: (_, e) => (e.state === 'sealed' && e.hours.every((n) => n === 0) ? null : <HourBars hours={e.hours} max={max} currentHour={currentHour} />),
        },
        count('in'),
        count('out'),
        count('refused'),
        count('visitors'),
        count('visitorsInside'),
        {
          key: 'fevers',
          title: t('gate-console:live.columns.fevers'),
          width: 72,
          align: 'right',
          render: (_, e) => <span data-figure="fevers" style={red(e.fevers)}>{e.fevers}</span>,
        },
        {
          key: 'openAlerts',
          title: t('gate-console:live.columns.openAlerts'),
          width: 90,
          align: 'right',
          render: (_, e) => (e.openAlerts > 0 ? <Badge count={e.openAlerts} data-figure="openAlerts" /> : <span data-figure="openAlerts" style={red(0)}>0</span>),
        },
      ]}
    />
  );
}
