/**
 * `npm run bench`: what session, scope, validation and audit cost, on SQLite
 * and PostgreSQL, against minimal routes doing the same queries, in one run.
 * Writes docs/benchmarks.md. Settings from the environment:
 *   BENCH_DURATION (s measured per route, 5), BENCH_ROUNDS (slices it is cut into, 5),
 *   BENCH_WARMUP (s per route, 1), BENCH_CONNECTIONS (50),
 *   BENCH_WORKERS (autocannon threads, 1; 0 = on the server's thread),
 *   BENCH_OUTPUT (docs/benchmarks.md), BENCH_STRICT=1 (fail below the goal; on under CI=true),
 *   BENCH_ONLY (requests | ledger | gates | observation | rosters | reports), BENCH_LEDGER_RESIDENTS (1000000), BENCH_IMPORT_ROWS (100000), BENCH_SEARCHES (700 per role),
 *   BENCH_OBSERVED (10000 people under observation), BENCH_OBSERVATION_WORKERS (50),
 *   BENCH_ROSTER_COMMUNITIES (200 communities of 9 checkpoints in the rosters' district), BENCH_ROSTER_SAMPLES (100 requests per series),
 *   BENCH_REPORT_COMMUNITIES (1000 communities of 4,000 residents), BENCH_REPORT_SQLITE_COMMUNITIES (a quarter of it), BENCH_REPORT_SAMPLES (10),
 *   LINLI_BENCH_PG_URL (admin URL to create the scratch database, postgres://linli:linli@localhost/postgres).
 * Without PostgreSQL it measures SQLite only and says so, except under CI=true, where it fails.
 */
import { mkdirSync } from 'node:fs';
import { writeSection } from './sections.ts';
import { benchLedger, renderLedger, type LedgerRun } from './ledger/ledger-bench.ts';
import { benchGateRegistrations, benchVerification, type GateRun } from './gates/gates-bench.ts';
import { benchObservation, type ObservationRun } from './observation/observation-bench.ts';
import { benchRosters, type RostersRun } from './rosters/rosters-bench.ts';
import { missedRosterGoals, renderRosters } from './rosters/rosters-report.ts';
import { runReportsBench } from './reports/reports-run.ts';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PG_ADMIN_URL, scratchPostgres, scratchSqlite, type ScratchDatabase } from './databases.ts';
import { combine, fire, type LoadOptions, type Measurement, type Slice } from './load.ts';
import { describeMachine } from './machine.ts';
import { RATIOS, ratioOf, renderMarkdown, table, type DatabaseRun, type RunReport } from './report.ts';
import { prepareTargets, type TargetId } from './targets.ts';

const GOAL = 0.5;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ci = process.env.CI === 'true';
const strict = ci || process.env.BENCH_STRICT === '1';

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min}, not ${JSON.stringify(raw)}`);
  return n;
}

const options: LoadOptions = {
  connections: Math.floor(envNumber('BENCH_CONNECTIONS', 50, 1)),
  duration: envNumber('BENCH_DURATION', 5, 1),
  rounds: Math.floor(envNumber('BENCH_ROUNDS', 5, 1)),
  warmup: envNumber('BENCH_WARMUP', 1, 0),
  workers: Math.floor(envNumber('BENCH_WORKERS', 1, 0)),
};
const pgAdminUrl = process.env.LINLI_BENCH_PG_URL || DEFAULT_PG_ADMIN_URL;
const output = resolve(ROOT, process.env.BENCH_OUTPUT || 'docs/benchmarks.md');

/** The order within a round: the ceiling first, then each minimal route right before its safe twin. */
const ORDER: TargetId[] = ['bare', 'read-minimal', 'read-safe', 'write-minimal', 'write-safe'];

// Scratch databases are dropped even when the run is interrupted.
const open = new Set<ScratchDatabase>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: removing the scratch databases`);
    void Promise.allSettled([...open].map((d) => d.dispose())).then(() => process.exit(130));
  });
}

