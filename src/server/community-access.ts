import type { Database } from '../db/database.ts';
import type { Permission } from '../domain/access/roles.ts';
import type { Grant } from '../domain/access/scope.ts';
import { gateGrant, gatePrefixes, gateReach } from '../domain/gates/gate-scope.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';
import { orgRepository } from './modules/org/org.repository.ts';

export interface Community {
  id: string;
  path: string;
  name: string;
}

/**
 * The community, when the actor holds `permission` there. Community work
 * (observation, teams, rosters) is the community's, so a grid worker or team
 * member placed at a group reaches their whole community (as for gate work);
 * out of scope looks absent.
 */
export async function communityFor(db: Database['db'], actor: Actor, id: string, permission: Permission): Promise<Community> {
  const unit = await orgRepository.findInScope(db, gatePrefixes(actor, permission), id);
  if (!unit || unit.kind !== 'community') throw new AppError('NOT_FOUND', { field: 'communityId' });
  return { id: unit.id, path: unit.path, name: unit.name };
}

/** The grant for `permission` on a thing of a community, or "not found" (out of scope looks absent). */
export function grantOn(actor: Actor, permission: Permission, path: string) {
  const grant = gateGrant(actor, permission, path);
  if (!grant) throw new AppError('NOT_FOUND');
  return grant;
}

/**
 * The grant by which the actor works at the community whose path is `communityPath` (a role held at it or at one of
 * its groups), or null: the offices above read a community's work but do not do it.
 */
export function workGrant(actor: Actor, permission: Permission, communityPath: string): Grant | null {
  return gateGrant({ ...actor, grants: actor.grants.filter((g) => gateReach(g.path) === communityPath) }, permission, communityPath);
}
