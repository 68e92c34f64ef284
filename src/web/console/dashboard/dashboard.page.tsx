import { Alert, Card, Result, Skeleton, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { Dashboard, DashboardRow } from '../../../contract/reports.ts';
import { shanghaiHour } from '../../../domain/local-date.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { hasPermission } from '../../shared/session.ts';
import { useShanghaiToday } from '../observation/time/clock.ts';
import { DashboardCards } from './dashboard-cards.component.tsx';
import { DEFAULT_FIGURE, isDashFigure, sortByFigure, type DashFigure } from './dashboard-figures.ts';
import { dashboardPath, figureLink, isOffice, type FigureLink, type LinkContext } from './dashboard-links.ts';
import { dashboardKeys, useDashboard } from './dashboard.resource.ts';
import { useLevelStream } from '../shared/level-stream.ts';
import { DayPicker } from '../shared/day-picker.component.tsx';
import { useUrlParams } from '../../shared/url-params.ts';
import { HourCharts } from './hour-charts.component.tsx';
import { LiveStatus } from './live-status.component.tsx';
import { UnitCrumbs } from './unit-crumbs.component.tsx';
import { UnitsChart } from './units-chart.component.tsx';
import { UnitsTable } from './units-table.component.tsx';
import './dashboard.css';

/**
 * Today at a glance for a unit (`/dashboard/:orgId`, else the user's own), or
 * a past day (`?day=`); an office's selected figure (`?figure=`) sorts the
 * table of units below. Kept live by the server's stream of changes.
 */
export function DashboardPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { orgId } = useParams();
  const [params, set] = useUrlParams({ replace: true });
  const today = useShanghaiToday();
  const dayParam = params.get('day');
  // A day in the future has no figures yet: today instead.
  const day = dayParam && dayParam < today ? dayParam : today;
  const dashboard = useDashboard(orgId, day);
  const data = dashboard.data;
  const link = useLevelStream(orgId ?? data?.unit.id, dashboardKeys.all);
  const tableRef = useRef<HTMLDivElement>(null);

  if (!data) {
    if (dashboard.error) {
      const status = dashboard.error instanceof ApiRequestError ? dashboard.error.status : 0;
      return <Result status={status === 404 ? '404' : status === 403 ? '403' : 'error'} title={t('dashboard:refused')} subTitle={dashboard.error.message} />;
    }
    return (
      <Card title={t('dashboard:nav')}>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const office = isOffice(data.unit.kind);
  const figureParam = params.get('figure');
  const selected: DashFigure = isDashFigure(figureParam) ? figureParam : DEFAULT_FIGURE;
  const shownDay = day === today ? undefined : day;
  const ctx = (unit: { id: string; kind: string }): LinkContext => ({ unit, day, today, can: (p) => hasPermission(me, p) });
  // The unit below opens on the same day with the same figure selected.
  const openUnit = (row: DashboardRow) => void navigate(dashboardPath(row.id, { day: shownDay, figure: figureParam ?? undefined }));
  // Below an office, a unit's number opens that unit's dashboard with the figure selected, down to the communities' own
  // lists; a community's list the user may not open (the register, a past day's live view) leaves its dashboard.
  const rowLink = (row: DashboardRow, figure: DashFigure): FigureLink => {
    const found = figureLink(figure, ctx(row));
    return !found || found.kind === 'select' ? { kind: 'page', to: dashboardPath(row.id, { day: shownDay, figure }) } : found;
  };
  const select = (figure: DashFigure) => {
    set({ figure });
    tableRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const sorted = office ? sortByFigure(data.children, selected) : [];

  return (
    <Card
      title={<DashboardTitle dashboard={data} today={today} />}
      extra={
        <Space wrap size={16}>
          <LiveStatus link={link} at={data.at} />
          <DayPicker day={day} today={today} onDay={(d) => set({ day: d === today ? undefined : d })} testId="dash-day" pastOnly />
        </Space>
      }
      data-testid="dashboard"
      data-unit={data.unit.id}
      data-kind={data.unit.kind}
      data-day={data.day}
      data-loading={dashboard.isPlaceholderData || dashboard.isFetching ? 'true' : 'false'}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <UnitCrumbs me={me} unit={data.unit} day={shownDay} />
        {link === 'reconnecting' && <Alert type="warning" showIcon title={t('dashboard:reconnecting')} data-testid="dash-reconnecting" />}
        {link === 'stopped' && <Alert type="error" showIcon title={t('dashboard:stopped')} />}
        {dashboard.error && <Alert type="error" showIcon title={dashboard.error.message} />}
        <DashboardCards total={data.total} linkOf={(f) => figureLink(f, ctx(data.unit))} selected={office ? selected : undefined} onSelect={select} />
        <HourCharts dashboard={data} upToHour={data.day === today ? shanghaiHour(new Date(data.at)) : 23} />
        {office && (
          <div ref={tableRef} style={{ display: 'flex', flexDirection: 'column', gap: 12, scrollMarginTop: 72 }}>
            <UnitsChart rows={sorted} figure={selected} onOpen={openUnit} />
            <UnitsTable rows={sorted} total={data.total} figure={selected} linkOf={rowLink} onFigure={(f) => set({ figure: f })} onOpen={openUnit} />
          </div>
        )}
      </Space>
    </Card>
  );
}

function DashboardTitle({ dashboard, today }: { dashboard: Dashboard; today: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Title level={4} style={{ margin: 0 }} data-testid="dash-title">
      {dashboard.day === today ? t('dashboard:titleToday', { unit: dashboard.unit.name }) : t('dashboard:titleDay', { unit: dashboard.unit.name, day: dashboard.day })}
    </Typography.Title>
  );
}
