import { describe, expect, it } from 'vitest';
import type { DashboardRow } from '../src/contract/reports.ts';
import type { Permission } from '../src/domain/access/roles.ts';
import { noFigures, type DayFigures } from '../src/domain/reports/figures.ts';
import { FIGURE_SECTIONS } from '../src/web/console/reports/figure-sections.ts';
import {
  DASH_FIGURES, DASH_SECTIONS, figureText, figureValue, hourSeries, isAlarming, isDashFigure, sortByFigure, tableFigures, TABLE_FIGURES,
} from '../src/web/console/dashboard/dashboard-figures.ts';
import { crumbsOf, dashboardPath, figureLink, isOffice, type LinkContext } from '../src/web/console/dashboard/dashboard-links.ts';

const row = (name: string, figures: Partial<DayFigures> = {}, extra: Partial<DashboardRow> = {}): DashboardRow => ({
  id: `id-${name}`, name, kind: 'community', communities: 1, reportsIn: 0, openIssues: 0, flaggedIssues: 0, figures: { ...noFigures(), ...figures }, ...extra,
});

const TODAY = '2026-11-26';
const everything = (): boolean => true;
const only = (...allowed: Permission[]) => (p: Permission) => allowed.includes(p);
const community = (can: LinkContext['can'] = everything, day = TODAY): LinkContext => ({ unit: { id: 'c1', kind: 'community' }, day, today: TODAY, can });
const to = (link: ReturnType<typeof figureLink>) => (link?.kind === 'page' ? link.to : link);

describe('the figures a dashboard shows', () => {
  it('follows the report’s sections, then reports and issues, each figure once', () => {
    expect(DASH_SECTIONS.map((s) => s.section)).toEqual([...FIGURE_SECTIONS.map((s) => s.section), 'reports']);
    const all = DASH_SECTIONS.flatMap((s) => s.figures);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...DASH_FIGURES].sort());
    expect(isDashFigure('fevers')).toBe(true);
    expect(isDashFigure('households')).toBe(false);
    expect(isDashFigure(null)).toBe(false);
  });

  it('reads counts as they are and shares as whole percentages, 0 when there is no whole', () => {
    const r = row('a', { passages: 12, roundHouseholds: 3, roundHouseholdsScreened: 2, duties: 0, dutiesCheckedIn: 0, tasks: 4, tasksDone: 1 }, { reportsIn: 1, communities: 2, flaggedIssues: 3 });
    expect(figureValue(r, 'passages')).toBe(12);
    expect(figureValue(r, 'screening')).toBe(67);
    expect(figureValue(r, 'duty')).toBe(0);
    expect(figureValue(r, 'tasks')).toBe(25);
    expect(figureValue(r, 'reportsIn')).toBe(50);
    expect(figureValue(r, 'flaggedIssues')).toBe(3);
  });

  it('writes coverage as a percentage with its parts, a dash with nothing to cover, small shares as part / whole', () => {
    const count = (n: number) => `#${n}`;
    const r = row('a', { roundHouseholds: 387, roundHouseholdsScreened: 120, tasks: 5, tasksDone: 3, fevers: 2 }, { reportsIn: 1, communities: 1 });
    expect(figureText(r, 'screening', count)).toEqual({ text: '31%', detail: '#120 / #387' });
    expect(figureText(r, 'duty', count)).toEqual({ text: '—', detail: '#0 / #0' });
    expect(figureText(r, 'tasks', count)).toEqual({ text: '#3 / #5', detail: null });
    expect(figureText(r, 'reportsIn', count)).toEqual({ text: '#1 / #1', detail: null });
    expect(figureText(r, 'fevers', count)).toEqual({ text: '#2', detail: null });
  });

  it('shows fevers, overdue checks and flagged issues in red only when there are any', () => {
    expect(isAlarming('fevers', 1)).toBe(true);
    expect(isAlarming('fevers', 0)).toBe(false);
    expect(isAlarming('checksOverdue', 2)).toBe(true);
    expect(isAlarming('flaggedIssues', 1)).toBe(true);
    expect(isAlarming('passages', 900)).toBe(false);
  });

  it('sorts the units below: counts highest first, shares lowest first, ties as the server listed them', () => {
    const a = row('a', { fevers: 1, roundHouseholds: 10, roundHouseholdsScreened: 9 });
    const b = row('b', { fevers: 3, roundHouseholds: 10, roundHouseholdsScreened: 2 });
    const c = row('c', { fevers: 1, roundHouseholds: 0 });
    expect(sortByFigure([a, b, c], 'fevers').map((r) => r.name)).toEqual(['b', 'a', 'c']);
    expect(sortByFigure([a, b, c], 'screening').map((r) => r.name)).toEqual(['c', 'b', 'a']);
  });

  it('adds the selected figure to the table’s columns when it is not one of them', () => {
    expect(tableFigures('fevers')).toEqual(TABLE_FIGURES);
    expect(tableFigures('checksDone')).toEqual([...TABLE_FIGURES, 'checksDone']);
  });

  it('fills all 24 hours, and leaves today’s hours to come empty', () => {
    const s = hourSeries({ passagesByHour: [{ hour: 8, passages: 5, refused: 1 }, { hour: 14, passages: 2, refused: 0 }], fevers: [{ hour: 8, count: 1 }] }, 10);
    expect(s.hours).toHaveLength(24);
    expect(s.passages[8]).toBe(5);
    expect(s.refused[8]).toBe(1);
    expect(s.passages[0]).toBe(0);
    expect(s.fevers[8]).toBe(1);
    expect(s.fevers[10]).toBe(0);
    expect(s.fevers[11]).toBeNull();
    // Passages listed after "now" (a clock a little ahead) are not drawn in the future either.
    expect(s.passages[14]).toBeNull();
    expect(hourSeries({ passagesByHour: [], fevers: [] }).fevers.every((v) => v === 0)).toBe(true);
  });
});

