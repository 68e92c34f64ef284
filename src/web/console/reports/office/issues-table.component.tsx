import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../../contract/reports.ts';
import { atShanghai, groupable } from './office-format.ts';
import { IssueAnswers, IssueStatusTags } from './issue-answers.component.tsx';
import './office.css';

interface Props {
  issues: Issue[];
  loading: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onAnswer: (issue: Issue) => void;
}

/** The inbox's rows: who raised what on which day, its status (red when waiting too long), and its answers when opened. */
export function IssuesTable({ issues, loading, selected, onSelect, onAnswer }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<Issue> = [
    {
      title: t('reports-office:issues.community'),
      key: 'community',
      render: (_, i) => (
        <div>
          <div>{i.communityName}</div>
          {i.teamName && <Typography.Text type="secondary">{i.teamName}</Typography.Text>}
        </div>
      ),
    },
    { title: t('reports-office:issues.day'), dataIndex: 'day', className: 'office-nowrap' },
    { title: t('reports-office:issues.kind'), key: 'kind', render: (_, i) => <Tag color={i.kind === 'issue' ? 'volcano' : 'purple'}>{t(`server:issueKinds.${i.kind}`)}</Tag> },
    { title: t('reports-office:issues.topic'), key: 'topic', render: (_, i) => t(`server:issueTopics.${i.topic}`) },
    {
      title: t('reports-office:issues.text'),
      key: 'text',
      render: (_, i) => (
        <div style={{ maxWidth: 420 }}>
          <div data-testid="issue-text">{i.text}</div>
          {i.group && <Tag color="blue" data-testid="issue-group">{t('reports-office:issues.inGroup', { title: i.group.title })}</Tag>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports-office:issues.sentTo', { office: i.to.name })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('reports-office:issues.status'), key: 'status', render: (_, i) => <IssueStatusTags issue={i} /> },
    { title: t('reports-office:issues.sentAt'), dataIndex: 'sentAt', className: 'office-nowrap', render: (v: string) => atShanghai(v) },
    {
      title: t('reports-office:issues.actions'),
      key: 'actions',
      render: (_, i) =>
        i.canAnswer ? (
          <Button size="small" type={i.status === 'open' ? 'primary' : 'default'} danger={i.flagged} onClick={() => onAnswer(i)} data-testid="issue-answer-open">
            {i.status === 'open' ? t('reports-office:issues.answer') : t('reports-office:issues.answerAgain')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table<Issue>
      data-testid="issues-table"
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={issues}
      pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as string[]),
        getCheckboxProps: (i) => ({ disabled: !groupable(i), 'data-testid': 'issue-select' }) as object,
        hideSelectAll: !issues.some(groupable),
      }}
      expandable={{
        expandedRowRender: (i) => (
          <Space orientation="vertical" style={{ paddingLeft: 8 }}>
            <IssueAnswers issue={i} />
          </Space>
        ),
        rowExpandable: () => true,
      }}
      onRow={(i) => ({ 'data-testid': 'issue-row', 'data-id': i.id, 'data-text': i.text, 'data-status': i.status, 'data-flagged': i.flagged, style: i.flagged ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
