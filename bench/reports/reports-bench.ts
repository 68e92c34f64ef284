import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { refreshStatistics } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DayFigures } from '../../src/domain/reports/figures.ts';
import { buildApp } from '../../src/server/app.ts';
import { reportFiguresRepository } from '../../src/server/modules/reports/report-figures.repository.ts';
import { hashPassword } from '../../src/server/security/password.ts';
import { sensitiveBox } from '../../src/server/security/sensitive.ts';
import type { ScratchDatabase } from '../databases.ts';
import { getJson, signIn } from '../gates/gates-bench.ts';
import { buildReportCity, HOUSEHOLDS, RESIDENTS } from './report-city.ts';

export interface Latency { n: number; p50: number; p95: number; max: number }

export interface ReportsRun {
  label: string;
  version: string;
  communities: number;
  residents: number;
  rows: Record<string, number>;
  /** Seconds to write the ledger (households, residents, memberships), today's records, and the reports. */
  generate: { ledger: number; records: number; reports: number };
  cityDashboard: Latency;
  districtTotals: Latency & { communities: number };
  cityTotals: Latency;
  districtDashboard: Latency;
  communityReport: Latency;
  /** What the city's dashboard answered, to show the data is there (and adds up). */
  seen: { households: number; passages: number; fevers: number; reportsIn: number; checksDue: number; duties: number };
}

export interface ReportsOptions {
  communities: number;
  /** Requests per series after 2 to warm up (the community's report: 3 times as many). */
  samples: number;
}

function latency(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s.at(-1)! };
}

/**
 * The offices' views at a city's scale (issue 7): a city of `communities`
 * communities with 4,000 residents each and a day of records, then through
 * the real API (sign-in, scope, queries, JSON) the city's live dashboard, a
 * district's report totals of today, the city's totals and a district's
 * dashboard, and a community's report of today filling itself (not submitted,
 * so its figures are counted live).
 */
export async function benchReports(scratch: ScratchDatabase, opts: ReportsOptions, log: (line: string) => void): Promise<ReportsRun> {
  const { database } = scratch;
  await migrateToLatest(database);
  const password = randomBytes(12).toString('base64url');
  const city = await buildReportCity(database, {
    communities: opts.communities,
    passwordHash: await hashPassword(password),
    countFigures: async (path, day) => reportFiguresRepository.byCommunity(database.db, path, day, new Date().toISOString()) as Promise<Map<string, DayFigures & Record<string, number>>>,
  }, log);
  const analyzed = performance.now();
  await refreshStatistics(database);
  // The tables refreshStatistics leaves to PostgreSQL's autovacuum (org units, rounds, patrols, tasks…) get theirs now, as after a while in service.
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
  // SQLite: the bulk load's write-ahead log is checkpointed, as in a server that has written since; read through
  // right after the load (a long log to look pages up in), a community's report took 4 times as long.
  else await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
  log(`  written in ${(city.seconds.ledger + city.seconds.records + city.seconds.reports).toFixed(0)} s (ledger ${city.seconds.ledger.toFixed(0)} s, today's records ${city.seconds.records.toFixed(0)} s, reports ${city.seconds.reports.toFixed(1)} s); statistics ${((performance.now() - analyzed) / 1000).toFixed(1)} s`);

  const { app } = await buildApp({ database, box: sensitiveBox(Buffer.alloc(32, 9)), config: { sessionHours: 24, trustProxy: false } });
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const series = async (count: number, request: (i: number) => Promise<unknown>): Promise<Latency> => {
      for (let i = 0; i < 2; i++) await request(i);
      const ms: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        await request(i);
        ms.push(performance.now() - t0);
      }
      return latency(ms);
    };
    const say = (what: string, l: Latency) => log(`  ${what}: p50 ${l.p50.toFixed(0)} ms, p95 ${l.p95.toFixed(0)} ms, max ${l.max.toFixed(0)} ms (${l.n} requests)`);
    const day = city.today;

    const cityAdmin = await signIn(origin, 'bench.city', password);
    const dashboard = await getJson(origin, `/api/dashboard?orgId=${city.cityId}`, cityAdmin) as { total: { reportsIn: number; figures: DayFigures } };
    const f = dashboard.total.figures;
    const seen = { households: f.households, passages: f.passages + f.passagesRefused, fevers: f.fevers, reportsIn: dashboard.total.reportsIn, checksDue: f.checksDue, duties: f.duties };
    if (seen.households !== opts.communities * HOUSEHOLDS) throw new Error(`the city's dashboard counts ${seen.households} households, not ${opts.communities * HOUSEHOLDS}`);
    log(`  the city's dashboard sees ${seen.households.toLocaleString('en')} households, ${seen.passages.toLocaleString('en')} passages, ${seen.fevers} fevers, ${seen.checksDue.toLocaleString('en')} checks due, ${seen.duties.toLocaleString('en')} duties, ${seen.reportsIn} reports in`);

    const cityDashboard = await series(opts.samples, () => getJson(origin, `/api/dashboard?orgId=${city.cityId}`, cityAdmin));
    say(`city dashboard (${opts.communities} communities)`, cityDashboard);
    // The districts with the most communities (all ten at the full size), in turn.
    const sizes = city.districtIds.map((_, i) => city.communities.filter((c) => c.districtIndex === i).length);
    const districtSize = Math.max(...sizes);
    const full = city.districtIds.flatMap((id, i) => (sizes[i] === districtSize ? [{ id, admin: `bench.d${i}` }] : []));
    const districtIds = full.map((d) => d.id);
    const districtAdmins = await Promise.all(full.map((d) => signIn(origin, d.admin, password)));
    const at = (i: number) => i % districtIds.length;
    const districtTotals = { ...(await series(opts.samples, (i) => getJson(origin, `/api/reports/level?orgId=${districtIds[at(i)]}&day=${day}`, districtAdmins[at(i)]!))), communities: districtSize };
    say(`district totals (${districtSize} communities)`, districtTotals);
    const cityTotals = await series(opts.samples, () => getJson(origin, `/api/reports/level?orgId=${city.cityId}&day=${day}`, cityAdmin));
    say('city totals', cityTotals);
    const districtDashboard = await series(opts.samples, (i) => getJson(origin, `/api/dashboard?orgId=${districtIds[at(i)]}`, districtAdmins[at(i)]!));
    say('district dashboard', districtDashboard);

    // Communities whose report of today is not in (a draft, or nothing yet): their figures are counted at each read.
    const open = city.communities.filter((c) => c.index % 20 >= 18).slice(0, 10);
    const writers = await Promise.all(open.map((c) => signIn(origin, c.admin, password)));
    const communityReport = await series(opts.samples * 3, (i) => getJson(origin, `/api/reports/day?communityId=${open[i % open.length]!.id}&day=${day}`, writers[i % writers.length]!));
    say("a community's report filling itself", communityReport);

    return {
      label: scratch.label, version: scratch.version, communities: opts.communities, residents: city.rows.residents ?? 0, rows: city.rows,
      generate: city.seconds, cityDashboard, districtTotals, cityTotals, districtDashboard, communityReport, seen,
    };
  } finally {
    await app.close();
  }
}

export { HOUSEHOLDS, RESIDENTS };