async function benchDatabase(scratch: ScratchDatabase): Promise<DatabaseRun> {
  const { targets, auditedUpdates, close } = await prepareTargets(scratch.database);
  try {
    const auditBefore = await auditedUpdates();
    let writes = 0;
    let phases = 0;
    const slices = Object.fromEntries(ORDER.map((id) => [id, [] as Slice[]])) as Record<TargetId, Slice[]>;
    const run = async (id: TargetId, seconds: number, phase: string) => {
      const s = await fire(targets[id], seconds, options, phase);
      if (id === 'write-safe') {
        writes += s.responses;
        phases++;
      }
      return s;
    };
    if (options.warmup > 0) for (const id of ORDER) await run(id, options.warmup, 'warm-up');
    // Round robin: every route is measured across the same stretch of time, so a
    // slow spell of the machine weighs on all of them rather than on one.
    for (let round = 1; round <= options.rounds; round++) {
      const line: string[] = [];
      for (const id of ORDER) {
        const s = await run(id, options.duration / options.rounds, `round ${round}`);
        slices[id].push(s);
        line.push(`${id} ${s.rps.toFixed(0)}`);
      }
      console.log(`  round ${round}/${options.rounds} (req/s): ${line.join(', ')}`);
    }
    const results = Object.fromEntries(ORDER.map((id) => [id, combine(slices[id])])) as Record<TargetId, Measurement>;
    const events = (await auditedUpdates()) - auditBefore;
    // Requests in flight when autocannon stops are answered and audited but not counted: at most one per connection per phase.
    if (events < writes || events > writes + options.connections * phases) {
      throw new Error(`${scratch.label}: ${writes} audited writes answered but ${events} org.update audit events stored`);
    }
    return { label: scratch.label, version: scratch.version, targets, results, audit: { writes, events } };
  } finally {
    await close();
  }
}

function commandLine(): string {
  const settings = ['BENCH_ONLY', 'BENCH_OBSERVED', 'BENCH_OBSERVATION_WORKERS', 'BENCH_ROSTER_COMMUNITIES', 'BENCH_ROSTER_SAMPLES', 'BENCH_REPORT_COMMUNITIES', 'BENCH_REPORT_SQLITE_COMMUNITIES', 'BENCH_REPORT_SAMPLES', 'BENCH_LEDGER_RESIDENTS', 'BENCH_IMPORT_ROWS', 'BENCH_SEARCHES', 'BENCH_DURATION', 'BENCH_ROUNDS', 'BENCH_WARMUP', 'BENCH_CONNECTIONS', 'BENCH_WORKERS', 'BENCH_OUTPUT', 'BENCH_STRICT', 'CI']
    .filter((k) => process.env[k])
    .map((k) => `${k}=${process.env[k]}`);
  if (process.env.LINLI_BENCH_PG_URL) {
    const u = new URL(process.env.LINLI_BENCH_PG_URL);
    if (u.password) u.password = '***';
    settings.push(`LINLI_BENCH_PG_URL=${u.toString()}`);
  }
  const base = process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : 'tsx bench/run.ts';
  return [...settings, base].join(' ');
}

