import type { Me } from '../../../contract/auth.ts';
import { roleAllows } from '../../../domain/access/roles.ts';

export interface OwnCommunity {
  id: string;
  name: string;
}

/**
 * The community whose gates the user works with: the one their gate roles sit
 * in (a secretary's, or the community above a grid worker's grid). Undefined
 * for offices above communities (a street watches several) and for someone
 * with gate roles in two communities: they choose.
 */
export function ownCommunity(me: Me): OwnCommunity | undefined {
  const found = new Map<string, OwnCommunity>();
  for (const grant of me.roles) {
    if (!roleAllows(grant.role, 'gate.view') || !grant.unit) continue;
    const unit = grant.unit;
    if (unit.kind === 'community') found.set(unit.id, { id: unit.id, name: unit.name });
    else if (unit.kind === 'group' || unit.kind === 'grid') {
      const community = unit.ancestors.find((a) => a.kind === 'community');
      if (community) found.set(community.id, { id: community.id, name: community.name });
    } else return undefined;
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** The street whose communities the user watches (a street office), when there is exactly one. */
export function watchedStreet(me: Me): string | undefined {
  const units = me.roles.filter((g) => roleAllows(g.role, 'gate.view') && g.unit && g.unit.kind === 'street').map((g) => g.unit!.id);
  return units.length === 1 ? units[0] : undefined;
}

