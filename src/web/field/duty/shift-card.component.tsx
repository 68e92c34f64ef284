import { Button, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../domain/ids.ts';
import { useMe } from '../../shared/session.ts';
import { clockOf } from '../observation/observation-format.ts';
import { checkInStateOf } from './check-in-state.ts';
import { discardItem, keepCheckIn, type CheckInItem } from './duty-outbox.ts';
import { checkInOpen, dutyPhase, shiftText } from './duty-times.ts';
import type { MyDuty, Swap } from './duty.resource.ts';

/**
 * One shift: the checkpoint and the times in big type, the one in force now
 * framed in green. Its check-in is one big green button from half an hour
 * before the start until the end; pressed, it is kept on the phone and shows
 * as waiting until the server has it, then as checked in with the time, or in
 * red with the server's reason.
 */
export function ShiftCard(props: { duty: MyDuty; now: number; checkIns: readonly CheckInItem[]; swap: Swap | null; showCommunity: boolean; onSwap: (duty: MyDuty) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { duty, now, swap } = props;
  const phase = dutyPhase(duty, now);
  const { state, item, at } = checkInStateOf(duty, props.checkIns);
  const [saving, setSaving] = useState(false);
  const canCheckIn = checkInOpen(duty, now) && (state === 'none' || state === 'refused');

  const checkIn = async () => {
    if (!me.data) return;
    setSaving(true);
    try {
      const id = uuidv7();
      const at = new Date().toISOString();
      // A refused one makes way for the new try.
      if (item) await discardItem(item.id);
      await keepCheckIn({
        id,
        userId: me.data.id,
        checkIn: { id, entranceId: duty.entranceId, at },
        dutyId: duty.id,
        at,
        label: { entranceName: duty.entranceName, day: duty.day, start: duty.start, end: duty.end },
      });
      navigator.vibrate?.(60);
    } catch {
      Toast.show({ icon: 'fail', content: t('teams-field:shifts.notKept') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <li
      className={`duty-shift duty-shift-${phase}`}
      data-testid="duty-shift"
      data-duty={duty.id}
      data-entrance={duty.entranceName}
      data-phase={phase}
      data-check-in={state}
    >
      <div className="duty-shift-head">
        <div className="duty-shift-main">
          <strong className="duty-shift-time">{shiftText(duty)}</strong>
          <span className="duty-shift-place">{duty.entranceName}</span>
          {props.showCommunity && <span className="field-muted">{duty.communityName}</span>}
        </div>
        <PhaseTag phase={phase} />
      </div>
      {state === 'checked_in' && at && (
        <p className="duty-state duty-state-ok" data-testid="duty-checked-in">
          {t('teams-field:shifts.checkedIn', { time: clockOf(at) })}
        </p>
      )}
      {state === 'waiting' && at && (
        <p className="duty-state duty-state-waiting" data-testid="duty-check-in-waiting">
          {t('teams-field:shifts.waiting', { time: clockOf(at) })}
        </p>
      )}
      {state === 'refused' && item?.refusal && (
        <div className="duty-state duty-state-refused" role="alert" data-testid="duty-check-in-refused" data-code={item.refusal.code}>
          <p>{t('teams-field:shifts.refused', { message: item.refusal.message })}</p>
          {!canCheckIn && (
            <Button size="middle" fill="outline" color="danger" onClick={() => void discardItem(item.id)} data-testid="duty-refusal-dismiss">
              {t('teams-field:shifts.dismiss')}
            </Button>
          )}
        </div>
      )}
      {canCheckIn && (
        <Button block color="success" size="large" className="duty-check-in" loading={saving} onClick={() => void checkIn()} data-testid="duty-check-in">
          {t('teams-field:shifts.checkIn')}
        </Button>
      )}
      {swap ? (
        <p className="duty-swap-note" data-testid="duty-shift-swap">
          {t('teams-field:shifts.swapPending', { name: swap.toName })}
        </p>
      ) : (
        // A shift that has begun stays as rostered (the server refuses its swap): asked before it starts.
        (phase === 'later' || phase === 'soon') && (
          <Button size="middle" fill="none" className="duty-swap-ask" onClick={() => props.onSwap(duty)} data-testid="duty-swap-ask">
            {t('teams-field:shifts.askSwap')}
          </Button>
        )
      )}
    </li>
  );
}

function PhaseTag({ phase }: { phase: ReturnType<typeof dutyPhase> }) {
  const { t } = useTranslation();
  if (phase === 'later') return null;
  const color = phase === 'now' ? 'success' : phase === 'soon' ? 'warning' : 'default';
  return (
    <Tag color={color} className="duty-phase" round>
      {t(`teams-field:shifts.phase.${phase}`)}
    </Tag>
  );
}
