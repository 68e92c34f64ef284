import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { childrenQuery } from '../org/org.resource.ts';
import { ownCommunity, watchedStreet } from './own-community.ts';

/**
 * The community shown by the gate pages: `?communityId=` when chosen (so a
 * link keeps it), else the user's own, else the only community of a street
 * office's street. Changing it keeps the other parameters.
 */
export function useGateCommunity(me: Me) {
  const [params, setParams] = useSearchParams();
  const chosen = params.get('communityId') ?? undefined;
  const own = ownCommunity(me);
  const street = own || chosen ? undefined : watchedStreet(me);
  const streetChildren = useQuery({ ...childrenQuery(street ?? '', false), enabled: Boolean(street) });
  const streetCommunities = (streetChildren.data ?? []).filter((u) => u.current && u.kind === 'community');
  const only = streetCommunities.length === 1 ? streetCommunities[0]!.id : undefined;
  const communityId = chosen ?? own?.id ?? only;
  const setCommunityId = (next: string | undefined) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next) p.set('communityId', next);
      else p.delete('communityId');
      return p;
    });
  return { communityId, own, chosen, setCommunityId };
}
