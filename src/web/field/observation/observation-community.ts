import { useState } from 'react';
import type { Me } from '../../../contract/auth.ts';
import { roleAllows } from '../../../domain/access/roles.ts';

export interface ObservationCommunity {
  id: string;
  name: string;
}

/**
 * The communities whose arrivals the user works with: where a role that may
 * read them is held (a secretary's community, or the community above a grid
 * worker's or team member's group). Observation work is the community's, so
 * a grid worker sees the whole community's list.
 */
export function observationCommunities(me: Me | null | undefined): ObservationCommunity[] {
  const found = new Map<string, ObservationCommunity>();
  for (const grant of me?.roles ?? []) {
    if (!roleAllows(grant.role, 'observation.read') || !grant.unit) continue;
    const unit = grant.unit;
    if (unit.kind === 'community') found.set(unit.id, { id: unit.id, name: unit.name });
    else {
      const community = unit.ancestors.find((a) => a.kind === 'community');
      if (community) found.set(community.id, { id: community.id, name: community.name });
    }
  }
  return [...found.values()];
}

const STORAGE_KEY = 'linli.field.observation.community';

/** The community shown, and the choice for the rare user who works in two. */
export function useObservationCommunity(me: Me | null | undefined) {
  const communities = observationCommunities(me);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));
  const community = communities.find((c) => c.id === chosen) ?? communities[0];
  const choose = (id: string) => {
    localStorage.setItem(STORAGE_KEY, id);
    setChosen(id);
  };
  return { community, communities, choose };
}
