import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import { systemActor } from '../../src/cli/system-actor.ts';
import { PassageInput } from '../../src/contract/gates.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { shanghaiDate, shanghaiHour } from '../../src/domain/local-date.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadDemo } from '../../src/server/modules/demo/demo.ts';
import { passagesRepository } from '../../src/server/modules/gates/passages.repository.ts';
import { sensitiveBox } from '../../src/server/security/sensitive.ts';
import type { ScratchDatabase } from '../databases.ts';
import type { TimeVerdicts } from './verify-entry.ts';
import { combine, fire, type LoadOptions, type Measurement, type Slice } from '../load.ts';

const FRESH_ID_CLIENT = fileURLToPath(new URL('./fresh-id-client.cjs', import.meta.url));
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';
const TOKENS = 400;

export interface GateRun {
  label: string;
  version: string;
  safe: Measurement;
  minimal: Measurement;
  /** Rows the safe route stored, and its audit events: each must equal the answers (± requests cut off at the end). */
  stored: { answered: number; rows: number; audited: number };
  /** Seconds for a phone's queue of 1,000 registrations (two batches of 500), each run. */
  sync: number[];
}

/**
 * Gate registrations through the real API (session, validation, entrance
 * and assignment checks, signature check, pass status, insert, audit, live
 * event) beside a minimal route on the same database that validates the same
 * body and inserts the same row, in interleaved slices of one run.
 */
