import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardRow } from '../../../contract/reports.ts';
import { figureValue, isAlarming, PERCENT_SHARES, type DashFigure } from './dashboard-figures.ts';
import { EChart } from './echart.component.tsx';
import type { ChartOption } from './echarts-setup.ts';

interface Props {
  rows: readonly DashboardRow[];
  figure: DashFigure;
  /** A unit's bar clicked: its dashboard opens. */
  onOpen: (row: DashboardRow) => void;
}

/** The selected figure for each unit below, in the table's order; a bar opens that unit's dashboard. */
export function UnitsChart({ rows, figure, onOpen }: Props) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const percent = PERCENT_SHARES.includes(figure);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (percent ? `${String(v)}%` : String(v)) },
      grid: { left: 40, right: 12, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, ...(percent ? { max: 100 } : {}) },
      series: [
        {
          type: 'bar',
          name: t(`dashboard:figures.${figure}`),
          barMaxWidth: 48,
          data: rows.map((r) => {
            const value = figureValue(r, figure);
            return { value, itemStyle: { color: isAlarming(figure, value) ? '#cf1322' : '#1d5fa8' } };
          }),
        },
      ],
    };
  }, [rows, figure, t]);
  return (
    <Card size="small" title={t('dashboard:charts.byUnit', { figure: t(`dashboard:figures.${figure}`) })}>
      <EChart option={option} height={220} testId="chart-units" onPick={(i) => rows[i] && onOpen(rows[i])} />
    </Card>
  );
}
