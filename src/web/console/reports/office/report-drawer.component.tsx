import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue, ReportDay } from '../../../../contract/reports.ts';
import { FIGURE_SECTIONS } from '../figure-sections.ts';
import { IssueAnswerDialog } from './issue-answer-dialog.component.tsx';
import { atShanghai } from './office-format.ts';
import { IssueAnswers, IssueStatusTags } from './issue-answers.component.tsx';
import { useReportDay } from './office.resource.ts';
import { ReportStateTags } from './report-state-tags.component.tsx';
import './office.css';

export interface ReportTarget {
  communityId: string;
  day: string;
  teamId: string | null;
  /** Shown in the title while the report loads. */
  name: string;
}

/** A community's report of the day, read-only for the office: figures, narrative, versions, and the issues with their answers. */
export function ReportDrawer({ target, onClose }: { target: ReportTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReportDay(target);
  const [answering, setAnswering] = useState<Issue | null>(null);
  const data = report.data;
  const current = answering && data ? (data.issues.find((i) => i.id === answering.id) ?? answering) : answering;
  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={760}
      title={target ? t('reports-office:report.title', { name: data?.team ? `${data.community.name} · ${data.team.name}` : target.name, day: target.day }) : ''}
      extra={data?.id && data.state === 'submitted' ? <a href={`/reports/print/${data.id}`} target="_blank" rel="noreferrer" data-testid="report-print">{t('reports-office:report.print')}</a> : null}
    >
      {report.isPending && target && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {report.isError && <Alert type="error" showIcon title={report.error.message} />}
      {data && <ReportBody report={data} onAnswer={setAnswering} />}
      <IssueAnswerDialog issue={current} onClose={() => setAnswering(null)} />
    </Drawer>
  );
}

function ReportBody({ report, onAnswer }: { report: ReportDay; onAnswer: (i: Issue) => void }) {
  const { t } = useTranslation();
  const latest = report.versions.find((v) => v.id === report.id) ?? report.versions[0];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-drawer" data-state={report.state}>
      <Space wrap>
        <ReportStateTags row={{ state: report.state, late: latest?.late ?? false, overdue: report.state !== 'submitted' && Date.parse(report.deadlineAt) <= Date.now() }} />
        {latest && <Typography.Text type="secondary">{t('reports-office:report.submittedBy', { name: latest.submittedByName, at: atShanghai(latest.submittedAt), version: latest.version })}</Typography.Text>}
        <Typography.Text type="secondary">{t('reports-office:report.deadline', { at: atShanghai(report.deadlineAt) })}</Typography.Text>
      </Space>
      {report.state !== 'submitted' && <Alert type="warning" showIcon title={t('reports-office:report.notSubmitted', { at: atShanghai(report.figuresAt) })} />}
      {FIGURE_SECTIONS.map((s) => (
        <Descriptions key={s.section} size="small" bordered column={3} title={t(`server:reportSections.${s.section}`)}>
          {s.keys.map((k) => (
            <Descriptions.Item key={k} label={t(`server:reportFigures.${k}`)}>
              <span data-testid={`report-figure-${k}`}>{report.figures[k]}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      ))}
      <div>
        <Typography.Title level={5}>{t('reports-office:report.narrative')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="report-narrative">
          {report.narrative || <Typography.Text type="secondary">{t('reports-office:report.noNarrative')}</Typography.Text>}
        </Typography.Paragraph>
      </div>
      {report.versions.length > 1 && (
        <div>
          <Typography.Title level={5}>{t('reports-office:report.versions')}</Typography.Title>
          {report.versions.map((v) => (
            <div key={v.id}>
              v{v.version} · {atShanghai(v.submittedAt)} · {v.submittedByName}
              {v.late && <Tag color="orange" style={{ marginLeft: 8 }}>{t('reports-office:state.late')}</Tag>}
              {v.correctionReason && <Typography.Text type="secondary"> · {t('reports-office:report.correction', { reason: v.correctionReason })}</Typography.Text>}
            </div>
          ))}
        </div>
      )}
      <div>
        <Typography.Title level={5}>{t('reports-office:report.issues', { office: report.sendsTo.name })}</Typography.Title>
        {report.issues.length === 0 ? (
          <Empty description={t('reports-office:report.noIssues')} />
        ) : (
          report.issues.map((i) => (
            <div key={i.id} className="office-report-issue" data-testid="report-issue" data-text={i.text}>
              <Space orientation="vertical" size={4}>
                <Space wrap>
                  <Tag>{t(`server:issueKinds.${i.kind}`)}</Tag>
                  <Typography.Text type="secondary">{t(`server:issueTopics.${i.topic}`)}</Typography.Text>
                  <IssueStatusTags issue={i} />
                </Space>
                <div>{i.text}</div>
                <IssueAnswers issue={i} />
              </Space>
              {i.canAnswer && (
                <Button size="small" onClick={() => onAnswer(i)} data-testid="report-issue-answer">
                  {t('reports-office:issues.answer')}
                </Button>
              )}
            </div>
          ))
        )}
      </div>
    </Space>
  );
}
