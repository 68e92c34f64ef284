import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DeclarationInput, DeclarationPage, DeclarationReceipt } from '../../../contract/observation.ts';
import { api, ApiRequestError } from '../../shared/api.ts';

/** The public page's reads and its one write: no account, no session. */
export function useDeclarePage(communityId: string) {
  return useQuery({
    queryKey: ['declare-page', communityId],
    queryFn: () => api<z.infer<typeof DeclarationPage>>('GET', `/api/public/declare/${encodeURIComponent(communityId)}`),
    staleTime: Infinity,
    // Tried even with no network, rather than paused: a stranger's phone that never opened the app must hear
    // "no network, try again" at once, not watch a spinner turn. One quick retry for a flaky signal.
    networkMode: 'always',
    retry: (count, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 1,
    retryDelay: 1_000,
  });
}

export function useDeclare(communityId: string) {
  return useMutation({
    mutationFn: (body: z.input<typeof DeclarationInput>) => api<z.infer<typeof DeclarationReceipt>>('POST', `/api/public/declare/${encodeURIComponent(communityId)}`, body),
  });
}
