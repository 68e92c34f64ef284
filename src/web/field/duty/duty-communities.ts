import type { Me } from '../../../contract/auth.ts';
import { roleAllows, type Permission } from '../../../domain/access/roles.ts';

export interface DutyCommunity {
  id: string;
  name: string;
}

/**
 * The communities where the user holds a role that allows a permission: a
 * secretary's community, or the community above a grid worker's group. Team
 * work (rosters, hazards, alerts) is the community's.
 */
export function communitiesWith(me: Me | null | undefined, permission: Permission): DutyCommunity[] {
  const found = new Map<string, DutyCommunity>();
  for (const grant of me?.roles ?? []) {
    if (!roleAllows(grant.role, permission) || !grant.unit) continue;
    const unit = grant.unit;
    const community = unit.kind === 'community' ? unit : unit.ancestors.find((a) => a.kind === 'community');
    if (community) found.set(community.id, { id: community.id, name: community.name });
  }
  return [...found.values()];
}
