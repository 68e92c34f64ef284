import { AlertOutlined } from '@ant-design/icons';
import { Alert as Banner, App, Result, Skeleton, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import type { Alert } from '../../../../contract/gates.ts';
import { shanghaiHour } from '../../../../domain/local-date.ts';
import { hasPermission } from '../../../shared/session.ts';
import { GatesFrame } from '../gates-frame.component.tsx';
import { temperatureOf, whenOf } from '../gate-format.ts';
import { AlertList } from './alert-list.component.tsx';
import { useLiveGateView } from './live-gate-view.ts';
import { LinkStatus } from './link-status.component.tsx';
import { LiveEntrances } from './live-entrances.component.tsx';
import { LiveTotals } from './live-totals.component.tsx';

/** The live gate view: today at a community's gates, kept up to date by the server as registrations arrive. */
export function GateLivePage({ me }: { me: Me }) {
  return <GatesFrame me={me} section="live">{(communityId) => <LiveBody key={communityId} me={me} communityId={communityId} />}</GatesFrame>;
}

function LiveBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const onAlert = useCallback(
    (a: Alert) =>
      notification.error({
        key: a.id,
        title: t('gate-console:alerts.popTitle', { temperature: temperatureOf(t, a.temperature) }),
        description: t('gate-console:alerts.popText', { place: a.place, name: a.name, when: whenOf(t, a.raisedAt), recorder: a.recordedByName }),
        icon: <AlertOutlined style={{ color: '#cf1322' }} />,
        // A fever waits for someone to see it: the notice stays until closed.
        duration: 0,
        placement: 'topRight',
        style: { borderLeft: '4px solid #cf1322', background: '#fff1f0' },
        props: { 'data-testid': 'alert-pop' },
      }),
    [notification, t],
  );
  const { view, link, refusedStatus, dropAlert } = useLiveGateView(communityId, onAlert);

  if (link === 'stopped' && !view) {
    return <Result status={refusedStatus === 404 ? '404' : '403'} title={t('gate-console:live.refused')} />;
  }
  if (!view) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <LinkStatus link={link} generatedAt={undefined} />
        <Skeleton active paragraph={{ rows: 8 }} />
      </Space>
    );
  }
  const today = view.day;
  const currentHour = shanghaiHour(new Date(view.generatedAt));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="gate-live" data-day={today}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="live-title">
          {t('gate-console:live.title', { community: view.communityName, day: today })}
        </Typography.Title>
        <LinkStatus link={link} generatedAt={view.generatedAt} />
      </div>
      {link === 'reconnecting' && <Banner type="warning" showIcon title={t('gate-console:live.reconnectingBanner')} data-testid="live-reconnecting" />}
      {link === 'stopped' && <Banner type="error" showIcon title={t('gate-console:live.stoppedBanner')} />}
      <LiveTotals totals={view.totals} />
      <AlertList
        alerts={view.alerts}
        canHandle={hasPermission(me, 'gate.alerts')}
        onHandled={(id) => {
          dropAlert(id);
          notification.destroy(id);
        }}
      />
      <LiveEntrances entrances={view.entrances} currentHour={currentHour} />
    </Space>
  );
}
