import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshStatistics } from '../../src/db/dialect.ts';
import ExcelJS from 'exceljs';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/cli/system-actor.ts';
import { checkCharacter } from '../../src/domain/residents/citizen-id.ts';
import { loadDemo } from '../../src/server/modules/demo/demo.ts';
import { orgRepository } from '../../src/server/modules/org/org.repository.ts';
import { screeningRepository } from '../../src/server/modules/ledger/screening.repository.ts';
import type { Actor } from '../../src/server/actor.ts';
import { sensitiveBox } from '../../src/server/security/sensitive.ts';
import { createServices } from '../../src/server/services.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import type { ScratchDatabase } from '../databases.ts';
import { syntheticArea, syntheticResidents, type Sample } from './synthetic.ts';

export interface LedgerOptions {
  residents: number;
  importRows: number;
  searches: number;
}

export interface Latency { p50: number; p95: number; max: number; n: number }
export interface LedgerRun {
  label: string;
  version: string;
  import: { rows: number; seconds: number; peakMiB: number; created: number; households: number };
  totalResidents: number;
  loadSeconds: number;
  search: { who: string; scope: string; latency: Latency; perKind: Record<string, Latency> }[];
  coverage: { residents: number; households: number; visited: number; coverage: Latency; unvisited: Latency };
}

const PER_COMMUNITY = 4_000;
const COMMUNITIES_PER_STREET = 10;
const box = sensitiveBox(Buffer.alloc(32, 7));

function latency(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? NaN, n: s.length };
}

