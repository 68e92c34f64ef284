import type { ColumnDataType, Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Database, DialectName } from './database.ts';

/**
 * The few places where SQLite and PostgreSQL differ, in one module.
 * Column types: PostgreSQL gets its native types (timestamptz, date), SQLite
 * stores the same values as ISO text, which sorts the same way.
 */
export function columnTypes(dialect: DialectName): { instant: ColumnDataType; day: ColumnDataType; path: ColumnDataType } {
  return dialect === 'postgres'
    ? { instant: 'timestamptz', day: 'date', path: 'text' }
    : { instant: 'text', day: 'text', path: 'text' };
}

/**
 * "`column` lies under one of `prefixes`" as index range tests:
 * path >= '/43/' AND path < '/430' ('0' follows '/' in byte order). It uses a
 * plain B-tree index on both databases (PostgreSQL's path columns are
 * COLLATE "C" for that), with no LIKE escaping and no collation surprises.
 */
export function underAny<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: Expression<string> | string,
  prefixes: readonly string[],
): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return eb.or(prefixes.map((p) => sql<SqlBool>`(${ref} >= ${p} and ${ref} < ${upperBound(p)})`));
}

/** "`column` lies under `prefix`" as a plain SQL condition, for queries over many joined tables. */
export function underPath(column: string, prefix: string) {
  return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${upperBound(prefix)})`;
}

function upperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * "`column` contains `text`", ignoring ASCII case on both databases (SQLite's
 * LIKE ignores it, PostgreSQL's does not). Wildcards typed by the user are
 * dropped rather than escaped, since escaping differs between the two.
 */
export function containsText<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, text: string): Expression<SqlBool> {
  const needle = `%${text.replace(/[\\%_]/g, '').toLowerCase()}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${needle}`;
}

/**
 * The `table.column` of a unique constraint a write ran into, on either
 * database, or null for any other error. Checks before inserts catch the
 * common case; this catches two requests racing past the same check.
 */
// Longest first: 'screening_round_groups' must not be read as 'screening_rounds'.
const TABLES = [
  'org_units', 'users', 'role_assignments', 'sessions', 'audit_events', 'login_attempts',
  'households', 'residents', 'memberships', 'resident_categories', 'screening_rounds', 'screening_round_groups', 'screening_visits',
  'entrances', 'entrance_changes', 'entrance_assignments', 'pass_keys', 'passes', 'pass_status_changes', 'gate_visitors', 'gate_passages',
  'patrol_zones', 'patrol_groups', 'patrol_rounds', 'gate_alerts',
  'arrival_groups', 'self_declarations', 'declaration_attempts', 'arrivals', 'letter_templates', 'commitment_letters', 'observation_plans',
  'observation_checks', 'observation_alerts',
  'sending_orgs', 'work_teams', 'team_members', 'volunteer_signups', 'area_assignments', 'checkpoint_shifts', 'duties', 'duty_swaps', 'duty_check_ins',
  'duty_alerts', 'briefings', 'briefing_tasks', 'briefing_task_assignees', 'hazards', 'hazard_updates',
  'report_rules', 'daily_reports', 'issue_groups', 'report_issues', 'issue_answers',
].sort((a, b) => b.length - a.length);

export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return null;
  if (e.code === '23505') {
    // PostgreSQL names constraints <table>_<column>_key, or <table>_pkey.
    const name = e.constraint ?? '';
    const table = TABLES.find((t) => name.startsWith(`${t}_`));
    if (!table) return 'unknown';
    const rest = name.slice(table.length + 1);
    return rest === 'pkey' ? `${table}.id` : `${table}.${rest.replace(/_key$/, '')}`;
  }
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return /constraint failed: (\w+\.\w+)/.exec(e.message ?? '')?.[1] ?? 'unknown';
  }
  return null;
}

/**
 * Fresh planner statistics, after large changes (an import, the demo) and at
 * start: without them SQLite's planner guesses, and a search over a street
 * scans its whole area instead of using the index the search is made for.
 * A full analysis: a sampled one (analysis_limit) misled the planner on a
 * million residents (a street's search 30 ms instead of 1–2 ms); the full one
 * takes about 1.5 s per 400,000 residents. PostgreSQL's autovacuum keeps its
 * own; after an import they are refreshed at once rather than when
 * autovacuum gets to it.
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.dialect === 'sqlite') {
    await sql`analyze`.execute(database.db);
  } else {
    await sql`analyze households, residents, memberships, resident_categories, screening_visits, passes, gate_passages, gate_visitors, arrivals, observation_plans, observation_checks, duties, team_members, area_assignments, daily_reports, report_issues`.execute(database.db);
  }
}

/**
 * A write that lost a race rather than failed: PostgreSQL's deadlock victim
 * (40P01) or serialization failure (40001), SQLite's busy database (another
 * process writing). Trying it again is the answer.
 */
export function transientConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}
