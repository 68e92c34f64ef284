import { Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CommunityReportRow } from '../../../../contract/reports.ts';
import { atShanghai, communityTotals, reportRowKey } from './office-format.ts';
import { ReportStateTags } from './report-state-tags.component.tsx';

interface Props {
  rows: CommunityReportRow[];
  /** Above a street the communities are listed with the unit they are under. */
  showParent: boolean;
  onOpen: (row: CommunityReportRow) => void;
}

/** Every report expected of the level's communities (and their work teams) that day, with its state. */
export function LevelCommunities({ rows, showParent, onOpen }: Props) {
  const { t } = useTranslation();
  const total = communityTotals(rows);
  const columns: ColumnsType<CommunityReportRow> = [
    ...(showParent ? [{ title: t('reports-office:communities.parent'), dataIndex: 'parentName' }] : []),
    {
      title: t('reports-office:communities.name'),
      key: 'name',
      render: (_, r) => (
        <a onClick={() => onOpen(r)} data-testid="community-open">
          {r.name}
        </a>
      ),
    },
    { title: t('reports-office:communities.team'), dataIndex: 'teamName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('reports-office:communities.ownReport')}</Typography.Text> },
    { title: t('reports-office:communities.state'), key: 'state', render: (_, r) => <ReportStateTags row={r} /> },
    { title: t('reports-office:communities.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null, r) => (v ? `${atShanghai(v)}${r.version && r.version > 1 ? ` · v${r.version}` : ''}` : '') },
    {
      title: t('reports-office:communities.issues'),
      key: 'issues',
      render: (_, r) => (
        <Space size={4} data-testid="community-issues">
          <span>{r.issues}</span>
          {r.openIssues > 0 && <Typography.Text type="secondary">{t('reports-office:communities.openCount', { count: r.openIssues })}</Typography.Text>}
          {r.flaggedIssues > 0 && <Typography.Text type="danger">{t('reports-office:communities.flaggedCount', { count: r.flaggedIssues })}</Typography.Text>}
        </Space>
      ),
    },
  ];
  return (
    <Table<CommunityReportRow>
      data-testid="level-communities"
      rowKey={reportRowKey}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(r) => ({ 'data-testid': 'community-row', 'data-name': r.name, 'data-team': r.teamName ?? '', 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>}
      footer={() => (
        <Typography.Text type="secondary" data-testid="communities-summary">
          {t('reports-office:communities.summary', { reportsIn: total.reportsIn, expected: total.communities, late: total.late, open: total.openIssues, flagged: total.flaggedIssues })}
        </Typography.Text>
      )}
    />
  );
}
