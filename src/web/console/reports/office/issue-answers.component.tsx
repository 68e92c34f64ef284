import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../../contract/reports.ts';
import { atShanghai, issueStatusColor } from './office-format.ts';

/** An issue's answers, newest first: status, measure or reason, who answered for which office, and the group it was answered in. */
export function IssueAnswers({ issue }: { issue: Issue }) {
  const { t } = useTranslation();
  if (issue.answers.length === 0) {
    return (
      <Typography.Text type={issue.flagged ? 'danger' : 'secondary'} data-testid="issue-no-answer">
        {issue.flagged ? t('reports-office:answers.flagged', { at: atShanghai(issue.flagAt) }) : t('reports-office:answers.none', { at: atShanghai(issue.flagAt) })}
      </Typography.Text>
    );
  }
  return (
    <Timeline
      data-testid="issue-answers"
      items={issue.answers.map((a, i) => ({
        key: i,
        color: issueStatusColor(a.status, false) === 'default' ? 'gray' : 'green',
        content: (
          <div data-testid="issue-answer" data-status={a.status}>
            <Tag color={issueStatusColor(a.status, false)}>{t(`server:issueStatuses.${a.status}`)}</Tag>
            {a.groupTitle && <Tag data-testid="issue-answer-group">{t('reports-office:answers.group', { title: a.groupTitle })}</Tag>}
            <Typography.Text type="secondary">
              {t('reports-office:answers.by', { office: a.officeName, name: a.byName, at: atShanghai(a.at) })}
            </Typography.Text>
            {a.measure && <div data-testid="issue-answer-measure">{t('reports-office:answers.measure', { text: a.measure })}</div>}
            {a.reason && <div data-testid="issue-answer-reason">{t('reports-office:answers.reason', { text: a.reason })}</div>}
          </div>
        ),
      }))}
    />
  );
}

/** The status of an issue as a tag, and a red one when it waits past its time. */
export function IssueStatusTags({ issue }: { issue: Pick<Issue, 'status' | 'flagged'> }) {
  const { t } = useTranslation();
  return (
    <span data-testid="issue-status" data-status={issue.status} data-flagged={issue.flagged}>
      <Tag color={issueStatusColor(issue.status, issue.flagged)}>{t(`server:issueStatuses.${issue.status}`)}</Tag>
      {issue.flagged && <Tag color="red">{t('reports-office:issues.flagged')}</Tag>}
    </span>
  );
}