export async function benchGateRegistrations(scratch: ScratchDatabase, options: LoadOptions, log: (line: string) => void): Promise<GateRun> {
  const { database } = scratch;
  await migrateToLatest(database);
  const password = randomBytes(12).toString('base64url');
  const box = sensitiveBox(Buffer.alloc(32, 9));
  await loadDemo(database, systemActor(), password, box);
  const { app } = await buildApp({ database, box, config: { sessionHours: 24, trustProxy: false } });
  const plain = minimalApp(database);
  const servers: FastifyInstance[] = [app, plain];
  try {
    const safeOrigin = await app.listen({ port: 0, host: '127.0.0.1' });
    const plainOrigin = await plain.listen({ port: 0, host: '127.0.0.1' });
    const volunteer = await signIn(safeOrigin, 'cc.gate', password);
    const lead = await signIn(safeOrigin, 'cc.admin', password);
    const kit = await getJson(safeOrigin, '/api/field/gate', volunteer) as { communities: { id: string }[]; entrances: { id: string; name: string }[] };
    const community = kit.communities[0]!.id;
    const entranceId = kit.entrances.find((e) => e.name === '船厂路正门')!.id;
    // Scans of 400 different households' passes in turn: each signature is checked once, then remembered (as at a real gate, where
    // people pass several times a day); each pass's status is read at every scan.
    const passes = (await getJson(safeOrigin, `/api/gates/passes?communityId=${community}&status=active`, lead) as { id: string }[]).slice(0, TOKENS);
    const cards = await getJson(safeOrigin, `/api/gates/passes/cards?communityId=${community}&ids=${passes.map((p) => p.id).join(',')}`, lead) as { token: string }[];
    const item = (id: string, token = cards[0]!.token) => ({ id, entranceId, at: new Date().toISOString(), direction: 'in', kind: 'pass', token, deviceVerdict: { allowed: true }, temperature: 36.5, healthCode: 'green' });
    const bodies = cards.map((c) => JSON.stringify({ items: [item(PLACEHOLDER, c.token)] }));

    const check = await postJson(safeOrigin, '/api/gates/passages', volunteer, { items: [item(randomUUID())] }) as { result: string; allowed?: boolean }[];
    if (check[0]?.result !== 'stored' || check[0].allowed !== true) throw new Error(`the safe route did not store an allowed scan: ${JSON.stringify(check)}`);
    const plainCheck = await postJson(plainOrigin, '/minimal/passages', '', { items: [item(randomUUID())] }) as { result: string }[];
    if (plainCheck[0]?.result !== 'stored') throw new Error(`the minimal route did not store: ${JSON.stringify(plainCheck)}`);

    const targets = {
      safe: { id: 'gate-safe', route: 'POST /api/gates/passages', url: `${safeOrigin}/api/gates/passages`, setupClient: FRESH_ID_CLIENT,
        requests: bodies.map((body) => ({ method: 'POST' as const, path: '/api/gates/passages', headers: { 'content-type': 'application/json', cookie: volunteer }, body })) },
      minimal: { id: 'gate-minimal', route: 'POST /minimal/passages', url: `${plainOrigin}/minimal/passages`, setupClient: FRESH_ID_CLIENT,
        requests: bodies.map((body) => ({ method: 'POST' as const, path: '/minimal/passages', headers: { 'content-type': 'application/json' }, body })) },
    };
    const auditedBefore = await countAudit(database);
    const rowsBefore = await countPassages(database, 'cc.gate');
    const slices: Record<'safe' | 'minimal', Slice[]> = { safe: [], minimal: [] };
    let answered = 0;
    const run = async (which: 'safe' | 'minimal', seconds: number, phase: string) => {
      const s = await fire(targets[which] as never, seconds, options, phase);
      if (which === 'safe') answered += s.responses;
      return s;
    };
    if (options.warmup > 0) for (const w of ['minimal', 'safe'] as const) await run(w, options.warmup, 'warm-up');
    for (let round = 1; round <= options.rounds; round++) {
      for (const w of ['minimal', 'safe'] as const) slices[w].push(await run(w, options.duration / options.rounds, `round ${round}`));
      log(`  round ${round}/${options.rounds}: minimal ${slices.minimal.at(-1)!.rps.toFixed(0)}/s, safe ${slices.safe.at(-1)!.rps.toFixed(0)}/s`);
    }
    // Requests cut off when the load stopped may still be committing: let them finish before counting.
    await new Promise((r) => setTimeout(r, 1000));
    const stored = { answered, rows: (await countPassages(database, 'cc.gate')) - rowsBefore, audited: (await countAudit(database)) - auditedBefore };
    const cutOff = options.connections * (options.rounds + (options.warmup > 0 ? 1 : 0));
    if (stored.rows < answered || stored.rows > answered + cutOff || stored.audited !== stored.rows) {
      throw new Error(`${scratch.label}: ${answered} registrations answered, ${stored.rows} stored, ${stored.audited} audited`);
    }

    // A phone back online with 1,000 queued registrations (scans and visitors), sent as two batches of 500.
    const sync: number[] = [];
    for (let n = 0; n < 3; n++) {
      const queue = Array.from({ length: 1000 }, (_, i) => i % 5 === 0
        ? { ...item(randomUUID()), kind: 'visitor', token: undefined, visitor: { name: '访客', phone: `139${String(n * 1000 + i).padStart(8, '0')}`, fromPlace: '武汉市', purpose: '送药' } }
        : item(randomUUID()));
      const t0 = performance.now();
      for (let i = 0; i < queue.length; i += 500) {
        const results = await postJson(safeOrigin, '/api/gates/passages', volunteer, { items: queue.slice(i, i + 500) }) as { result: string }[];
        if (results.some((r) => r.result !== 'stored')) throw new Error(`sync: ${JSON.stringify(results.find((r) => r.result !== 'stored'))}`);
      }
      sync.push((performance.now() - t0) / 1000);
      log(`  sync of 1,000: ${sync.at(-1)!.toFixed(2)} s`);
    }
    return { label: scratch.label, version: scratch.version, safe: combine(slices.safe), minimal: combine(slices.minimal), stored, sync };
  } finally {
    await Promise.allSettled(servers.map((s) => s.close()));
  }
}

