import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres, openSqlite, type Database } from '../src/db/database.ts';

/** A throw-away database for one benchmark run, and how to get rid of it. */
export interface ScratchDatabase {
  label: string;
  /** The server's version, for the report. */
  version: string;
  /** Scratch databases of earlier runs that died before dropping them (drop them by hand). */
  leftovers: string[];
  database: Database;
  /** How another process opens the same database (openDatabase's options). */
  connection: { databaseUrl?: string; sqliteFile: string };
  /** Closes the handle and deletes the data; safe to call twice. */
  dispose(): Promise<void>;
}

/** A SQLite file in a temporary directory, opened as the server opens it (WAL, synchronous=NORMAL). */
export async function scratchSqlite(): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const database = openSqlite(join(dir, 'bench.sqlite'));
  const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(database.db);
  let disposed = false;
  return {
    label: 'SQLite',
    version: rows[0]?.v ?? 'unknown',
    leftovers: [],
    database,
    connection: { sqliteFile: join(dir, 'bench.sqlite') },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const DEFAULT_PG_ADMIN_URL = 'postgres://linli:linli@localhost/postgres';

/**
 * A scratch PostgreSQL database `linli_bench_<pid>`, created through the admin
 * URL and dropped afterwards. Throws when the server cannot be reached.
 */
export async function scratchPostgres(adminUrl: string): Promise<ScratchDatabase> {
  const name = `linli_bench_${process.pid}`;
  const admin = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const { version, leftovers } = await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // Another run may be going on right now: name the others, never drop them.
    const others = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'linli\\_bench\\_%' ORDER BY 1`);
    await c.query(`CREATE DATABASE ${name}`);
    const v = (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown';
    return { version: String(v), leftovers: others.rows.map((r) => r.datname) };
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // The server's own pool size (openDatabase uses the default of openPostgres).
  const database = openPostgres(url.toString());
  let disposed = false;
  return {
    label: 'PostgreSQL',
    version: version.split(' ')[0] ?? version,
    leftovers,
    database,
    connection: { databaseUrl: url.toString(), sqliteFile: '' },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await database.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
