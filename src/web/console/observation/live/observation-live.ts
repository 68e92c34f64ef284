import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { query } from '../../../shared/api.ts';
import { openEventStream } from '../../../shared/event-stream.ts';
import { showsCommunity } from './community-queries.ts';

/**
 * Keeps the observation pages of a community current: the server's event
 * stream says `changed` when a registration, reading, alert, release or
 * declaration touches the community (and once a minute, when checks fall
 * overdue), and the queries showing it are fetched again. The stream
 * reconnects by itself and closes when the page goes.
 */
export function useObservationLive(communityId: string | undefined): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!communityId) return;
    return openEventStream(`/api/observation/stream${query({ communityId })}`, {
      onEvent(event) {
        if (event === 'changed') void qc.invalidateQueries({ predicate: (q) => showsCommunity(q, communityId) });
      },
    });
  }, [communityId, qc]);
}
