import { useTranslation } from 'react-i18next';
import { dayTimeOf } from '../observation/observation-format.ts';
import { AlertsBand } from '../shared/alerts-band.component.tsx';
import { shiftText } from './duty-times.ts';
import { useDutyAlerts, useHandleDutyAlert } from './duty.resource.ts';

/**
 * For the community's lead: a red band when a checkpoint has fewer people
 * checked in than its shift needs, asked every half minute. Each is closed
 * with a note of what was done (someone sent, the gate closed for the night).
 */
export function DutyAlertsBand({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const alerts = useDutyAlerts(communityId, true);
  const handle = useHandleDutyAlert();
  return (
    <AlertsBand
      alerts={alerts.data ?? []}
      ns="teams-field"
      testIdPrefix="duty-"
      look="duty"
      first={3}
      handle={handle}
      itemData={(a) => ({ 'data-entrance': a.entranceName })}
      text={(a) => (
        <>
          <strong>{a.entranceName}</strong>
          <span>{t('teams-field:alerts.what', { time: shiftText(a), checkedIn: a.checkedIn, minimum: a.minimum })}</span>
          <span>{t('teams-field:alerts.since', { time: dayTimeOf(a.raisedAt) })}</span>
        </>
      )}
      sheetTitle={(a) => `${a.entranceName} · ${shiftText(a)}`}
    />
  );
}
