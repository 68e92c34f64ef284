import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UnvisitedHousehold } from '../../../contract/ledger.ts';
import type {
  ArrivalCreate, ArrivalDetail, ArrivalSummary, Check, Declaration, DeclarationApprove, Group, GroupCreate, Letter, LetterTemplate, ObservationAlert,
  ObservationFigures, PlanInput, ReleaseInput, Revealed, Worker,
} from '../../../contract/observation.ts';
import { api, query } from '../../shared/api.ts';
import { useShanghaiToday } from './time/clock.ts';

export type Figures = z.infer<typeof ObservationFigures>;
export type ObservationGroup = z.infer<typeof Group>;
export type GroupInput = z.input<typeof GroupCreate>;
export type DeclarationItem = z.infer<typeof Declaration>;
export type ApproveInput = z.input<typeof DeclarationApprove>;
export type AlertItem = z.infer<typeof ObservationAlert>;
export type TemplateItem = z.infer<typeof LetterTemplate>;
export type SignedLetter = z.infer<typeof Letter>;
export type CheckWorker = z.infer<typeof Worker>;
export type RevealedValues = z.infer<typeof Revealed>;
export type HouseholdOption = z.infer<typeof UnvisitedHousehold>;
export type ArrivalStatus = 'observing' | 'released' | 'none' | 'all';
export type CheckList = 'due' | 'overdue' | 'done';
export type DeclarationStatusFilter = DeclarationItem['status'];
export type { ArrivalDetail, ArrivalSummary, Check, PlanInput };

export interface ArrivalFilters {
  communityId: string;
  status: ArrivalStatus;
  q?: string | undefined;
  groupId?: string | undefined;
}

/**
 * Every observation query starts with 'observation': any change refreshes
 * whatever shows it. A community's lists name it third (the live stream finds
 * them by it). What depends on the day carries Shanghai's day: after midnight
 * it is a new query, not yesterday's answer kept.
 */
export const observationKeys = {
  all: ['observation'] as const,
  arrivals: (f: ArrivalFilters, day: string) => ['observation', 'arrivals', f.communityId, f.status, f.q ?? '', f.groupId ?? '', day] as const,
  arrival: (id: string, day: string) => ['observation', 'arrival', id, day] as const,
  workers: (communityId: string) => ['observation', 'workers', communityId] as const,
  households: (communityId: string) => ['observation', 'households', communityId] as const,
  groups: (communityId: string, day: string) => ['observation', 'groups', communityId, day] as const,
  group: (id: string, day: string) => ['observation', 'group', id, day] as const,
  checks: (communityId: string, list: CheckList, workerId: string | undefined, day: string) => ['observation', 'checks', communityId, list, workerId ?? '', day] as const,
  alerts: (communityId: string) => ['observation', 'alerts', communityId] as const,
  figures: (orgId: string, day: string) => ['observation', 'figures', orgId, day] as const,
  template: (communityId: string) => ['observation', 'template', communityId] as const,
  letter: (id: string) => ['observation', 'letter', id] as const,
  declarations: (communityId: string, status: DeclarationStatusFilter) => ['observation', 'declarations', communityId, status] as const,
  declareLink: (communityId: string) => ['observation', 'declare-link', communityId] as const,
};

const id = encodeURIComponent;
const BASE = '/api/observation';
/**
 * What the work changes is fetched again this often even if the live stream
 * is down (a proxy that drops it): the stream is the quick way, this the sure one.
 */
export const LIVE_REFRESH_MS = 60_000;
/** Declarations shown per "load more". */
export const DECLARATION_PAGE = 20;

function useObservationMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: observationKeys.all }) });
}

/* Arrivals and plans */