async function benchRequests(): Promise<void> {
  const machine = describeMachine();
  const started = Date.now();
  console.log(`Linli benchmark: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
  console.log(
    `autocannon: ${options.connections} connections; per route ${options.warmup} s warm-up, then ${options.duration} s in ${options.rounds} interleaved slices; workers ${options.workers}`,
  );

  const report: RunReport = { machine, command: commandLine(), date: new Date(), options, goal: GOAL, runs: [], skipped: [] };
  // Both databases are created first, so that a missing PostgreSQL fails (under CI) before minutes of measuring.
  const openers: { label: string; open: () => Promise<ScratchDatabase>; optional: boolean }[] = [
    { label: 'SQLite', open: scratchSqlite, optional: false },
    { label: 'PostgreSQL', open: () => scratchPostgres(pgAdminUrl), optional: !ci },
  ];
  try {
    for (const o of openers) {
      try {
        const scratch = await o.open();
        open.add(scratch);
        if (scratch.leftovers.length > 0) {
          console.warn(`Note: ${scratch.label} holds scratch databases of other runs (still running, or killed): ${scratch.leftovers.join(', ')}`);
        }
      } catch (e) {
        const reason = `cannot create a scratch database (${e instanceof Error ? e.message : String(e)})`;
        if (!o.optional) throw new Error(`${o.label}: ${reason}`, { cause: e });
        console.warn(`\n!! ${o.label} NOT MEASURED: ${reason}. Start it (pg_ctlcluster 15 main start) or set LINLI_BENCH_PG_URL.`);
        report.skipped.push({ label: o.label, reason: `${reason}; this run measured the other database only` });
      }
    }
    for (const scratch of open) {
      console.log(`\n${scratch.label} ${scratch.version}`);
      report.runs.push(await benchDatabase(scratch));
      await scratch.dispose();
      open.delete(scratch);
    }
  } finally {
    await Promise.allSettled([...open].map((d) => d.dispose()));
    open.clear();
  }

  mkdirSync(dirname(output), { recursive: true });
  writeSection(output, 'requests', renderMarkdown(report));
  for (const run of report.runs) console.log(`\n${run.label} ${run.version}\n${table(run, GOAL)}`);
  for (const s of report.skipped) console.log(`\n${s.label} was not measured: ${s.reason}`);
  console.log(`\nWrote ${relative(ROOT, output)} in ${Math.round((Date.now() - started) / 1000)} s.`);

  const below = report.runs.flatMap((run) =>
    RATIOS.filter((r) => ratioOf(run, r) < GOAL).map((r) => `${run.label} ${r.label}: ${ratioOf(run, r).toFixed(2)}`),
  );
  if (below.length > 0) {
    console.warn(`\nBelow the goal of ${GOAL} (safe ÷ minimal req/s): ${below.join('; ')}`);
    if (strict) process.exitCode = 1;
  }
}

/**
 * Runs a benchmark on a scratch SQLite database, then on a scratch PostgreSQL
 * one (optional outside CI: said in the report when it could not be reached).
 */
async function onEachDatabase<R>(bench: (scratch: ScratchDatabase) => Promise<R>): Promise<{ runs: R[]; skipped: string[] }> {
  const runs: R[] = [];
  const skipped: string[] = [];
  for (const o of [{ label: 'SQLite', open: scratchSqlite, optional: false }, { label: 'PostgreSQL', open: () => scratchPostgres(pgAdminUrl), optional: !ci }]) {
    let scratch: ScratchDatabase;
    try {
      scratch = await o.open();
    } catch (e) {
      if (!o.optional) throw e;
      skipped.push(`${o.label} was not measured (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    open.add(scratch);
    console.log(`\n${scratch.label} ${scratch.version}`);
    try {
      runs.push(await bench(scratch));
    } finally {
      await scratch.dispose();
      open.delete(scratch);
    }
  }
  return { runs, skipped };
}

/** The ledger's figures (issue 3): import, search on a million residents, round coverage; on each database. */
async function benchLedgerAll(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  const opts = {
    residents: Math.floor(envNumber('BENCH_LEDGER_RESIDENTS', 1_000_000, 10_000)),
    importRows: Math.floor(envNumber('BENCH_IMPORT_ROWS', 100_000, 100)),
    searches: Math.floor(envNumber('BENCH_SEARCHES', 700, 50)),
  };
  console.log(`\nLedger benchmark: ${opts.residents.toLocaleString('en')} residents, ${opts.importRows.toLocaleString('en')}-row import, ${opts.searches} searches per role`);
  const { runs, skipped } = await onEachDatabase<LedgerRun>((scratch) => benchLedger(scratch, opts, (line) => console.log(line)));
  const goals = { importSeconds: 60, importMiB: 1024, searchP95: 30 };
  const text = [
    renderLedger(runs, goals),
    `Run: ${new Date().toISOString()}, \`${commandLine()}\`, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node.js ${machine.node}; load average ${machine.loadBefore} at the start.`,
    ...skipped.map((s) => `\n**${s}**`),
  ].join('\n');
  mkdirSync(dirname(output), { recursive: true });
  writeSection(output, 'ledger', text);
  console.log(`\nWrote the ledger section of ${relative(ROOT, output)} in ${Math.round((Date.now() - started) / 1000)} s.`);
  const missed = runs.flatMap((r) => [
    r.import.seconds >= goals.importSeconds && `${r.label} import ${r.import.seconds.toFixed(1)} s`,
    r.import.peakMiB >= goals.importMiB && `${r.label} import ${r.import.peakMiB.toFixed(0)} MiB`,
    ...r.search.map((s) => s.latency.p95 >= goals.searchP95 && `${r.label} search as ${s.who} p95 ${s.latency.p95.toFixed(1)} ms`),
  ]).filter(Boolean);
  if (missed.length) {
    console.warn(`\nMissed goals: ${missed.join('; ')}`);
    if (strict) process.exitCode = 1;
  }
}

/** Gate registrations (issue 4): the API beside a minimal route, a 1,000-item sync, pass verification in the browser. */
async function benchGatesAll(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  console.log(`\nGate benchmark: ${options.connections} connections, ${options.duration} s per route in ${options.rounds} slices`);
  const { runs, skipped } = await onEachDatabase<GateRun>((scratch) => benchGateRegistrations(scratch, options, (line) => console.log(line)));
  const verification = await benchVerification((line) => console.log(line));
  const goals = { ratio: GOAL, sqliteRps: 3000, p99: 50, syncSeconds: 5, verifyMs: 5 };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const lines = [
    '## Gate registrations (issue 4)',
    '',
    `One registration per request by ${options.connections} concurrent clients: a pass scan with a temperature and a new id each time, the passes`,
    'of 400 households in turn (each signature is checked once and then remembered, as at a gate where people pass several times a day; each pass\'s',
    'status is read at every scan). The API route signs in, validates, checks the entrance, the volunteer\'s assignment and the entrance\'s state at',
    'that time, verifies the pass, reads its status at that time, stores the registration and its audit event and tells the live view; the minimal',
    'route, in the same run and process, validates the same body and inserts the same row in a transaction. The 1,000-item sync is a phone\'s',
    'queue (4 scans to 1 visitor) sent as two batches of 500.',
    '',
    '| Database | API req/s | minimal req/s | ratio (goal ≥ 0.5) | API p50 / p99 ms (goal p99 < 50) | minimal p50 / p99 ms | stored = answered = audited | sync of 1,000 (goal < 5 s) |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map((r) => `| ${r.label} ${r.version} | ${r.safe.rps.toFixed(0)} | ${r.minimal.rps.toFixed(0)} | ${(r.safe.rps / r.minimal.rps).toFixed(2)} | ${r.safe.p50.toFixed(1)} / ${r.safe.p99.toFixed(1)} | ${r.minimal.p50.toFixed(1)} / ${r.minimal.p99.toFixed(1)} | ${r.stored.rows} rows, ${r.stored.answered} answers, ${r.stored.audited} audit events | ${r.sync.map((s) => s.toFixed(2)).join(', ')} s (median ${median(r.sync).toFixed(2)}) |`),
    '',
    `Goal on SQLite: at least ${goals.sqliteRps} registrations per second (a megacity testing day averages about 600 people per second).`,
    '',
    'median' in verification
      ? `Pass verification on the phone (the field app's check: parse, Ed25519 with noble in JavaScript, revocation list of 2,000, validity), headless Chromium, ${'n' in verification ? verification.n : 0} checks after 50 to warm up: median ${'median' in verification ? verification.median.toFixed(2) : '?'} ms, p99 ${'p99' in verification ? verification.p99.toFixed(2) : '?'} ms, max ${'max' in verification ? verification.max.toFixed(2) : '?'} ms (goal < ${goals.verifyMs} ms).`
      : `Pass verification was not measured: ${'skipped' in verification ? verification.skipped : ''}.`,
    '',
    `Run: ${new Date().toISOString()}, \`${commandLine()}\`, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node.js ${machine.node}; load average ${machine.loadBefore} at the start.`,
    ...skipped.map((s) => `\n**${s}**`),
  ];
  mkdirSync(dirname(output), { recursive: true });
  writeSection(output, 'gates', lines.join('\n'));
  console.log(`\nWrote the gates section of ${relative(ROOT, output)} in ${Math.round((Date.now() - started) / 1000)} s.`);
  const missed = [
    ...runs.flatMap((r) => [
      r.safe.rps / r.minimal.rps < goals.ratio && `${r.label} ratio ${(r.safe.rps / r.minimal.rps).toFixed(2)}`,
      r.safe.p99 >= goals.p99 && `${r.label} p99 ${r.safe.p99.toFixed(1)} ms`,
      median(r.sync) >= goals.syncSeconds && `${r.label} sync ${median(r.sync).toFixed(2)} s`,
      r.label === 'SQLite' && r.safe.rps < goals.sqliteRps && `SQLite ${r.safe.rps.toFixed(0)} registrations/s`,
    ]),
    'p99' in verification && verification.p99 >= goals.verifyMs && `verification p99 ${verification.p99.toFixed(2)} ms`,
  ].filter(Boolean);
  if (missed.length) {
    console.warn(`\nMissed goals: ${missed.join('; ')}`);
    if (strict) process.exitCode = 1;
  }
}

/** Observation (issue 5): checks made for 10,000 people in a district, a worker's lists and the district's figures. */
async function benchObservationAll(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  const opts = {
    people: Math.floor(envNumber('BENCH_OBSERVED', 10_000, 100)),
    workers: Math.floor(envNumber('BENCH_OBSERVATION_WORKERS', 50, 1)),
    samples: 100,
  };
  console.log(`\nObservation benchmark: ${opts.people.toLocaleString('en')} people under observation, ${opts.workers} workers`);
  const { runs, skipped } = await onEachDatabase<ObservationRun>((scratch) => benchObservation(scratch, opts, (line) => console.log(line)));
  const goalMs = 200;
  const lines = [
    '## Observation checks (issue 5)',
    '',
    `${opts.people.toLocaleString('en')} people under observation in one community of 天元区, shared among ${opts.workers} grid workers: each registered`,
    '(ID number and phone sealed) with a 14-day home plan started in the last week (temperature at 08:00 and 16:00, tests on days 1, 7 and 14);',
    'all the plan\'s checks are made when the plan is made (the time in the table), then the past ones are marked done but about 1 in 256 (left',
    'overdue). Then, through the real API (session, scope, query, JSON), a worker\'s lists',
    `(${opts.samples} requests each, by 10 workers in turn, after 10 to warm up) and the district's figures of the day.`,
    '',
    '| Database | people registered and checks made | checks | worker\'s due list p50 / p95 / max ms (goal < 200) | rows | overdue list p50 / p95 ms | done list p50 / p95 ms | district figures p50 / p95 ms |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map((r) => {
      const [due, overdue, done] = r.lists;
      return `| ${r.label} ${r.version} | ${r.generate.seconds.toFixed(1)} s (${(r.generate.seconds * 1000 / r.people).toFixed(2)} ms per person) | ${r.generate.checks.toLocaleString('en')} | ${due!.p50.toFixed(1)} / ${due!.p95.toFixed(1)} / ${due!.max.toFixed(1)} | ${due!.rows} | ${overdue!.p50.toFixed(1)} / ${overdue!.p95.toFixed(1)} | ${done!.p50.toFixed(1)} / ${done!.p95.toFixed(1)} | ${r.figures.p50.toFixed(1)} / ${r.figures.p95.toFixed(1)} |`;
    }),
    '',
    `Run: ${new Date().toISOString()}, \`${commandLine()}\`, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node.js ${machine.node}; load average ${machine.loadBefore} at the start.`,
    ...skipped.map((s) => `\n**${s}**`),
  ];
  mkdirSync(dirname(output), { recursive: true });
  writeSection(output, 'observation', lines.join('\n'));
  console.log(`\nWrote the observation section of ${relative(ROOT, output)} in ${Math.round((Date.now() - started) / 1000)} s.`);
  const missed = runs.filter((r) => r.lists[0]!.p95 >= goalMs).map((r) => `${r.label} worker's due list p95 ${r.lists[0]!.p95.toFixed(1)} ms`);
  if (missed.length) {
    console.warn(`\nMissed goals: ${missed.join('; ')}`);
    if (strict) process.exitCode = 1;
  }
}

