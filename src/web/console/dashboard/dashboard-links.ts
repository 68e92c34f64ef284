import type { Permission } from '../../../domain/access/roles.ts';
import { weekStart } from '../../../domain/rosters/roster-rules.ts';
import type { DashFigure } from './dashboard-figures.ts';

/**
 * Where a number on the dashboard leads. A community's numbers open the list
 * behind them (its gate register, its checks, its rounds…); an office's select
 * the figure in the table of the units below, so the breakdown leads down to
 * the communities, except its reports and issues, which have lists of their own.
 */
export type FigureLink = { kind: 'page'; to: string } | { kind: 'select'; figure: DashFigure } | null;

export interface LinkContext {
  unit: { id: string; kind: string };
  day: string;
  today: string;
  can: (permission: Permission) => boolean;
}

const OFFICES = new Set(['province', 'city', 'district', 'street']);

export const isOffice = (kind: string): boolean => OFFICES.has(kind);

/** A path with its query from defined values only, in the order given. */
export function pathWith(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The dashboard of a unit (the user's own without one) on a day (today without one), with a figure selected. */
export function dashboardPath(orgId: string | undefined, params: { day?: string | undefined; figure?: string | undefined } = {}): string {
  return pathWith(orgId ? `/dashboard/${encodeURIComponent(orgId)}` : '/dashboard', { day: params.day, figure: params.figure });
}

export function figureLink(figure: DashFigure, ctx: LinkContext): FigureLink {
  const { unit, day } = ctx;
  if (figure === 'reportsIn') {
    // A community's own staff open the report itself, to write or read it; the offices their page of who reported.
    if (unit.kind === 'community' && ctx.can('report.write')) return { kind: 'page', to: `/reports/write/${encodeURIComponent(unit.id)}/${day}` };
    return { kind: 'page', to: pathWith(`/reports/${encodeURIComponent(unit.id)}`, { day }) };
  }
  if (figure === 'openIssues' || figure === 'flaggedIssues') {
    return { kind: 'page', to: pathWith('/reports/issues', { status: figure === 'openIssues' ? 'open' : 'flagged', orgId: unit.id }) };
  }
  if (isOffice(unit.kind)) return { kind: 'select', figure };
  return unit.kind === 'community' ? communityPage(figure, ctx) : null;
}

/** The community's own list behind a figure, as far as the user may open it; null when there is none to open. */
function communityPage(figure: DashFigure, { unit, day, today, can }: LinkContext): FigureLink {
  const communityId = unit.id;
  const isToday = day === today;
  const page = (path: string, params: Record<string, string | undefined> = {}): FigureLink => ({ kind: 'page', to: pathWith(path, { communityId, ...params }) });
  switch (figure) {
    case 'passages':
    case 'passagesRefused':
    case 'visitors':
    case 'peopleChecked':
    case 'fevers': {
      const fever = figure === 'fevers' ? '1' : undefined;
      // The register lists each registration of any day; the live view (for those who may not open the register) only today's.
      if (can('gate.manage')) return page('/gates/register', { day: isToday ? undefined : day, fever });
      return can('gate.view') && isToday ? page('/gates') : null;
    }
    case 'underObservation':
      if (can('observation.read')) return page('/observation/arrivals', { status: 'observing' });
      return can('observation.figures') ? page('/observation') : null;
    case 'checksDue':
    case 'checksDone':
    case 'checksOverdue':
      if (can('observation.read')) return page('/observation/checks');
      return can('observation.figures') ? page('/observation') : null;
    case 'screening':
    case 'householdsScreened':
      // The rounds list covers the user's area; a community's staff see their own rounds.
      return can('ledger.read') ? { kind: 'page', to: '/screening' } : null;
    case 'duty':
      if (!can('team.read')) return null;
      return isToday ? page('/rosters/now') : page('/rosters', { monday: weekStart(day) });
    case 'tasks':
      return can('team.read') ? page('/teams/briefing', { day: isToday ? undefined : day }) : null;
    case 'reportsIn':
    case 'openIssues':
    case 'flaggedIssues':
      // Lists of their own, whatever the unit: answered before a community's pages are looked for.
      return null;
  }
}

export interface Crumb {
  id: string;
  name: string;
  /** Whether the user may open that unit's dashboard (it lies within one of their units). */
  reachable: boolean;
}

/**
 * The way down from the top to the unit shown. Units above the user's own are
 * named but not links (the server would not show them); `reachFrom` are the
 * units where the user reads reports, null for someone who reads everywhere.
 */
export function crumbsOf(ancestors: readonly { id: string; name: string }[], unit: { id: string; name: string }, reachFrom: ReadonlySet<string> | null): Crumb[] {
  const line = [...ancestors, unit];
  const first = reachFrom === null ? 0 : line.findIndex((u) => reachFrom.has(u.id));
  return line.map((u, i) => ({ id: u.id, name: u.name, reachable: first !== -1 && i >= first }));
}
