import type { Me } from '../../../../contract/auth.ts';
import type { IssueDraft, ReportDay, ReportFigures } from '../../../../contract/reports.ts';
import type { Team } from '../../../../contract/teams.ts';
import { roleAllows } from '../../../../domain/access/roles.ts';
import type { FigureKey } from '../../../../domain/reports/figures.ts';
import { percent } from '../../../../domain/reports/figures.ts';

/**
 * What the report pages work out without the server: whose report the user
 * writes, the coverage shares beside the figures, the issue counter, what a
 * draft sends, and where a refusal is shown.
 */

/** A community the user writes reports for: as its secretary (the community's own report and its teams'), or as a team member (their team's). */
export interface WriterCommunity {
  id: string;
  name: string;
  asCommunity: boolean;
}

/** The communities the user writes for: report.write (the community's staff) or report.team (a work team's member); a role on a group or grid counts for the community above it. */
export function writerCommunities(me: Me): WriterCommunity[] {
  const found = new Map<string, WriterCommunity>();
  for (const grant of me.roles) {
    if (!grant.unit || !(roleAllows(grant.role, 'report.write') || roleAllows(grant.role, 'report.team'))) continue;
    const unit = grant.unit;
    const community = unit.kind === 'community' ? { id: unit.id, name: unit.name } : unit.ancestors.find((a) => a.kind === 'community');
    if (!community) continue;
    const asCommunity = roleAllows(grant.role, 'report.write');
    const before = found.get(community.id);
    found.set(community.id, { id: community.id, name: community.name, asCommunity: asCommunity || Boolean(before?.asCommunity) });
  }
  return [...found.values()];
}

/** Whether a team is stationed on `day` (`to` is its first day off). */
export function teamActiveOn(team: Pick<Team, 'from' | 'to'>, day: string): boolean {
  return team.from <= day && (team.to === null || day < team.to);
}

/**
 * The work teams that may report on `day`: those stationed then; a team
 * member (not the secretary) is offered only the teams they are on that day.
 */
export function teamsToOffer(teams: readonly Team[], day: string, who: { userId: string; asCommunity: boolean }): Team[] {
  return teams.filter((t) => teamActiveOn(t, day) && (who.asCommunity || t.onDay.some((m) => m.userId === who.userId)));
}

/** Who reports when the link does not say: the community for its secretary, else the member's first team. */
export function defaultTeamId(offered: readonly Team[], asCommunity: boolean): string | undefined {
  return asCommunity ? undefined : offered[0]?.id;
}

/** The deep link of a report: /reports/write/<community>/<day>?team=<team>. */
/** Whether a day (from a link) is after today in Shanghai: no report is written for it yet. Days are YYYY-MM-DD, so they compare as text. */
export function dayNotBegun(day: string, today: string): boolean {
  return day > today;
}

export function reportPath(communityId: string, day: string, teamId?: string | null): string {
  return `/reports/write/${encodeURIComponent(communityId)}/${day}${teamId ? `?team=${encodeURIComponent(teamId)}` : ''}`;
}

export type ShareKey = 'screening' | 'checks' | 'duties' | 'tasks';
export interface Share {
  key: ShareKey;
  part: number;
  whole: number;
  percent: number;
}

const SHARES: readonly { key: ShareKey; part: FigureKey; whole: FigureKey }[] = [
  { key: 'screening', part: 'roundHouseholdsScreened', whole: 'roundHouseholds' },
  { key: 'checks', part: 'checksDone', whole: 'checksDue' },
  { key: 'duties', part: 'dutiesCheckedIn', whole: 'duties' },
  { key: 'tasks', part: 'tasksDone', whole: 'tasks' },
];

/** Coverage as whole percent: screening in the open rounds, observation checks, duties checked in, tasks done. */
export function coverageShares(f: ReportFigures): Share[] {
  return SHARES.map((s) => ({ key: s.key, part: f[s.part], whole: f[s.whole], percent: percent(f[s.part], f[s.whole]) }));
}

