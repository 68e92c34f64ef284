import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LevelRow } from '../../../../contract/reports.ts';

interface Props {
  total: LevelRow;
  /** The deadline has passed: reports still missing are overdue and shown in red. */
  overdue: boolean;
}

const RED = '#cf1322';

/** The level at a glance: reports in, late, missing, open and flagged issues. */
export function LevelCards({ total, overdue }: Props) {
  const { t } = useTranslation();
  const cards = [
    { key: 'reportsIn', value: total.reportsIn, suffix: `/ ${total.communities}` },
    { key: 'late', value: total.late, color: total.late ? '#d46b08' : undefined },
    { key: overdue ? 'overdue' : 'missing', value: total.missing, color: overdue && total.missing ? RED : undefined },
    { key: 'openIssues', value: total.openIssues },
    { key: 'flaggedIssues', value: total.flaggedIssues, color: total.flaggedIssues ? RED : undefined },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4} flex="1 1 0">
          <Card size="small" data-testid={`level-card-${c.key === 'overdue' ? 'missing' : c.key}`} data-value={c.value}>
            <Statistic title={t(`reports-office:cards.${c.key}`)} value={c.value} suffix={c.suffix} styles={{ content: c.color ? { color: c.color } : {} }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
