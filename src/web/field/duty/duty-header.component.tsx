import { useQueryClient } from '@tanstack/react-query';
import { Button, NavBar, NoticeBar, Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import type { OutboxChannel } from '../offline/outbox-channel.ts';
import type { OutboxRecord } from '../offline/outbox-store.ts';

export type DutyTab = 'shifts' | 'tasks';
const PATHS: Record<DutyTab, string> = { shifts: '/duty', tasks: '/duty/tasks' };

/** The top of both duty pages: back home, and the two tabs (my shifts, today's tasks) as big as a thumb. */
export function DutyHeader({ tab }: { tab: DutyTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const back = () => (location.key === 'default' ? navigate('/') : navigate(-1));
  return (
    <>
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('teams-field:duty.title')}
      </NavBar>
      <Tabs activeKey={tab} onChange={(key) => void navigate(PATHS[key as DutyTab], { replace: true })} className="duty-tabs">
        <Tabs.Tab key="shifts" title={<span data-testid="duty-tab-shifts">{t('teams-field:duty.tabs.shifts')}</span>} />
        <Tabs.Tab key="tasks" title={<span data-testid="duty-tab-tasks">{t('teams-field:duty.tabs.tasks')}</span>} />
      </Tabs>
    </>
  );
}

/**
 * What of this page's work is still on the phone: waiting to be sent (and
 * why it does not go, when the network is there and it still does not), or
 * refused. A button sends it now: the user may know the signal is back
 * before the phone does.
 */
export function OutboxLine({ channel, items, testId }: { channel: OutboxChannel; items: readonly OutboxRecord[]; testId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const online = useOnline();
  const sync = channel.useSyncState();
  const waiting = items.filter((i) => i.status === 'waiting').length;
  const refused = items.length - waiting;
  if (items.length === 0) return null;
  const stuck = online && waiting > 0 && sync.lastError !== null;
  const text = [
    waiting > 0 ? t(online ? 'teams-field:outbox.waiting' : 'teams-field:outbox.waitingOffline', { count: waiting }) : null,
    refused > 0 ? t('teams-field:outbox.refused', { count: refused }) : null,
    stuck ? t('field:outbox.lastError', { message: sync.lastError }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="duty-outbox-line" data-testid={testId} data-waiting={waiting} data-refused={refused} data-stuck={stuck}>
      <NoticeBar color={refused > 0 || stuck ? 'error' : 'info'} wrap content={text} />
      {waiting > 0 && (
        <Button size="middle" color="primary" fill="outline" loading={sync.running} onClick={() => {
            if (me.data) void channel.sync(client, me.data.id);
          }} data-testid={`${testId}-send`}>
          {t('field:outbox.sendNow')}
        </Button>
      )}
    </div>
  );
}