/** A row being written in the editor: text may still be empty. */
export interface IssueRow {
  kind: IssueDraft['kind'];
  topic: IssueDraft['topic'];
  text?: string | undefined;
}

export const emptyIssue = (): IssueRow => ({ kind: 'issue', topic: 'supplies', text: '' });

/** Rows with something written in them: the ones that count and that a quiet save sends. */
export function writtenIssues(rows: readonly (IssueRow | undefined)[] | undefined): IssueDraft[] {
  return (rows ?? []).flatMap((r) => (r && r.text?.trim() ? [{ kind: r.kind, topic: r.topic, text: r.text.trim() }] : []));
}

/** "2 / 2": how many written so far against the rule, and whether that is enough to submit. */
export function issueCounter(rows: readonly (IssueRow | undefined)[] | undefined, min: number): { count: number; min: number; enough: boolean } {
  const count = writtenIssues(rows).length;
  return { count, min, enough: count >= min };
}

export interface DraftValues {
  narrative?: string | undefined;
  issues?: (IssueRow | undefined)[] | undefined;
}

/**
 * What a save sends. A quiet save (after typing stops) sends only written
 * rows, so a row just added is not refused as empty; a save or a submission
 * pressed sends every row, so an empty one is named on its field.
 */
export function draftBody(values: DraftValues, quiet: boolean): { narrative: string; issues: IssueDraft[] } {
  const narrative = (values.narrative ?? '').trim();
  if (quiet) return { narrative, issues: writtenIssues(values.issues) };
  return { narrative, issues: (values.issues ?? []).map((r) => ({ kind: r?.kind ?? 'issue', topic: r?.topic ?? 'other', text: (r?.text ?? '').trim() })) };
}

/** The form's values from a report: its narrative and draft rows (one empty row to begin with). */
export function formValuesOf(report: Pick<ReportDay, 'narrative' | 'draftIssues'>): { narrative: string; issues: IssueRow[] } {
  return { narrative: report.narrative, issues: report.draftIssues.length ? report.draftIssues.map((i) => ({ ...i })) : [emptyIssue()] };
}

export const sameDraft = (a: { narrative: string; issues: IssueDraft[] }, b: { narrative: string; issues: IssueDraft[] }): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Where a refusal is shown: on the issues block, on the day, on the form's fields, or above the form. */
export type ErrorPlace = 'issues' | 'day' | 'fields' | 'form';
export function errorPlace(code: string): ErrorPlace {
  if (code === 'REPORT_TOO_FEW_ISSUES') return 'issues';
  if (code === 'REPORT_DAY_IN_FUTURE') return 'day';
  if (code === 'VALIDATION_FAILED') return 'fields';
  return 'form';
}

/**
 * Whether a failed submission keeps its id for the next attempt: when the
 * answer never came (network, server failure) the report may have been
 * stored, so the retry must carry the same id; a refusal stored nothing.
 */
export function keepsAttemptId(status: number): boolean {
  return status === 0 || status >= 500;
}

/** The report's state as its tag shows it. */
export function stateColor(state: ReportDay['state']): string {
  return state === 'submitted' ? 'green' : state === 'draft' ? 'blue' : 'default';
}

/** Issues to draw attention to first: flagged ones, then those still open, newest first otherwise as the server sends them. */
export function issuesInOrder<T extends { flagged: boolean; status: string }>(issues: readonly T[]): T[] {
  const rank = (i: T) => (i.flagged ? 0 : i.status === 'open' ? 1 : 2);
  return issues.map((i, n) => ({ i, n })).sort((a, b) => rank(a.i) - rank(b.i) || a.n - b.n).map((x) => x.i);
}

/** "<community> <team> daily report <day>" in the user's language (the team, when there is one, after the community). */
export function printTitle(t: (key: string, values?: Record<string, unknown>) => string, r: Pick<ReportDay, 'community' | 'team' | 'day'>): string {
  return t('reports-console:print.title', { community: r.community.name, team: r.team ? ` ${r.team.name}` : '', day: r.day });
}
