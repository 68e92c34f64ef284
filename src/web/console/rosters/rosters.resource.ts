import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Duty, DutyAlert, DutyCreate, OnDutyNow, RosterOverview, RosterSheet, RosterWeek, Shift, Swap, SwapDecide, WeekCopied,
} from '../../../contract/rosters.ts';
import type { CommunityPerson } from '../../../contract/teams.ts';
import { api, query } from '../../shared/api.ts';

export type Copied = z.infer<typeof WeekCopied>;
export type Sheet = z.infer<typeof RosterSheet>;
export type Overview = z.infer<typeof RosterOverview>;

/** Every roster query starts with 'rosters': any change (a duty, a swap, shifts) refreshes all that shows it. */
export const rosterKeys = {
  all: ['rosters'] as const,
  week: (communityId: string, monday: string) => ['rosters', 'week', communityId, monday] as const,
  sheet: (communityId: string, monday: string) => ['rosters', 'sheet', communityId, monday] as const,
  overview: (unitId: string, monday: string) => ['rosters', 'overview', unitId, monday] as const,
  swaps: (communityId: string) => ['rosters', 'swaps', communityId] as const,
  now: (communityId: string) => ['rosters', 'now', communityId] as const,
  alerts: (communityId: string) => ['rosters', 'alerts', communityId] as const,
  people: (communityId: string) => ['rosters', 'people', communityId] as const,
};

const id = encodeURIComponent;

export function useRosterWeek(communityId: string, monday: string) {
  return useQuery({
    queryKey: rosterKeys.week(communityId, monday),
    queryFn: () => api<RosterWeek>('GET', `/api/rosters/week${query({ communityId, monday })}`),
    // Moving by a week keeps the last grid on screen (dimmed) instead of a blank page.
    placeholderData: keepPreviousData,
  });
}

/** The sheet carries phones in full (the server audits each read): fetched once per print view. */
export function useRosterSheet(communityId: string, monday: string) {
  return useQuery({
    queryKey: rosterKeys.sheet(communityId, monday),
    queryFn: () => api<Sheet>('GET', `/api/rosters/sheet${query({ communityId, monday })}`),
    enabled: Boolean(communityId),
    staleTime: Infinity,
  });
}

export function useRosterOverview(unitId: string, monday: string) {
  return useQuery({
    queryKey: rosterKeys.overview(unitId, monday),
    queryFn: () => api<Overview>('GET', `/api/rosters/overview${query({ unitId, monday })}`),
    placeholderData: keepPreviousData,
  });
}

/** The people who can be put on a shift: users holding a role in the community now. */
export function useCommunityPeople(communityId: string, enabled: boolean) {
  return useQuery({
    queryKey: rosterKeys.people(communityId),
    queryFn: () => api<CommunityPerson[]>('GET', `/api/teams/people${query({ communityId })}`),
    enabled,
  });
}

/** Who is on duty changes with the clock and with check-ins from the gates, swaps are asked from phones: read again every 30 seconds. */
const LIVE = 30_000;

export function useSwaps(communityId: string) {
  return useQuery({
    queryKey: rosterKeys.swaps(communityId),
    queryFn: () => api<Swap[]>('GET', `/api/rosters/swaps${query({ communityId })}`),
    // Opening the tab reads them again: a request made on a phone a moment ago is there.
    staleTime: 0,
    refetchInterval: LIVE,
  });
}

export function useOnDutyNow(communityId: string) {
  return useQuery({
    queryKey: rosterKeys.now(communityId),
    queryFn: () => api<OnDutyNow>('GET', `/api/rosters/now${query({ communityId })}`),
    refetchInterval: LIVE,
  });
}

/** The lead's alerts (team.manage): offices above read who is on duty, not the alerts. */
export function useOpenDutyAlerts(communityId: string, enabled: boolean) {
  return useQuery({
    queryKey: rosterKeys.alerts(communityId),
    queryFn: () => api<DutyAlert[]>('GET', `/api/rosters/alerts${query({ communityId, open: true })}`),
    refetchInterval: LIVE,
    enabled,
  });
}

function useRosterMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: rosterKeys.all }) });
}

export const useAddDuty = () => useRosterMutation((body: z.input<typeof DutyCreate>) => api<Duty>('POST', '/api/rosters/duties', body));
export const useRemoveDuty = () => useRosterMutation((dutyId: string) => api<{ ok: true }>('DELETE', `/api/rosters/duties/${id(dutyId)}`));
export const useSetShifts = () =>
  useRosterMutation(({ entranceId, shifts }: { entranceId: string; shifts: Shift[] }) => api<{ shifts: Shift[] }>('PUT', `/api/rosters/checkpoints/${id(entranceId)}/shifts`, { shifts }));
export const useCopyWeek = () =>
  useRosterMutation((body: { communityId: string; fromMonday: string; toMonday: string }) => api<Copied>('POST', '/api/rosters/copy-week', body));
export const useDecideSwap = () =>
  useRosterMutation(({ swapId, ...body }: z.input<typeof SwapDecide> & { swapId: string }) => api<Swap>('POST', `/api/rosters/swaps/${id(swapId)}/decide`, body));
export const useHandleDutyAlert = () =>
  useRosterMutation(({ alertId, note }: { alertId: string; note: string }) => api<DutyAlert>('POST', `/api/rosters/alerts/${id(alertId)}/handle`, { note }));

/** The workbook for the street: a plain link, so the browser downloads it with the session cookie. */
export const rosterWorkbookUrl = (communityId: string, monday: string) => `/api/rosters/export.xlsx${query({ communityId, monday })}`;
