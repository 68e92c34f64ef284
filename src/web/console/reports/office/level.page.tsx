import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import type { CommunityReportRow, LevelRow } from '../../../../contract/reports.ts';
import { query } from '../../../shared/api.ts';
import { hasPermission } from '../../../shared/session.ts';
import { useNow, useShanghaiToday } from '../../observation/time/clock.ts';
import { UnitTreeSelect } from '../../shared/unit-tree-select.component.tsx';
import { LevelCards } from './level-cards.component.tsx';
import { LevelChildren } from './level-children.component.tsx';
import { LevelCommunities } from './level-communities.component.tsx';
import { DayPicker } from '../../shared/day-picker.component.tsx';
import { atShanghai, highestUnit, pastDeadline } from './office-format.ts';
import { OfficeNav } from './office-nav.component.tsx';
import { OfficeRule } from './office-rule.component.tsx';
import { levelExportUrl, useLevel, officeKeys } from './office.resource.ts';
import { useLevelStream } from '../../shared/level-stream.ts';
import { UnitBreadcrumb } from '../../shared/unit-breadcrumb.component.tsx';
import { ReportDrawer, type ReportTarget } from './report-drawer.component.tsx';

/**
 * A level's day: who reported, who is late or missing, the issues waiting,
 * and the figures of each unit below with the totals, live as reports arrive.
 * The unit and the day are in the address, so "a street on 26 November" is a link.
 */
export function LevelPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { orgId: routeOrg } = useParams();
  const [params] = useSearchParams();
  const today = useShanghaiToday();
  const day = params.get('day') ?? today;
  const orgId = routeOrg ?? highestUnit(me)?.id;
  const level = useLevel(orgId, day);
  const data = level.data;
  const unitId = orgId ?? data?.unit.id;
  const live = useLevelStream(unitId, officeKeys.all);
  const now = useNow(data ? [data.deadlineAt] : []);
  const [target, setTarget] = useState<ReportTarget | null>(null);

  const go = (id: string | undefined, nextDay = day) => navigate(`/reports${id ? `/${id}` : ''}${query({ day: nextDay === today ? undefined : nextDay })}`);
  const openCommunity = (r: Pick<CommunityReportRow, 'id' | 'name' | 'teamId'>) => setTarget({ communityId: r.id, teamId: r.teamId, day, name: r.name });
  const openChild = (row: LevelRow) => {
    if (row.kind !== 'community') return go(row.id);
    openCommunity(data?.communities.find((c) => c.id === row.id && !c.teamId) ?? { id: row.id, name: row.name, teamId: null });
  };
  const unitKind = data?.unit.kind;
  const childKinds = [...new Set(data?.children.map((c) => c.kind))];
  const printUrl = unitId ? `/reports/level/print${query({ orgId: unitId, day })}` : undefined;

  return (
    <Card
      title={<OfficeNav current="level" orgId={unitId} live={live} />}
      extra={
        <Space wrap>
          <UnitTreeSelect value={unitId} onChange={(v) => go(v)} allowClear={false} placeholder={t('reports-office:unit')} style={{ width: 220 }} />
          <DayPicker day={day} today={today} onDay={(d) => go(routeOrg, d)} testId="level-day" pastOnly />
          <Button icon={<DownloadOutlined />} href={unitId ? levelExportUrl(unitId, day) : undefined} disabled={!data} data-testid="level-export">
            {t('reports-office:level.export')}
          </Button>
          <Link to={printUrl ?? '#'}>
            <Button icon={<PrinterOutlined />} disabled={!data} data-testid="level-print">
              {t('reports-office:level.print')}
            </Button>
          </Link>
        </Space>
      }
    >
      {level.isError && <Alert type="error" showIcon title={level.error.message} style={{ marginBottom: 16 }} />}
      {!data && level.isPending && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {data && (
        <Space
          orientation="vertical"
          size={20}
          style={{ width: '100%', opacity: level.isPlaceholderData ? 0.6 : 1 }}
          data-testid="level-page"
          data-unit={data.unit.name}
          data-day={data.day}
          data-loaded={level.isPlaceholderData ? '' : 'yes'}
        >
          <div>
            <UnitBreadcrumb me={me} unit={data.unit} permission="report.read" onOpen={(id) => go(id)} testId="level" />
            <Typography.Title level={4} style={{ margin: '12px 0 4px' }} data-testid="level-title">
              {t('reports-office:level.title', { name: data.unit.name, day: data.day })}
            </Typography.Title>
            <Space wrap size={16}>
              <Typography.Text type={pastDeadline(data.deadlineAt, now) ? 'danger' : 'secondary'} data-testid="level-deadline">
                {t(pastDeadline(data.deadlineAt, now) ? 'reports-office:level.deadlinePassed' : 'reports-office:level.deadline', { at: atShanghai(data.deadlineAt) })}
              </Typography.Text>
              <OfficeRule unit={data.unit} canEdit={hasPermission(me, 'report.manage') && unitKind !== 'community'} />
            </Space>
          </div>
          <LevelCards total={data.total} overdue={pastDeadline(data.deadlineAt, now)} />
          {data.children.length > 0 && (
            <div>
              <Typography.Title level={5}>
                {t('reports-office:children.title')}
                {childKinds.length === 1 && <Typography.Text type="secondary"> · {t(`server:orgKinds.${childKinds[0]}`)}</Typography.Text>}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                {t('reports-office:children.reportedFigures')}
              </Typography.Paragraph>
              <LevelChildren rows={data.children} total={data.total} onOpen={openChild} />
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('reports-office:communities.title')}</Typography.Title>
            <LevelCommunities rows={data.communities} showParent={unitKind !== 'street' && unitKind !== 'community'} onOpen={openCommunity} />
          </div>
        </Space>
      )}
      <ReportDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
