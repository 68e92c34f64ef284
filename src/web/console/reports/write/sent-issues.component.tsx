import { WarningFilled } from '@ant-design/icons';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Issue, IssueStatus } from '../../../../contract/reports.ts';
import { shanghaiDateTime } from '../../../../domain/local-date.ts';
import { issuesInOrder } from './report-write-model.ts';

const STATUS_COLORS: Record<IssueStatus, string> = { open: 'default', accepted: 'blue', in_progress: 'processing', done: 'green', declined: 'volcano' };

const when = (at: string) => shanghaiDateTime(new Date(at));

/** The issues sent with the report and what the office answered; one flagged (unanswered past its time) is marked red, first. */
export function SentIssues({ issues }: { issues: readonly Issue[] }) {
  const { t } = useTranslation();
  const flagged = issues.filter((i) => i.flagged).length;
  return (
    <Card
      size="small"
      title={t('reports-console:sent.title', { count: issues.length })}
      extra={
        flagged > 0 && (
          <Tag color="red" icon={<WarningFilled />} data-testid="report-flagged-count">
            {t('reports-console:sent.flaggedCount', { count: flagged })}
          </Tag>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="report-sent-issues"
    >
      {issues.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports-console:sent.none')} />
      ) : (
        issuesInOrder(issues).map((issue) => <SentIssue key={issue.id} issue={issue} />)
      )}
    </Card>
  );
}

function SentIssue({ issue }: { issue: Issue }) {
  const { t } = useTranslation();
  return (
    <div className={issue.flagged ? 'report-issue report-issue-flagged' : 'report-issue'} data-testid="report-sent-issue" data-issue-id={issue.id} data-status={issue.status} data-flagged={issue.flagged}>
      <Space wrap size={6} style={{ marginBottom: 4 }}>
        <Tag color={issue.kind === 'issue' ? 'orange' : 'cyan'}>{t(`server:issueKinds.${issue.kind}`)}</Tag>
        <Tag>{t(`server:issueTopics.${issue.topic}`)}</Tag>
        <Tag color={STATUS_COLORS[issue.status]} data-testid="report-issue-status">
          {t(`server:issueStatuses.${issue.status}`)}
        </Tag>
        {issue.flagged && (
          <Tag color="red" icon={<WarningFilled />} data-testid="report-issue-flagged">
            {t('reports-console:sent.flagged', { at: when(issue.flagAt) })}
          </Tag>
        )}
        {issue.group && <Tag color="purple">{t('reports-console:sent.group', { title: issue.group.title })}</Tag>}
      </Space>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="report-issue-text">
        {issue.text}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reports-console:sent.sentTo', { office: issue.to.name, at: when(issue.sentAt) })}
        {issue.teamName ? ` · ${issue.teamName}` : ''}
      </Typography.Text>
      {issue.answers.map((a, n) => (
        <div key={`${a.at}-${n}`} className={n === 0 ? 'report-answer' : 'report-answer report-answer-old'} data-testid="report-issue-answer">
          <Space wrap size={6}>
            <Tag color={STATUS_COLORS[a.status]}>{t(`server:issueStatuses.${a.status}`)}</Tag>
            <Typography.Text strong>{a.status === 'declined' ? t('reports-console:sent.reason') : t('reports-console:sent.measure')}</Typography.Text>
            <Typography.Text data-testid="report-answer-text">{a.status === 'declined' ? a.reason : a.measure}</Typography.Text>
          </Space>
          <div className="report-answer-by">
            {t('reports-console:sent.answeredBy', { office: a.officeName, name: a.byName, at: when(a.at) })}
            {a.groupTitle ? ` · ${t('reports-console:sent.answeredForGroup', { title: a.groupTitle })}` : ''}
          </div>
        </div>
      ))}
      {issue.answers.length === 0 && !issue.flagged && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('reports-console:sent.awaiting', { at: when(issue.flagAt) })}
        </Typography.Text>
      )}
    </div>
  );
}
