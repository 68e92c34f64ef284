import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { dayTimeOf } from '../observation/observation-format.ts';
import { shiftText, shortDay } from './duty-times.ts';
import { useCancelSwap, type Swap } from './duty.resource.ts';

const STATUS_COLOR = { pending: 'warning', approved: 'success', rejected: 'danger', cancelled: 'default' } as const;

/**
 * Swap requests that concern me: those I made (a pending one can be
 * withdrawn) and those that hand a shift to me, each with where it stands.
 */
export function SwapsList({ swaps, meId, places }: { swaps: readonly Swap[]; meId: string; places: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (swaps.length === 0) return null;
  return (
    <section aria-labelledby="duty-swaps-title" data-testid="duty-swaps">
      <h2 id="duty-swaps-title" className="field-section-title">
        {t('teams-field:swaps.title')}
      </h2>
      <ul className="duty-swaps">
        {swaps.map((s) => (
          <SwapRow key={s.id} swap={s} mine={s.duty.userId === meId} place={places.get(s.duty.entranceId) ?? null} />
        ))}
      </ul>
    </section>
  );
}

function SwapRow({ swap, mine, place }: { swap: Swap; mine: boolean; place: string | null }) {
  const { t } = useTranslation();
  const cancel = useCancelSwap();
  const withdraw = async () => {
    const sure = await Dialog.confirm({ content: t('teams-field:swaps.cancelConfirm'), confirmText: t('teams-field:swaps.cancel'), cancelText: t('common:cancel') });
    if (!sure) return;
    cancel.mutate(swap.id, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('teams-field:swaps.cancelled') }),
      onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
    });
  };
  const d = swap.duty;
  return (
    <li className="duty-swap" data-testid="duty-swap" data-status={swap.status} data-mine={mine}>
      <div className="duty-swap-head">
        <strong>
          {shortDay(d.day)} {shiftText(d)}
          {place ? ` · ${place}` : ''}
        </strong>
        <Tag color={STATUS_COLOR[swap.status]} round>
          {t(`teams:swapStatus.${swap.status}`)}
        </Tag>
      </div>
      <p>{mine ? t('teams-field:swaps.toOther', { name: swap.toName }) : t('teams-field:swaps.toMe', { name: swap.requestedByName })}</p>
      {swap.counterDuty && (
        <p className="field-muted">{t('teams-field:swaps.exchange', { day: shortDay(swap.counterDuty.day), time: shiftText(swap.counterDuty) })}</p>
      )}
      <p className="field-muted">{t('teams-field:swaps.reason', { reason: swap.reason, time: dayTimeOf(swap.requestedAt) })}</p>
      {swap.decidedByName && swap.decidedAt && (
        <p className="field-muted">
          {t('teams-field:swaps.decided', { name: swap.decidedByName, time: dayTimeOf(swap.decidedAt) })}
          {swap.note ? ` · ${swap.note}` : ''}
        </p>
      )}
      {mine && swap.status === 'pending' && (
        <Button size="middle" color="danger" fill="outline" loading={cancel.isPending} onClick={() => void withdraw()} data-testid="duty-swap-cancel">
          {t('teams-field:swaps.cancel')}
        </Button>
      )}
    </li>
  );
}
