import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DeclarationInput, DeclarationPage, DeclarationReceipt } from '../../../contract/observation.ts';
import { api } from '../../shared/api.ts';

/** The public page's reads and its one write: no account, no session. */
export function useDeclarePage(communityId: string) {
  return useQuery({
    queryKey: ['declare-page', communityId],
    queryFn: () => api<z.infer<typeof DeclarationPage>>('GET', `/api/public/declare/${encodeURIComponent(communityId)}`),
    staleTime: Infinity,
  });
}

export function useDeclare(communityId: string) {
  return useMutation({
    mutationFn: (body: z.input<typeof DeclarationInput>) => api<z.infer<typeof DeclarationReceipt>>('POST', `/api/public/declare/${encodeURIComponent(communityId)}`, body),
  });
}
