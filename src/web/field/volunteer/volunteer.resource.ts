import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { VolunteerPage, VolunteerReceipt, VolunteerSignup } from '../../../contract/teams.ts';
import { api, ApiRequestError } from '../../shared/api.ts';

/** The public sign-up page's read and its one write: no account, no session. */
export function useVolunteerPage(communityId: string) {
  return useQuery({
    queryKey: ['volunteer-page', communityId],
    queryFn: () => api<z.infer<typeof VolunteerPage>>('GET', `/api/public/volunteer/${encodeURIComponent(communityId)}`),
    staleTime: Infinity,
    // Tried even with no network, rather than paused: a stranger's phone must hear "no network, try again" at once.
    networkMode: 'always',
    retry: (count, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 1,
    retryDelay: 1_000,
  });
}

export function useVolunteerSignup(communityId: string) {
  return useMutation({
    // The consent is sent as given: the form refuses to send without it, and so does the server.
    mutationFn: (body: Omit<z.input<typeof VolunteerSignup>, 'consent'> & { consent: boolean }) => api<z.infer<typeof VolunteerReceipt>>('POST', `/api/public/volunteer/${encodeURIComponent(communityId)}`, body),
    networkMode: 'always',
  });
}
