import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AreaAssign, AreaCoverage, CommunityPerson, MemberAdd, MemberEnd, Replacement, SendingOrg, SendingOrgCreate, Team, TeamCreate } from '../../../contract/teams.ts';
import { api, query } from '../../shared/api.ts';

export type { AreaCoverage, CommunityPerson, SendingOrg, Team };
export type Membership = Team['history'][number];
export type AreaGroupRow = AreaCoverage['groups'][number];

/**
 * Every query of the teams pages starts with 'teams': a change anywhere
 * (a replacement, an approval, a task) refreshes whatever shows it. What
 * depends on the day carries it, so each day asked for is its own answer.
 */
export const teamsKeys = {
  all: ['teams'] as const,
  people: (communityId: string) => ['teams', 'people', communityId] as const,
  orgs: (communityId: string) => ['teams', 'orgs', communityId] as const,
  teams: (communityId: string, day: string) => ['teams', 'list', communityId, day] as const,
  areas: (communityId: string, day: string) => ['teams', 'areas', communityId, day] as const,
  volunteers: (communityId: string, status: string) => ['teams', 'volunteers', communityId, status] as const,
  volunteerLink: (communityId: string) => ['teams', 'volunteer-link', communityId] as const,
  volunteerPage: (communityId: string) => ['teams', 'volunteer-page', communityId] as const,
  briefing: (communityId: string, day: string) => ['teams', 'briefing', communityId, day] as const,
};

const id = encodeURIComponent;

/** A mutation that refreshes every teams query once it is done. */
export function useTeamsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: teamsKeys.all }) });
}

/** Who can be put on a team or given an area: people holding a role in the community now (mobiles masked). */
export function usePeople(communityId: string, enabled = true) {
  return useQuery({
    queryKey: teamsKeys.people(communityId),
    queryFn: () => api<CommunityPerson[]>('GET', `/api/teams/people${query({ communityId })}`),
    enabled,
    staleTime: 60_000,
  });
}

/* Sending organisations and work teams */

export function useSendingOrgs(communityId: string) {
  return useQuery({ queryKey: teamsKeys.orgs(communityId), queryFn: () => api<SendingOrg[]>('GET', `/api/teams/orgs${query({ communityId })}`) });
}

export function useTeams(communityId: string, day: string) {
  return useQuery({
    queryKey: teamsKeys.teams(communityId, day),
    queryFn: () => api<Team[]>('GET', `/api/teams${query({ communityId, day })}`),
    placeholderData: keepPreviousData,
  });
}

export const useCreateOrg = () => useTeamsMutation((body: z.input<typeof SendingOrgCreate>) => api<SendingOrg>('POST', '/api/teams/orgs', body));
export const useCreateTeam = () => useTeamsMutation((body: z.input<typeof TeamCreate>) => api<Team>('POST', '/api/teams', body));
export const useAddMember = () =>
  useTeamsMutation(({ teamId, ...body }: z.input<typeof MemberAdd> & { teamId: string }) => api<Team>('POST', `/api/teams/${id(teamId)}/members`, body));
export const useReplaceMember = () =>
  useTeamsMutation(({ teamId, ...body }: z.input<typeof Replacement> & { teamId: string }) => api<Team>('POST', `/api/teams/${id(teamId)}/replacements`, body));
export const useEndMember = () =>
  useTeamsMutation(({ membershipId, ...body }: z.input<typeof MemberEnd> & { membershipId: string }) => api<Team>('POST', `/api/teams/members/${id(membershipId)}/end`, body));

/* Areas */

export function useAreas(communityId: string, day: string) {
  return useQuery({
    queryKey: teamsKeys.areas(communityId, day),
    queryFn: () => api<AreaCoverage>('GET', `/api/areas${query({ communityId, day })}`),
    placeholderData: keepPreviousData,
  });
}

export const useAssignArea = () => useTeamsMutation((body: z.input<typeof AreaAssign>) => api<AreaCoverage>('POST', '/api/areas', body));
export const useEndArea = () =>
  useTeamsMutation(({ assignmentId, day }: { assignmentId: string; day: string }) => api<AreaCoverage>('POST', `/api/areas/${id(assignmentId)}/end`, { day }));
