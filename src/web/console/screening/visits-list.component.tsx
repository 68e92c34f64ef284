import { Table, Tag, Typography } from 'antd';
import { shanghaiDateTime } from '../../../domain/local-date.ts';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthFlags } from './health-flags.component.tsx';
import type { Visit } from './screening.resource.ts';

interface Props {
  visits: readonly Visit[];
  loading?: boolean;
  /** Inside a household's row: no address column, no paging. */
  compact?: boolean;
}

/** Visits, newest first: who went where, who was in, and how they were. A fever colours the row. */
export function VisitsList({ visits, loading, compact }: Props) {
  const { t } = useTranslation();
  return (
    <Table<Visit>
      data-testid={compact ? 'household-visits' : 'visits'}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...visits]}
      pagination={compact ? false : { pageSize: 10, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('screening:round.visits.total', { count: n }) }}
      locale={{ emptyText: t('screening:round.visits.none') }}
      scroll={{ x: 'max-content' }}
      onRow={(v) => ({ style: v.health?.fever ? { background: '#fff1f0' } : undefined, 'data-testid': 'visit-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'at', title: t('screening:round.visits.at'), width: 110, render: (_, v) => <span title={v.visitedAt}>{shanghaiDateTime(new Date(v.visitedAt)).slice(5)}</span> },
        ...(compact
          ? []
          : [{ key: 'address', title: t('screening:round.visits.household'), render: (_: unknown, v: Visit) => t('screening:round.visits.where', { group: v.groupName, address: v.address }) }]),
        { key: 'visitor', title: t('screening:round.visits.visitor'), dataIndex: 'visitorName' },
        {
          key: 'outcome',
          title: t('screening:round.visits.outcome'),
          render: (_, v) => (v.outcome === 'visited' ? <Tag color="green">{t('screening:outcome.visited')}</Tag> : <Tag>{t('screening:outcome.nobody_home')}</Tag>),
        },
        { key: 'present', title: t('screening:round.visits.present'), render: (_, v) => (v.present.length ? v.present.join(t('screening:listSeparator')) : '—') },
        { key: 'health', title: t('screening:round.visits.health'), render: (_, v) => <HealthFlags visit={v} /> },
        {
          key: 'arrivals',
          title: t('screening:round.visits.arrivals'),
          align: 'right',
          render: (_, v) => (v.arrivals > 0 ? <Tag color="blue">{t('screening:round.visits.arrivalsCount', { count: v.arrivals })}</Tag> : '—'),
        },
        {
          key: 'needs',
          title: t('screening:round.visits.needs'),
          render: (_, v) => (
            <Typography.Text style={{ maxWidth: 240 }} ellipsis={{ tooltip: true }}>
              {[v.needs, v.note].filter(Boolean).join(' / ') || '—'}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
