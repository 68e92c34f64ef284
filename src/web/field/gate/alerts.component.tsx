import { Button, Popup, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../contract/gates.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { hourMinute } from './gate-format.ts';
import { useHandleAlert } from './live-gate.resource.ts';

/**
 * Open fever alerts for the community's lead: a red band that cannot be
 * missed, each alert with who, how hot, where and when, and "handled" with a
 * note of what was done. A new alert makes the phone vibrate.
 */
export function AlertsBanner({ alerts }: { alerts: readonly Alert[] }) {
  const { t } = useTranslation();
  const [handling, setHandling] = useState<Alert | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const open = alerts.filter((a) => !hidden.has(a.id));
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const fresh = open.some((a) => !seen.current.has(a.id));
    for (const a of open) seen.current.add(a.id);
    if (fresh) navigator.vibrate?.([250, 120, 250]);
  }, [open]);

  if (open.length === 0) return null;
  return (
    <section className="gate-alerts" data-testid="alerts" aria-live="assertive">
      <h2 className="gate-alerts-title">{t('gate-field:alerts.title', { count: open.length })}</h2>
      <ul className="gate-alerts-list">
        {open.map((a) => (
          <li key={a.id} className="gate-alert" data-testid="alert" data-alert={a.id} data-name={a.name}>
            <div className="gate-alert-text">
              <strong>
                {a.name} <span className="gate-alert-temp">{a.temperature.toFixed(1)} {t('gates:temperatureUnit')}</span>
              </strong>
              <span>{t('gate-field:alerts.where', { place: a.place, time: hourMinute(a.raisedAt), by: a.recordedByName })}</span>
            </div>
            <Button size="middle" className="gate-alert-handle" onClick={() => setHandling(a)} data-testid="alert-handle">
              {t('gate-field:alerts.handle')}
            </Button>
          </li>
        ))}
      </ul>
      <HandleSheet alert={handling} onClose={() => setHandling(null)} onHandled={(id) => setHidden((s) => new Set([...s, id]))} />
    </section>
  );
}

function HandleSheet({ alert, onClose, onHandled }: { alert: Alert | null; onClose: () => void; onHandled: (id: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const handle = useHandleAlert();
  const submit = () => {
    if (!alert || !note.trim()) return;
    handle.mutate(
      { id: alert.id, note: note.trim() },
      {
        onSuccess: () => {
          onHandled(alert.id);
          setNote('');
          onClose();
          Toast.show({ icon: 'success', content: t('gate-field:alerts.handled') });
        },
        onError: (e) => {
          // Already handled by someone else: it goes from the list all the same.
          if (e instanceof ApiRequestError && e.code === 'ALERT_HANDLED') {
            onHandled(alert.id);
            onClose();
          }
          Toast.show({ icon: 'fail', content: e.message });
        },
      },
    );
  };
  return (
    <Popup visible={alert !== null} onMaskClick={onClose} bodyClassName="gate-sheet" destroyOnClose>
      {alert && (
        <div className="gate-sheet-body" data-testid="alert-sheet">
          <h2>{t('gate-field:alerts.handleTitle', { name: alert.name, value: alert.temperature.toFixed(1) })}</h2>
          <p className="field-muted">{t('gate-field:alerts.handleHint')}</p>
          <TextArea
            className="field-input field-textarea"
            placeholder={t('gate-field:alerts.notePlaceholder')}
            value={note}
            onChange={setNote}
            maxLength={200}
            rows={3}
            autoSize={{ minRows: 3, maxRows: 6 }}
            data-testid="alert-note"
          />
          <Button block color="danger" size="large" disabled={!note.trim()} loading={handle.isPending} onClick={submit} data-testid="alert-confirm">
            {t('gate-field:alerts.confirm')}
          </Button>
          <Button block size="large" fill="none" onClick={onClose}>
            {t('common:cancel')}
          </Button>
        </div>
      )}
    </Popup>
  );
}
