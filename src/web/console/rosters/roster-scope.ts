import type { Me } from '../../../contract/auth.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import { ownCommunity } from '../gates/own-community.ts';
import { useUrlParams } from '../../shared/url-params.ts';
import { mondayOf } from './roster-grid.ts';

const ABOVE_COMMUNITY = new Set(['province', 'city', 'district', 'street']);

/**
 * The office above communities whose rosters the user reads (a street, a
 * district): the overview opens there. Undefined for a community's own staff,
 * and for someone reading from several such offices or from the root (they pick).
 */
export function overviewUnit(me: Me): { id: string; name: string } | undefined {
  const units = me.roles.filter((g) => roleAllows(g.role, 'team.read') && g.unit && ABOVE_COMMUNITY.has(g.unit.kind)).map((g) => g.unit!);
  const distinct = [...new Map(units.map((u) => [u.id, { id: u.id, name: u.name }])).values()];
  return distinct.length === 1 ? distinct[0] : undefined;
}

/** Whether the user reads rosters from above communities (the overview is theirs). */
export function readsFromAbove(me: Me): boolean {
  return me.roles.some((g) => roleAllows(g.role, 'team.read') && (g.unit === null || ABOVE_COMMUNITY.has(g.unit.kind)));
}

/**
 * Whether the user edits this community's roster: team.manage held at the
 * community itself (its secretary). Offices above only read; the server
 * checks again.
 */
export function managesRoster(me: Me, communityId: string): boolean {
  return me.roles.some((g) => roleAllows(g.role, 'team.manage') && (g.unit === null || g.unit.id === communityId));
}

/**
 * Whether the user may have the street's sheet (print view and .xlsx): it
 * carries phones in full, so the server gives it to administrators who may
 * reveal them (the community, the offices above), not to field roles reading
 * the week with masked phones.
 */
export function readsSheet(me: Me): boolean {
  return me.roles.some((g) => roleAllows(g.role, 'users.reveal'));
}

/**
 * What the roster pages show, from the URL so a link keeps it: the community
 * (`?communityId=`, else the user's own), the week (`?monday=`, else this
 * week) and, above communities, the office whose overview is shown (`?unitId=`).
 */
export function useRosterScope(me: Me) {
  const [params, set] = useUrlParams();
  const own = ownCommunity(me);
  const chosen = params.get('communityId') ?? undefined;
  const communityId = chosen ?? own?.id;
  const monday = mondayOf(params.get('monday'));
  const unitId = params.get('unitId') ?? overviewUnit(me)?.id;
  /** The query that keeps the community, week and office across the tabs and the print view. */
  const search = (extra: Record<string, string | undefined> = {}) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ communityId: chosen, monday: params.get('monday') ?? undefined, unitId: params.get('unitId') ?? undefined, ...extra })) if (v) next.set(k, v);
    const s = next.toString();
    return s ? `?${s}` : '';
  };
  return { own, chosen, communityId, monday, unitId, set, search };
}
