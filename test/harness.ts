import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { systemActor } from '../src/cli/system-actor.ts';
import type { DialectName } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemo } from '../src/server/modules/demo/demo.ts';
import type { Services } from '../src/server/services.ts';
import { sensitiveBox } from '../src/server/security/sensitive.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './dialects.ts';

export const DEMO_PASSWORD = 'demo-pass-123';
/** A fixed key for tests: values sealed in one test can be read in another. */
export const TEST_BOX = sensitiveBox(Buffer.alloc(32, 7));

export interface Ctx {
  dialect: DialectName;
  database: TestDatabase;
  app: FastifyInstance;
  services: Services;
  /** Signs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** An API call as a signed-in user (cookie) or anonymously; JSON in, parsed JSON out. */
  call(method: InjectOptions['method'], url: string, opts?: { as?: string; body?: unknown; headers?: Record<string, string>; from?: string }): Promise<LightMyRequestResponse & { json: any }>;
  /** The id of a demo unit by its code. */
  unit(code: string): Promise<string>;
}

/**
 * Runs a block of API tests once per database in LINLI_TEST_DIALECTS, each on
 * a fresh database holding the demo communities and users.
 */
/** A fresh, migrated database with an app on it; the demo loaded unless `demo: false`. */
export async function startApp(dialect: DialectName, opts: { demo?: boolean; ledger?: boolean } = {}) {
  const database = await freshDatabase(dialect);
  await migrateToLatest(database);
  if (opts.demo !== false) await loadDemo(database, systemActor(), DEMO_PASSWORD, opts.ledger ? TEST_BOX : undefined);
  const { app, services } = await buildApp({ database, box: TEST_BOX, config: { sessionHours: 24, trustProxy: false } });
  await app.ready();
  return { database, app, services, close: async () => { await app.close(); await database.drop(); } };
}

/** `ledger: true` adds the demo's households and residents (5,637 people) to the demo's units and users. */
export function describeApi(name: string, body: (ctx: Ctx) => void, opts: { ledger?: boolean } = {}): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      const cookies = new Map<string, string>();
      const ctx = { dialect } as Ctx;
      beforeAll(async () => {
        const started = await startApp(dialect, { ledger: opts.ledger ?? false });
        ctx.database = started.database;
        ctx.app = started.app;
        ctx.services = started.services;
      });
      afterAll(async () => {
        await ctx.app?.close();
        await ctx.database?.drop();
      });
      ctx.login = async (username, password = DEMO_PASSWORD) => {
        const r = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
        if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
        const cookie = String(r.headers['set-cookie']).split(';')[0]!;
        cookies.set(username, cookie);
        return cookie;
      };
      ctx.call = async (method, url, opts = {}) => {
        const headers: Record<string, string> = { ...opts.headers };
        if (opts.as) headers.cookie = cookies.get(opts.as) ?? (await ctx.login(opts.as));
        const r = await ctx.app.inject({ method, url, headers, remoteAddress: opts.from ?? '127.0.0.1', ...(opts.body === undefined ? {} : { payload: opts.body as object }) });
        return Object.assign(r, { json: r.body ? safeJson(r.body) : undefined });
      };
      ctx.unit = async (code) => {
        const row = await ctx.database.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
        return row.id;
      };
      body(ctx);
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Demo codes used across tests. */
export const CODES = {
  zhonglu: '430211003017',
  dahai: '430211003017-01',
  caotang: '430211003017-02',
  caoping: '430211003017-03',
  dissolved: '430211003017-17',
  liyu: '430211003',
  chuanchang: '420107006001',
  zoneB: '420107006001-B',
} as const;
