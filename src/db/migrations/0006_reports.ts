import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { columnTypes } from '../dialect.ts';

/**
 * Daily reports and the issues they send up (日报, 问题建议). A report is one
 * row per version: the draft (version 0) until it is submitted, then frozen
 * with the figures of that moment; a correction is a further version that
 * supersedes it. `subject` is 'community' or the work team's id, so a
 * community's and its work team's reports of a day stay apart. Issues keep
 * every answer given to them (issue_answers), not only the last.
 *
 * Day-first indexes on the record tables let an office's dashboard read one
 * day of every community below it without scanning their history.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const byteOrder = dialect === 'postgres' ? sql`collate "C"` : sql``;
  const path = (c: ColumnDefinitionBuilder) => c.notNull().modifyEnd(byteOrder);

  await db.schema
    .createTable('report_rules')
    .addColumn('org_id', 'text', (c) => c.primaryKey().notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('min_issues', 'integer', (c) => c.notNull())
    .addColumn('deadline_time', 'text', (c) => c.notNull())
    .addColumn('deadline_next_day', 'integer', (c) => c.notNull())
    .addColumn('answer_hours', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('daily_reports')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('work_teams.id'))
    .addColumn('day', t.day, (c) => c.notNull())
    // 0 is the draft; 1, 2, … the submitted versions. `current` marks the draft or the newest version.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('draft_issues', 'text', (c) => c.notNull())
    .addColumn('figures', 'text')
    .addColumn('figures_at', t.instant)
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('min_issues', 'integer')
    .addColumn('deadline_at', t.instant)
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('correction_reason', 'text')
    .addColumn('supersedes_id', 'text', (c) => c.references('daily_reports.id'))
    .addColumn('submitted_at', t.instant)
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('content_hash', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('daily_reports_version').on('daily_reports').columns(['community_id', 'day', 'subject', 'version']).unique().execute();
  await db.schema.createIndex('daily_reports_day').on('daily_reports').columns(['day', 'org_path']).execute();

  await db.schema
    .createTable('issue_groups')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('to_org_path', t.path, path)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_issues')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('report_id', 'text', (c) => c.notNull().references('daily_reports.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('to_org_path', t.path, path)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addColumn('flag_at', t.instant, (c) => c.notNull())
    .addColumn('answered_at', t.instant)
    .addColumn('group_id', 'text', (c) => c.references('issue_groups.id'))
    .execute();
  await db.schema.createIndex('report_issues_report').on('report_issues').columns(['community_id', 'day', 'subject']).execute();
  await db.schema.createIndex('report_issues_to').on('report_issues').columns(['to_org_path', 'status', 'sent_at']).execute();
  await db.schema.createIndex('report_issues_path').on('report_issues').columns(['org_path', 'status']).execute();
  await db.schema.createIndex('report_issues_group').on('report_issues').column('group_id').execute();

  await db.schema
    .createTable('issue_answers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('report_issues.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('reason', 'text')
    .addColumn('office_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('group_id', 'text', (c) => c.references('issue_groups.id'))
    .addColumn('answered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('answered_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('issue_answers_issue').on('issue_answers').columns(['issue_id', 'answered_at']).execute();

  // One day of every community under an office: day first, then the path range.
  await db.schema.createIndex('gate_passages_day').on('gate_passages').columns(['day', 'org_path']).execute();
  // The day's fevers at the gates (about 1 passage in 100; 373 is FEVER_TENTHS, which the query writes as the same
  // literal so that both databases see the index applies): the dashboard's fevers by hour without reading every passage.
  await db.schema.createIndex('gate_passages_fevers').on('gate_passages').columns(['day', 'org_path'])
    .where(sql.ref('temp_tenths'), '>=', sql.lit(373)).execute();
  await db.schema.createIndex('gate_alerts_day').on('gate_alerts').columns(['day', 'org_path']).execute();
  await db.schema.createIndex('patrol_rounds_day').on('patrol_rounds').columns(['day', 'org_path']).execute();
  await db.schema.createIndex('screening_visits_day').on('screening_visits').columns(['day', 'org_path']).execute();
  await db.schema.createIndex('arrivals_day').on('arrivals').columns(['registered_day', 'org_path']).execute();
  await db.schema.createIndex('observation_checks_day').on('observation_checks').columns(['day', 'org_path']).execute();
  await db.schema.createIndex('duties_day_path').on('duties').columns(['day', 'org_path']).execute();
  await db.schema.createIndex('briefing_tasks_day').on('briefing_tasks').columns(['day', 'org_path']).execute();
  await db.schema.createIndex('households_community').on('households').column('community_id').execute();
}
