import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type {
  ArrivalCreate, ArrivalDetail, ArrivalSummary, Check, Declaration, DeclarationApprove, Letter, ObservationAlert, PlanInput, Worker,
} from '../../../contract/observation.ts';
import { api, ApiRequestError, query } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';
import { CHECKS_KEY, checkDays, checksKey, isOldCheckList, type CheckList } from './check-days.ts';
import { checksOnPhone } from './check-lists.ts';

export type Alert = z.infer<typeof ObservationAlert>;
export type DeclarationItem = z.infer<typeof Declaration>;
export type LetterView = z.infer<typeof Letter>;
export type WorkerOption = z.infer<typeof Worker>;
export type ArrivalStatus = 'observing' | 'released' | 'none' | 'all';

export { CHECKS_KEY, checksKey, type CheckList } from './check-days.ts';
/** Everything else of observation work: read when online, not kept on the phone. */
const OBSERVATION = 'observation';

/*
 * The signed-in worker's check lists: kept on the phone (query-persistence.ts)
 * under the Shanghai day they were asked for (check-days.ts), so the day's
 * round can be done with no network. Tomorrow's due list is read too: a phone
 * that loses its network in the evening still has the next morning's checks.
 */
const CHECKS_REFETCH_MS = 2 * 60_000;
/** The lists are worked out again from the clock every minute: a check becomes due, then overdue, with nothing read. */
const CLOCK_MS = 60_000;

function checkListQuery(list: CheckList, day: string, enabled: boolean) {
  return {
    queryKey: checksKey(list, day),
    queryFn: () => api<Check[]>('GET', `/api/observation/checks${query({ list, day })}`),
    enabled,
    staleTime: 30_000,
    gcTime: Infinity,
    // Upcoming checks become due and missed ones overdue while the phone lies in a pocket.
    refetchInterval: CHECKS_REFETCH_MS,
  };
}

/** Now, again every minute (a page open across midnight moves on to the new day). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export interface MyCheckLists {
  now: number;
  /** The Shanghai day of `now`. */
  today: string;
  /** Every check on the phone for today's work, once each (`checksOnPhone`). */
  checks: Check[];
  /** Whether any list the tabs are made of is on the phone. */
  downloaded: boolean;
  /** Today's due list: what to show (waiting for the network, failed) while nothing is on the phone. */
  primary: UseQueryResult<Check[]>;
  fetching: boolean;
}

/**
 * My checks as every screen shows them: today's lists, tomorrow's due list
 * kept for the morning, and yesterday's as they were kept (only read from the
 * phone, never asked for again).
 */
export function useMyCheckLists(enabled: boolean): MyCheckLists {
  const now = useNow();
  const { today, yesterday, tomorrow } = checkDays(now);
  const due = useQuery(checkListQuery('due', today, enabled));
  const overdue = useQuery(checkListQuery('overdue', today, enabled));
  const done = useQuery(checkListQuery('done', today, enabled));
  useQuery(checkListQuery('due', tomorrow, enabled));
  const yesterdayDue = useQuery(checkListQuery('due', yesterday, false));
  const yesterdayOverdue = useQuery(checkListQuery('overdue', yesterday, false));
  const checks = useMemo(
    () => checksOnPhone({ due: due.data, overdue: overdue.data, done: done.data, yesterdayDue: yesterdayDue.data, yesterdayOverdue: yesterdayOverdue.data }),
    [due.data, overdue.data, done.data, yesterdayDue.data, yesterdayOverdue.data],
  );
  return {
    now,
    today,
    checks,
    downloaded: [due, overdue, done, yesterdayDue, yesterdayOverdue].some((q) => q.data !== undefined),
    primary: due,
    fetching: due.isFetching || overdue.isFetching || done.isFetching,
  };
}

/** Lists kept for days before yesterday are of no more use on the phone: dropped (they would pile up in its storage). */
export function dropOldCheckLists(client: QueryClient, today: string): void {
  client.removeQueries({ queryKey: [CHECKS_KEY], predicate: (q) => isOldCheckList(q.queryKey, today) });
}

export function useArrivals(communityId: string | undefined, status: ArrivalStatus, q: string) {
  return useQuery({
    queryKey: [OBSERVATION, 'arrivals', communityId, status, q],
    queryFn: () => api<ArrivalSummary[]>('GET', `/api/observation/arrivals${query({ communityId, status, q })}`),
    enabled: Boolean(communityId),
    placeholderData: (previous) => previous,
  });
}

export function useArrival(id: string) {
  return useQuery({
    queryKey: [OBSERVATION, 'arrival', id],
    queryFn: () => api<ArrivalDetail>('GET', `/api/observation/arrivals/${encodeURIComponent(id)}`),
  });
}

