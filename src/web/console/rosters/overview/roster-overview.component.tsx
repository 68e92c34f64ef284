import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { UnitTreeSelect } from '../../shared/unit-tree-select.component.tsx';
import { overviewUnit, useRosterScope } from '../roster-scope.ts';
import { useRosterOverview, type Overview } from '../rosters.resource.ts';
import { WeekPicker } from '../week-picker.component.tsx';

type Row = Overview[number];

/**
 * The street's (or district's) communities for a week: checkpoints, duties,
 * shifts short of people and checkpoints unstaffed right now. Each opens the
 * community's own week, read directly, with no export needed.
 */
export function RosterOverviewPanel({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { monday, unitId, set, search } = useRosterScope(me);
  const single = overviewUnit(me);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-overview">
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <WeekPicker monday={monday} onChange={(m) => set({ monday: m })} />
        {!single && (
          <UnitTreeSelect value={unitId} allowClear={false} placeholder={t('teams-console:rosters.overview.pickUnit')} style={{ width: 240 }} onChange={(id) => set({ unitId: id })} />
        )}
        {single && (
          <Tag color="blue" style={{ fontSize: 14, padding: '2px 10px' }}>
            {single.name}
          </Tag>
        )}
        <Typography.Text type="secondary">{t('teams-console:rosters.overview.hint')}</Typography.Text>
      </div>
      {unitId ? <OverviewTable unitId={unitId} monday={monday} openSearch={(communityId) => search({ communityId, monday })} /> : <Empty description={t('teams-console:rosters.overview.noUnit')} style={{ margin: '48px 0' }} />}
    </Space>
  );
}

function OverviewTable({ unitId, monday, openSearch }: { unitId: string; monday: string; openSearch: (communityId: string) => string }) {
  const { t } = useTranslation();
  const overview = useRosterOverview(unitId, monday);
  const rows = overview.data ?? [];
  const red = (n: number, testId: string) => (
    <Typography.Text strong={n > 0} type={n > 0 ? 'danger' : undefined} data-testid={testId} data-value={n}>
      {n}
    </Typography.Text>
  );
  return (
    <>
      {overview.isError && <Alert type="error" showIcon title={overview.error.message} />}
      <Table<Row>
        size="middle"
        rowKey="communityId"
        loading={overview.isPending}
        dataSource={rows}
        pagination={false}
        style={{ opacity: overview.isPlaceholderData ? 0.6 : 1 }}
        data-fresh={String(!overview.isPlaceholderData && !overview.isPending)}
        locale={{ emptyText: <Empty description={t('teams-console:rosters.overview.none')} /> }}
        onRow={(r) => ({ 'data-testid': 'roster-overview-row', 'data-community': r.communityName, 'data-checkpoints': r.checkpoints, 'data-gaps': r.gaps }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'community', title: t('teams-console:rosters.overview.columns.community'), render: (_, r) => <Link to={`/rosters${openSearch(r.communityId)}`}>{r.communityName}</Link> },
          { key: 'checkpoints', title: t('teams-console:rosters.overview.columns.checkpoints'), align: 'right', render: (_, r) => r.checkpoints },
          { key: 'duties', title: t('teams-console:rosters.overview.columns.duties'), align: 'right', render: (_, r) => r.duties },
          { key: 'gaps', title: t('teams-console:rosters.overview.columns.gaps'), align: 'right', render: (_, r) => red(r.gaps, 'roster-overview-gaps') },
          { key: 'unstaffed', title: t('teams-console:rosters.overview.columns.unstaffedNow'), align: 'right', render: (_, r) => red(r.unstaffedNow, 'roster-overview-unstaffed') },
          {
            key: 'open',
            width: 140,
            render: (_, r) => (
              <Link to={`/rosters${openSearch(r.communityId)}`} data-testid="roster-overview-open">
                <Button size="small" icon={<RightOutlined />} iconPlacement="end">
                  {t('teams-console:rosters.overview.open')}
                </Button>
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
