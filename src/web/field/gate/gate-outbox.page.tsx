import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { OutboxLists } from '../offline/outbox-lists.component.tsx';
import { removeOutboxItems } from '../offline/outbox-store.ts';
import { shortTime } from '../ledger/format.ts';
import { passageChannel, patrolChannel, useGateOutbox, type GateItem } from './gate-outbox.ts';
import './gate.css';

/**
 * Gate registrations and patrol rounds on this phone the server does not have
 * yet: waiting (they go by themselves once online) and refused, with the
 * server's reason (a visitor's registration can be corrected; anything can be
 * discarded after a confirmation).
 */
export function GateOutboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const client = useQueryClient();
  const online = useOnline();
  const passages = passageChannel.useSyncState();
  const rounds = patrolChannel.useSyncState();
  const { loaded, failed, items } = useGateOutbox();
  const waiting = items.filter((i) => i.status === 'waiting');
  const refused = items.filter((i) => i.status === 'refused');
  const running = passages.running || rounds.running;
  const lastError = passages.lastError ?? rounds.lastError;
  const back = () => (location.key === 'default' ? navigate('/gate') : navigate(-1));

  const sendNow = () => {
    // Tried even when the phone thinks it is offline: the user may know better (and a success says so).
    if (!me.data) return;
    void passageChannel.sync(client, me.data.id);
    void patrolChannel.sync(client, me.data.id);
  };

  return (
    <div className="field-page" data-testid="gate-outbox">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('gate-field:outbox.title')}
      </NavBar>
      <section className="field-outbox-head" data-testid="gate-outbox-head">
        <p data-testid="gate-outbox-summary">
          {items.length === 0
            ? t('gate-field:outbox.allSent')
            : [waiting.length > 0 ? t('gate-field:outbox.waiting', { count: waiting.length }) : null, refused.length > 0 ? t('gate-field:outbox.refused', { count: refused.length }) : null]
                .filter(Boolean)
                .join(' · ')}
        </p>
        {waiting.length > 0 && <p className="field-muted">{online ? t('field:outbox.willSend') : t('gate-field:outbox.offlineHint')}</p>}
        {lastError && waiting.length > 0 && (
          <p className="field-error" data-testid="gate-sync-error">
            {t('field:outbox.lastError', { message: lastError })}
          </p>
        )}
        {waiting.length > 0 && (
          <Button block color="primary" size="large" onClick={sendNow} loading={running} data-testid="gate-sync-now">
            {t('field:outbox.sendNow')}
          </Button>
        )}
      </section>
      <OutboxLists loaded={loaded} failed={failed} failedHint={t('gate-field:outbox.storageFailedHint')} refused={refused} waiting={waiting} testId="gate-outbox"
        row={(i) => <GateOutboxRow key={i.id} item={i} />} />
    </div>
  );
}

function GateOutboxRow({ item }: { item: GateItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = item.channel === 'passage' ? item.label.name : t('gate-field:patrol.roundOf', { zone: item.label.zoneName });
  const lines =
    item.channel === 'passage'
      ? [
          [t(`gates:kinds.${item.passage.kind}`), t(`gates:directions.${item.passage.direction}`), item.label.entranceName, shortTime(item.passage.at)].join(' · '),
          [item.label.detail, item.passage.temperature === undefined ? null : `${item.passage.temperature.toFixed(1)} ${t('gates:temperatureUnit')}`].filter(Boolean).join(' · '),
        ]
      : [
          [item.label.groupName, shortTime(item.round.startedAt)].join(' · '),
          t('gate-field:patrol.summary', { checked: item.round.readings.length + (item.round.checkedWithoutReading ?? 0), masks: item.round.remindersMasks, gatherings: item.round.remindersGatherings }),
        ];
  // A visitor's details can be corrected; a refusal of the entrance or the time cannot be fixed on this phone, only discarded.
  const fixable = item.status === 'refused' && item.channel === 'passage' && item.passage.kind === 'visitor' && !['entranceId', 'at', 'id'].includes(item.refusal?.field ?? '');

  const discard = async () => {
    const sure = await Dialog.confirm({
      title: t('gate-field:outbox.discardTitle'),
      content: t('gate-field:outbox.discardConfirm', { name: title }),
      confirmText: <span className="field-danger-text">{t('field:outbox.discard')}</span>,
      cancelText: t('common:cancel'),
    });
    if (!sure) return;
    await removeOutboxItems([item.id]).catch(() => Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') }));
  };

  return (
    <List.Item
      data-testid="gate-outbox-item"
      data-status={item.status}
      data-channel={item.channel}
      data-kind={item.channel === 'passage' ? item.passage.kind : 'patrol'}
      extra={
        <Tag color={item.status === 'refused' ? 'danger' : 'warning'} className="field-status-tag">
          {t(`gate-field:outbox.status.${item.status}`)}
        </Tag>
      }
      description={
        <div className="field-outbox-detail">
          {lines.filter(Boolean).map((line, n) => (
            <div key={n}>{line}</div>
          ))}
          {item.refusal && (
            <div className="field-error" data-testid="gate-refusal-message">
              {item.refusal.message}
            </div>
          )}
          {item.status === 'refused' && (
            <div className="field-outbox-actions">
              {fixable && (
                <Button size="middle" color="primary" onClick={() => void navigate(`/gate/outbox/${item.id}`)} data-testid="gate-outbox-fix">
                  {t('field:outbox.fix')}
                </Button>
              )}
              <Button size="middle" color="danger" fill="outline" onClick={() => void discard()} data-testid="gate-outbox-discard">
                {t('field:outbox.discard')}
              </Button>
            </div>
          )}
        </div>
      }
    >
      <strong>{title}</strong>
    </List.Item>
  );
}
