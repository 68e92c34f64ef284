import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, openSqlite, type Database, type DialectName } from '../src/db/database.ts';

/** The databases the integration suite runs on: LINLI_TEST_DIALECTS=sqlite,postgres (default sqlite). */
export const DIALECTS: DialectName[] = (process.env.LINLI_TEST_DIALECTS ?? 'sqlite')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');

export const PG_URL = process.env.LINLI_TEST_PG_URL ?? 'postgres://linli:linli@localhost:5432/linli_test';

/** Under CI a missing PostgreSQL is a failure, never a silent skip. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: SQLite in memory, or a PostgreSQL schema of its
 * own (selected through search_path) so test files can run side by side.
 */
export async function freshDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = openSqlite(':memory:');
    return { ...database, drop: () => database.destroy() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${PG_URL} (set LINLI_TEST_PG_URL): ${(e as Error).message}`, { cause: e });
  }
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const database = openPostgres(url.toString(), 4);
  return {
    ...database,
    drop: async () => {
      await database.destroy();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
