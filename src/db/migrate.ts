import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './database.ts';
import * as foundation from './migrations/0001_foundation.ts';
import * as ledger from './migrations/0002_ledger.ts';
import * as gates from './migrations/0003_gates.ts';
import * as observation from './migrations/0004_observation.ts';
import * as rosters from './migrations/0005_rosters.ts';
import * as reports from './migrations/0006_reports.ts';

/**
 * The one migration set, for both databases. Listed here rather than read
 * from a folder so that it works the same from source, tests and bundles.
 */
function migrations(database: Database): Record<string, Migration> {
  const bind = (m: { up: (db: never, d: Database['dialect']) => Promise<void> }): Migration => ({
    up: (db) => m.up(db as never, database.dialect),
  });
  return { '0001_foundation': bind(foundation), '0002_ledger': bind(ledger), '0003_gates': bind(gates), '0004_observation': bind(observation), '0005_rosters': bind(rosters), '0006_reports': bind(reports) };
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in any schema; name ours, so that
  // several schemas in one PostgreSQL database (tests, tenants) stay apart.
  const schema = database.dialect === 'postgres'
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s
    : undefined;
  const migrator = new Migrator({
    db: database.db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: () => Promise.resolve(migrations(database)) },
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
