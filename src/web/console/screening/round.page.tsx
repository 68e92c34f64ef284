import { ArrowLeftOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Progress, Result, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { hasPermission } from '../../shared/session.ts';
import { formatCount } from '../figures/figures-format.ts';
import { DayReport } from './day-report.component.tsx';
import { registeredTotal } from './day-report.ts';
import { GroupCoverage } from './group-coverage.component.tsx';
import { RoundStatus } from './round-progress.component.tsx';
import { percent, useCloseRound, useCoverage, useVisits, type CoverageAnswer } from './screening.resource.ts';
import { UnvisitedList } from './unvisited-list.component.tsx';
import { VisitsList } from './visits-list.component.tsx';
import { WorkerCoverage } from './worker-coverage.component.tsx';

/**
 * One screening round as the secretary follows it from the desk: coverage by
 * group, worker and day, the households still to see and the latest visits.
 * While the round is open it reads itself again every 30 s.
 */
export function RoundPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const groupId = params.get('groupId') ?? undefined;
  const coverage = useCoverage(id);
  const live = Boolean(coverage.data && !coverage.data.round.closed);
  const visits = useVisits(id, undefined, live);
  const [feverOnly, setFeverOnly] = useState(false);

  if (coverage.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (coverage.isError) {
    return <Result status={coverage.error instanceof ApiRequestError && coverage.error.status === 404 ? '404' : 'error'} title={coverage.error.message} extra={<Link to="/screening">{t('screening:round.back')}</Link>} />;
  }
  const c = coverage.data;
  const selectGroup = (g: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (g) next.set('groupId', g); else next.delete('groupId');
        return next;
      },
      { replace: true },
    );
  const selectedName = c.byGroup.find((g) => g.groupId === groupId)?.groupName;
  const feverVisits = (visits.data ?? []).filter((v) => v.health?.fever).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RoundHeader me={me} coverage={c} updatedAt={coverage.dataUpdatedAt} refreshing={coverage.isFetching} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('screening:round.groups.title')} extra={<Typography.Text type="secondary">{t('screening:round.groups.hint')}</Typography.Text>}>
            <GroupCoverage rows={c.byGroup} selected={groupId} onSelect={selectGroup} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('screening:round.unvisited.title')}
            extra={
              selectedName && (
                <Tag closable color="blue" onClose={() => selectGroup(undefined)} data-testid="unvisited-filter">
                  {selectedName}
                </Tag>
              )
            }
          >
            <UnvisitedList roundId={id} groupId={groupId} live={live} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('screening:round.day.title')}>
            <DayReport rows={c.byDay} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('screening:round.workers.title')}>
            <WorkerCoverage rows={c.byWorker} />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t('screening:round.visits.title')}
            extra={
              feverVisits > 0 && (
                <Tag.CheckableTag
                  checked={feverOnly}
                  onChange={setFeverOnly}
                  data-testid="visits-fever-only"
                  style={{ border: '1px solid #ffa39e', color: feverOnly ? '#fff' : '#cf1322', background: feverOnly ? '#cf1322' : '#fff1f0' }}
                >
                  {t('screening:round.visits.feverCount', { count: feverVisits })}
                </Tag.CheckableTag>
              )
            }
          >
            {visits.isError && <Alert type="error" showIcon title={visits.error.message} style={{ marginBottom: 8 }} />}
            <VisitsList visits={(visits.data ?? []).filter((v) => !feverOnly || v.health?.fever)} loading={visits.isPending} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function RoundHeader({ me, coverage, updatedAt, refreshing }: { me: Me; coverage: CoverageAnswer; updatedAt: number; refreshing: boolean }) {
  const { t } = useTranslation();
  const r = coverage.round;
  const nobodyHome = coverage.byGroup.reduce((n, g) => n + g.nobodyHome, 0);
  const registered = coverage.byDay.reduce((n, d) => n + registeredTotal(d), 0);
  const fevers = coverage.byDay.reduce((n, d) => n + d.fevers, 0);
  const p = percent(r.visited, r.households);
  return (
    <Card
      data-testid="round-header"
      title={
        <Space size={12} wrap>
          <Link to="/screening" aria-label={t('screening:round.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span>{r.name}</span>
          <RoundStatus closed={r.closed} />
        </Space>
      }
      extra={
        <Space size={12}>
          {!r.closed && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <SyncOutlined spin={refreshing} /> {t('screening:round.liveHint', { time: dayjs(updatedAt).format('HH:mm:ss') })}
            </Typography.Text>
          )}
          {!r.closed && hasPermission(me, 'ledger.manage') && <CloseRoundButton id={r.id} name={r.name} />}
        </Space>
      }
    >
      <Row gutter={[24, 16]} align="middle">
        <Col flex="none">
          <Progress type="circle" percent={p} size={108} status={p >= 100 ? 'success' : 'normal'} data-testid="round-progress" />
        </Col>
        <Col flex="auto">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {t('screening:round.about', {
              community: r.communityName,
              dates: r.endsOn ? t('screening:rounds.dateRange', { from: r.startsOn, to: r.endsOn }) : t('screening:rounds.dateFrom', { from: r.startsOn }),
              groups: t('screening:rounds.groupCount', { count: r.groups.length }),
            })}
          </Typography.Paragraph>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 16 }}>
            <Statistic title={t('screening:round.stat.visited')} value={r.visited} formatter={(v) => formatCount(Number(v))} suffix={<small>/ {formatCount(r.households)}</small>} />
            <Statistic title={t('screening:round.stat.remaining')} value={r.households - r.visited} formatter={(v) => formatCount(Number(v))} />
            <Statistic title={t('screening:round.stat.nobodyHome')} value={nobodyHome} formatter={(v) => formatCount(Number(v))} />
            <Statistic title={t('screening:round.stat.registered')} value={registered} formatter={(v) => formatCount(Number(v))} />
            <Statistic title={t('screening:round.stat.fevers')} value={fevers} formatter={(v) => formatCount(Number(v))} styles={{ content: fevers > 0 ? { color: '#cf1322' } : {} }} />
          </div>
        </Col>
      </Row>
    </Card>
  );
}

function CloseRoundButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const close = useCloseRound(id);
  return (
    <Button
      danger
      icon={<StopOutlined />}
      loading={close.isPending}
      data-testid="round-close"
      onClick={() =>
        void modal.confirm({
          title: t('screening:close.title', { name }),
          content: t('screening:close.text'),
          okText: t('screening:close.ok'),
          okButtonProps: { danger: true },
          cancelText: t('common:cancel'),
          onOk: () =>
            close.mutateAsync().then(
              () => void message.success(t('screening:close.done')),
              (e: Error) => void message.error(e.message),
            ),
        })
      }
    >
      {t('screening:close.button')}
    </Button>
  );
}