/** A 100,000-row sheet in the template's columns, streamed to disk as a community would send it. */
export async function writeImportFile(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('居民台账');
  ws.addRow(['姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注']).commit();
  const relations = ['户主', '妻子', '儿子', '女儿'];
  for (let i = 0; i < rows; i++) {
    const birth = `${1940 + (i % 70)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const first17 = `${500000 + (i % 400000)}${birth}${String(100 + Math.floor(i / 400000)).padStart(3, '0')}`;
    const house = Math.floor(i / 4);
    ws.addRow([`导入${i}`, first17 + checkCharacter(first17), `15${String(100000000 + i).slice(-9)}`, `第${(house % 16) + 1}组`, `${house}号`, relations[i % 4], i % 50 === 0 ? '独居' : '', '']).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Search queries a field worker would type for one person: pinyin, a name part, ID tails, phone, address. */
function queriesFor(p: Sample): [string, string][] {
  const keys = p.name;
  return [
    ['initials', pinyinInitials(keys)],
    ['full pinyin prefix', pinyinFull(keys).slice(0, 5)],
    ['name part', p.name.slice(1)],
    ['ID last 4', p.idNumber.slice(-4)],
    ['ID last 6', p.idNumber.slice(-6)],
    ['phone', p.phone],
    ['address', p.address],
  ];
}
let pinyinInitials: (name: string) => string = () => '';
let pinyinFull: (name: string) => string = () => '';

export async function benchLedger(scratch: ScratchDatabase, opts: LedgerOptions, log: (line: string) => void): Promise<LedgerRun> {
  const { nameSearchKeys } = await import('../../src/domain/residents/search-keys.ts');
  pinyinInitials = (n) => nameSearchKeys(n).initials;
  pinyinFull = (n) => nameSearchKeys(n).full;
  const { database } = scratch;
  await migrateToLatest(database);
  await loadDemo(database, systemActor(), 'bench-pass-123', box);
  const services = createServices(database, box, { sessionHours: 24 });
  const district = (await orgRepository.findByCode(database.db, '430211'))!;

  // 1. Import: a fresh community of 16 groups receives the sheet, in a process of its own.
  const tmp = mkdtempSync(join(tmpdir(), 'linli-bench-import-'));
  let importResult: LedgerRun['import'];
  try {
    const [importArea] = await syntheticArea(database, district.path, district.id, 1, 1);
    const importCommunity = (await orgRepository.findById(database.db, importArea!.communities[0]!.id))!;
    const file = join(tmp, 'residents.xlsx');
    log(`  writing a ${opts.importRows.toLocaleString('en')}-row sheet…`);
    await writeImportFile(file, opts.importRows);
    log('  importing it…');
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-child.ts'), JSON.stringify({ connection: scratch.connection, file, communityCode: importCommunity.code })], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMiB: number; report: { created: number; newHouseholds: number; error?: string } };
    if (r.report.error) throw new Error(`import failed: ${r.report.error}`);
    importResult = { rows: opts.importRows, seconds: r.ms / 1000, peakMiB: r.maxRssMiB, created: r.report.created, households: r.report.newHouseholds };
    log(`  import: ${importResult.seconds.toFixed(1)} s, peak ${importResult.peakMiB.toFixed(0)} MiB, ${importResult.created} created`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // 2. A ledger of about a million residents: streets of 10 communities of 4,000.
  const existing = Number((await database.db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const communities = Math.max(1, Math.ceil((opts.residents - existing) / PER_COMMUNITY));
  const streets = Math.ceil(communities / COMMUNITIES_PER_STREET);
  log(`  loading ${(communities * PER_COMMUNITY).toLocaleString('en')} more residents in ${communities} communities…`);
  const loadStarted = performance.now();
  const areas = await syntheticArea(database, district.path, district.id, streets, COMMUNITIES_PER_STREET);
  const trimmed = areas.map((a, i) => ({ ...a, communities: a.communities.slice(0, Math.max(0, communities - i * COMMUNITIES_PER_STREET)) }));
  const samples = await syntheticResidents(database, box, trimmed, PER_COMMUNITY);
  // Fresh statistics, as the running server keeps them (refreshStatistics at start, hourly and after imports).
  const analyzeStarted = performance.now();
  await refreshStatistics(database);
  log(`  statistics refreshed in ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const totalResidents = Number((await database.db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  log(`  ${totalResidents.toLocaleString('en')} residents in ${loadSeconds.toFixed(0)} s`);

  // 3. Search while typing, as three roles of different reach.
  const area = trimmed[Math.floor(trimmed.length / 2)]!;
  const community = area.communities[Math.floor(area.communities.length / 2)]!;
  const actorAt = (role: 'community_admin' | 'grid_worker' | 'street_admin', path: string): Actor => ({ userId: '', username: 'bench', ip: null, grants: [{ assignmentId: '', role, unitId: null, path }] });
  const who: { who: string; scope: string; actor: Actor; people: Sample[] }[] = [
    { who: 'grid worker', scope: 'one group (~250 people)', actor: actorAt('grid_worker', community.groups[0]!.path), people: samples.get(community.id)! },
    { who: 'community secretary', scope: `one community (${PER_COMMUNITY.toLocaleString('en')})`, actor: actorAt('community_admin', community.path), people: samples.get(community.id)! },
    { who: 'street office', scope: `one street (${(area.communities.length * PER_COMMUNITY).toLocaleString('en')})`, actor: actorAt('street_admin', area.streetPath), people: area.communities.flatMap((c) => samples.get(c.id)!.slice(0, 6)) },
  ];
  const search: LedgerRun['search'] = [];
  for (const w of who) {
    const all: number[] = [];
    const perKind: Record<string, number[]> = {};
    const queries = w.people.flatMap(queriesFor);
    // Warm-up: the first queries fill caches and prepare statements.
    for (const [, q] of queries.slice(0, 20)) await services.residents.list(w.actor, { q, pageSize: 20 });
    for (let i = 0; i < opts.searches; i++) {
      const [kind, q] = queries[i % queries.length]!;
      const t0 = performance.now();
      await services.residents.list(w.actor, { q, pageSize: 20 });
      const ms = performance.now() - t0;
      all.push(ms);
      (perKind[kind] ??= []).push(ms);
    }
    search.push({ who: w.who, scope: w.scope, latency: latency(all), perKind: Object.fromEntries(Object.entries(perKind).map(([k, v]) => [k, latency(v)])) });
    log(`  search as ${w.who}: p50 ${latency(all).p50.toFixed(1)} ms, p95 ${latency(all).p95.toFixed(1)} ms`);
  }

  // 4. The coverage of a round over 船厂社区 (4,000 residents), half its households visited.
  const cc = (await orgRepository.findByCode(database.db, '420107006001'))!;
  const ccAdmin = actorAt('community_admin', cc.path);
  const round = await services.screening.createRound(ccAdmin, { communityId: cc.id, name: '基准摸排', startsOn: new Date().toISOString().slice(0, 10) });
  const households = await screeningRepository.roundHouseholds(database.db, round.id);
  const visitor = (await database.db.selectFrom('users').select('id').where('username', '=', 'cc.a').executeTakeFirstOrThrow()).id;
  const now = new Date().toISOString();
  for (const h of households.filter((_, i) => i % 2 === 0)) {
    await screeningRepository.insertVisit(database.db, {
      id: uuidv7(), round_id: round.id, household_id: h.id, org_path: h.org_path, visitor_id: visitor, visited_at: now, day: now.slice(0, 10), outcome: 'visited',
      present_json: '[]', health_json: '{"fever":false,"cough":false}', needs: null, note: null, created_at: now,
    });
  }
  const cov: number[] = [];
  const unv: number[] = [];
  for (let i = 0; i < 30; i++) {
    let t0 = performance.now();
    await services.screening.coverage(ccAdmin, round.id);
    cov.push(performance.now() - t0);
    t0 = performance.now();
    await services.screening.unvisited(ccAdmin, round.id);
    unv.push(performance.now() - t0);
  }
  const coverage = { residents: 4_000, households: households.length, visited: Math.ceil(households.length / 2), coverage: latency(cov.slice(3)), unvisited: latency(unv.slice(3)) };
  log(`  round coverage: p50 ${coverage.coverage.p50.toFixed(1)} ms; households not visited: p50 ${coverage.unvisited.p50.toFixed(1)} ms`);
  return { label: scratch.label, version: scratch.version, import: importResult, totalResidents, loadSeconds, search, coverage };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export function renderLedger(runs: readonly LedgerRun[], goals: { importSeconds: number; importMiB: number; searchP95: number }): string {
  const out: string[] = ['## Household ledger', ''];
  out.push(
    'Measured through the application\'s own services (the same code the API runs) on a scratch database per engine:',
    '',
    `- **Import**: a ${runs[0]?.import.rows.toLocaleString('en') ?? ''}-row sheet in the template's columns (4 people per address, 16 groups) into an empty community, checked and written in one transaction, in a separate process whose peak resident memory (maxRSS) is reported. Goal: under ${goals.importSeconds} s and ${goals.importMiB} MiB.`,
    `- **Search**: the ledger holds about a million residents (the demo, the import, then communities of 4,000 in streets of 10). Queries typed as a field worker would (pinyin initials, a full-pinyin prefix, part of a name, last 4 or 6 ID characters, a whole phone number, a house number), each answering the first page of 20 with the total count, as three roles of different reach. Goal: p95 under ${goals.searchP95} ms.`,
    '- **Round coverage**: a screening round over 船厂社区 (4,000 residents) with half of its households visited: coverage per group, worker and day, and the list of households not visited.',
    '',
  );
  out.push('| Database | Import time | Import peak memory | Residents | Search p50 / p95 (grid worker) | (community) | (street) | Round coverage p50 / p95 | Households not visited p50 / p95 |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    const s = (w: string) => r.search.find((x) => x.who === w)!.latency;
    const mark = (ok: boolean) => (ok ? '' : ' ⚠');
    out.push(`| ${r.label} ${r.version} | ${r.import.seconds.toFixed(1)} s${mark(r.import.seconds < goals.importSeconds)} | ${r.import.peakMiB.toFixed(0)} MiB${mark(r.import.peakMiB < goals.importMiB)} | ${r.totalResidents.toLocaleString('en')} | ${ms(s('grid worker').p50)} / ${ms(s('grid worker').p95)}${mark(s('grid worker').p95 < goals.searchP95)} | ${ms(s('community secretary').p50)} / ${ms(s('community secretary').p95)}${mark(s('community secretary').p95 < goals.searchP95)} | ${ms(s('street office').p50)} / ${ms(s('street office').p95)}${mark(s('street office').p95 < goals.searchP95)} | ${ms(r.coverage.coverage.p50)} / ${ms(r.coverage.coverage.p95)} | ${ms(r.coverage.unvisited.p50)} / ${ms(r.coverage.unvisited.p95)} |`);
  }
  out.push('', '⚠ marks a figure that misses its goal.', '');
  for (const r of runs) {
    out.push(`### Search by kind of query, ${r.label} (p50 / p95)`, '');
    const kinds = Object.keys(r.search[0]?.perKind ?? {});
    out.push(`| Who (scope) | ${kinds.join(' | ')} |`, `|---|${kinds.map(() => '---').join('|')}|`);
    for (const s of r.search) out.push(`| ${s.who} (${s.scope}) | ${kinds.map((k) => `${ms(s.perKind[k]!.p50)} / ${ms(s.perKind[k]!.p95)}`).join(' | ')} |`);
    out.push('', `Loading the synthetic ledger took ${r.loadSeconds.toFixed(0)} s; the import created ${r.import.created.toLocaleString('en')} residents in ${r.import.households.toLocaleString('en')} households.`, '');
  }
  return out.join('\n');
}
