import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { clockOf } from '../observation/observation-format.ts';
import { discardItem, type CheckInItem } from './duty-outbox.ts';
import { shiftText, shortDay } from './duty-times.ts';

/** Check-ins kept on the phone for shifts the list no longer shows: waiting, or refused with the reason (then dismissed). */
export function OrphanCheckIns({ items }: { items: readonly CheckInItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="duty-orphans-title" data-testid="duty-orphans">
      <h2 id="duty-orphans-title" className="field-section-title">
        {t('teams-field:shifts.otherCheckIns')}
      </h2>
      <ul className="duty-orphans">
        {items.map((i) => (
          <li key={i.id} className="duty-shift" data-testid="duty-orphan" data-check-in={i.status}>
            <strong className="duty-shift-place">
              {shortDay(i.label.day)} {shiftText(i.label)} · {i.label.entranceName}
            </strong>
            {i.status === 'waiting' ? (
              <p className="duty-state duty-state-waiting">{t('teams-field:shifts.waiting', { time: clockOf(i.at) })}</p>
            ) : (
              <div className="duty-state duty-state-refused" role="alert" data-testid="duty-check-in-refused" data-code={i.refusal?.code}>
                <p>{t('teams-field:shifts.refused', { message: i.refusal?.message ?? '' })}</p>
                <Button size="middle" fill="outline" color="danger" onClick={() => void discardItem(i.id)} data-testid="duty-refusal-dismiss">
                  {t('teams-field:shifts.dismiss')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
