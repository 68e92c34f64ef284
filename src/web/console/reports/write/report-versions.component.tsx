import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../../domain/local-date.ts';
import { CorrectionModal } from './correction-modal.component.tsx';
import type { ReportDay } from './report-write.resource.ts';

type Version = ReportDay['versions'][number];

/** A submitted report as it was frozen: its narrative, then every version with its reason, and the way to correct it (a new version). */
export function FrozenReport({ report }: { report: ReportDay }) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  return (
    <>
      <Card
        size="small"
        title={
          <Space>
            <LockOutlined />
            {t('reports-console:frozen.title')}
          </Space>
        }
        extra={
          report.canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)} data-testid="report-correct">
              {t('reports-console:frozen.correct')}
            </Button>
          )
        }
        style={{ marginBottom: 16 }}
        data-testid="report-frozen"
      >
        <Typography.Text type="secondary">{t('reports-console:draft.narrative')}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="report-frozen-narrative">
          {report.narrative}
        </Typography.Paragraph>
      </Card>
      <ReportVersions versions={report.versions} currentId={report.id} />
      {correcting && report.id && <CorrectionModal report={report} onClose={() => setCorrecting(false)} />}
    </>
  );
}

function ReportVersions({ versions, currentId }: { versions: readonly Version[]; currentId: string | null }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('reports-console:versions.title')} style={{ marginBottom: 16 }}>
      <Table<Version>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        onRow={(v) => ({ 'data-testid': 'report-version-row', 'data-version': v.version }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'version',
            title: t('reports-console:versions.version'),
            render: (_, v) => (
              <Space>
                <a href={`/reports/print/${v.id}`} target="_blank" rel="noopener">
                  {t('reports-console:head.version', { version: v.version })}
                </a>
                {v.id === currentId && <Tag color="green">{t('reports-console:versions.current')}</Tag>}
              </Space>
            ),
          },
          { key: 'at', title: t('reports-console:versions.submittedAt'), render: (_, v) => shanghaiDateTime(new Date(v.submittedAt)) },
          { key: 'by', title: t('reports-console:versions.by'), dataIndex: 'submittedByName' },
          { key: 'late', title: t('reports-console:versions.late'), render: (_, v) => (v.late ? <Tag color="red">{t('reports-console:head.late')}</Tag> : t('reports-console:versions.onTime')) },
          { key: 'reason', title: t('reports-console:versions.reason'), render: (_, v) => <span data-testid="report-version-reason">{v.correctionReason ?? '—'}</span> },
        ]}
      />
    </Card>
  );
}
