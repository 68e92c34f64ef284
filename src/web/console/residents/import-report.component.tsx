import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../contract/ledger.ts';

type Problem = ImportReport['problems'][number];

/** The counts of a check or of an import: what is (or would be) new, updated, unchanged, and the rows with problems. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'created', value: report.created, color: '#1d5fa8' },
    { key: 'updated', value: report.updated, color: '#1d5fa8' },
    { key: 'unchanged', value: report.unchanged, color: undefined },
    { key: 'invalidRows', value: report.invalidRows, color: report.invalidRows ? '#cf1322' : undefined },
    { key: 'newHouseholds', value: report.newHouseholds, color: undefined },
  ] as const;
  return (
    <Row gutter={[12, 12]} data-testid="import-summary">
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={8} xl={4}>
          <Card size="small" data-testid={`import-summary-${f.key}`}>
            <Statistic
              title={t(report.written ? `ledger:import.done.${f.key}` : `ledger:import.summary.${f.key}`)}
              value={f.value}
              styles={{ content: { color: f.color } }}
            />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={4}>
        <Card size="small" data-testid="import-summary-rows">
          <Statistic title={t('ledger:import.summary.rows')} value={report.rows} />
        </Card>
      </Col>
    </Row>
  );
}

/** Every problem on its row and column, in the sheet's own words, so it can be fixed in Excel. */
export function ImportProblems({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  return (
    <Table<Problem>
      size="small"
      rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
      dataSource={[...problems].sort((a, b) => a.row - b.row)}
      pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="import-problems"
      onRow={() => ({ 'data-testid': 'import-problem-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'row', title: t('ledger:import.problem.row'), dataIndex: 'row', width: 90 },
        { key: 'column', title: t('ledger:import.problem.column'), dataIndex: 'column', width: 140 },
        { key: 'message', title: t('ledger:import.problem.message'), dataIndex: 'message' },
      ]}
    />
  );
}
