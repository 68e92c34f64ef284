import { Button, Popup, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api.ts';
import { dayTimeOf } from '../observation/observation-format.ts';
import { shiftText } from './duty-times.ts';
import { useDutyAlerts, useHandleDutyAlert, type DutyAlert } from './duty.resource.ts';

const FIRST = 3;

/**
 * For the community's lead: a red band when a checkpoint has fewer people
 * checked in than its shift needs, asked every half minute, the phone
 * vibrating at a new one. Each is closed with a note of what was done
 * (someone sent, the gate closed for the night).
 */
export function DutyAlertsBand({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const alerts = useDutyAlerts(communityId, true);
  const [handling, setHandling] = useState<DutyAlert | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const open = (alerts.data ?? []).filter((a) => !hidden.has(a.id));
  const seen = useRef(new Set<string>());
  const [all, setAll] = useState(false);
  // A whole community unstaffed at 06:59 would fill the screen: the first few, the rest a tap away.
  const shown = all ? open : open.slice(0, FIRST);

  useEffect(() => {
    const fresh = open.some((a) => !seen.current.has(a.id));
    for (const a of open) seen.current.add(a.id);
    if (fresh) navigator.vibrate?.([250, 120, 250]);
  }, [open]);

  if (open.length === 0) return null;
  return (
    <section className="duty-alerts" data-testid="duty-alerts" aria-live="assertive">
      <h2 className="duty-alerts-title">{t('teams-field:alerts.title', { count: open.length })}</h2>
      <ul className="duty-alerts-list">
        {shown.map((a) => (
          <li key={a.id} className="duty-alert" data-testid="duty-alert" data-entrance={a.entranceName}>
            <div className="duty-alert-text">
              <strong>{a.entranceName}</strong>
              <span>{t('teams-field:alerts.what', { time: shiftText(a), checkedIn: a.checkedIn, minimum: a.minimum })}</span>
              <span>{t('teams-field:alerts.since', { time: dayTimeOf(a.raisedAt) })}</span>
            </div>
            <Button size="middle" className="duty-alert-handle" onClick={() => setHandling(a)} data-testid="duty-alert-handle">
              {t('teams-field:alerts.handle')}
            </Button>
          </li>
        ))}
      </ul>
      {shown.length < open.length && (
        <Button block fill="none" className="duty-alerts-more" onClick={() => setAll(true)} data-testid="duty-alerts-more">
          {t('teams-field:alerts.more', { count: open.length - shown.length })}
        </Button>
      )}
      <HandleSheet alert={handling} onClose={() => setHandling(null)} onHandled={(id) => setHidden((s) => new Set([...s, id]))} />
    </section>
  );
}

function HandleSheet({ alert, onClose, onHandled }: { alert: DutyAlert | null; onClose: () => void; onHandled: (id: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const handle = useHandleDutyAlert();
  const submit = () => {
    if (!alert || !note.trim()) return;
    handle.mutate(
      { id: alert.id, note: note.trim() },
      {
        onSuccess: () => {
          onHandled(alert.id);
          setNote('');
          onClose();
          Toast.show({ icon: 'success', content: t('teams-field:alerts.handled') });
        },
        onError: (e) => {
          // Handled by someone else meanwhile: it leaves the band all the same.
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
    <Popup visible={alert !== null} onMaskClick={onClose} bodyClassName="duty-sheet" destroyOnClose>
      {alert && (
        <div className="duty-sheet-body" data-testid="duty-alert-sheet">
          <h2>
            {alert.entranceName} · {shiftText(alert)}
          </h2>
          <p className="field-muted">{t('teams-field:alerts.handleHint')}</p>
          <TextArea
            className="field-input field-textarea"
            placeholder={t('teams-field:alerts.notePlaceholder')}
            value={note}
            onChange={setNote}
            maxLength={200}
            rows={3}
            autoSize={{ minRows: 3, maxRows: 6 }}
            data-testid="duty-alert-note"
          />
          <Button block color="danger" size="large" disabled={!note.trim()} loading={handle.isPending} onClick={submit} data-testid="duty-alert-confirm">
            {t('teams-field:alerts.confirm')}
          </Button>
          <Button block size="large" fill="none" onClick={onClose}>
            {t('common:cancel')}
          </Button>
        </div>
      )}
    </Popup>
  );
}
