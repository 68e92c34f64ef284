import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../contract/reports.ts';
import { api, query } from '../../shared/api.ts';

/** Every dashboard query starts with 'dashboard': one change under a unit refreshes whatever is on screen. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  /** Without a unit: the user's own, as the server picks it. */
  day: (orgId: string | undefined, day: string) => ['dashboard', orgId ?? '', day] as const,
};

export function useDashboard(orgId: string | undefined, day: string) {
  return useQuery({
    queryKey: dashboardKeys.day(orgId, day),
    queryFn: () => api<Dashboard>('GET', `/api/dashboard${query({ orgId, day })}`),
    // Another day or unit picked: the last figures stay until the new ones come, no blank page in between.
    placeholderData: keepPreviousData,
    // The stream says when to read again; this only covers a change the stream could not tell (it was down).
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}
