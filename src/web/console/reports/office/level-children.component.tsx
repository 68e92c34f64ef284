import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { LevelRow } from '../../../../contract/reports.ts';
import { MAIN_FIGURES } from './office-format.ts';

interface Props {
  rows: LevelRow[];
  total: LevelRow;
  /** Drill down into a unit below (or open a community's report). */
  onOpen: (row: LevelRow) => void;
}

type Count = 'communities' | 'reportsIn' | 'late' | 'missing' | 'openIssues' | 'flaggedIssues';
const COUNTS: readonly Count[] = ['communities', 'reportsIn', 'late', 'missing', 'openIssues', 'flaggedIssues'];
const RED = new Set<Count>(['missing', 'flaggedIssues']);

/** The units below with their reports and main figures, and the level's totals as the last row. */
export function LevelChildren({ rows, total, onOpen }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<LevelRow> = [
    {
      title: t('reports-office:children.name'),
      dataIndex: 'name',
      fixed: 'start',
      render: (name: string, row) => (
        <a onClick={() => onOpen(row)} data-testid="level-child-open">
          {name}
        </a>
      ),
    },
    ...COUNTS.map((k) => ({
      title: t(`reports-office:children.${k}`),
      dataIndex: k,
      align: 'end' as const,
      render: (v: number) => <Typography.Text type={RED.has(k) && v > 0 ? 'danger' : undefined} data-testid={`child-${k}`}>{v}</Typography.Text>,
    })),
    ...MAIN_FIGURES.map((k) => ({
      title: t(`server:reportFigures.${k}`),
      key: k,
      align: 'end' as const,
      render: (_: unknown, row: LevelRow) => <span data-testid={`child-${k}`}>{row.figures[k]}</span>,
    })),
  ];
  return (
    <Table<LevelRow>
      data-testid="level-children"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ 'data-testid': 'level-child', 'data-name': row.name }) as React.HTMLAttributes<HTMLElement>}
      summary={() => (
        <Table.Summary.Row data-testid="level-children-total">
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('reports-office:children.total')}</Typography.Text>
          </Table.Summary.Cell>
          {COUNTS.map((k, i) => (
            <Table.Summary.Cell key={k} index={i + 1} align="end">
              <Typography.Text strong data-testid={`total-${k}`}>{total[k]}</Typography.Text>
            </Table.Summary.Cell>
          ))}
          {MAIN_FIGURES.map((k, i) => (
            <Table.Summary.Cell key={k} index={COUNTS.length + i + 1} align="end">
              <Typography.Text strong data-testid={`total-${k}`}>{total.figures[k]}</Typography.Text>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