export function useArrivals(f: ArrivalFilters) {
  const today = useShanghaiToday();
  return useQuery({
    queryKey: observationKeys.arrivals(f, today),
    queryFn: () => api<ArrivalSummary[]>('GET', `${BASE}/arrivals${query({ communityId: f.communityId, status: f.status, q: f.q?.trim(), groupId: f.groupId })}`),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** One record by its id, whatever community is picked: the server says whether the user may see it. */
export function useArrival(arrivalId: string | undefined) {
  const today = useShanghaiToday();
  return useQuery({
    queryKey: observationKeys.arrival(arrivalId ?? '', today),
    queryFn: () => api<ArrivalDetail>('GET', `${BASE}/arrivals/${id(arrivalId ?? '')}`),
    enabled: Boolean(arrivalId),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export const useRegisterArrival = () => useObservationMutation((body: z.input<typeof ArrivalCreate>) => api<ArrivalDetail>('POST', `${BASE}/arrivals`, body));
/** Not a query: each reveal is a deliberate act, audited, and the values are never cached. */
export const revealArrival = (arrivalId: string) => api<RevealedValues>('POST', `${BASE}/arrivals/${id(arrivalId)}/reveal`);
export const useAddPlan = () =>
  useObservationMutation(({ arrivalId, plan }: { arrivalId: string; plan: PlanInput }) => api<ArrivalDetail>('POST', `${BASE}/arrivals/${id(arrivalId)}/plans`, plan));
export const useRelease = () =>
  useObservationMutation(({ planId, ...body }: z.input<typeof ReleaseInput> & { planId: string }) => api<ArrivalDetail>('POST', `${BASE}/plans/${id(planId)}/release`, body));

export function useWorkers(communityId: string | undefined) {
  return useQuery({
    queryKey: observationKeys.workers(communityId ?? ''),
    queryFn: () => api<CheckWorker[]>('GET', `${BASE}/workers${query({ communityId })}`),
    enabled: Boolean(communityId),
    staleTime: 5 * 60_000,
  });
}

/** The ledger's households of the community, to say whom an arrival stays with. */
export function useHouseholds(communityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: observationKeys.households(communityId ?? ''),
    queryFn: () => api<HouseholdOption[]>('GET', `/api/households${query({ unitId: communityId })}`),
    enabled: Boolean(communityId) && enabled,
    staleTime: 5 * 60_000,
  });
}

/* Groups */

export function useGroups(communityId: string) {
  const today = useShanghaiToday();
  return useQuery({
    queryKey: observationKeys.groups(communityId, today),
    queryFn: () => api<ObservationGroup[]>('GET', `${BASE}/groups${query({ communityId })}`),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** A group by its id, whatever community is picked, with its members' checks of today. */
export function useGroup(groupId: string | undefined) {
  const today = useShanghaiToday();
  return useQuery({
    queryKey: observationKeys.group(groupId ?? '', today),
    queryFn: () => api<ObservationGroup>('GET', `${BASE}/groups/${id(groupId ?? '')}`),
    enabled: Boolean(groupId),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export const useCreateGroup = () => useObservationMutation((body: GroupInput) => api<ObservationGroup>('POST', `${BASE}/groups`, body));

/* Checks and alerts */

/** A list of checks of Shanghai's today (due, done) or missed up to today (overdue). */
export function useChecks(communityId: string, list: CheckList, workerId: string | undefined) {
  const day = useShanghaiToday();
  return useQuery({
    queryKey: observationKeys.checks(communityId, list, workerId, day),
    queryFn: () => api<Check[]>('GET', `${BASE}/checks${query({ communityId, list, workerId, day })}`),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useAlerts(communityId: string, enabled = true) {
  return useQuery({
    queryKey: observationKeys.alerts(communityId),
    queryFn: () => api<AlertItem[]>('GET', `${BASE}/alerts${query({ communityId, open: true })}`),
    enabled,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export const useHandleAlert = () =>
  useObservationMutation(({ alertId, note }: { alertId: string; note: string }) => api<AlertItem>('POST', `${BASE}/alerts/${id(alertId)}/handle`, { note }));

/* Figures */

/** The figures of a unit on a day, asked by the day itself (today is Shanghai's, named, so midnight makes a new query). */
export function figuresQuery(orgId: string, day: string) {
  return {
    queryKey: observationKeys.figures(orgId, day),
    queryFn: () => api<Figures>('GET', `${BASE}/figures${query({ orgId, day })}`),
    refetchInterval: LIVE_REFRESH_MS,
  };
}

export function useFigures(orgId: string | undefined, day: string) {
  return useQuery({ ...figuresQuery(orgId ?? '', day), enabled: Boolean(orgId), placeholderData: keepPreviousData });
}

/* Commitment letters */

export function useLetterTemplate(communityId: string) {
  return useQuery({ queryKey: observationKeys.template(communityId), queryFn: () => api<TemplateItem>('GET', `${BASE}/letter-template${query({ communityId })}`) });
}

export const useSaveTemplate = () =>
  useObservationMutation(({ communityId, ...body }: { communityId: string; title: string; body: string }) =>
    api<TemplateItem>('PUT', `${BASE}/letter-template${query({ communityId })}`, body));

export function useLetter(letterId: string | undefined) {
  return useQuery({
    queryKey: observationKeys.letter(letterId ?? ''),
    queryFn: () => api<SignedLetter>('GET', `${BASE}/letters/${id(letterId ?? '')}`),
    enabled: Boolean(letterId),
    // A signed letter never changes.
    staleTime: Infinity,
  });
}

/* Self-declarations */

/** The review queue, oldest first, a page at a time (keyset: the queue stays quick however long it grows). */
export function useDeclarations(communityId: string, status: DeclarationStatusFilter) {
  return useInfiniteQuery({
    queryKey: observationKeys.declarations(communityId, status),
    queryFn: ({ pageParam }) =>
      api<{ items: DeclarationItem[]; nextCursor: string | null }>('GET', `${BASE}/declarations${query({ communityId, status, limit: DECLARATION_PAGE, before: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export const useApproveDeclaration = () =>
  useObservationMutation(({ declarationId, ...body }: ApproveInput & { declarationId: string }) =>
    api<ArrivalDetail>('POST', `${BASE}/declarations/${id(declarationId)}/approve`, body));
export const useRejectDeclaration = () =>
  useObservationMutation(({ declarationId, note }: { declarationId: string; note: string }) =>
    api<DeclarationItem>('POST', `${BASE}/declarations/${id(declarationId)}/reject`, { note }));

export function useDeclareLink(communityId: string | undefined) {
  return useQuery({
    queryKey: observationKeys.declareLink(communityId ?? ''),
    queryFn: () => api<{ url: string; svg: string }>('GET', `${BASE}/declare-link${query({ communityId })}`),
    enabled: Boolean(communityId),
    staleTime: Infinity,
  });
}

/** The community's name as the public page shows it (no account needed), for the poster's heading. */
export function useDeclarePage(communityId: string | undefined) {
  return useQuery({
    queryKey: ['observation', 'declare-page', communityId ?? ''],
    queryFn: () => api<{ communityName: string; streetName: string | null }>('GET', `/api/public/declare/${id(communityId ?? '')}`),
    enabled: Boolean(communityId),
    staleTime: Infinity,
  });
}
