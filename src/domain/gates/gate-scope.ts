import { roleAllows, type Permission } from '../access/roles.ts';
import type { Grant, Scope } from '../access/scope.ts';
import { isWithin } from '../org/org-path.ts';

/**
 * Entrances, passes' keys, patrol zones and the live view belong to a whole
 * community, while a volunteer or grid worker may hold their role at one of
 * its groups. For gate work such a role reaches its community: a group's path
 * is its community's path plus a local code `<community code>-…`.
 */
export function gateReach(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const last = parts.at(-1) ?? '';
  return last.includes('-') && parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/` : path;
}

/** The path prefixes where the user may use a gate permission, groups lifted to their community. */
export function gatePrefixes(scope: Scope, permission: Permission): string[] {
  const paths = scope.grants.filter((g) => roleAllows(g.role, permission)).map((g) => gateReach(g.path));
  return paths.filter((p) => !paths.some((q) => q !== p && isWithin(p, q))).filter((p, i, all) => all.indexOf(p) === i);
}

/** The grant by which the user may use a gate permission on a community's thing at `path`, the closest first. */
export function gateGrant(scope: Scope, permission: Permission, path: string): Grant | null {
  let best: Grant | null = null;
  for (const g of scope.grants) {
    if (!roleAllows(g.role, permission) || !isWithin(path, gateReach(g.path))) continue;
    if (best === null || g.path.length > best.path.length) best = g;
  }
  return best;
}
