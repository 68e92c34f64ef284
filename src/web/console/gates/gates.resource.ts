import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Alert, AssignableUser, ChangePlan, Entrance, EntranceCreate, EntranceEdit, PassageRow, PassCard, PassIssue, PassIssueResult, PassStatusChange,
  PassSummary, PatrolCoverage, PatrolGroup, PatrolGroupCreate, PatrolZone, PatrolZoneCreate, StateChange,
} from '../../../contract/gates.ts';
import type { OrgUnit } from '../../../contract/org.ts';
import { api, query } from '../../shared/api.ts';
import { childrenQuery } from '../org/org.resource.ts';

export type Assignable = z.infer<typeof AssignableUser>;
export type IssueResult = z.infer<typeof PassIssueResult>;
export type Coverage = z.infer<typeof PatrolCoverage>;
export type Zone = z.infer<typeof PatrolZone>;
export type PatrolTeam = z.infer<typeof PatrolGroup>;
export type PassStatus = PassSummary['status'];

export interface PassFilters {
  communityId: string;
  groupId?: string | undefined;
  status?: PassStatus | undefined;
  q?: string | undefined;
}

export interface RegisterFilters {
  communityId: string;
  entranceId?: string | undefined;
  day?: string | undefined;
}

/** Every gate query starts with 'gates': a change of state or assignees refreshes all that shows it. */
export const gateKeys = {
  all: ['gates'] as const,
  entrances: (communityId: string) => ['gates', 'entrances', communityId] as const,
  history: (entranceId: string) => ['gates', 'history', entranceId] as const,
  assignable: (communityId: string) => ['gates', 'assignable', communityId] as const,
  passes: (f: PassFilters) => ['gates', 'passes', f.communityId, f.groupId ?? '', f.status ?? '', f.q ?? ''] as const,
  cards: (communityId: string, selection: string) => ['gates', 'cards', communityId, selection] as const,
  register: (f: RegisterFilters) => ['gates', 'register', f.communityId, f.entranceId ?? '', f.day ?? ''] as const,
  coverage: (communityId: string, day: string | undefined) => ['gates', 'coverage', communityId, day ?? ''] as const,
  zones: (communityId: string) => ['gates', 'zones', communityId] as const,
  groups: (communityId: string) => ['gates', 'patrol-groups', communityId] as const,
};

const id = encodeURIComponent;

/* Entrances */

export function useEntrances(communityId: string | undefined) {
  return useQuery({
    queryKey: gateKeys.entrances(communityId ?? ''),
    queryFn: () => api<Entrance[]>('GET', `/api/gates/entrances${query({ communityId })}`),
    enabled: Boolean(communityId),
    // A planned change takes effect at its time: the states on screen follow within a minute.
    refetchInterval: 60_000,
  });
}

export function useEntranceHistory(entranceId: string | undefined) {
  return useQuery({
    queryKey: gateKeys.history(entranceId ?? ''),
    queryFn: () => api<StateChange[]>('GET', `/api/gates/entrances/${id(entranceId ?? '')}/history`),
    enabled: Boolean(entranceId),
  });
}

export function useAssignable(communityId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: gateKeys.assignable(communityId ?? ''),
    queryFn: () => api<Assignable[]>('GET', `/api/gates/assignable${query({ communityId })}`),
    enabled: Boolean(communityId) && enabled,
  });
}

function useGateMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: gateKeys.all }) });
}

export const useCreateEntrance = () => useGateMutation((body: z.input<typeof EntranceCreate>) => api<Entrance>('POST', '/api/gates/entrances', body));
export const useEditEntrance = () =>
  useGateMutation(({ entranceId, ...body }: z.input<typeof EntranceEdit> & { entranceId: string }) => api<Entrance>('PATCH', `/api/gates/entrances/${id(entranceId)}`, body));
export const usePlanChange = () => useGateMutation((body: ChangePlan) => api<Entrance[]>('POST', '/api/gates/entrance-changes', body));
export const useCancelChange = () => useGateMutation((changeId: string) => api<Entrance>('POST', `/api/gates/entrance-changes/${id(changeId)}/cancel`));
export const useSetAssignees = () =>
  useGateMutation(({ entranceId, userIds }: { entranceId: string; userIds: string[] }) => api<Entrance>('PUT', `/api/gates/entrances/${id(entranceId)}/assignees`, { userIds }));

