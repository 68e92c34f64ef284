import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Progress, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../../domain/local-date.ts';
import { FIGURE_SECTIONS } from '../figure-sections.ts';
import { coverageShares } from './report-write-model.ts';
import type { ReportDay } from './report-write.resource.ts';

interface Props {
  report: ReportDay;
  refreshing: boolean;
  onRefresh: () => void;
}

/**
 * The day's figures, never typed in: filled from the records until the report
 * is submitted, frozen after. Coverage shares stand above the sections.
 */
export function ReportFigures({ report, refreshing, onRefresh }: Props) {
  const { t } = useTranslation();
  const frozen = report.state === 'submitted';
  const at = shanghaiDateTime(new Date(report.figuresAt));
  return (
    <Card
      size="small"
      title={t('reports-console:figures.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Typography.Text type="secondary" data-testid="report-figures-at">
            {frozen ? t('reports-console:figures.frozenAt', { at }) : t('reports-console:figures.filledAt', { time: at.slice(11) })}
          </Typography.Text>
          {!frozen && (
            <Button size="small" icon={<ReloadOutlined />} loading={refreshing} onClick={onRefresh} data-testid="report-figures-refresh">
              {t('reports-console:figures.refresh')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 12]} style={{ marginBottom: 12 }}>
        {coverageShares(report.figures).map((s) => (
          <Col key={s.key} xs={12} lg={6} data-testid="report-share" data-share={s.key} data-percent={s.percent}>
            <Typography.Text type="secondary">{t(`reports-console:figures.shares.${s.key}`)}</Typography.Text>
            <Progress percent={s.percent} size="small" status={s.whole === 0 ? 'normal' : undefined} format={(p) => (s.whole === 0 ? '—' : `${p}%`)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.part} / {s.whole}
            </Typography.Text>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        {FIGURE_SECTIONS.map((section) => (
          <Col key={section.section} xs={24} md={12} xl={6}>
            <Card type="inner" size="small" title={t(`server:reportSections.${section.section}`)} styles={{ body: { padding: '4px 12px' } }}>
              <table className="report-figure-table" data-testid="report-figure-section" data-section={section.section}>
                <tbody>
                  {section.keys.map((key) => (
                    <tr key={key} data-testid="report-figure" data-key={key}>
                      <td>{t(`server:reportFigures.${key}`)}</td>
                      <td className={key === 'fevers' && report.figures[key] > 0 ? 'report-figure-value report-figure-alarm' : 'report-figure-value'}>{report.figures[key]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
