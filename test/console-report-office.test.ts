import { describe, expect, it } from 'vitest';
import type { Me } from '../src/contract/auth.ts';
import type { CommunityReportRow, LevelRow } from '../src/contract/reports.ts';
import { noFigures } from '../src/domain/reports/figures.ts';
import { firstOwnIndex } from '../src/web/console/shared/own-area.ts';
import {
  answerBody,
  atShanghai,
  communityTotals,
  groupable,
  groupProblem,
  highestUnit,
  inboxFilterFrom,
  inboxQuery,
  issueStatusColor,
  MAIN_FIGURES,
  pastDeadline,
  reportRowKey,
  stateTags,
  totalsRow,
} from '../src/web/console/reports/office/office-format.ts';

const figures = (over: Partial<ReturnType<typeof noFigures>> = {}) => ({ ...noFigures(), ...over });

describe("a community's report as tags", () => {
  it('is green when submitted, with an orange "late" when it came after the deadline', () => {
    expect(stateTags({ state: 'submitted', late: false, overdue: false })).toEqual([{ key: 'submitted', color: 'green' }]);
    expect(stateTags({ state: 'submitted', late: true, overdue: false })).toEqual([
      { key: 'submitted', color: 'green' },
      { key: 'late', color: 'orange' },
    ]);
  });

  it('is grey while missing or gold as a draft, and adds a red "overdue" once the deadline has passed', () => {
    expect(stateTags({ state: 'missing', late: false, overdue: false })).toEqual([{ key: 'missing', color: 'default' }]);
    expect(stateTags({ state: 'missing', late: false, overdue: true })).toEqual([
      { key: 'missing', color: 'default' },
      { key: 'overdue', color: 'red' },
    ]);
    expect(stateTags({ state: 'draft', late: false, overdue: true }).map((t) => t.color)).toEqual(['gold', 'red']);
  });

  it('makes an open issue past its answer time red, and colours each answer status', () => {
    expect(issueStatusColor('open', true)).toBe('red');
    expect(issueStatusColor('open', false)).toBe('blue');
    expect(issueStatusColor('done', false)).toBe('green');
    expect(issueStatusColor('done', true)).toBe('green');
    expect(issueStatusColor('declined', false)).toBe('default');
  });

  it('reads the deadline as passed from its very moment', () => {
    const at = '2026-11-26T10:00:00.000Z';
    expect(pastDeadline(at, Date.parse(at) - 1)).toBe(false);
    expect(pastDeadline(at, Date.parse(at))).toBe(true);
  });
});

describe('totals rows', () => {
  const row = (name: string, over: Partial<LevelRow>): LevelRow => ({
    id: name, name, kind: 'street', communities: 0, reportsIn: 0, late: 0, missing: 0, openIssues: 0, flaggedIssues: 0, figures: figures(), ...over,
  });

  it('sums every count and every figure of the units below', () => {
    const total = totalsRow([
      row('a', { communities: 3, reportsIn: 2, late: 1, missing: 1, openIssues: 4, flaggedIssues: 1, figures: figures({ passages: 120, fevers: 1 }) }),
      row('b', { communities: 2, reportsIn: 2, openIssues: 1, figures: figures({ passages: 30, checksOverdue: 2 }) }),
    ]);
    expect(total).toMatchObject({ communities: 5, reportsIn: 4, late: 1, missing: 1, openIssues: 5, flaggedIssues: 1 });
    expect(total.figures).toMatchObject({ passages: 150, fevers: 1, checksOverdue: 2, households: 0 });
    expect(totalsRow([]).communities).toBe(0);
  });

  it("counts the communities' list as one expected report per row (a work team's report is its own row)", () => {
    const c = (state: CommunityReportRow['state'], over: Partial<CommunityReportRow> = {}): CommunityReportRow => ({
      id: 'c1', name: 'c', parentName: 's', state, late: false, overdue: false, reportId: null, teamId: null, teamName: null, version: null, submittedAt: null,
      issues: 0, openIssues: 0, flaggedIssues: 0, figures: figures(), ...over,
    });
    const rows = [c('submitted', { late: true, issues: 2, openIssues: 1, figures: figures({ fevers: 2 }) }), c('draft', { teamId: 't1' }), c('missing', { id: 'c2', overdue: true })];
    expect(communityTotals(rows)).toMatchObject({ communities: 3, reportsIn: 1, late: 1, missing: 2, openIssues: 1, flaggedIssues: 0 });
    expect(communityTotals(rows).figures.fevers).toBe(2);
    expect(new Set(rows.map(reportRowKey)).size).toBe(3);
  });

  it('shows the main figures in the order of the report sections', () => {
    expect(MAIN_FIGURES).toEqual(['householdsScreened', 'passages', 'fevers', 'underObservation', 'checksOverdue']);
  });
});

