import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AlertsBand } from '../shared/alerts-band.component.tsx';
import { clockOf, degrees, dayTimeOf } from './observation-format.ts';
import { useHandleAlert, useObservationAlerts, type Alert } from './observation.resource.ts';
import '../gate/gate.css';

/**
 * The community lead's open observation alerts: a fever, a positive test, a
 * check missed past its grace, asked for every half minute; each opens the
 * person, and is closed with a note of what was done.
 */
export function ObservationAlerts({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const alerts = useObservationAlerts(communityId, true);
  const handle = useHandleAlert();
  return (
    <AlertsBand
      alerts={alerts.data ?? []}
      ns="observation-field"
      testIdPrefix="obs-"
      look="gate"
      sheetBodyClass="obs-sheet"
      handle={handle}
      onOpen={(a) => void navigate(`/observation/arrivals/${a.arrivalId}`)}
      itemData={(a) => ({ 'data-kind': a.kind, 'data-name': a.name })}
      text={(a) => (
        <>
          <strong>
            {a.name} <span className="gate-alert-temp">{alertWhat(t, a)}</span>
          </strong>
          <span>{t('observation-field:alerts.who', { worker: a.workerName, time: dayTimeOf(a.raisedAt) })}</span>
        </>
      )}
      sheetTitle={(a) => `${a.name} · ${alertWhat(t, a)}`}
      sheetExtra={(a) => a.dueAt && <p className="field-muted">{t('observation-field:alerts.due', { time: clockOf(a.dueAt) })}</p>}
    />
  );
}

/** "Fever 37.8 °C", "Overdue: 08:00 check", "Positive test". */
function alertWhat(t: (key: string, options?: Record<string, unknown>) => string, a: Alert): string {
  const kind = t(`observation:alertKind.${a.kind}`);
  if (a.kind === 'fever' && a.temperature !== null) return `${kind} ${degrees(a.temperature)} ${t('gates:temperatureUnit')}`;
  if (a.kind === 'overdue' && a.dueAt) return t('observation-field:alerts.overdueAt', { kind, time: dayTimeOf(a.dueAt) });
  return kind;
}
