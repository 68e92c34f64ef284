import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { refreshStatistics } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/security/password.ts';
import { sensitiveBox } from '../../src/server/security/sensitive.ts';
import type { ScratchDatabase } from '../databases.ts';
import { getJson, signIn } from '../gates/gates-bench.ts';
import { buildRosterDistrict } from './roster-district.ts';

/** Latency of a series of requests (ms), and how many items the answer held. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
  rows: number;
}

export interface RostersRun {
  label: string;
  version: string;
  communities: number;
  /** Seconds to write the district (org units, people, entrances, two weeks of rosters, check-ins) in bulk, and its rows. */
  generate: { seconds: number; users: number; duties: number; checkIns: number };
  week: Latency;
  now: Latency;
  overviewStreet: Latency & { communities: number };
  overviewDistrict: Latency & { communities: number };
  /** POST /api/rosters/copy-week, one community each: ms per copy, duties added and skipped. */
  copy: { ms: number[]; added: number; skipped: number };
  /** The unstaffed sweep across every community, in-process: ms per run and alerts raised by the first. */
  sweep: { ms: number[]; raised: number };
  /** GET /api/rosters/alerts, which sweeps before it answers. */
  alerts: Latency;
  myDuties: Latency;
}

export interface RostersOptions {
  communities: number;
  /** Requests per series for the week, now and one's duties (10 more to warm up); the overviews and alerts take a fifth (a minute at most). */
  samples: number;
}

function latency(ms: number[], rows: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s.at(-1)!, rows: Math.round(rows.reduce((a, b) => a + b, 0) / Math.max(1, rows.length)) };
}

async function postJson(origin: string, path: string, cookie: string, body: unknown): Promise<unknown> {
  const res = await fetch(origin + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Items in an answer: the array's length, or the length of the list the answer is about. */
function itemsOf(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  const b = body as { duties?: unknown[]; checkpoints?: unknown[] };
  return (b.duties ?? b.checkpoints ?? []).length;
}

/**
 * Checkpoint rosters at a district's scale (issue 6): a district of
 * `communities` communities in 10 streets, 9 checkpoints each, two weeks of
 * full rosters; then through the real API (sign-in, scope, query, JSON) the
 * week grid, who is on duty now, the street's and the district's overviews,
 * copying last week onto next week, one's own duties, the alerts list; and
 * the unstaffed sweep in-process, as the server runs it every minute.
 */
export async function benchRosters(scratch: ScratchDatabase, opts: RostersOptions, log: (line: string) => void): Promise<RostersRun> {
  const { database } = scratch;
  await migrateToLatest(database);
  const password = randomBytes(12).toString('base64url');
  const district = await buildRosterDistrict(database, { communities: opts.communities, passwordHash: await hashPassword(password) }, log);
  log(`  generated ${district.rows.duties.toLocaleString('en')} duties and ${district.rows.checkIns.toLocaleString('en')} check-ins for ${district.communities.length} communities in ${district.seconds.toFixed(1)} s`);
  await refreshStatistics(database);
  // The tables refreshStatistics leaves to PostgreSQL's autovacuum (people, roles, entrances, check-ins) get their statistics now, as they would after a while in service.
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);

  const { app, services } = await buildApp({ database, box: sensitiveBox(Buffer.alloc(32, 9)), config: { sessionHours: 24, trustProxy: false } });
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const { weeks, communities } = district;
    const few = communities.slice(0, Math.min(10, communities.length));
    const admins = await Promise.all(few.map((c) => signIn(origin, c.admin, password)));
    // A slow series stops after `budgetMs` once it has 5 requests, so that the run stays within minutes; the report gives the count.
    const series = async (count: number, warmup: number, request: (i: number) => Promise<unknown>, budgetMs = Infinity): Promise<Latency> => {
      for (let i = 0; i < warmup; i++) await request(i);
      const ms: number[] = [];
      const rows: number[] = [];
      const started = performance.now();
      for (let i = 0; i < count && (i < 5 || performance.now() - started < budgetMs); i++) {
        const t0 = performance.now();
        const body = await request(i);
        ms.push(performance.now() - t0);
        rows.push(itemsOf(body));
      }
      return latency(ms, rows);
    };
    const say = (what: string, l: Latency) => log(`  ${what}: p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(1)} ms (${l.n} requests, ${l.rows} items)`);

    const week = await series(opts.samples, 10, (i) => getJson(origin, `/api/rosters/week?communityId=${few[i % few.length]!.id}&monday=${weeks.current}`, admins[i % admins.length]!));
    say('week grid', week);
    const now = await series(opts.samples, 10, (i) => getJson(origin, `/api/rosters/now?communityId=${few[i % few.length]!.id}`, admins[i % admins.length]!));
    say('on duty now', now);

    const street = await signIn(origin, 'bench.s0', password);
    const streetSize = communities.filter((c) => c.street === 0).length;
    const overviewStreet = { ...(await series(Math.max(5, Math.round(opts.samples / 5)), 2, () => getJson(origin, `/api/rosters/overview?unitId=${district.streetIds[0]}&monday=${weeks.current}`, street), 60_000)), communities: streetSize };
    say(`street overview (${streetSize} communities)`, overviewStreet);
    const office = await signIn(origin, 'bench.district', password);
    const overviewDistrict = { ...(await series(Math.max(5, Math.round(opts.samples / 5)), 1, () => getJson(origin, `/api/rosters/overview?unitId=${district.districtId}&monday=${weeks.current}`, office), 60_000)), communities: communities.length };
    say(`district overview (${communities.length} communities)`, overviewDistrict);

    // Last week onto next week, as a lead does on Friday: each community once (a second copy would only find every duty taken).
    const copy = { ms: [] as number[], added: 0, skipped: 0 };
    for (const [i, c] of few.slice(0, 5).entries()) {
      const t0 = performance.now();
      const body = await postJson(origin, '/api/rosters/copy-week', admins[i]!, { communityId: c.id, fromMonday: weeks.last, toMonday: weeks.next }) as { added: number; skipped: unknown[] };
      copy.ms.push(performance.now() - t0);
      copy.added += body.added;
      copy.skipped += body.skipped.length;
    }
    log(`  copy-week: ${copy.ms.map((x) => x.toFixed(0)).join(', ')} ms; ${copy.added} duties added, ${copy.skipped} skipped`);

    // A volunteer's own shifts: from today, 8 days, in the communities whose next week was just copied.
    const volunteers = await Promise.all(few.slice(0, 5).map((c) => signIn(origin, c.people[1]!.username, password)));
    const myDuties = await series(opts.samples, 10, (i) => getJson(origin, '/api/me/duties', volunteers[i % volunteers.length]!));
    say('my duties', myDuties);

    const sweep = { ms: [] as number[], raised: 0 };
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const raised = await services.rosters.onDuty.sweep();
      sweep.ms.push(performance.now() - t0);
      if (i === 0) sweep.raised = raised;
    }
    log(`  sweep of ${communities.length} communities: ${sweep.ms.map((x) => x.toFixed(0)).join(', ')} ms; ${sweep.raised} alerts raised`);
    const alerts = await series(Math.max(5, Math.round(opts.samples / 5)), 1, (i) => getJson(origin, `/api/rosters/alerts?communityId=${few[i % few.length]!.id}&open=true`, admins[i % admins.length]!));
    say('alerts list', alerts);

    return {
      label: scratch.label, version: scratch.version, communities: communities.length,
      generate: { seconds: district.seconds, ...district.rows }, week, now, overviewStreet, overviewDistrict, copy, sweep, alerts, myDuties,
    };
  } finally {
    await app.close();
  }
}
