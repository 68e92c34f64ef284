import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DashboardRow } from '../../../contract/reports.ts';
import { formatCount } from '../figures/figures-format.ts';
import { figureText, figureValue, isAlarming, SHARES, tableFigures, type DashFigure } from './dashboard-figures.ts';
import type { FigureLink } from './dashboard-links.ts';
import { FigureNumber } from './figure-number.component.tsx';

interface Props {
  rows: readonly DashboardRow[];
  total: DashboardRow;
  figure: DashFigure;
  /** Where a unit's number leads: a community's list, or the unit's own dashboard with the figure selected. */
  linkOf: (row: DashboardRow, figure: DashFigure) => FigureLink;
  onFigure: (figure: DashFigure) => void;
  onOpen: (row: DashboardRow) => void;
}

/**
 * The units below with their figures, sorted by the figure selected (its
 * column marked): a row opens that unit's dashboard, a number the list
 * behind it, and a column's title selects that figure instead.
 */
export function UnitsTable({ rows, total, figure, linkOf, onFigure, onOpen }: Props) {
  const { t } = useTranslation();
  const figures = tableFigures(figure);
  const cell = (row: DashboardRow, f: DashFigure) => {
    const value = figureValue(row, f);
    const { text } = figureText(row, f, formatCount);
    const red = isAlarming(f, value);
    return (
      <span onClick={(e) => e.stopPropagation()}>
        <FigureNumber link={linkOf(row, f)} testId={`unit-${f}`} value={value} style={red ? { color: '#cf1322', fontWeight: 700 } : undefined}>
          {text}
        </FigureNumber>
      </span>
    );
  };
  return (
    <Table<DashboardRow>
      data-testid="dash-units"
      rowKey="id"
      size="small"
      dataSource={rows as DashboardRow[]}
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('dashboard:units.none') }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' }, 'data-testid': 'dash-unit', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'name',
          title: t('dashboard:units.name'),
          render: (_, r) => (
            <Link to={`/dashboard/${r.id}`} onClick={(e) => { e.preventDefault(); e.stopPropagation(); onOpen(r); }} data-testid="dash-unit-name">
              {r.name}
            </Link>
          ),
        },
        ...figures.map((f) => ({
          key: f,
          align: 'right' as const,
          className: f === figure ? 'dash-selected' : undefined,
          title: (
            <a onClick={() => onFigure(f)} data-testid={`dash-column-${f}`} data-selected={f === figure} style={{ color: 'inherit' }}>
              {t(`dashboard:figures.${f}`)}
              {f === figure && (f in SHARES ? ' ▴' : ' ▾')}
            </a>
          ),
          render: (_: unknown, r: DashboardRow) => cell(r, f),
        })),
      ]}
      summary={() => (
        <Table.Summary.Row data-testid="dash-units-total">
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('dashboard:units.total')}</Typography.Text>
          </Table.Summary.Cell>
          {figures.map((f, i) => (
            <Table.Summary.Cell key={f} index={i + 1} align="right" className={f === figure ? 'dash-selected' : undefined}>
              <Typography.Text strong data-testid={`total-${f}`} data-value={figureValue(total, f)}>
                {figureText(total, f, formatCount).text}
              </Typography.Text>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
