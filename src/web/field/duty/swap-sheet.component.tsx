import { Button, CheckList, NoticeBar, Popup, SearchBar, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekStart } from '../../../domain/rosters/roster-rules.ts';
import { useMe } from '../../shared/session.ts';
import { serverErrorsOf } from '../observation/server-errors.ts';
import { dayLabel, dutyPhase, shiftText, shortDay } from './duty-times.ts';
import { useCommunityPeople, useRequestSwap, useRosterWeek, type MyDuty } from './duty.resource.ts';

const NO_EXCHANGE = '';

/**
 * Asking to hand a shift over: to whom (a person of the shift's community,
 * found by typing part of the name), why, and, if agreed between them, one of
 * the other person's shifts taken in return. The lead decides; until then
 * the request can be withdrawn.
 */
export function SwapSheet({ duty, now, onClose }: { duty: MyDuty | null; now: number; onClose: () => void }) {
  return (
    <Popup visible={duty !== null} onMaskClick={onClose} bodyClassName="duty-sheet" destroyOnClose>
      {duty && <SwapForm duty={duty} now={now} onClose={onClose} />}
    </Popup>
  );
}

function SwapForm({ duty, now, onClose }: { duty: MyDuty; now: number; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const people = useCommunityPeople(duty.communityId);
  const [search, setSearch] = useState('');
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [counter, setCounter] = useState(NO_EXCHANGE);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const request = useRequestSwap();
  const week = useRosterWeek(toUserId ? duty.communityId : undefined, weekStart(duty.day));
  const others = (people.data ?? []).filter((p) => p.userId !== me.data?.id && p.name.includes(search.trim()));
  const theirs = (week.data?.duties ?? []).filter((d) => d.userId === toUserId && ['later', 'soon'].includes(dutyPhase(d, now)));
  const entranceName = (id: string) => week.data?.checkpoints.find((c) => c.entranceId === id)?.name ?? '';

  const send = () => {
    setTried(true);
    if (!toUserId || !reason.trim()) return;
    setProblem(null);
    request.mutate(
      { dutyId: duty.id, toUserId, reason: reason.trim(), ...(counter ? { counterDutyId: counter } : {}) },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('teams-field:swap.sent') });
          onClose();
        },
        onError: (e) => setProblem(serverErrorsOf(e, () => false).general),
      },
    );
  };

  const label = dayLabel(duty.day, now);
  return (
    <div className="duty-sheet-body" data-testid="duty-swap-sheet">
      <h2>{t('teams-field:swap.title')}</h2>
      <p className="field-muted">
        {t(`teams-field:days.${label.kind}`, { weekday: t(`teams:weekdays.${label.weekday}`), day: shortDay(duty.day) })} · {shiftText(duty)} · {duty.entranceName}
      </p>
      {problem && <NoticeBar color="error" wrap content={problem} data-testid="duty-swap-problem" />}
      <h3 className="duty-sheet-label">{t('teams-field:swap.to')}</h3>
      <SearchBar placeholder={t('teams-field:swap.search')} value={search} onChange={setSearch} className="duty-search" />
      <div className="duty-people">
        <CheckList value={toUserId ? [toUserId] : []} onChange={(v) => { setToUserId((v[0] as string | undefined) ?? null); setCounter(NO_EXCHANGE); }} data-testid="duty-swap-people">
          {others.map((p) => (
            <CheckList.Item key={p.userId} value={p.userId} data-testid="duty-swap-person" data-name={p.name}>
              {p.name}
              {p.roles.length > 0 && <span className="field-muted"> · {p.roles.map((r) => t(`server:roles.${r}`)).join(t('teams:listSeparator'))}</span>}
            </CheckList.Item>
          ))}
        </CheckList>
        {people.data && others.length === 0 && <p className="field-muted field-pad">{t('teams-field:swap.nobody')}</p>}
      </div>
      {tried && !toUserId && <p className="field-error">{t('teams-field:swap.pickPerson')}</p>}
      {toUserId && theirs.length > 0 && (
        <>
          <h3 className="duty-sheet-label">{t('teams-field:swap.exchange')}</h3>
          <CheckList value={[counter]} onChange={(v) => setCounter((v[0] as string | undefined) ?? NO_EXCHANGE)} data-testid="duty-swap-exchange">
            <CheckList.Item value={NO_EXCHANGE}>{t('teams-field:swap.noExchange')}</CheckList.Item>
            {theirs.map((d) => (
              <CheckList.Item key={d.id} value={d.id}>
                {shortDay(d.day)} {shiftText(d)} · {entranceName(d.entranceId)}
              </CheckList.Item>
            ))}
          </CheckList>
        </>
      )}
      <h3 className="duty-sheet-label">{t('teams-field:swap.reason')}</h3>
      <TextArea
        className="field-input field-textarea"
        placeholder={t('teams-field:swap.reasonPlaceholder')}
        value={reason}
        onChange={setReason}
        maxLength={200}
        rows={2}
        autoSize={{ minRows: 2, maxRows: 5 }}
        data-testid="duty-swap-reason"
      />
      {tried && !reason.trim() && <p className="field-error">{t('server:validation.required')}</p>}
      <Button block color="primary" size="large" loading={request.isPending} onClick={send} data-testid="duty-swap-send">
        {t('teams-field:swap.send')}
      </Button>
      <Button block size="large" fill="none" onClick={onClose}>
        {t('common:cancel')}
      </Button>
    </div>
  );
}
