import { isWithin } from '../org/org-path.ts';
import { roleAllows, type Permission, type Role } from './roles.ts';

/** One role a user holds now, at the unit whose path is `path`. */
export interface Grant {
  assignmentId: string;
  role: Role;
  unitId: string | null;
  path: string;
}

/**
 * What a signed-in user may reach: their grants. Built once per request by the
 * auth plugin and passed to every service and repository, so that no query can
 * forget whose request it serves.
 */
export interface Scope {
  userId: string;
  username: string;
  grants: readonly Grant[];
}

/** The path prefixes under which the user may use `permission`, without nested duplicates. */
export function prefixesFor(scope: Scope, permission: Permission): string[] {
  const paths = scope.grants.filter((g) => roleAllows(g.role, permission)).map((g) => g.path);
  return paths.filter((p) => !paths.some((q) => q !== p && isWithin(p, q))).filter((p, i, all) => all.indexOf(p) === i);
}

/**
 * The grant that lets the user use `permission` at `path`, preferring the most
 * specific one: it is the role recorded in the audit trail.
 */
export function grantFor(scope: Scope, permission: Permission, path: string): Grant | null {
  let best: Grant | null = null;
  for (const g of scope.grants) {
    if (!roleAllows(g.role, permission) || !isWithin(path, g.path)) continue;
    if (best === null || g.path.length > best.path.length) best = g;
  }
  return best;
}

/**
 * A grant that reaches `path` from above: a unit (or a person's role) is
 * managed by the level over it, so a community administrator edits the
 * community's groups but not the community, and cannot reset the password of
 * another administrator of the same community. The system administrator,
 * at the root, is over everything.
 */
export function grantAbove(scope: Scope, permission: Permission, path: string): Grant | null {
  let best: Grant | null = null;
  for (const g of scope.grants) {
    if (!roleAllows(g.role, permission) || !isWithin(path, g.path)) continue;
    if (g.path === path && g.role !== 'system_admin') continue;
    if (best === null || g.path.length > best.path.length) best = g;
  }
  return best;
}

/**
 * The grant that lets the user grant, end or manage a role held at `path`:
 * roles that manage people (administrators) are managed only from above;
 * other roles from the same unit too.
 */
export function grantOverRole(scope: Scope, role: Role, path: string): Grant | null {
  return roleAllows(role, 'users.manage') ? grantAbove(scope, 'users.manage', path) : grantFor(scope, 'users.manage', path);
}

export function can(scope: Scope, permission: Permission, path: string): boolean {
  return grantFor(scope, permission, path) !== null;
}

/** Whether the user may use `permission` anywhere at all (to show or hide a page). */
export function canAnywhere(scope: Scope, permission: Permission): boolean {
  return scope.grants.some((g) => roleAllows(g.role, permission));
}