describe("the inbox's filters", () => {
  it('asks the server only for what narrows the list', () => {
    expect(inboxQuery({ orgId: 'u', tab: 'open', mine: false })).toEqual({ orgId: 'u', status: 'open', mine: undefined, topic: undefined, from: undefined, to: undefined });
    expect(inboxQuery({ orgId: 'u', tab: 'all', mine: true, topic: 'supplies', from: '2020-02-01', to: '2020-02-29' })).toEqual({
      orgId: 'u', status: 'all', mine: 'true', topic: 'supplies', from: '2020-02-01', to: '2020-02-29',
    });
  });

  it("reads the filter from the address, falling back to the open issues of the user's unit", () => {
    expect(inboxFilterFrom(new URLSearchParams(''), 'top')).toEqual({ orgId: 'top', tab: 'open', mine: false, topic: undefined, from: undefined, to: undefined });
    expect(inboxFilterFrom(new URLSearchParams('orgId=s&status=flagged&mine=true&topic=staff'), 'top')).toMatchObject({ orgId: 's', tab: 'flagged', mine: true, topic: 'staff' });
    expect(inboxFilterFrom(new URLSearchParams('status=bogus'), 'top').tab).toBe('open');
  });

  it('groups only two or more issues the reader may answer, not yet grouped, sent to one office', () => {
    const mine = { canAnswer: true, group: null, to: { id: 'street', name: 'S' } };
    expect(groupProblem([mine])).toBe('tooFew');
    expect(groupProblem([mine, mine])).toBeNull();
    expect(groupProblem([mine, { ...mine, canAnswer: false }])).toBe('notYours');
    expect(groupProblem([mine, { ...mine, group: { id: 'g', title: 'G' } }])).toBe('grouped');
    expect(groupProblem([mine, { ...mine, to: { id: 'city', name: 'C' } }])).toBe('mixed');
    expect(groupable(mine)).toBe(true);
    expect(groupable({ canAnswer: false, group: null })).toBe(false);
  });

  it('sends a measure unless declining, and a reason only when declining', () => {
    expect(answerBody({ status: 'done', measure: '  500 masks ', reason: 'x' })).toEqual({ status: 'done', measure: '500 masks' });
    expect(answerBody({ status: 'declined', measure: '', reason: ' not ours ' })).toEqual({ status: 'declined', reason: 'not ours' });
    expect(answerBody({ status: 'accepted' })).toEqual({ status: 'accepted' });
  });
});

describe('the unit an office page opens on', () => {
  const grant = (role: Me['roles'][number]['role'], id: string, depth: number) => ({
    assignmentId: `a-${id}`, role, validFrom: '2020-01-01', validTo: null,
    unit: { id, name: id, kind: 'street' as const, code: id, ancestors: Array.from({ length: depth }, (_, i) => ({ id: `p${i}`, name: `p${i}`, kind: 'province' as const, code: `${i}` })) },
  });
  const me = (roles: Me['roles']): Me => ({ id: 'u', username: 'u', displayName: 'u', locale: 'zh-CN', mustChangePassword: false, roles, permissions: [] });

  it('is the highest unit where the user reads reports', () => {
    expect(highestUnit(me([grant('street_admin', 'street', 3), grant('district_admin', 'district', 2)]))).toEqual({ id: 'district', name: 'district' });
    expect(highestUnit(me([]))).toBeNull();
  });

  it("starts the breadcrumb at the user's own unit", () => {
    const chain = [{ id: 'p0' }, { id: 'district' }, { id: 'street' }];
    expect(firstOwnIndex(me([grant('district_admin', 'district', 2)]), chain, 'report.read')).toBe(1);
    expect(firstOwnIndex(me([grant('street_admin', 'elsewhere', 3)]), chain, 'report.read')).toBe(2);
  });
});

describe('times on the offices pages', () => {
  it("are Shanghai's date and clock whatever the desk's zone", () => {
    expect(atShanghai('2026-11-26T12:00:00.000Z')).toBe('2026-11-26 20:00');
    expect(atShanghai('2020-02-21T16:30:00Z')).toBe('2020-02-22 00:30');
    expect(atShanghai(null)).toBe('');
  });
});
