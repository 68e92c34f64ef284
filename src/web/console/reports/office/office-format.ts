import type { Me } from '../../../../contract/auth.ts';
import type { CommunityReportRow, Issue, IssueStatus, LevelRow } from '../../../../contract/reports.ts';
import { roleAllows } from '../../../../domain/access/roles.ts';
import { shanghaiDateTime } from '../../../../domain/local-date.ts';
import { sumFigures, type FigureKey } from '../../../../domain/reports/figures.ts';
import { FIGURE_SECTIONS } from '../figure-sections.ts';

/**
 * What the offices' pages work out without the server: the tags a report's
 * state shows, the totals row of a list, the inbox's filters, which issues can
 * be grouped, and the unit a page opens on.
 */

export type StateTagKey = 'missing' | 'overdue' | 'draft' | 'submitted' | 'late';
export interface StateTag {
  key: StateTagKey;
  color: string;
}

/**
 * A community's report as tags: submitted (and late), a draft, or missing —
 * red once the deadline has passed without it, so the street sees whom to call.
 */
export function stateTags(row: Pick<CommunityReportRow, 'state' | 'late' | 'overdue'>): StateTag[] {
  if (row.state === 'submitted') return row.late ? [{ key: 'submitted', color: 'green' }, { key: 'late', color: 'orange' }] : [{ key: 'submitted', color: 'green' }];
  const first: StateTag = row.state === 'draft' ? { key: 'draft', color: 'gold' } : { key: 'missing', color: 'default' };
  return row.overdue ? [first, { key: 'overdue', color: 'red' }] : [first];
}

/** The colour of an issue's status; an unanswered issue past its time is red at both ends. */
export function issueStatusColor(status: IssueStatus, flagged: boolean): string {
  if (flagged && status === 'open') return 'red';
  return { open: 'blue', accepted: 'cyan', in_progress: 'geekblue', done: 'green', declined: 'default' }[status];
}

/** The figures the level's tables show beside the counts, in the sections' order. */
const MAIN = new Set<FigureKey>(['householdsScreened', 'passages', 'fevers', 'underObservation', 'checksOverdue']);
export const MAIN_FIGURES: readonly FigureKey[] = FIGURE_SECTIONS.flatMap((s) => s.keys.filter((k) => MAIN.has(k)));

type Counts = Pick<LevelRow, 'communities' | 'reportsIn' | 'late' | 'missing' | 'openIssues' | 'flaggedIssues' | 'figures'>;

/** The totals row of a list of units: every count and figure summed. */
export function totalsRow(rows: readonly Counts[]): Counts {
  const sum = (k: Exclude<keyof Counts, 'figures'>) => rows.reduce((n, r) => n + r[k], 0);
  return {
    communities: sum('communities'),
    reportsIn: sum('reportsIn'),
    late: sum('late'),
    missing: sum('missing'),
    openIssues: sum('openIssues'),
    flaggedIssues: sum('flaggedIssues'),
    figures: sumFigures(rows.map((r) => r.figures)),
  };
}

/** The communities' list summed as the children table counts it: one report expected per row. */
export function communityTotals(rows: readonly CommunityReportRow[]): Counts {
  return totalsRow(
    rows.map((r) => ({
      communities: 1,
      reportsIn: r.state === 'submitted' ? 1 : 0,
      late: r.late ? 1 : 0,
      missing: r.state === 'submitted' ? 0 : 1,
      openIssues: r.openIssues,
      flaggedIssues: r.flaggedIssues,
      figures: r.figures,
    })),
  );
}

/** A row of the communities' list is one report: a community's own, or one of its work teams'. */
export const reportRowKey = (r: Pick<CommunityReportRow, 'id' | 'teamId'>): string => `${r.id}|${r.teamId ?? ''}`;

/** The header's "missing" turns red once the deadline has passed. */
export const pastDeadline = (deadlineAt: string, now: number): boolean => Date.parse(deadlineAt) <= now;

export type InboxTab = 'open' | 'flagged' | 'answered' | 'all';
export const INBOX_TABS: readonly InboxTab[] = ['open', 'flagged', 'answered', 'all'];

export interface InboxFilter {
  orgId: string;
  tab: InboxTab;
  mine: boolean;
  topic?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The inbox's filter as the query of GET /api/issues (only what narrows it). */
export function inboxQuery(f: InboxFilter): Record<string, string | undefined> {
  return { orgId: f.orgId, status: f.tab, mine: f.mine ? 'true' : undefined, topic: f.topic || undefined, from: f.from || undefined, to: f.to || undefined };
}

/** The inbox's filter read from the page's address; unknown values fall back to the open issues of the unit. */
export function inboxFilterFrom(params: URLSearchParams, fallbackOrgId: string): InboxFilter {
  const tab = params.get('status');
  return {
    orgId: params.get('orgId') ?? fallbackOrgId,
    tab: INBOX_TABS.includes(tab as InboxTab) ? (tab as InboxTab) : 'open',
    mine: params.get('mine') === 'true',
    topic: params.get('topic') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

/** Why the picked issues cannot be answered together, or null when they can (the server checks again). */
export function groupProblem(issues: readonly Pick<Issue, 'canAnswer' | 'group' | 'to'>[]): 'tooFew' | 'notYours' | 'grouped' | 'mixed' | null {
  if (issues.length < 2) return 'tooFew';
  if (issues.some((i) => !i.canAnswer)) return 'notYours';
  if (issues.some((i) => i.group)) return 'grouped';
  if (new Set(issues.map((i) => i.to.id)).size > 1) return 'mixed';
  return null;
}

/** Only issues the reader may answer and that are not in a group yet can be picked for one. */
export const groupable = (i: Pick<Issue, 'canAnswer' | 'group'>): boolean => i.canAnswer && !i.group;

/**
 * The unit a page opens on: the highest unit where the user reads reports
 * (the city before its district). The system administrator has none: the
 * server then picks the top of the tree.
 */
export function highestUnit(me: Me): { id: string; name: string } | null {
  const units = me.roles.filter((r) => r.unit && roleAllows(r.role, 'report.read')).map((r) => r.unit!);
  if (units.length === 0) return null;
  const top = units.reduce((a, b) => (b.ancestors.length < a.ancestors.length ? b : a));
  return { id: top.id, name: top.name };
}

export interface AnswerValues {
  status?: 'accepted' | 'in_progress' | 'done' | 'declined';
  measure?: string;
  reason?: string;
}

/** The answer form's values as the server takes them: empty text left out, a reason only when declining. */
export function answerBody(v: AnswerValues): { status: NonNullable<AnswerValues['status']>; measure?: string; reason?: string } {
  const measure = v.measure?.trim();
  const reason = v.reason?.trim();
  return { status: v.status!, ...(measure ? { measure } : {}), ...(v.status === 'declined' && reason ? { reason } : {}) };
}

/** An instant as the offices read it: Shanghai's date and clock (2020-02-22 09:30), whatever the desk's time zone. */
export const atShanghai = (instant: string | null | undefined): string => (instant ? shanghaiDateTime(new Date(instant)) : '');
