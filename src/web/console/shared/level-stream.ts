import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { query } from '../../shared/api.ts';
import { openEventStream } from '../../shared/event-stream.ts';
import { catchUpHandlers, type LinkState } from '../../shared/link-state.ts';

/**
 * Keeps a page about a unit (a community's report, an office's reports and
 * issues, a dashboard) current: the server's `/api/dashboard/stream` says
 * `changed` when anything under the unit changes, and the queries under
 * `queryKey` are read again.
 */
export function useLevelStream(orgId: string | undefined, queryKey: QueryKey): LinkState {
  const qc = useQueryClient();
  const [link, setLink] = useState<LinkState>('connecting');
  // The key's parts, not the array, decide when to reopen: callers build a new array on each render.
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    if (!orgId) return;
    const refresh = () => void qc.invalidateQueries({ queryKey: JSON.parse(key) as QueryKey });
    const stop = openEventStream(`/api/dashboard/stream${query({ orgId })}`, catchUpHandlers(refresh, setLink));
    return () => {
      stop();
      setLink('connecting');
    };
  }, [orgId, key, qc]);
  return link;
}
