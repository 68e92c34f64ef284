import { useQueryClient } from '@tanstack/react-query';
import { Button, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { OutboxLists } from '../offline/outbox-lists.component.tsx';
import { dayTimeOf, degrees, dueTimeOf } from './observation-format.ts';
import { useDiscardReading } from './reading-discard.tsx';
import { isFixable, readingChannel, useReadingOutbox, type ReadingItem } from './reading-outbox.ts';
import '../screening/screening.css';
import './observation.css';

/**
 * Readings on this phone the server does not have yet (/observation/outbox):
 * waiting (sent by themselves once online) and refused with the server's
 * reason. Either can be corrected on the check's page or discarded; a
 * waiting one only while no upload runs (once sent, it is the server's).
 */
export function ReadingOutboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const client = useQueryClient();
  const online = useOnline();
  const sync = readingChannel.useSyncState();
  const { loaded, failed, items } = useReadingOutbox();
  const waiting = items.filter((i) => i.status === 'waiting');
  const refused = items.filter((i) => i.status === 'refused');
  const back = () => (location.key === 'default' ? navigate('/observation/checks') : navigate(-1));
  const sendNow = () => {
    // Tried even when the phone thinks it is offline: the user may know better.
    if (me.data) void readingChannel.sync(client, me.data.id);
  };

  return (
    <div className="field-page" data-testid="obs-outbox">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:outbox.title')}
      </NavBar>
      <section className="field-outbox-head">
        <p data-testid="obs-outbox-summary">
          {items.length === 0
            ? t('observation-field:outbox.allSent')
            : [waiting.length > 0 ? t('observation-field:outbox.waiting', { count: waiting.length }) : null, refused.length > 0 ? t('observation-field:outbox.refused', { count: refused.length }) : null]
                .filter(Boolean)
                .join(' · ')}
        </p>
        {waiting.length > 0 && <p className="field-muted">{online ? t('field:outbox.willSend') : t('observation-field:outbox.offlineHint')}</p>}
        {sync.lastError && waiting.length > 0 && (
          <p className="field-error" data-testid="obs-sync-error">
            {t('field:outbox.lastError', { message: sync.lastError })}
          </p>
        )}
        {waiting.length > 0 && (
          <Button block color="primary" size="large" onClick={sendNow} loading={sync.running} data-testid="obs-sync-now">
            {t('field:outbox.sendNow')}
          </Button>
        )}
      </section>
      <OutboxLists
        loaded={loaded}
        failed={failed}
        failedHint={t('observation-field:outbox.storageFailedHint')}
        refused={refused}
        waiting={waiting}
        testId="obs-outbox"
        row={(i) => <ReadingRow key={i.id} item={i} />}
      />
    </div>
  );
}

function ReadingRow({ item }: { item: ReadingItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sync = readingChannel.useSyncState();
  const discardReading = useDiscardReading();
  const r = item.reading;
  const value = r.temperature !== undefined ? `${degrees(r.temperature)} ${t('gates:temperatureUnit')}` : r.testResult ? t(`observation:testResult.${r.testResult}`) : '';
  // A waiting reading is the phone's until an upload takes it: a typo (38.5 for 36.5) is corrected before it raises an alert.
  const waiting = item.status === 'waiting';
  const fixable = waiting || isFixable(item);
  const locked = waiting && sync.running;
  return (
    <List.Item
      data-testid="obs-outbox-item"
      data-status={item.status}
      data-name={item.label.name}
      data-code={item.refusal?.code}
      extra={
        <Tag color={item.status === 'refused' ? 'danger' : 'warning'} className="field-status-tag">
          {t(`observation-field:checks.state.${item.status}`)}
        </Tag>
      }
      description={
        <div className="field-outbox-detail">
          <div>
            {[t(`observation:checkKind.${item.label.kind}`), t('observation-field:checks.dueAt', { time: dueTimeOf(item.label.dueAt) }), value].filter(Boolean).join(' · ')}
          </div>
          <div>{t('observation-field:outbox.takenAt', { time: dayTimeOf(r.at) })}</div>
          {item.refusal && (
            <div className="field-error" data-testid="obs-refusal-message">
              {item.refusal.message}
            </div>
          )}
          <div className="field-outbox-actions">
            {fixable && (
              <Button
                size="middle"
                color="primary"
                fill={waiting ? 'outline' : 'solid'}
                disabled={locked}
                onClick={() => void navigate(`/observation/checks/${r.checkId}${waiting ? '?edit=1' : ''}`)}
                data-testid="obs-outbox-fix"
              >
                {t('field:outbox.fix')}
              </Button>
            )}
            <Button size="middle" color="danger" fill="outline" disabled={locked} onClick={() => void discardReading(item)} data-testid="obs-outbox-discard">
              {t('field:outbox.discard')}
            </Button>
          </div>
        </div>
      }
    >
      <strong>{item.label.name}</strong>
    </List.Item>
  );
}
