import type { Query } from '@tanstack/react-query';

/** Queries whose key names the community third: ['observation', kind, communityId, …]. */
const BY_COMMUNITY = new Set(['arrivals', 'groups', 'checks', 'alerts', 'figures', 'declarations']);
/** Records fetched by their id, which say their community in their data. */
const RECORDS = new Set(['arrival', 'group']);

/** Whether a cached query shows the community's observation work (and so may have changed with it). */
export function showsCommunity(q: Pick<Query, 'queryKey' | 'state'>, communityId: string): boolean {
  const [root, kind, third] = q.queryKey;
  if (root !== 'observation' || typeof kind !== 'string') return false;
  if (BY_COMMUNITY.has(kind)) return third === communityId;
  if (RECORDS.has(kind)) return (q.state.data as { communityId?: string } | undefined)?.communityId === communityId;
  return false;
}
