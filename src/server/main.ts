import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { refreshStatistics } from '../db/dialect.ts';
import { buildApp } from './app.ts';
import { bootstrapFirstAdmin } from './modules/users/bootstrap.ts';
import { loadMasterKey, sensitiveBox } from './security/sensitive.ts';

export const WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');

/** Starts Linli: migrate, make the first administrator if there is none, listen. */
export async function serve(config: Config): Promise<void> {
  // Made on first start and kept with the data, before anything could need it.
  const box = sensitiveBox(loadMasterKey({ dataDir: config.dataDir, envKey: config.key }));
  const database = openDatabase(config);
  const applied = await migrateToLatest(database);
  // Without a build (tests, `npm run dev`) the API still serves; `npm start` always builds first.
  const webBuilt = existsSync(resolve(WEB_ROOT, 'index.html'));
  const { app, services } = await buildApp({
    database,
    config,
    box,
    webRoot: webBuilt ? WEB_ROOT : undefined,
    // Request lines without query strings: a search may carry a mobile number.
    logger: { level: config.logLevel, serializers: { req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }) } },
    https: config.tls ? { cert: readFileSync(config.tls.cert), key: readFileSync(config.tls.key) } : undefined,
  });
  if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
  if (!webBuilt) app.log.warn(`the web app is not built in ${WEB_ROOT}: serving the API only (npm run build)`);
  // Planner statistics: at start and hourly (cheap; see refreshStatistics).
  await refreshStatistics(database);
  const sweep = setInterval(() => {
    void services.auth.sweepExpiredSessions();
    void refreshStatistics(database).catch((e: unknown) => app.log.warn({ err: e }, 'refreshing statistics failed'));
  }, 3_600_000);
  sweep.unref();
  // A check missed must be noticed the same day: overdue checks become alerts within a minute; so do unstaffed checkpoints.
  const overdue = setInterval(() => {
    void services.observation.checks.sweep().catch((e: unknown) => app.log.warn({ err: e }, 'sweeping overdue checks failed'));
    void services.rosters.onDuty.sweep().catch((e: unknown) => app.log.warn({ err: e }, 'sweeping unstaffed checkpoints failed'));
  }, 60_000);
  overdue.unref();
  await services.auth.sweepExpiredSessions();
  const admin = await bootstrapFirstAdmin(database);
  if (admin) printFirstAdmin(admin);

  const close = async () => {
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());

  await app.listen({ port: config.port, host: config.host });
  const scheme = config.tls ? 'https' : 'http';
  const where = config.databaseUrl ? 'PostgreSQL' : config.sqliteFile;
  console.log(`\nLinli 邻里 is running: ${scheme}://localhost:${config.port}/  (field app: /m/, API docs: /api/docs)\nDatabase: ${where}\n`);
}

function printFirstAdmin(admin: { username: string; password: string }): void {
  const line = '='.repeat(64);
  console.log(`\n${line}\n First start: an administrator was created.\n   username: ${admin.username}\n   one-time password: ${admin.password}\n It is shown only now; you will choose a new password at first sign-in.\n${line}\n`);
}
