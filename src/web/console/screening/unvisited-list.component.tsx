import { useMemo, type HTMLAttributes } from 'react';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../figures/figures-format.ts';
import { useUnvisited, useVisits, type Unvisited } from './screening.resource.ts';
import { VisitsList } from './visits-list.component.tsx';

interface Props {
  roundId: string;
  groupId: string | undefined;
  live: boolean;
}

/** Households nobody has seen yet in this round; the ones tried already show their attempts when opened. */
export function UnvisitedList({ roundId, groupId, live }: Props) {
  const { t } = useTranslation();
  const list = useUnvisited(roundId, groupId, live);
  const rows = useMemo(() => inWalkingOrder(list.data ?? []), [list.data]);
  const tried = rows.some((h) => h.attempts > 0);
  return (
    <Table<Unvisited>
      data-testid="unvisited"
      rowKey="id"
      size="small"
      loading={list.isFetching && !list.data}
      dataSource={rows}
      pagination={{ pageSize: 14, size: 'small', showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('screening:round.unvisited.total', { count: n, n: formatCount(n) }) }}
      locale={{ emptyText: list.isError ? list.error.message : t('screening:round.unvisited.none') }}
      // Households tried already open onto their attempts.
      expandable={tried ? { rowExpandable: (h) => h.attempts > 0, expandedRowRender: (h) => <Attempts roundId={roundId} householdId={h.id} /> } : undefined}
      onRow={() => ({ 'data-testid': 'unvisited-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'address', title: t('screening:round.unvisited.address'), dataIndex: 'address' },
        { key: 'group', title: t('screening:round.unvisited.group'), dataIndex: 'groupName' },
        { key: 'head', title: t('screening:round.unvisited.head'), render: (_, h) => h.headName ?? <Typography.Text type="secondary">—</Typography.Text> },
        { key: 'members', title: t('screening:round.unvisited.members'), align: 'right', dataIndex: 'members' },
        {
          key: 'attempts',
          title: t('screening:round.unvisited.attempts'),
          render: (_, h) => (h.attempts > 0 ? <Tag color="orange">{t('screening:round.unvisited.nobodyHomeTimes', { count: h.attempts })}</Tag> : <Typography.Text type="secondary">{t('screening:round.unvisited.notTried')}</Typography.Text>),
        },
      ]}
    />
  );
}

function Attempts({ roundId, householdId }: { roundId: string; householdId: string }) {
  const visits = useVisits(roundId, householdId, false);
  return <VisitsList visits={visits.data ?? []} loading={visits.isPending} compact />;
}

const addresses = new Intl.Collator('zh-CN', { numeric: true });

/** Group by group as the server lists them, and within a group house 1, 2 … 10 rather than 1, 10, 2 (numbers compared as numbers). */
function inWalkingOrder(list: readonly Unvisited[]): Unvisited[] {
  const groupOrder = new Map<string, number>();
  for (const h of list) if (!groupOrder.has(h.groupId)) groupOrder.set(h.groupId, groupOrder.size);
  return [...list].sort((a, b) => groupOrder.get(a.groupId)! - groupOrder.get(b.groupId)! || addresses.compare(a.address, b.address));
}
