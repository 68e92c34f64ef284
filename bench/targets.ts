import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { systemActor } from '../src/cli/system-actor.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ROOT_PATH } from '../src/domain/org/org-path.ts';
import { shanghaiDate } from '../src/domain/local-date.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemo } from '../src/server/modules/demo/demo.ts';
import { orgRepository, type OrgUnitWithCount } from '../src/server/modules/org/org.repository.ts';
import { toOrgUnit } from '../src/server/modules/org/org.service.ts';
import { sensitiveBox } from '../src/server/security/sensitive.ts';

/** 中路社区 in the demo data: 16 current groups (and 3 dissolved ones, not listed by default). */
const COMMUNITY_CODE = '430211003017';
const ADMIN = 'zl.admin';

export type TargetId = 'read-safe' | 'read-minimal' | 'write-safe' | 'write-minimal' | 'bare';

/** One route under load: where it is and the requests each connection sends in turn. */
export interface Target {
  id: TargetId;
  /** The route as a reader of the report sees it. */
  route: string;
  /** What the route does per request beyond HTTP. */
  does: string;
  /** The origin plus a default path (autocannon wants one). */
  url: string;
  requests: autocannon.Request[];
}

export interface Targets {
  targets: Record<TargetId, Target>;
  /** Audit events of unit updates so far: every audited write must leave exactly one. */
  auditedUpdates(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Loads the demo into an empty database and serves it twice, in this process:
 * the real application (session, scope, validation, audit) and a plain Fastify
 * instance on the same database handle with the minimal and bare routes.
 * Signs in once as the community administrator, and checks that the safe and
 * minimal routes answer the same before anything is measured.
 */
export async function prepareTargets(database: Database): Promise<Targets> {
  const { db } = database;
  await migrateToLatest(database);
  const password = randomBytes(12).toString('base64url');
  await loadDemo(database, systemActor(), password);

  const community = await orgRepository.findByCode(db, COMMUNITY_CODE);
  if (!community) throw new Error(`demo community ${COMMUNITY_CODE} is missing`);
  const groups = await orgRepository.listChildren(db, [ROOT_PATH], { parentId: community.id, today: shanghaiDate(), includeDissolved: false });
  if (groups.length === 0) throw new Error('the demo community has no current groups');

  const { app } = await buildApp({ database, box: sensitiveBox(Buffer.alloc(32, 7)), config: { sessionHours: 24, trustProxy: false } });
  const plain = minimalApp(database);
  const servers: FastifyInstance[] = [];
  try {
    const safeOrigin = await listen(app, servers);
    const plainOrigin = await listen(plain, servers);
    const cookie = await signIn(safeOrigin, ADMIN, password);

    const readPath = (prefix: string) => `${prefix}?parentId=${community.id}`;
    const json = { 'content-type': 'application/json' };
    // One request per group; connections start at different groups (stagger-client.cjs),
    // so concurrent writes rarely wait on the same row lock.
    const writes = (prefix: string, headers: Record<string, string>): autocannon.Request[] =>
      groups.map((g) => ({ method: 'PATCH', path: `${prefix}/${g.id}`, headers, body: JSON.stringify({ name: g.name }) }));

    const targets: Record<TargetId, Target> = {
      'read-safe': {
        id: 'read-safe',
        route: 'GET /api/org-units?parentId=…',
        does: 'session lookup, querystring validation, parent looked up in scope, scoped listing, response schema',
        url: safeOrigin + readPath('/api/org-units'),
        requests: [{ method: 'GET', path: readPath('/api/org-units'), headers: { cookie } }],
      },
      'read-minimal': {
        id: 'read-minimal',
        route: 'GET /minimal/org-units?parentId=…',
        does: 'the same listing query (prefix `/`), plain JSON',
        url: plainOrigin + readPath('/minimal/org-units'),
        requests: [{ method: 'GET', path: readPath('/minimal/org-units') }],
      },
      'write-safe': {
        id: 'write-safe',
        route: 'PATCH /api/org-units/:id',
        does: 'session lookup, body validation, unit looked up in scope, permission, update + audit event in one transaction, unit re-read with ancestors',
        url: safeOrigin + '/api/org-units',
        requests: writes('/api/org-units', { ...json, cookie }),
      },
      'write-minimal': {
        id: 'write-minimal',
        route: 'PATCH /minimal/org-units/:id',
        does: 'the same update in a transaction, no check, no audit',
        url: plainOrigin + '/minimal/org-units',
        requests: writes('/minimal/org-units', json),
      },
      bare: {
        id: 'bare',
        route: 'GET /bare',
        does: 'returns `{ ok: true }`: the ceiling of Fastify and the load generator on this machine',
        url: plainOrigin + '/bare',
        requests: [{ method: 'GET', path: '/bare' }],
      },
    };
    await checkTargets(targets, groups.length);
    return {
      targets,
      auditedUpdates: async () => {
        const r = await db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'org.update')
          .executeTakeFirstOrThrow();
        return Number(r.n);
      },
      close: () => closeAll(servers),
    };
  } catch (e) {
    await closeAll(servers);
    throw e;
  }
}

/**
 * The comparison routes: the same Kysely calls as the application, with no
 * session, scope, validation, response schema or audit.
 */
function minimalApp({ db }: Database): FastifyInstance {
  const plain = Fastify({ logger: false });
  plain.get('/bare', async () => ({ ok: true }));
  plain.get<{ Querystring: { parentId: string } }>('/minimal/org-units', async (request) => {
    const rows: OrgUnitWithCount[] = await orgRepository.listChildren(db, [ROOT_PATH], {
      parentId: request.query.parentId,
      today: shanghaiDate(),
      includeDissolved: false,
    });
    return rows.map((r) => toOrgUnit(r));
  });
  plain.patch<{ Params: { id: string }; Body: { name: string } }>('/minimal/org-units/:id', async (request) => {
    await db.transaction().execute((trx) =>
      orgRepository.update(trx, request.params.id, { name: request.body.name, updated_at: new Date().toISOString() }),
    );
    return { ok: true };
  });
  return plain;
}

async function listen(app: FastifyInstance, servers: FastifyInstance[]): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  servers.push(app);
  return address;
}

async function closeAll(servers: FastifyInstance[]): Promise<void> {
  await Promise.allSettled(servers.map((s) => s.close()));
  servers.length = 0;
}

/** Signs in once (the login route is rate-limited) and returns the `name=value` of the session cookie. */
async function signIn(origin: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('linli_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie;
}

/** One request to each target before the load: they must succeed, and the two reads must answer the same. */
async function checkTargets(targets: Record<TargetId, Target>, groupCount: number): Promise<void> {
  const bodies = new Map<TargetId, unknown>();
  for (const t of Object.values(targets)) {
    const req = t.requests[0];
    if (!req?.path) throw new Error(`${t.id}: no request`);
    const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const body = typeof req.body === 'string' ? req.body : undefined;
    const res = await fetch(new URL(req.path, t.url), { method: req.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) throw new Error(`${t.id}: ${req.method} ${req.path} answered ${res.status}: ${text.slice(0, 300)}`);
    bodies.set(t.id, JSON.parse(text));
  }
  const safe = bodies.get('read-safe');
  if (!Array.isArray(safe) || safe.length !== groupCount) throw new Error(`read-safe listed ${Array.isArray(safe) ? safe.length : '?'} units, expected ${groupCount}`);
  if (!isDeepStrictEqual(safe, bodies.get('read-minimal'))) throw new Error('read-safe and read-minimal answer differently: they do not measure the same query');
}