describe('where a number on the dashboard leads', () => {
  it('at an office: selects the figure in the table, except reports and issues, which have lists of their own', () => {
    for (const kind of ['street', 'district', 'city', 'province']) {
      const ctx: LinkContext = { unit: { id: 's1', kind }, day: '2026-11-20', today: TODAY, can: everything };
      expect(isOffice(kind)).toBe(true);
      expect(figureLink('fevers', ctx)).toEqual({ kind: 'select', figure: 'fevers' });
      expect(figureLink('screening', ctx)).toEqual({ kind: 'select', figure: 'screening' });
      expect(to(figureLink('reportsIn', ctx))).toBe('/reports/s1?day=2026-11-20');
      expect(to(figureLink('openIssues', ctx))).toBe('/reports/issues?status=open&orgId=s1');
      expect(to(figureLink('flaggedIssues', ctx))).toBe('/reports/issues?status=flagged&orgId=s1');
    }
  });

  it('at a community: the gate register of the day (fevers only for fevers)', () => {
    expect(to(figureLink('passages', community()))).toBe('/gates/register?communityId=c1');
    expect(to(figureLink('visitors', community()))).toBe('/gates/register?communityId=c1');
    expect(to(figureLink('fevers', community()))).toBe('/gates/register?communityId=c1&fever=1');
    expect(to(figureLink('fevers', community(everything, '2026-11-20')))).toBe('/gates/register?communityId=c1&day=2026-11-20&fever=1');
  });

  it('for an office looking at a community: the live gate view today, nothing on a past day (the register is the community’s)', () => {
    const office = only('gate.view', 'observation.figures', 'team.read', 'report.read');
    expect(to(figureLink('passages', community(office)))).toBe('/gates?communityId=c1');
    expect(figureLink('passages', community(office, '2026-11-20'))).toBeNull();
    expect(to(figureLink('underObservation', community(office)))).toBe('/observation?communityId=c1');
    expect(to(figureLink('checksOverdue', community(office)))).toBe('/observation?communityId=c1');
    expect(figureLink('screening', community(office))).toBeNull();
    expect(to(figureLink('screening', community(only('ledger.read'))))).toBe('/screening');
  });

  it('at a community: observation lists, screening rounds, duties now or that week, the briefing of the day', () => {
    expect(to(figureLink('underObservation', community()))).toBe('/observation/arrivals?communityId=c1&status=observing');
    expect(to(figureLink('checksDue', community()))).toBe('/observation/checks?communityId=c1');
    expect(to(figureLink('checksOverdue', community()))).toBe('/observation/checks?communityId=c1');
    expect(to(figureLink('screening', community()))).toBe('/screening');
    expect(to(figureLink('householdsScreened', community()))).toBe('/screening');
    expect(to(figureLink('duty', community()))).toBe('/rosters/now?communityId=c1');
    // 2026-11-20 is a Friday: its week began on Monday the 16th.
    expect(to(figureLink('duty', community(everything, '2026-11-20')))).toBe('/rosters?communityId=c1&monday=2026-11-16');
    expect(to(figureLink('tasks', community()))).toBe('/teams/briefing?communityId=c1');
    expect(to(figureLink('tasks', community(everything, '2026-11-20')))).toBe('/teams/briefing?communityId=c1&day=2026-11-20');
    expect(to(figureLink('reportsIn', community()))).toBe(`/reports/write/c1/${TODAY}`);
    expect(to(figureLink('reportsIn', community(only('report.read'))))).toBe(`/reports/c1?day=${TODAY}`);
  });

  it('below a community (a grid): nothing of its own to open', () => {
    expect(figureLink('passages', { unit: { id: 'g1', kind: 'grid' }, day: TODAY, today: TODAY, can: everything })).toBeNull();
  });

  it('builds dashboard paths with the day and figure only when given', () => {
    expect(dashboardPath(undefined)).toBe('/dashboard');
    expect(dashboardPath('u1', { day: '2026-11-20', figure: 'fevers' })).toBe('/dashboard/u1?day=2026-11-20&figure=fevers');
    expect(dashboardPath('u1', { day: undefined })).toBe('/dashboard/u1');
  });
});

describe('the way up from the unit shown', () => {
  const ancestors = [{ id: 'p', name: 'province' }, { id: 'c', name: 'city' }, { id: 'd', name: 'district' }];
  const street = { id: 's', name: 'street' };

  it('opens the units from the user’s own down, and names those above without a link', () => {
    expect(crumbsOf(ancestors, street, new Set(['d'])).map((c) => [c.id, c.reachable])).toEqual([['p', false], ['c', false], ['d', true], ['s', true]]);
    expect(crumbsOf(ancestors, street, new Set(['s'])).filter((c) => c.reachable).map((c) => c.id)).toEqual(['s']);
  });

  it('opens every unit for someone who reads everywhere', () => {
    expect(crumbsOf(ancestors, street, null).every((c) => c.reachable)).toBe(true);
  });
});
