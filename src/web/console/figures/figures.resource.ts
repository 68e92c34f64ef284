import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FiguresAnswer } from '../../../contract/ledger.ts';
import { api, query } from '../../shared/api.ts';

export const figuresKeys = {
  all: ['figures'] as const,
  /** No unit: the top unit of the user's area; no day: today. */
  of: (unitId: string | undefined, day: string | undefined) => ['figures', unitId ?? '', day ?? ''] as const,
};

export const figuresQuery = (unitId?: string, day?: string) =>
  queryOptions({
    queryKey: figuresKeys.of(unitId, day),
    queryFn: () => api<FiguresAnswer>('GET', `/api/ledger/figures${query({ unitId, day })}`),
  });

/** The figures of a unit and its children; the previous answer stays on screen while drilling down. */
export function useFigures(unitId: string | undefined, day: string | undefined) {
  return useQuery({ ...figuresQuery(unitId, day), placeholderData: keepPreviousData });
}
