import { sql, type Insertable } from 'kysely';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { IssueAnswersTable, IssueGroupsTable } from '../../../db/schema.ts';

/** An issue with the names the pages show: its community, team, the office it went to, its group. */
function issueRows(db: Executor) {
  return db.selectFrom('report_issues as i')
    .innerJoin('org_units as c', 'c.id', 'i.community_id')
    .innerJoin('org_units as o', 'o.id', 'i.to_org_id')
    .leftJoin('daily_reports as r', 'r.id', 'i.report_id')
    .leftJoin('work_teams as t', 't.id', 'r.team_id')
    .leftJoin('issue_groups as g', 'g.id', 'i.group_id')
    .selectAll('i')
    .select(['c.name as community_name', 'o.name as to_name', 't.name as team_name', 'g.title as group_title']);
}
export type IssueView = Awaited<ReturnType<ReturnType<typeof issueRows>['execute']>>[number];

export interface IssueFilter {
  /** Raised at or under these paths (the communities a reader reaches). */
  raisedUnder: readonly string[];
  /** Sent to one of these offices, when given ("sent to my office"). */
  sentTo?: readonly string[] | undefined;
  status?: 'open' | 'answered' | 'flagged' | 'all' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  topic?: string | undefined;
  now: string;
}

/** All SQL about issues, their answers and groups. */
export const issuesRepository = {
  async ofReport(db: Executor, communityId: string, day: string, subject: string): Promise<IssueView[]> {
    return issueRows(db).where('i.community_id', '=', communityId).where('i.day', '=', day).where('i.subject', '=', subject)
      .orderBy('i.sent_at').orderBy('i.position').execute();
  },

  async byIds(db: Executor, ids: readonly string[]): Promise<IssueView[]> {
    if (ids.length === 0) return [];
    return issueRows(db).where('i.id', 'in', ids).orderBy('i.sent_at').orderBy('i.position').execute();
  },

  async list(db: Executor, f: IssueFilter, limit: number): Promise<IssueView[]> {
    let q = issueRows(db).where((eb) => underAny(eb, 'i.org_path', f.raisedUnder));
    if (f.sentTo) q = f.sentTo.length ? q.where('i.to_org_path', 'in', f.sentTo) : q.where(sql<boolean>`1 = 0`);
    if (f.status === 'open') q = q.where('i.status', '=', 'open');
    if (f.status === 'answered') q = q.where('i.status', '<>', 'open');
    if (f.status === 'flagged') q = q.where('i.status', '=', 'open').where('i.flag_at', '<=', f.now);
    if (f.from) q = q.where('i.day', '>=', f.from);
    if (f.to) q = q.where('i.day', '<=', f.to);
    if (f.topic) q = q.where('i.topic', '=', f.topic);
    return q.orderBy('i.sent_at', 'desc').orderBy('i.position').limit(limit).execute();
  },

  async answersOf(db: Executor, issueIds: readonly string[]) {
    if (issueIds.length === 0) return [];
    const rows = [];
    for (let i = 0; i < issueIds.length; i += 500) {
      rows.push(...await db.selectFrom('issue_answers as a')
        .innerJoin('users as u', 'u.id', 'a.answered_by').innerJoin('org_units as o', 'o.id', 'a.office_id').leftJoin('issue_groups as g', 'g.id', 'a.group_id')
        .select(['a.issue_id', 'a.status', 'a.measure', 'a.reason', 'a.answered_at', 'u.display_name', 'o.name as office_name', 'g.title as group_title'])
        .where('a.issue_id', 'in', issueIds.slice(i, i + 500)).orderBy('a.answered_at', 'desc').execute());
    }
    return rows;
  },

  async insertAnswer(db: Executor, row: Insertable<IssueAnswersTable>): Promise<void> {
    await db.insertInto('issue_answers').values(row).execute();
    // The issue's status is its newest answer's, also when an answer given a moment earlier (a group's) commits after it.
    await db.updateTable('report_issues').set({ status: row.status, answered_at: row.answered_at }).where('id', '=', row.issue_id)
      .where((eb) => eb.or([eb('answered_at', 'is', null), eb('answered_at', '<=', row.answered_at)])).execute();
  },

  /** Makes the group and puts the issues in it; false when one of them went into another group meanwhile. */
  async insertGroup(db: Executor, row: Insertable<IssueGroupsTable>, issueIds: readonly string[]): Promise<boolean> {
    await db.insertInto('issue_groups').values(row).execute();
    const r = await db.updateTable('report_issues').set({ group_id: row.id }).where('id', 'in', issueIds).where('group_id', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === new Set(issueIds).size;
  },

  async group(db: Executor, id: string) {
    return db.selectFrom('issue_groups as g').innerJoin('org_units as o', 'o.id', 'g.to_org_id').selectAll('g').select('o.name as to_name')
      .where('g.id', '=', id).executeTakeFirst();
  },

  async idsInGroup(db: Executor, groupId: string): Promise<string[]> {
    return (await db.selectFrom('report_issues').select('id').where('group_id', '=', groupId).execute()).map((r) => r.id);
  },

  /**
   * Per community under a path, the issues of one day's reports: all, open
   * and flagged now.
   */
  async countsByCommunity(db: Executor, path: string, now: string, day: string) {
    let q = db.selectFrom('report_issues')
      .select([
        'community_id',
        (eb) => eb.fn.countAll<number>().as('issues'),
        sql<number>`sum(case when status = 'open' then 1 else 0 end)`.as('open'),
        sql<number>`sum(case when status = 'open' and flag_at <= ${now} then 1 else 0 end)`.as('flagged'),
      ])
      .where((eb) => underAny(eb, 'org_path', [path]));
    q = q.where('day', '=', day);
    const rows = await q.groupBy('community_id').execute();
    return new Map(rows.map((r) => [r.community_id, { issues: Number(r.issues), open: Number(r.open ?? 0), flagged: Number(r.flagged ?? 0) }]));
  },

  /**
   * Per community under a path: the issues that were open at `asOf` (sent by
   * then, no answer by then) and of those the flagged ones — now, or at the
   * end of a past day, as the dashboard of that day shows them.
   */
  async openAt(db: Executor, path: string, asOf: string) {
    const unanswered = sql<boolean>`not exists (select 1 from issue_answers a where a.issue_id = report_issues.id and a.answered_at <= ${asOf})`;
    const rows = await db.selectFrom('report_issues')
      .select(['community_id', (eb) => eb.fn.countAll<number>().as('open'), sql<number>`sum(case when flag_at <= ${asOf} then 1 else 0 end)`.as('flagged')])
      .where((eb) => underAny(eb, 'org_path', [path]))
      .where('sent_at', '<=', asOf)
      // Open now, or answered only after asOf (the latest answer's time is on the issue): the rest were answered by then.
      .where((eb) => eb.or([eb('status', '=', 'open'), eb('answered_at', '>', asOf)]))
      .where(unanswered)
      .groupBy('community_id').execute();
    return new Map(rows.map((r) => [r.community_id, { open: Number(r.open), flagged: Number(r.flagged ?? 0) }]));
  },
};