/** Rosters (issue 6): a district's checkpoint rosters, the lead's and the offices' reads, a week's copy and the unstaffed sweep. */
async function benchRostersAll(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  const opts = {
    communities: Math.floor(envNumber('BENCH_ROSTER_COMMUNITIES', 200, 10)),
    samples: Math.floor(envNumber('BENCH_ROSTER_SAMPLES', 100, 10)),
  };
  console.log(`\nRosters benchmark: ${opts.communities} communities of 9 checkpoints, ${opts.samples} requests per series`);
  const { runs, skipped } = await onEachDatabase<RostersRun>((scratch) => benchRosters(scratch, opts, (line) => console.log(line)));
  const text = [
    renderRosters(runs, opts.samples),
    '',
    `Run: ${new Date().toISOString()}, \`${commandLine()}\`, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node.js ${machine.node}; load average ${machine.loadBefore} at the start.`,
    ...skipped.map((s) => `\n**${s}**`),
  ].join('\n');
  mkdirSync(dirname(output), { recursive: true });
  writeSection(output, 'rosters', text);
  console.log(`\nWrote the rosters section of ${relative(ROOT, output)} in ${Math.round((Date.now() - started) / 1000)} s.`);
  const missed = missedRosterGoals(runs);
  if (missed.length) {
    console.warn(`\nMissed goals: ${missed.join('; ')}`);
    if (strict) process.exitCode = 1;
  }
}

/** Reports (issue 7): the city's dashboard and a district's totals at 1,000 communities, a community's report filling itself. */
async function benchReportsAll(): Promise<void> {
  const missed = await runReportsBench({ onEachDatabase, envNumber, output, commandLine: commandLine() });
  if (missed.length) {
    console.warn(`\nMissed goals: ${missed.join('; ')}`);
    if (strict) process.exitCode = 1;
  }
}

/** BENCH_ONLY=requests, ledger, gates, observation, rosters or reports runs one of them; without it, all. */
async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'requests') await benchRequests();
  if (!only || only === 'ledger') await benchLedgerAll();
  if (!only || only === 'gates') await benchGatesAll();
  if (!only || only === 'observation') await benchObservationAll();
  if (!only || only === 'rosters') await benchRostersAll();
  if (!only || only === 'reports') await benchReportsAll();
}

main().catch((e: unknown) => {
  console.error('\nBenchmark failed:', e instanceof Error ? e.message : e);
  if (e instanceof Error && e.stack) console.error(e.stack);
  process.exitCode = 1;
});