/** The comparison route: validates the same body and inserts the same row in a transaction, with no session, scope, entrance state, pass verification or audit. */
function minimalApp({ db }: { db: ScratchDatabase['database']['db'] }): FastifyInstance {
  const plain = Fastify({ logger: false });
  // Recorded under another name than the API's registrations, so that each route's rows can be counted apart.
  let recorder = '';
  plain.post<{ Body: { items: unknown[] } }>('/minimal/passages', async (request) => {
    recorder ||= (await db.selectFrom('users').select('id').where('username', '=', 'cc.team').executeTakeFirstOrThrow()).id;
    const results = [];
    for (const raw of request.body.items) {
      const input = PassageInput.parse(raw);
      const at = new Date(input.at);
      const communityId = (await db.selectFrom('entrances').select(['community_id', 'org_path']).where('id', '=', input.entranceId).executeTakeFirstOrThrow());
      await db.transaction().execute((trx) => passagesRepository.insert(trx, {
        id: input.id, entrance_id: input.entranceId, community_id: communityId.community_id, org_path: communityId.org_path, day: shanghaiDate(at), at: at.toISOString(),
        hour: shanghaiHour(at), direction: input.direction, kind: input.kind, allowed: 1, reason: null, device_allowed: 1, pass_id: null, holder_name: null,
        holder_label: null, visitor_id: null, from_place: null, purpose: null, visiting: null, temp_tenths: Math.round((input.temperature ?? 0) * 10),
        health_code: input.healthCode ?? null, recorded_by: recorder, created_at: new Date().toISOString(),
      }));
      results.push({ id: input.id, result: 'stored' });
    }
    return results;
  });
  return plain;
}

/** Pass verification on a phone: the field app's check (noble Ed25519 in JavaScript) timed in headless Chromium. */
export async function benchVerification(log: (line: string) => void): Promise<{ median: number; p99: number; max: number; n: number } | { skipped: string }> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true') throw new Error(`Chromium is required under CI (${CHROMIUM})`);
    return { skipped: `no Chromium at ${CHROMIUM}` };
  }
  const bundle = await build({ entryPoints: [fileURLToPath(new URL('./verify-entry.ts', import.meta.url))], bundle: true, write: false, format: 'iife', target: 'es2022', minify: true });
  const box = sensitiveBox(Buffer.alloc(32, 9));
  const { newSigningKey, signerFor } = await import('../../src/server/security/pass-keys.ts');
  const { signPass } = await import('../../src/domain/gates/pass-token.ts');
  const key = newSigningKey(box);
  const token = signPass({ p: randomUUID(), c: '420107006001', h: `h:${randomUUID()}`, n: '张*根', a: 'B区 3栋201', f: '2026-01-01', t: '2099-12-31', k: 'k1' }, signerFor(box, { public_key: key.publicKey, private_sealed: key.privateSealed }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const revoked = Array.from({ length: 2000 }, () => randomUUID());
    const today = shanghaiDate();
    await page.evaluate(([t, k, r, d]) => (globalThis as unknown as { timeVerdicts: TimeVerdicts }).timeVerdicts(t as string, '420107006001', k as Record<string, string>, r as string[], d as string, 50), [token, { k1: key.publicKey }, revoked, today] as const);
    const { ms, allowed } = await page.evaluate(([t, k, r, d]) => (globalThis as unknown as { timeVerdicts: TimeVerdicts }).timeVerdicts(t as string, '420107006001', k as Record<string, string>, r as string[], d as string, 500), [token, { k1: key.publicKey }, revoked, today] as const);
    if (!allowed) throw new Error('the benchmark pass was refused');
    const sorted = [...ms].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    log(`  verification in Chromium: median ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`);
    return { median: at(0.5), p99: at(0.99), max: sorted.at(-1)!, n: ms.length };
  } finally {
    await browser.close();
  }
}

export async function signIn(origin: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('linli_session='))!;
}

export async function getJson(origin: string, path: string, cookie: string): Promise<unknown> {
  const res = await fetch(origin + path, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function postJson(origin: string, path: string, cookie: string, body: unknown): Promise<unknown> {
  const res = await fetch(origin + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function countPassages(database: ScratchDatabase['database'], username: string): Promise<number> {
  const r = await database.db.selectFrom('gate_passages as p').innerJoin('users as u', 'u.id', 'p.recorded_by').select((eb) => eb.fn.countAll<number>().as('n')).where('u.username', '=', username).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function countAudit(database: ScratchDatabase['database']): Promise<number> {
  const r = await database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'gate.passage').executeTakeFirstOrThrow();
  return Number(r.n);
}
