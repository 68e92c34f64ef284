import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, NavBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { shortTime } from '../ledger/format.ts';
import { useOnline } from '../offline/connectivity.ts';
import { OutboxLists } from '../offline/outbox-lists.component.tsx';
import { removeOutboxItems, useMyOutbox, type OutboxItem } from '../offline/outbox.ts';
import { syncOutbox, useSyncState } from '../offline/outbox-sync.ts';
import { outboxSummary } from './outbox-summary.ts';
import { VisitStatusTag } from './visit-status-tag.component.tsx';
import './screening.css';

/**
 * The visits on this phone the server does not have yet: waiting (they go by
 * themselves once online) and refused (with the server's reason: correct and
 * send again, or discard after a confirmation).
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const client = useQueryClient();
  const online = useOnline();
  const sync = useSyncState();
  const { loaded, failed, items } = useMyOutbox();
  const waiting = items.filter((i) => i.status === 'waiting');
  const refused = items.filter((i) => i.status === 'refused');
  const back = () => (location.key === 'default' ? navigate('/screening') : navigate(-1));

  const sendNow = () => {
    // Tried even when the phone thinks it is offline: the user may know better (and a success says so).
    if (me.data) void syncOutbox(client, me.data.id);
  };

  return (
    <div className="field-page">
      <NavBar onBack={back} back={t('field:common.back')}>
        {t('field:outbox.title')}
      </NavBar>
      <section className="field-outbox-head" data-testid="outbox-head">
        <p data-testid="outbox-summary">
          {items.length === 0 ? t('field:outbox.empty') : outboxSummary(t, waiting.length, refused.length)}
        </p>
        {waiting.length > 0 && <p className="field-muted">{online ? t('field:outbox.willSend') : t('field:outbox.offlineHint')}</p>}
        {sync.lastError && waiting.length > 0 && (
          <p className="field-error" data-testid="sync-error">
            {t('field:outbox.lastError', { message: sync.lastError })}
          </p>
        )}
        {sync.lastSyncedAt && <p className="field-muted">{t('field:outbox.lastSynced', { time: shortTime(sync.lastSyncedAt) })}</p>}
        {waiting.length > 0 && (
          <Button block color="primary" size="large" onClick={sendNow} loading={sync.running} data-testid="sync-now">
            {t('field:outbox.sendNow')}
          </Button>
        )}
      </section>
      <OutboxLists loaded={loaded} failed={failed} failedHint={t('field:outbox.storageFailedHint')} refused={refused} waiting={waiting} testId="outbox"
        row={(i) => <OutboxRow key={i.id} item={i} />} />
    </div>
  );
}

function OutboxRow({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { visit } = item;
  const discard = async () => {
    const sure = await Dialog.confirm({
      title: t('field:outbox.discardTitle'),
      content: t('field:outbox.discardConfirm', { address: item.label.address }),
      confirmText: <span className="field-danger-text">{t('field:outbox.discard')}</span>,
      cancelText: t('common:cancel'),
    });
    if (!sure) return;
    await removeOutboxItems([item.id]).catch(() => Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') }));
  };
  const summary =
    visit.outcome === 'nobody_home'
      ? t('field:screening.nobodyHome')
      : [
          t('field:outbox.present', { count: visit.presentIds.length }),
          ...(visit.health.fever ? [t('field:screening.fever')] : []),
          ...(visit.health.cough ? [t('field:screening.cough')] : []),
          ...(visit.arrivals.length > 0 ? [t('field:outbox.arrivals', { count: visit.arrivals.length })] : []),
        ].join(' · ');

  return (
    <List.Item
      data-testid="outbox-item"
      data-status={item.status}
      data-household={visit.householdId}
      extra={<VisitStatusTag status={item.status} />}
      onClick={() => navigate(`/households/${visit.householdId}`)}
      description={
        <div className="field-outbox-detail">
          <div>
            {item.label.groupName} · {item.label.roundName} · {shortTime(visit.visitedAt)}
          </div>
          <div>{summary}</div>
          {item.refusal && (
            <div className="field-error" data-testid="refusal-message">
              {item.refusal.message}
            </div>
          )}
          {item.status === 'refused' && (
            <div className="field-outbox-actions" onClick={(e) => e.stopPropagation()}>
              <Button size="middle" color="primary" onClick={() => navigate(`/outbox/${item.id}`)} data-testid="outbox-fix">
                {t('field:outbox.fix')}
              </Button>
              <Button size="middle" color="danger" fill="outline" onClick={() => void discard()} data-testid="outbox-discard">
                {t('field:outbox.discard')}
              </Button>
            </div>
          )}
        </div>
      }
    >
      <strong>{item.label.address}</strong>
    </List.Item>
  );
}
