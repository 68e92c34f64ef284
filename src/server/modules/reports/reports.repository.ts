import { sql, type Insertable, type Selectable } from 'kysely';
import type { DialectName } from '../../../db/database.ts';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { DailyReportsTable, ReportIssuesTable, ReportRulesTable } from '../../../db/schema.ts';

export type ReportRow = Selectable<DailyReportsTable>;
export type IssueRow = Selectable<ReportIssuesTable>;
export type RulesRow = Selectable<ReportRulesTable> & { org_name: string };

/** The advisory lock space (first key) of a community's (or team's) report of a day. */
const LOCK_REPORT_DAY = 6005;

/** All SQL about daily reports and office rules; issues are in issues.repository.ts. */
export const reportsRepository = {
  /**
   * Holds a report of a day to the end of the transaction, so that a draft saved, a submission and a correction each
   * read the report as the one before left it (a first draft saved as the report is submitted would otherwise stay
   * beside the submitted version). PostgreSQL takes an advisory lock; SQLite's transactions already run one at a time.
   */
  async lockDay(trx: Executor, dialect: DialectName, communityId: string, day: string, subject: string): Promise<void> {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_REPORT_DAY)}, hashtext(${`${communityId}/${day}/${subject}`}))`.execute(trx);
  },

  async rulesAt(db: Executor, paths: readonly string[]): Promise<RulesRow[]> {
    if (paths.length === 0) return [];
    return db.selectFrom('report_rules as r').innerJoin('org_units as u', 'u.id', 'r.org_id').selectAll('r').select('u.name as org_name')
      .where('r.org_path', 'in', paths).execute();
  },

  /** Rules set by units strictly under a path. */
  async rulesUnder(db: Executor, path: string): Promise<RulesRow[]> {
    return db.selectFrom('report_rules as r').innerJoin('org_units as u', 'u.id', 'r.org_id').selectAll('r').select('u.name as org_name')
      .where((eb) => underAny(eb, 'r.org_path', [path])).where('r.org_path', '<>', path).execute();
  },

  async saveRules(db: Executor, row: Selectable<ReportRulesTable>): Promise<void> {
    const { min_issues, deadline_time, deadline_next_day, answer_hours, updated_by, updated_at } = row;
    await db.insertInto('report_rules').values(row)
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ min_issues, deadline_time, deadline_next_day, answer_hours, updated_by, updated_at })).execute();
  },

  /** The draft or newest version of a community's (or team's) report of a day. */
  async current(db: Executor, communityId: string, day: string, subject: string): Promise<ReportRow | undefined> {
    return db.selectFrom('daily_reports').selectAll().where('community_id', '=', communityId).where('day', '=', day).where('subject', '=', subject)
      .where('current', '=', 1).executeTakeFirst();
  },

  async byId(db: Executor, id: string): Promise<ReportRow | undefined> {
    return db.selectFrom('daily_reports').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The submitted versions, oldest first, with who submitted each. */
  async versions(db: Executor, communityId: string, day: string, subject: string) {
    return db.selectFrom('daily_reports as r').leftJoin('users as u', 'u.id', 'r.submitted_by')
      .select(['r.id', 'r.version', 'r.submitted_at', 'r.late', 'r.correction_reason', 'u.display_name'])
      .where('r.community_id', '=', communityId).where('r.day', '=', day).where('r.subject', '=', subject).where('r.version', '>', 0)
      .orderBy('r.version').execute();
  },

  async insert(db: Executor, row: Insertable<DailyReportsTable>): Promise<void> {
    await db.insertInto('daily_reports').values(row).execute();
  },

  async updateDraft(db: Executor, id: string, set: { narrative: string; draft_issues: string; updated_at: string }): Promise<void> {
    await db.updateTable('daily_reports').set(set).where('id', '=', id).where('version', '=', 0).execute();
  },

  async deleteDraft(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('daily_reports').where('id', '=', id).where('version', '=', 0).execute();
  },

  /** Makes a version no longer current; false when another correction got there first. */
  async supersede(db: Executor, id: string): Promise<boolean> {
    const r = await db.updateTable('daily_reports').set({ current: 0 }).where('id', '=', id).where('current', '=', 1).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The current reports (drafts and newest versions) of a day under a path, with their team's name. */
  async ofDay(db: Executor, path: string, day: string) {
    return db.selectFrom('daily_reports as r').leftJoin('work_teams as t', 't.id', 'r.team_id')
      .select(['r.id', 'r.community_id', 'r.subject', 'r.team_id', 'r.version', 'r.late', 'r.submitted_at', 'r.figures', 'r.deadline_at', 't.name as team_name'])
      .where('r.day', '=', day).where((eb) => underAny(eb, 'r.org_path', [path])).where('r.current', '=', 1)
      .execute();
  },

  async insertIssues(db: Executor, rows: Insertable<ReportIssuesTable>[]): Promise<void> {
    if (rows.length > 0) await db.insertInto('report_issues').values(rows).execute();
  },

  async issueCountOf(db: Executor, communityId: string, day: string, subject: string): Promise<number> {
    const r = await db.selectFrom('report_issues').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId).where('day', '=', day).where('subject', '=', subject).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
};
