import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RevealedMobile, Volunteer, VolunteerApprove, VolunteerApproved, VolunteerPage } from '../../../../contract/teams.ts';
import { api, query } from '../../../shared/api.ts';
import { teamsKeys, useTeamsMutation } from '../teams.resource.ts';

export type { Volunteer };
export type VolunteerStatus = Volunteer['status'];
export type Approved = z.infer<typeof VolunteerApproved>;
export type VolunteerPageInfo = z.infer<typeof VolunteerPage>;

const id = encodeURIComponent;

export function useVolunteers(communityId: string, status: VolunteerStatus) {
  return useQuery({
    queryKey: teamsKeys.volunteers(communityId, status),
    queryFn: () => api<Volunteer[]>('GET', `/api/volunteers${query({ communityId, status })}`),
  });
}

export const useApproveVolunteer = () =>
  useTeamsMutation(({ volunteerId, ...body }: z.input<typeof VolunteerApprove> & { volunteerId: string }) =>
    api<Approved>('POST', `/api/volunteers/${id(volunteerId)}/approve`, body),
  );
export const useRejectVolunteer = () =>
  useTeamsMutation(({ volunteerId, note }: { volunteerId: string; note: string }) => api<Volunteer>('POST', `/api/volunteers/${id(volunteerId)}/reject`, { note }));

/** Not a query: each reveal is a deliberate act, audited by the server, and the number is never cached. */
export const revealVolunteerMobile = (volunteerId: string) => api<z.infer<typeof RevealedMobile>>('POST', `/api/volunteers/${id(volunteerId)}/reveal`);

/** The public sign-up page's address and its QR code, for the poster. */
export function useVolunteerLink(communityId: string | undefined) {
  return useQuery({
    queryKey: teamsKeys.volunteerLink(communityId ?? ''),
    queryFn: () => api<{ url: string; svg: string }>('GET', `/api/volunteers/link${query({ communityId })}`),
    enabled: Boolean(communityId),
    staleTime: Infinity,
  });
}

/** The community and street the public page names, for the poster's heading. */
export function useVolunteerPage(communityId: string | undefined) {
  return useQuery({
    queryKey: teamsKeys.volunteerPage(communityId ?? ''),
    queryFn: () => api<VolunteerPageInfo>('GET', `/api/public/volunteer/${id(communityId ?? '')}`),
    enabled: Boolean(communityId),
    staleTime: Infinity,
  });
}