/* Groups (for filters and issuing) */

/** The community's groups or grids in force today. */
export function useCommunityGroups(communityId: string | undefined) {
  return useQuery({
    ...childrenQuery(communityId ?? '', false),
    select: (units: OrgUnit[]) => units.filter((u) => u.current && (u.kind === 'group' || u.kind === 'grid')),
    enabled: Boolean(communityId),
  });
}

/* Passes */

export function usePasses(f: PassFilters) {
  return useQuery({
    queryKey: gateKeys.passes(f),
    queryFn: () => api<PassSummary[]>('GET', `/api/gates/passes${query({ communityId: f.communityId, groupId: f.groupId, status: f.status, q: f.q?.trim() })}`),
    placeholderData: keepPreviousData,
  });
}

export const useIssuePasses = () => useGateMutation((body: PassIssue) => api<IssueResult>('POST', '/api/gates/passes', body));
export const useSetPassStatus = () =>
  useGateMutation(({ passId, ...body }: z.input<typeof PassStatusChange> & { passId: string }) => api<PassSummary>('POST', `/api/gates/passes/${id(passId)}/status`, body));

/** Cards to print: the chosen passes (`ids`), or a group's or the whole community's active ones. */
export function usePassCards(communityId: string, selection: { ids?: string | undefined; groupId?: string | undefined }) {
  return useQuery({
    queryKey: gateKeys.cards(communityId, selection.ids ?? `group:${selection.groupId ?? ''}`),
    queryFn: () => api<PassCard[]>('GET', `/api/gates/passes/cards${query({ communityId, ids: selection.ids, groupId: selection.groupId })}`),
    enabled: Boolean(communityId),
    staleTime: Infinity,
  });
}

export const qrUrl = (passId: string) => `/api/gates/passes/${id(passId)}/qr.svg`;

/* The register */

export function useRegister(f: RegisterFilters) {
  return useQuery({
    queryKey: gateKeys.register(f),
    queryFn: () => api<PassageRow[]>('GET', `/api/gates/register${query({ communityId: f.communityId, entranceId: f.entranceId, day: f.day })}`),
    enabled: Boolean(f.communityId),
    placeholderData: keepPreviousData,
  });
}

export const registerWorkbookUrl = (f: RegisterFilters) => `/api/gates/register.xlsx${query({ communityId: f.communityId, entranceId: f.entranceId, day: f.day })}`;

/* Alerts */

export const useHandleAlert = () => useGateMutation(({ alertId, note }: { alertId: string; note: string }) => api<Alert>('POST', `/api/gates/alerts/${id(alertId)}/handle`, { note }));

/* Patrols */

export function usePatrolCoverage(communityId: string | undefined, day: string | undefined) {
  return useQuery({
    queryKey: gateKeys.coverage(communityId ?? '', day),
    queryFn: () => api<Coverage>('GET', `/api/gates/patrol-coverage${query({ communityId, day })}`),
    enabled: Boolean(communityId),
    placeholderData: keepPreviousData,
  });
}

export function usePatrolZones(communityId: string | undefined) {
  return useQuery({
    queryKey: gateKeys.zones(communityId ?? ''),
    queryFn: () => api<Zone[]>('GET', `/api/gates/patrol-zones${query({ communityId })}`),
    enabled: Boolean(communityId),
  });
}

export function usePatrolGroups(communityId: string | undefined) {
  return useQuery({
    queryKey: gateKeys.groups(communityId ?? ''),
    queryFn: () => api<PatrolTeam[]>('GET', `/api/gates/patrol-groups${query({ communityId })}`),
    enabled: Boolean(communityId),
  });
}

export const useCreateZone = () => useGateMutation((body: z.input<typeof PatrolZoneCreate>) => api<Zone>('POST', '/api/gates/patrol-zones', body));
export const useCreatePatrolGroup = () => useGateMutation((body: z.input<typeof PatrolGroupCreate>) => api<PatrolTeam>('POST', '/api/gates/patrol-groups', body));
