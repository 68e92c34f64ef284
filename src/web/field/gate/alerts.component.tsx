import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../contract/gates.ts';
import { AlertsBand } from '../shared/alerts-band.component.tsx';
import { hourMinute } from './gate-format.ts';
import { useHandleAlert } from './live-gate.resource.ts';

/** Open fever alerts for the community's lead: who, how hot, where and when; handled with a note of what was done. */
export function AlertsBanner({ alerts }: { alerts: readonly Alert[] }) {
  const { t } = useTranslation();
  const handle = useHandleAlert();
  return (
    <AlertsBand
      alerts={alerts}
      ns="gate-field"
      testIdPrefix=""
      look="gate"
      handle={handle}
      itemData={(a) => ({ 'data-alert': a.id, 'data-name': a.name })}
      text={(a) => (
        <>
          <strong>
            {a.name} <span className="gate-alert-temp">{a.temperature.toFixed(1)} {t('gates:temperatureUnit')}</span>
          </strong>
          <span>{t('gate-field:alerts.where', { place: a.place, time: hourMinute(a.raisedAt), by: a.recordedByName })}</span>
        </>
      )}
      sheetTitle={(a) => t('gate-field:alerts.handleTitle', { name: a.name, value: a.temperature.toFixed(1) })}
    />
  );
}
