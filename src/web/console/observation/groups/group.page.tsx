import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { CheckChip } from '../arrivals/check-chip.component.tsx';
import { PlanCell } from '../arrivals/plan-cell.component.tsx';
import { useChecksNow } from '../checks/checks-now.ts';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { useGroup, type ArrivalSummary, type Check } from '../observation.resource.ts';
import { useShanghaiToday } from '../time/clock.ts';
import { DASH, FEVER_RED } from '../observation-format.ts';
import { todayCounts, todayGrid } from './group-today.ts';

/** A batch or convoy: who is in it, and today's checks of every member in a grid (member × check time). */
export function GroupPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  // Loaded by its id whatever community is picked (a link from anywhere); the frame is told the group's community.
  const group = useGroup(id);
  const communityId = group.data?.id === id ? group.data.communityId : undefined;
  return (
    <ObservationFrame me={me} section="groups" record={{ communityId }}>
      <GroupView key={id} groupId={id} />
    </ObservationFrame>
  );
}

const NO_CHECKS: readonly Check[] = [];

function GroupView({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const group = useGroup(groupId);
  const today = useShanghaiToday();
  const checks = useChecksNow(group.data?.today ?? NO_CHECKS);
  const back = (
    <Link to={link('/observation/groups')}>
      <Button icon={<ArrowLeftOutlined />}>{t('observation-console:groups.back')}</Button>
    </Link>
  );
  if (group.isPending || (group.data && group.data.id !== groupId)) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (group.error) return <Result status="warning" title={group.error.message} extra={back} />;
  const g = group.data;
  const grid = todayGrid(checks);
  const counts = todayCounts(checks);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="group" data-name={g.name}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {g.name}
        </Typography.Title>
        <Tag color={g.kind === 'convoy' ? 'geekblue' : 'cyan'}>{t(`observation:groupKind.${g.kind}`)}</Tag>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'members', label: t('observation-console:groups.members'), children: g.members.length },
          { key: 'employer', label: t('observation-console:field.employer'), children: g.employer ?? DASH },
          { key: 'origin', label: t('observation-console:field.origin'), children: g.origin },
          { key: 'arrivedOn', label: t('observation-console:field.arrivedOn'), children: g.arrivedOn },
          { key: 'transport', label: t('observation-console:field.transport'), children: [t(`observation:transportKind.${g.transportKind}`), g.transportRef].filter(Boolean).join(' ') },
          { key: 'stay', label: t('observation-console:field.stayPlace'), children: g.stayPlace ?? DASH },
          {
            key: 'today',
            label: t('observation-console:groups.todayOn', { day: today }),
            children: (
              <span data-testid="group-today-counts">
                {t('observation-console:plan.checks', { done: counts.done, total: counts.total })}
                {counts.overdue > 0 && <Typography.Text strong style={{ color: FEVER_RED }}> · {t('observation-console:plan.overdue', { count: counts.overdue })}</Typography.Text>}
              </span>
            ),
          },
        ]}
      />
      <Table<ArrivalSummary>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={g.members}
        data-testid="group-grid"
        onRow={(m) => ({ 'data-testid': 'group-member', 'data-name': m.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('observation-console:field.name'), fixed: 'left', render: (_, m) => <Link to={link(`/observation/arrivals/${m.id}`)}>{m.name}</Link> },
          ...(g.kind === 'convoy' ? [{ key: 'plate', title: t('observation-console:groups.plate'), render: (_: unknown, m: ArrivalSummary) => m.transportRef ?? DASH }] : []),
          { key: 'phone', title: t('observation-console:field.phone'), dataIndex: 'phoneMasked' },
          ...grid.columns.map((col) => ({
            key: col.key,
            title: col.kind === 'test' ? `${col.clock} ${t('observation:checkKind.test')}` : col.clock,
            render: (_: unknown, m: ArrivalSummary) => {
              const c = grid.cell(m.id, col.key);
              return c ? <CheckChip check={c} inGrid /> : <Typography.Text type="secondary">{DASH}</Typography.Text>;
            },
          })),
          { key: 'plan', title: t('observation-console:field.plan'), render: (_, m) => <PlanCell plan={m.plan} /> },
          {
            key: 'letter',
            title: t('observation-console:field.letter'),
            render: (_, m) => (m.letterSigned ? <Tag color="green">{t('observation-console:letter.signed')}</Tag> : <Tag>{t('observation-console:letter.notSigned')}</Tag>),
          },
        ]}
      />
    </Space>
  );
}
