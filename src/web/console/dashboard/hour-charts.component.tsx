import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../contract/reports.ts';
import { hourSeries } from './dashboard-figures.ts';
import { EChart } from './echart.component.tsx';
import type { ChartOption } from './echarts-setup.ts';

const BLUE = '#1d5fa8';
const ORANGE = '#fa8c16';
const RED = '#cf1322';
const GRID = { left: 36, right: 12, top: 36, bottom: 28 };

/** The day hour by hour: passages let through and turned back (bars), and fevers (a line). */
export function HourCharts({ dashboard, upToHour }: { dashboard: Dashboard; upToHour: number }) {
  const { t } = useTranslation();
  const { passages, fevers } = useMemo(() => {
    const series = hourSeries(dashboard, upToHour);
    const hours = series.hours.map((h) => t('dashboard:charts.hour', { hour: h }));
    const passages: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0 },
      grid: GRID,
      xAxis: { type: 'category', data: hours },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', stack: 'passages', name: t('dashboard:charts.letThrough'), data: series.passages, itemStyle: { color: BLUE } },
        { type: 'bar', stack: 'passages', name: t('dashboard:charts.refused'), data: series.refused, itemStyle: { color: ORANGE } },
      ],
    };
    const fevers: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: GRID,
      xAxis: { type: 'category', data: hours, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: t('dashboard:charts.fevers'), data: series.fevers, showSymbol: false, itemStyle: { color: RED }, lineStyle: { color: RED }, areaStyle: { color: 'rgba(207,19,34,0.08)' } },
      ],
    };
    return { passages, fevers };
  }, [dashboard, upToHour, t]);

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('dashboard:charts.passagesTitle')}>
          <EChart option={passages} height={240} testId="chart-passages" />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('dashboard:charts.feversTitle')}>
          <EChart option={fevers} height={240} testId="chart-fevers" />
        </Card>
      </Col>
    </Row>
  );
}
