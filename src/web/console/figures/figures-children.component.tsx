import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_ORDER, categoryCount, difference, formatCount, sumFigures, type FigureChild, type Figures } from './figures-format.ts';

interface Props {
  rows: readonly FigureChild[];
  /** The unit's own total: a row "elsewhere" makes up any difference, so the total row is the unit's. */
  total: Figures;
  onOpen: (unitId: string) => void;
}

interface Row {
  key: string;
  name: string;
  kind: string | null;
  figures: Figures;
}

const OTHER = 'other';

/** The children of a unit with their figures; a row opens that child. The last row adds them up. */
export function FiguresChildren({ rows, total, onOpen }: Props) {
  const { t } = useTranslation();
  // A group is the smallest unit counted: its households belong to no child.
  if (rows.length === 0) return <Typography.Text type="secondary" data-testid="figures-no-children">{t('screening:figures.children.none')}</Typography.Text>;
  const data: Row[] = rows.map((c) => ({ key: c.id, name: c.name, kind: c.kind, figures: c.figures }));
  // People still filed under a dissolved group count in the unit but in none of its current children.
  const rest = difference(total, sumFigures(rows.map((r) => r.figures)));
  if (rest) data.push({ key: OTHER, name: t('screening:figures.children.other'), kind: null, figures: rest });
  const sum = sumFigures(data.map((r) => r.figures));
  // Children of one kind (a community's groups) need no tag on every row: the title names the kind.
  const mixed = new Set(rows.map((r) => r.kind)).size > 1;

  const num = (title: string, value: (f: Figures) => number): ColumnsType<Row>[number] => ({
    key: title,
    title,
    align: 'right',
    render: (_, r) => formatCount(value(r.figures)),
  });

  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: t('screening:figures.children.name'),
      fixed: 'start',
      render: (_, r) =>
        r.kind ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Link>{r.name}</Typography.Link>
            {mixed && <Tag style={{ marginInlineStart: 8 }}>{t(`server:orgKinds.${r.kind}`)}</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">{r.name}</Typography.Text>
        ),
    },
    num(t('screening:figures.children.groups'), (f) => f.groups),
    num(t('screening:figures.children.households'), (f) => f.households),
    num(t('screening:figures.children.residents'), (f) => f.residents),
    ...CATEGORY_ORDER.map((c) => num(t(`server:categories.${c}`), (f) => categoryCount(f, c))),
  ];

  return (
    <Table<Row>
      data-testid="figures-children"
      rowKey="key"
      size="middle"
      pagination={false}
      dataSource={data}
      columns={columns}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('screening:figures.children.none') }}
      onRow={(r) =>
        ({
          ...(r.kind ? { onClick: () => onOpen(r.key), style: { cursor: 'pointer' } } : {}),
          'data-testid': r.kind ? 'figures-child-row' : 'figures-other-row',
        }) as HTMLAttributes<HTMLElement>
      }
      summary={() =>
        data.length > 0 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="figures-children-total" style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t('screening:figures.children.total')}</Table.Summary.Cell>
              {[sum.groups, sum.households, sum.residents, ...CATEGORY_ORDER.map((c) => categoryCount(sum, c))].map((v, i) => (
                <Table.Summary.Cell key={i} index={i + 1} align="right">
                  {formatCount(v)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : undefined
      }
    />
  );
}
