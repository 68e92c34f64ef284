import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import type { VisitorLookup } from '../../../contract/gates.ts';
import { api, query } from '../../shared/api.ts';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { findRecentVisitor } from './recent-visitors.ts';

/** A visitor seen before, whatever told us: the server (any gate of the community) or this phone's own registrations. */
export interface KnownVisitor {
  source: 'server' | 'phone';
  name: string;
  fromPlace: string;
  purpose: string | null;
  visiting: string | null;
  lastSeenAt: string;
  /** Visits the server counted; unknown for this phone's own list. */
  visits: number | null;
}

/**
 * A returning visitor by a whole ID number or mobile number: at once from this
 * phone's recent registrations, and from the server when online (which knows
 * visits at every gate of the community, so it wins when it finds someone).
 */
export function useReturningVisitor(communityId: string | undefined, by: { idNumber: string | null; phone: string | null }): KnownVisitor | null {
  const online = useOnline();
  const userId = useMe().data?.id;
  const { idNumber, phone } = by;
  const wanted = Boolean(communityId && (idNumber || phone));
  const server = useQuery({
    queryKey: ['visitor-lookup', communityId, idNumber, phone],
    queryFn: () =>
      api<z.infer<typeof VisitorLookup>>('GET', `/api/gates/visitors/lookup${query(idNumber ? { communityId, idNumber } : { communityId, phone })}`),
    enabled: wanted && online,
    staleTime: 60_000,
    retry: false,
  });
  const local = useMemo(
    () => (wanted && userId && communityId ? findRecentVisitor(userId, communityId, { idNumber, phone }) : null),
    [wanted, userId, communityId, idNumber, phone],
  );
  const found = server.data?.visitor;
  if (wanted && found) {
    return {
      source: 'server', name: found.name, fromPlace: found.fromPlace, purpose: found.lastPurpose, visiting: found.lastVisiting,
      lastSeenAt: found.lastSeenAt, visits: found.visits,
    };
  }
  if (local) return { source: 'phone', name: local.name, fromPlace: local.fromPlace, purpose: local.purpose, visiting: local.visiting, lastSeenAt: local.at, visits: null };
  return null;
}
