import { Button, Popup, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../../shared/api.ts';
import { clockOf, degrees, dayTimeOf } from './observation-format.ts';
import { useHandleAlert, useObservationAlerts, type Alert } from './observation.resource.ts';
import '../gate/gate.css';

/**
 * The community lead's open observation alerts: a fever, a positive test, a
 * check missed past its grace. A red band that cannot be missed, asked for
 * every half minute; each alert opens the person, and is closed with a note
 * of what was done. A new one makes the phone vibrate.
 */
export function ObservationAlerts({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const alerts = useObservationAlerts(communityId, true);
  const [handling, setHandling] = useState<Alert | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const open = (alerts.data ?? []).filter((a) => !hidden.has(a.id));
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const fresh = open.some((a) => !seen.current.has(a.id));
    for (const a of open) seen.current.add(a.id);
    if (fresh) navigator.vibrate?.([250, 120, 250]);
  }, [open]);

  if (open.length === 0) return null;
  return (
    <section className="gate-alerts" data-testid="obs-alerts" aria-live="assertive">
      <h2 className="gate-alerts-title">{t('observation-field:alerts.title', { count: open.length })}</h2>
      <ul className="gate-alerts-list">
        {open.map((a) => (
          <li key={a.id} className="gate-alert" data-testid="obs-alert" data-kind={a.kind} data-name={a.name}>
            <button type="button" className="obs-alert-open gate-alert-text" onClick={() => void navigate(`/observation/arrivals/${a.arrivalId}`)}>
              <strong>
                {a.name} <span className="gate-alert-temp">{alertWhat(t, a)}</span>
              </strong>
              <span>{t('observation-field:alerts.who', { worker: a.workerName, time: dayTimeOf(a.raisedAt) })}</span>
            </button>
            <Button size="middle" className="gate-alert-handle" onClick={() => setHandling(a)} data-testid="obs-alert-handle">
              {t('observation-field:alerts.handle')}
            </Button>
          </li>
        ))}
      </ul>
      <HandleSheet alert={handling} onClose={() => setHandling(null)} onHandled={(id) => setHidden((s) => new Set([...s, id]))} />
    </section>
  );
}

/** "Fever 37.8 °C", "Overdue: 08:00 check", "Positive test". */
function alertWhat(t: (key: string, options?: Record<string, unknown>) => string, a: Alert): string {
  const kind = t(`observation:alertKind.${a.kind}`);
  if (a.kind === 'fever' && a.temperature !== null) return `${kind} ${degrees(a.temperature)} ${t('gates:temperatureUnit')}`;
  if (a.kind === 'overdue' && a.dueAt) return t('observation-field:alerts.overdueAt', { kind, time: dayTimeOf(a.dueAt) });
  return kind;
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
          Toast.show({ icon: 'success', content: t('observation-field:alerts.handled') });
        },
        onError: (e) => {
          // Handled by someone else meanwhile: it leaves the list all the same.
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
        <div className="gate-sheet-body obs-sheet" data-testid="obs-alert-sheet">
          <h2>
            {alert.name} · {alertWhat(t, alert)}
          </h2>
          {alert.dueAt && <p className="field-muted">{t('observation-field:alerts.due', { time: clockOf(alert.dueAt) })}</p>}
          <p className="field-muted">{t('observation-field:alerts.handleHint')}</p>
          <TextArea
            className="field-input field-textarea"
            placeholder={t('observation-field:alerts.notePlaceholder')}
            value={note}
            onChange={setNote}
            maxLength={200}
            rows={3}
            autoSize={{ minRows: 3, maxRows: 6 }}
            data-testid="obs-alert-note"
          />
          <Button block color="danger" size="large" disabled={!note.trim()} loading={handle.isPending} onClick={submit} data-testid="obs-alert-confirm">
            {t('observation-field:alerts.confirm')}
          </Button>
          <Button block size="large" fill="none" onClick={onClose}>
            {t('common:cancel')}
          </Button>
        </div>
      )}
    </Popup>
  );
}
