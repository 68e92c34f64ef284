import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../contract/reports.ts';
import { api, query } from '../../shared/api.ts';
import { openEventStream } from '../../shared/event-stream.ts';

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

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/**
 * Keeps the dashboard of `orgId` current: the server says `changed` when
 * anything under the unit changes, and the figures are read again. After the
 * stream was down they are read again as well, to catch up on what was missed.
 */
export function useDashboardLive(orgId: string | undefined): LinkState {
  const qc = useQueryClient();
  const [link, setLink] = useState<LinkState>('connecting');
  useEffect(() => {
    if (!orgId) return;
    let wasDown = false;
    const refresh = () => void qc.invalidateQueries({ queryKey: dashboardKeys.all });
    const stop = openEventStream(`/api/dashboard/stream${query({ orgId })}`, {
      onEvent: (event) => {
        if (event === 'changed') refresh();
      },
      onStatus: (status) => {
        if (status === 'open') {
          setLink('live');
          if (wasDown) refresh();
          wasDown = false;
        } else if (status === 'reconnecting') {
          wasDown = true;
          setLink('reconnecting');
        } else if (status === 'stopped') setLink('stopped');
        else if (!wasDown) setLink('connecting');
      },
    });
    return () => {
      stop();
      setLink('connecting');
    };
  }, [orgId, qc]);
  return link;
}
