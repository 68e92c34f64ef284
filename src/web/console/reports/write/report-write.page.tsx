import { Alert, Badge, Card, Empty, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import type { LinkState } from '../../../shared/link-state.ts';
import { useShanghaiToday } from '../../observation/time/clock.ts';
import { ReportChooser } from './report-chooser.component.tsx';
import { ReportDraftForm } from './report-draft-form.component.tsx';
import { ReportFigures } from './report-figures.component.tsx';
import { ReportHead } from './report-head.component.tsx';
import { FrozenReport } from './report-versions.component.tsx';
import { dayNotBegun, defaultTeamId, reportPath, teamsToOffer, writerCommunities, type WriterCommunity } from './report-write-model.ts';
import { useCommunityTeams, useReportDay, writeKeys } from './report-write.resource.ts';
import { SentIssues } from './sent-issues.component.tsx';
import { useLevelStream } from '../../shared/level-stream.ts';
import './report-write.css';

/**
 * /reports/write and /reports/write/<community>/<day>?team=<team>: the daily
 * report of a community or of a work team there. What is not in the link is
 * taken from the user: their community, today in Shanghai, and the community
 * itself for its secretary or the member's own team.
 */
export function ReportWritePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const params = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const today = useShanghaiToday();
  const communities = useMemo(() => writerCommunities(me), [me]);
  const community: WriterCommunity | undefined = communities.find((c) => c.id === params.communityId) ?? (params.communityId ? { id: params.communityId, name: '', asCommunity: true } : communities[0]);
  const day = params.day ?? today;
  const teams = useCommunityTeams(community?.id, day);
  const offered = teamsToOffer(teams.data ?? [], day, { userId: me.id, asCommunity: community?.asCommunity ?? false });
  const teamParam = search.get('team') ?? undefined;
  const teamId = teamParam ?? defaultTeamId(offered, community?.asCommunity ?? false);
  // A member's own team is known only once the teams are read: the community's report is not asked for meanwhile.
  const waitingForTeam = !teamParam && !community?.asCommunity && (teams.isPending || !teamId);
  // A day after today can come only from a link: nothing is written for it, so it is not read either.
  const notBegun = dayNotBegun(day, today);
  const report = useReportDay(community?.id, day, teamId, !waitingForTeam && !notBegun);
  // An answer from the office arrives by itself.
  const live = useLevelStream(community?.id, writeKeys.community(community?.id ?? ''));
  const [dayError, setDayError] = useState<string | null>(null);

  const go = (next: { communityId?: string; day?: string; teamId?: string | null }) => {
    setDayError(null);
    const target = reportPath(next.communityId ?? community!.id, next.day ?? day, next.teamId === undefined ? teamId : next.teamId);
    void navigate(target, { replace: true });
  };

  if (!community) return <Empty description={t('reports-console:choose.noCommunity')} style={{ margin: 48 }} />;
  const data = report.data;
  const key = `${community.id}|${day}|${teamId ?? ''}`;
  return (
    <Card title={t('reports-console:title')} extra={<LiveBadge status={live} />} data-testid="report-write-page">
      <ReportChooser
        communities={communities}
        community={{ ...community, name: community.name || data?.community.name || '' }}
        teams={offered}
        teamsLoading={teams.isPending}
        teamId={teamId}
        day={day}
        today={today}
        dayError={dayError}
        onCommunity={(id) => go({ communityId: id, teamId: null })}
        onTeam={(id) => go({ teamId: id })}
        onDay={(d) => go({ day: d })}
      />
      <div style={{ marginTop: 16 }}>
        {notBegun ? (
          <Alert type="warning" showIcon title={t('server:errors.DAY_NOT_BEGUN', { day })} data-testid="report-day-not-begun" />
        ) : !community.asCommunity && !teams.isPending && !teamId ? (
          <Empty description={t('reports-console:choose.noTeamToday')} data-testid="report-no-team" />
        ) : report.isError ? (
          <Alert type="error" showIcon title={report.error.message} data-testid="report-load-error" />
        ) : !data ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : (
          <div data-testid="report-day-view" data-day={data.day} data-state={data.state}>
            <ReportHead report={data} />
            <ReportFigures report={data} refreshing={report.isFetching} onRefresh={() => void report.refetch()} />
            {data.state === 'submitted' ? (
              <FrozenReport report={data} />
            ) : (
              <Card size="small" title={t('reports-console:draft.title')} style={{ marginBottom: 16 }}>
                <ReportDraftForm key={key} report={data} onDayError={setDayError} onStale={() => void report.refetch()} />
              </Card>
            )}
            {(data.issues.length > 0 || data.state === 'submitted') && <SentIssues issues={data.issues} />}
          </div>
        )}
      </div>
    </Card>
  );
}

/** Whether answers from the office arrive by themselves right now. */
function LiveBadge({ status }: { status: LinkState }) {
  const { t } = useTranslation();
  const color = status === 'live' ? 'green' : status === 'stopped' ? 'red' : 'orange';
  return <Badge color={color} text={t(`reports-console:live.${status}`)} data-testid="report-live" data-status={status} />;
}
