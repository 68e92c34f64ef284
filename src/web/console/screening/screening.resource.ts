import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Coverage, RoundCreate, RoundSummary, UnvisitedHousehold, VisitSummary } from '../../../contract/ledger.ts';
import { api, query } from '../../shared/api.ts';

export type CoverageAnswer = z.infer<typeof Coverage>;
export type Unvisited = z.infer<typeof UnvisitedHousehold>;
export type Visit = z.infer<typeof VisitSummary>;

/** While a round is open, visits arrive from the field: the secretary's screen reads them again this often. */
export const LIVE_REFRESH_MS = 30_000;

export const screeningKeys = {
  all: ['screening'] as const,
  rounds: () => ['screening', 'rounds'] as const,
  coverage: (id: string) => ['screening', 'round', id, 'coverage'] as const,
  unvisited: (id: string, groupId: string | undefined) => ['screening', 'round', id, 'unvisited', groupId ?? ''] as const,
  visits: (id: string, householdId: string | undefined) => ['screening', 'round', id, 'visits', householdId ?? ''] as const,
};

export function useRounds() {
  return useQuery({
    queryKey: screeningKeys.rounds(),
    queryFn: () => api<RoundSummary[]>('GET', '/api/screening/rounds'),
    // Progress bars of open rounds move as visits arrive.
    refetchInterval: (q) => (q.state.data?.some((r) => !r.closed) ? LIVE_REFRESH_MS : false),
  });
}

export function useCoverage(id: string) {
  return useQuery({
    queryKey: screeningKeys.coverage(id),
    queryFn: () => api<CoverageAnswer>('GET', `/api/screening/rounds/${encodeURIComponent(id)}/coverage`),
    refetchInterval: (q) => (q.state.data && !q.state.data.round.closed ? LIVE_REFRESH_MS : false),
  });
}

export function useUnvisited(id: string, groupId: string | undefined, live: boolean) {
  return useQuery({
    queryKey: screeningKeys.unvisited(id, groupId),
    queryFn: () => api<Unvisited[]>('GET', `/api/screening/rounds/${encodeURIComponent(id)}/unvisited${query({ groupId })}`),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

/** The round's visits, newest first; of one household when given. */
export function useVisits(id: string, householdId: string | undefined, live: boolean) {
  return useQuery({
    queryKey: screeningKeys.visits(id, householdId),
    queryFn: () => api<Visit[]>('GET', `/api/screening/rounds/${encodeURIComponent(id)}/visits${query({ householdId })}`),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundCreate) => api<RoundSummary>('POST', '/api/screening/rounds', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: screeningKeys.rounds() }),
  });
}

export function useCloseRound(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<RoundSummary>('POST', `/api/screening/rounds/${encodeURIComponent(id)}/close`),
    onSuccess: () => qc.invalidateQueries({ queryKey: screeningKeys.all }),
  });
}

/** visited / households as a whole percent; an empty round is not "0 % done" but nothing to do. */
export function percent(done: number, of: number): number {
  return of === 0 ? 100 : Math.floor((done / of) * 100);
}