export function useWorkers(communityId: string | undefined) {
  return useQuery({
    queryKey: [OBSERVATION, 'workers', communityId],
    queryFn: () => api<WorkerOption[]>('GET', `/api/observation/workers${query({ communityId })}`),
    enabled: Boolean(communityId),
    staleTime: 5 * 60_000,
  });
}

const DECLARATIONS_PAGE = 20;

/** The pending self-declarations, oldest first, a page at a time (the queue may be long). */
export function usePendingDeclarations(communityId: string | undefined) {
  return useInfiniteQuery({
    queryKey: [OBSERVATION, 'declarations', communityId],
    queryFn: ({ pageParam }) =>
      api<{ items: DeclarationItem[]; nextCursor: string | null }>(
        'GET',
        `/api/observation/declarations${query({ communityId, status: 'pending', limit: DECLARATIONS_PAGE, before: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(communityId),
  });
}

const ALERTS_MS = 30_000;

/** Open alerts (fever, overdue, positive) for the community's lead, asked every half minute. */
export function useObservationAlerts(communityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [OBSERVATION, 'alerts', communityId],
    queryFn: () => api<Alert[]>('GET', `/api/observation/alerts${query({ communityId, open: true })}`),
    enabled: enabled && Boolean(communityId),
    refetchInterval: ALERTS_MS,
  });
}

export function useLetterDraft(arrivalId: string) {
  return useQuery({
    // The draft is in the user's language and carries today's date: never an old one from the cache.
    queryKey: [OBSERVATION, 'letter-draft', arrivalId, i18n.language],
    staleTime: 0,
    refetchOnMount: 'always',
    queryFn: () => api<{ title: string; body: string }>('GET', `/api/observation/arrivals/${encodeURIComponent(arrivalId)}/letter-draft`),
  });
}

export function useLetter(id: string) {
  return useQuery({
    queryKey: [OBSERVATION, 'letter', id],
    queryFn: () => api<LetterView>('GET', `/api/observation/letters/${encodeURIComponent(id)}`),
    // A signed letter never changes.
    staleTime: Infinity,
  });
}

/** After any change, the lists and the person's page are read again; the person's new state is shown at once. */
function useChanged() {
  const client = useQueryClient();
  return (detail?: ArrivalDetail) => {
    if (detail) client.setQueryData([OBSERVATION, 'arrival', detail.id], detail);
    void client.invalidateQueries({ queryKey: [OBSERVATION] });
    void client.invalidateQueries({ queryKey: [CHECKS_KEY] });
  };
}

export function useRegisterArrival() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: ArrivalCreate) => api<ArrivalDetail>('POST', '/api/observation/arrivals', body),
    onSuccess: changed,
  });
}

export function useAddPlan(arrivalId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: PlanInput) => api<ArrivalDetail>('POST', `/api/observation/arrivals/${encodeURIComponent(arrivalId)}/plans`, body),
    onSuccess: changed,
  });
}

export function useReleasePlan() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ planId, outcome, note }: { planId: string; outcome: 'completed' | 'transferred'; note?: string }) =>
      api<ArrivalDetail>('POST', `/api/observation/plans/${encodeURIComponent(planId)}/release`, { outcome, ...(note ? { note } : {}) }),
    onSuccess: changed,
  });
}

export function useApproveDeclaration() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.infer<typeof DeclarationApprove> }) =>
      api<ArrivalDetail>('POST', `/api/observation/declarations/${encodeURIComponent(id)}/approve`, body),
    onSuccess: changed,
  });
}

export function useRejectDeclaration() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api<DeclarationItem>('POST', `/api/observation/declarations/${encodeURIComponent(id)}/reject`, { note }),
    onSuccess: () => changed(),
  });
}

export function useSignLetter(arrivalId: string) {
  const changed = useChanged();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { signature: string; shown: { title: string; body: string } }) =>
      api<LetterView>('POST', `/api/observation/arrivals/${encodeURIComponent(arrivalId)}/letter`, v),
    onSuccess: (letter) => {
      client.setQueryData([OBSERVATION, 'letter', letter.id], letter);
      changed();
    },
    // The text changed since it was shown: show the new one, to be read and signed again.
    onError: (e) => {
      if (e instanceof ApiRequestError && e.code === 'LETTER_CHANGED') void client.invalidateQueries({ queryKey: [OBSERVATION, 'letter-draft', arrivalId] });
    },
  });
}

export function useHandleAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api<Alert>('POST', `/api/observation/alerts/${encodeURIComponent(id)}/handle`, { note }),
    onSettled: () => client.invalidateQueries({ queryKey: [OBSERVATION, 'alerts'] }),
  });
}
