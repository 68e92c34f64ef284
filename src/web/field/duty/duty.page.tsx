import { useQueryClient } from '@tanstack/react-query';
import { ErrorBlock, PullToRefresh } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../shared/session.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { DutyHeader, OutboxLine } from './duty-header.component.tsx';
import { orphanCheckIns } from './check-in-state.ts';
import { checkInChannel, useCheckInOutbox } from './duty-outbox.ts';
import { dayLabel, dutyDays, shortDay } from './duty-times.ts';
import { MY_DUTIES_KEY, useClock, useMyDuties, type MyDuty, type MyDutiesView } from './duty.resource.ts';
import { OrphanCheckIns } from './orphan-check-ins.component.tsx';
import { ShiftCard } from './shift-card.component.tsx';
import { SwapSheet } from './swap-sheet.component.tsx';
import { SwapsList } from './swaps-list.component.tsx';
import './duty.css';

/**
 * My shifts (/duty): today's and the next seven days', by day, from the list
 * kept on the phone (so it opens at the gate with no signal), the shift in
 * force now framed, its check-in a big green button; a swap asked from any
 * shift to come; my swap requests and where they stand.
 */
export function DutyPage() {
  const qc = useQueryClient();
  const duties = useMyDuties();
  const outbox = useCheckInOutbox();

  return (
    <div className="field-page duty-page" data-testid="duty-page">
      <DutyHeader tab="shifts" />
      <OutboxLine channel={checkInChannel} items={outbox.items} testId="duty-outbox-line" />
      <PullToRefresh onRefresh={() => qc.invalidateQueries({ queryKey: [MY_DUTIES_KEY] })}>
        <QueryView result={duties}>{(data) => <ShiftDays data={data} />}</QueryView>
      </PullToRefresh>
    </div>
  );
}

function ShiftDays({ data }: { data: MyDutiesView }) {
  const { t } = useTranslation();
  const me = useMe();
  const now = useClock();
  const { items } = useCheckInOutbox();
  const [swapping, setSwapping] = useState<MyDuty | null>(null);
  const days = useMemo(() => dutyDays(data.duties, now), [data.duties, now]);
  const places = useMemo(() => new Map(data.duties.map((d) => [d.entranceId, d.entranceName])), [data.duties]);
  const severalCommunities = new Set(data.duties.map((d) => d.communityId)).size > 1;
  const orphans = useMemo(() => orphanCheckIns(items, new Set(days.flatMap((d) => d.duties.map((x) => x.id)))), [items, days]);
  const pendingSwap = (dutyId: string) => data.swaps.find((s) => s.duty.id === dutyId && s.status === 'pending') ?? null;

  return (
    <div className="field-stack">
      {days.length === 0 ? (
        <div className="field-state" data-testid="duty-empty">
          <ErrorBlock status="empty" title={t('teams-field:shifts.none')} description={t('teams-field:shifts.noneHint')} />
        </div>
      ) : (
        days.map(({ day, duties }) => {
          const label = dayLabel(day, now);
          return (
            <section key={day} className="duty-day" data-testid="duty-day" data-day={day}>
              <h2 className="field-section-title duty-day-title">
                {t(`teams-field:days.${label.kind}`, { weekday: t(`teams:weekdays.${label.weekday}`), day: shortDay(day) })}
              </h2>
              <ul className="duty-shifts">
                {duties.map((d) => (
                  <ShiftCard key={d.id} duty={d} now={now} checkIns={items} swap={pendingSwap(d.id)} showCommunity={severalCommunities} onSwap={setSwapping} />
                ))}
              </ul>
            </section>
          );
        })
      )}
      <OrphanCheckIns items={orphans} />
      {me.data && <SwapsList swaps={data.swaps} meId={me.data.id} places={places} />}
      <SwapSheet duty={swapping} now={now} onClose={() => setSwapping(null)} />
    </div>
  );
}
