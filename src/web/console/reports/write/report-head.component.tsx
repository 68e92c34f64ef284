import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../../domain/local-date.ts';
import { stateColor } from './report-write-model.ts';
import { reportWorkbookUrl, type ReportDay } from './report-write.resource.ts';

/** What a report is at a glance: its state and version, the deadline and the rule it must meet, where its issues go; print and export once submitted. */
export function ReportHead({ report }: { report: ReportDay }) {
  const { t } = useTranslation();
  const current = report.versions.find((v) => v.id === report.id);
  const overdue = report.state !== 'submitted' && Date.parse(report.deadlineAt) < Date.now();
  const setBy = report.rules.setBy;
  const rule = setBy
    ? t('reports-console:head.ruleText', { count: report.rules.minIssues, office: setBy.name })
    : t('reports-console:head.ruleDefault', { count: report.rules.minIssues });
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          <Tag color={stateColor(report.state)} data-testid="report-state" data-state={report.state}>
            {t(`reports-console:state.${report.state}`)}
          </Tag>
          {report.version !== null && report.state === 'submitted' && (
            <Tag data-testid="report-version" data-version={report.version}>
              {t('reports-console:head.version', { version: report.version })}
            </Tag>
          )}
          {current?.late && (
            <Tag color="red" data-testid="report-late">
              {t('reports-console:head.late')}
            </Tag>
          )}
          {overdue && (
            <Tag color="red" data-testid="report-overdue">
              {t('reports-console:head.overdue')}
            </Tag>
          )}
        </Space>
      }
      extra={
        report.state === 'submitted' && report.id ? (
          <Space>
            <Button icon={<PrinterOutlined />} href={`/reports/print/${report.id}`} target="_blank" rel="noopener" data-testid="report-print">
              {t('reports-console:head.print')}
            </Button>
            <Button icon={<DownloadOutlined />} href={reportWorkbookUrl(report.id)} data-testid="report-export">
              {t('reports-console:head.export')}
            </Button>
          </Space>
        ) : null
      }
      items={[
        { key: 'deadline', label: t('reports-console:head.deadline'), children: <span data-testid="report-deadline">{shanghaiDateTime(new Date(report.deadlineAt))}</span> },
        {
          key: 'rule',
          label: t('reports-console:head.rule'),
          children: <span data-testid="report-rule">{rule}</span>,
        },
        { key: 'sendsTo', label: t('reports-console:head.sendsTo'), children: <span data-testid="report-sends-to">{report.sendsTo.name}</span> },
        ...(current
          ? [{ key: 'submitted', label: t('reports-console:head.submitted'), children: t('reports-console:head.submittedBy', { at: shanghaiDateTime(new Date(current.submittedAt)), name: current.submittedByName }) }]
          : []),
      ]}
    />
  );
}
