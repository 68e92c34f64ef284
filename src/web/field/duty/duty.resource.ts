import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Hazard, HazardCreate, MyTasks } from '../../../contract/briefings.ts';
import type { DutyAlert, MyDuties, RosterWeek, Swap, SwapCreate } from '../../../contract/rosters.ts';
import type { CommunityPerson, MyArea } from '../../../contract/teams.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { api, query } from '../../shared/api.ts';
import { DUTY_DAYS } from './duty-times.ts';

export type MyDutiesView = z.infer<typeof MyDuties>;
export type MyDuty = MyDutiesView['duties'][number];
export type MyTasksView = z.infer<typeof MyTasks>;
export type MyAreaView = z.infer<typeof MyArea>;
export type { CommunityPerson, DutyAlert, Hazard, Swap };

/*
 * A field user's own duty: their shifts, today's tasks with the open hazards,
 * and their area are kept on the phone (offline/query-persistence.ts keeps
 * these keys), so the gate, the patrol and the round work with no network.
 * The rest (people to swap with, the lead's alerts) is read when online.
 */
export const MY_DUTIES_KEY = 'my-duties';
export const MY_TASKS_KEY = 'my-tasks';
export const MY_AREA_KEY = 'my-area';
const DUTY = 'duty';

/** Shifts change while the phone is in a pocket (a swap approved, a duty added): read again every few minutes. */
const REFETCH_MS = 3 * 60_000;
const CLOCK_MS = 30_000;

/** Now, again every half minute: a shift comes into force and its check-in opens with nothing read. */
export function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Today's and the next days' shifts. One key whatever the day: the list kept
 * on the phone is the one shown the next morning offline, and the screens
 * drop the days gone by themselves (duty-times.ts).
 */
export function useMyDuties(enabled = true) {
  return useQuery({
    queryKey: [MY_DUTIES_KEY],
    queryFn: () => api<MyDutiesView>('GET', `/api/me/duties${query({ from: shanghaiDate(), days: DUTY_DAYS })}`),
    enabled,
    gcTime: Infinity,
    refetchInterval: REFETCH_MS,
  });
}

/** Today's tasks (the server's day) with the open hazards of my communities. */
export function useMyTasks(enabled = true) {
  return useQuery({
    queryKey: [MY_TASKS_KEY],
    queryFn: () => api<MyTasksView>('GET', '/api/me/tasks'),
    enabled,
    gcTime: Infinity,
    refetchInterval: REFETCH_MS,
  });
}

export function useMyArea(enabled = true) {
  return useQuery({
    queryKey: [MY_AREA_KEY],
    queryFn: () => api<MyAreaView>('GET', '/api/me/area'),
    enabled,
    gcTime: Infinity,
    staleTime: 5 * 60_000,
  });
}

/** The people of a community one may hand a shift to. */
export function useCommunityPeople(communityId: string | undefined) {
  return useQuery({
    queryKey: [DUTY, 'people', communityId],
    queryFn: () => api<CommunityPerson[]>('GET', `/api/teams/people${query({ communityId })}`),
    enabled: Boolean(communityId),
    staleTime: 5 * 60_000,
  });
}

/** A community's roster of a week: the other person's shifts to take in exchange. */
export function useRosterWeek(communityId: string | undefined, monday: string | undefined) {
  return useQuery({
    queryKey: [DUTY, 'week', communityId, monday],
    queryFn: () => api<z.infer<typeof RosterWeek>>('GET', `/api/rosters/week${query({ communityId, monday })}`),
    enabled: Boolean(communityId && monday),
  });
}

export function useRequestSwap() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SwapCreate>) => api<Swap>('POST', '/api/rosters/swaps', body),
    onSettled: () => client.invalidateQueries({ queryKey: [MY_DUTIES_KEY] }),
  });
}

export function useCancelSwap() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Swap>('POST', `/api/rosters/swaps/${encodeURIComponent(id)}/cancel`),
    onSettled: () => client.invalidateQueries({ queryKey: [MY_DUTIES_KEY] }),
  });
}

export function useReportHazard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof HazardCreate>) => api<Hazard>('POST', '/api/hazards', body),
    onSuccess: (hazard) => {
      // Shown at once in the list kept on the phone, before it is read again.
      client.setQueryData<MyTasksView>([MY_TASKS_KEY], (old) => (old && !old.hazards.some((h) => h.id === hazard.id) ? { ...old, hazards: [hazard, ...old.hazards] } : old));
      void client.invalidateQueries({ queryKey: [MY_TASKS_KEY] });
    },
  });
}

const ALERTS_MS = 30_000;

/** Checkpoints unstaffed now, for the community's lead, asked every half minute. */
export function useDutyAlerts(communityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [DUTY, 'alerts', communityId],
    queryFn: () => api<DutyAlert[]>('GET', `/api/rosters/alerts${query({ communityId, open: true })}`),
    enabled: enabled && Boolean(communityId),
    refetchInterval: ALERTS_MS,
  });
}

export function useHandleDutyAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api<DutyAlert>('POST', `/api/rosters/alerts/${encodeURIComponent(id)}/handle`, { note }),
    onSettled: () => client.invalidateQueries({ queryKey: [DUTY, 'alerts'] }),
  });
}
