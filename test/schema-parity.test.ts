import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { freshDatabase, IN_CI, postgresReachable } from './dialects.ts';

/** How each database spells the same kind of column: we compare meanings, not spellings. */
const SAME_KIND: Record<string, string> = {
  text: 'text', timestamptz: 'text', date: 'text', integer: 'integer', int4: 'integer',
};

interface Shape {
  columns: Record<string, string[]>;
  indexes: Record<string, string>;
}

/** An index as "table(columns)", plus " unique" and " where <condition>" when it has them, spelled alike for both databases. */
function indexShape(table: string, definition: string): string {
  const plain = definition.replace(/"/g, '').replace(/\s+/g, ' ').toLowerCase();
  const columns = /\(([^()]*)\)/.exec(plain)?.[1]?.replace(/\s/g, '') ?? '';
  const where = / where (.*)$/.exec(plain)?.[1]?.replace(/[()\s]/g, '');
  return `${table}(${columns})${plain.includes('unique') ? ' unique' : ''}${where ? ` where ${where}` : ''}`;
}

async function shapeOf(database: Database): Promise<Shape> {
  const tables = await database.db.introspection.getTables();
  // PostgreSQL's introspection lists every schema's tables: only this database's own count (other test runs may have left theirs).
  const own = database.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s : undefined;
  const columns: Record<string, string[]> = {};
  for (const t of tables) {
    if (t.name.startsWith('kysely_') || (own !== undefined && t.schema !== own)) continue;
    columns[t.name] = t.columns.map((c) => `${c.name}:${SAME_KIND[c.dataType.toLowerCase()] ?? c.dataType}:${c.isNullable ? 'null' : 'not null'}`).sort();
  }
  const indexes: Record<string, string> = {};
  if (database.dialect === 'sqlite') {
    const rows = await sql<{ name: string; tbl_name: string; sql: string | null }>`select name, tbl_name, sql from sqlite_master where type = 'index' and sql is not null`.execute(database.db);
    for (const r of rows.rows) indexes[r.name] = indexShape(r.tbl_name, r.sql ?? '');
  } else {
    const rows = await sql<{ indexname: string; tablename: string; indexdef: string }>`select indexname, tablename, indexdef from pg_indexes where schemaname = current_schema() and indexname not like '%_pkey' and indexname not like '%_key' and tablename not like 'kysely_%'`.execute(database.db);
    for (const r of rows.rows) indexes[r.indexname] = indexShape(r.tablename, r.indexdef);
  }
  return { columns, indexes };
}

describe('one migration set, two databases', () => {
  it('gives SQLite and PostgreSQL the same tables, columns, nullability and indexes', async (ctx) => {
    if (!(await postgresReachable())) {
      if (IN_CI) throw new Error('PostgreSQL is required under CI (set LINLI_TEST_PG_URL)');
      ctx.skip();
    }
    const lite = await freshDatabase('sqlite');
    const pg = await freshDatabase('postgres');
    try {
      await migrateToLatest(lite);
      await migrateToLatest(pg);
      const a = await shapeOf(lite);
      const b = await shapeOf(pg);
      expect(Object.keys(a.columns).sort()).toEqual([
        'arrival_groups', 'arrivals', 'audit_events', 'commitment_letters', 'declaration_attempts', 'entrance_assignments', 'entrance_changes', 'entrances',
        'gate_alerts', 'gate_passages', 'gate_visitors', 'households', 'letter_templates', 'login_attempts', 'memberships', 'observation_alerts',
        'observation_checks', 'observation_plans', 'org_units', 'pass_keys', 'pass_status_changes', 'passes', 'patrol_groups', 'patrol_rounds', 'patrol_zones',
        'resident_categories', 'residents', 'role_assignments', 'screening_round_groups', 'screening_rounds', 'screening_visits', 'self_declarations', 'sessions', 'users',
        // 0005_rosters
        'area_assignments', 'briefing_task_assignees', 'briefing_tasks', 'briefings', 'checkpoint_shifts', 'duties', 'duty_alerts', 'duty_check_ins', 'duty_swaps',
        'hazard_updates', 'hazards', 'sending_orgs', 'team_members', 'volunteer_signups', 'work_teams',
        // 0006_reports
        'daily_reports', 'issue_answers', 'issue_groups', 'report_issues', 'report_rules',
      ].sort());
      expect(b.columns).toEqual(a.columns);
      expect(b.indexes).toEqual(a.indexes);
    } finally {
      await lite.drop();
      await pg.drop();
    }
  });

  it('is idempotent: migrating again applies nothing', async () => {
    const lite = await freshDatabase('sqlite');
    try {
      expect(await migrateToLatest(lite)).toEqual(['0001_foundation', '0002_ledger', '0003_gates', '0004_observation', '0005_rosters', '0006_reports']);
      expect(await migrateToLatest(lite)).toEqual([]);
    } finally {
      await lite.drop();
    }
  });
});
