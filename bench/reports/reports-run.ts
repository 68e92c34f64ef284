import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ScratchDatabase } from '../databases.ts';
import { describeMachine } from '../machine.ts';
import { writeSection } from '../sections.ts';
import { ARRIVALS_TODAY, GATES, PASSAGES, PLANS, TASKS, VISITS_A_DAY } from './report-records.ts';
import { benchReports, HOUSEHOLDS, RESIDENTS, type Latency, type ReportsRun } from './reports-bench.ts';

/** What the offices need (issue 7): the city's dashboard and a district's totals under 1 s on PostgreSQL. */
export const REPORT_GOALS = { officeP95: 1_000 };

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const triple = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.max)}`;
const met = (r: ReportsRun, l: Latency) => (r.label !== 'PostgreSQL' ? '' : l.p95 < REPORT_GOALS.officeP95 ? ': met' : ': **not met**');
const n = (x: number) => x.toLocaleString('en');

export function missedReportGoals(runs: readonly ReportsRun[]): string[] {
  return runs.filter((r) => r.label === 'PostgreSQL').flatMap((r) => [
    r.cityDashboard.p95 >= REPORT_GOALS.officeP95 && `${r.label} city dashboard p95 ${ms(r.cityDashboard.p95)}`,
    r.districtTotals.p95 >= REPORT_GOALS.officeP95 && `${r.label} district totals p95 ${ms(r.districtTotals.p95)}`,
  ].filter((x): x is string => typeof x === 'string'));
}

export function renderReports(runs: readonly ReportsRun[], samples: number): string {
  return [
    '## Daily reports and dashboards (issue 7)',
    '',
    'A city of 10 districts of 10 streets of 10 communities; each community has 16 groups, 1,300 households and 4,000 residents (each a member of',
    `a household), and today's records: ${PASSAGES} gate passages at ${GATES} entrances (about 1 in 100 refused, 1 in 8 visitors, temperatures on the way`,
    `in, about 1 % fevers), 2 patrol rounds, a screening round open for 10 days with ${VISITS_A_DAY} visits a day, ${ARRIVALS_TODAY} arrivals today and ${PLANS} people under`,
    `observation with today's two temperature checks, 36 duties with their check-ins, ${TASKS} briefing tasks. Today's reports are in for 9`,
    'communities in 10 (two issues each, one in three answered by the street), a draft for 1 in 20, none for the rest. Rows are written in bulk',
    '(households, residents and memberships generated inside the database, street by street, with the residents\' searchable columns ascending',
    'with the resident so that their 13 indexes fill in order; the rest in multi-row inserts), then the statistics are refreshed as the server',
    'does (`refreshStatistics`, and on PostgreSQL an `analyze` of the other tables, as autovacuum would; SQLite\'s write-ahead log of the load is',
    'checkpointed, as it would be in a server that has written since).',
    'Then through the real API (session, scope, queries, JSON): the city office\'s live dashboard (`GET /api/dashboard`), a district office\'s',
    'totals of today (`GET /api/reports/level`, the districts in turn), the same for the city and a district\'s dashboard; and a community admin',
    'opening today\'s report, not yet submitted, so that its figures are counted from the records at each read (`GET /api/reports/day`, 10',
    `communities in turn). ${samples} requests per series after 2 to warm up (the community's report: ${samples * 3}), one at a time.`,
    '',
    'Goal (what the offices need): the city\'s dashboard and a district\'s totals under 1 s at p95 on PostgreSQL.',
    '',
    '| Database | communities / residents | written: ledger / records / reports | city dashboard p50 / p95 / max (goal p95 < 1 s) | district totals p50 / p95 / max (goal p95 < 1 s) | city totals p50 / p95 / max | district dashboard p50 / p95 / max | community report filling itself p50 / p95 / max |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map((r) => `| ${r.label} ${r.version} | ${n(r.communities)} / ${n(r.residents)} | ${r.generate.ledger.toFixed(0)} s / ${r.generate.records.toFixed(0)} s / ${r.generate.reports.toFixed(1)} s | ${triple(r.cityDashboard)}${met(r, r.cityDashboard)} | ${triple(r.districtTotals)} (${r.districtTotals.communities} communities)${met(r, r.districtTotals)} | ${triple(r.cityTotals)} | ${triple(r.districtDashboard)} | ${triple(r.communityReport)} |`),
    '',
    ...(new Set(runs.map((r) => r.communities)).size > 1
      ? [`The databases were measured at different sizes (table): SQLite at ${runs.filter((r) => r.label === 'SQLite').map((r) => n(r.communities)).join('')} communities (BENCH_REPORT_SQLITE_COMMUNITIES), since its one writer would need most of the run for 4 million residents; its districts are the same size as PostgreSQL's (100 communities), its city smaller. City dashboard per community (p50): ${runs.map((r) => `${r.label} ${(r.cityDashboard.p50 / r.communities).toFixed(2)} ms`).join(', ')}.`, '']
      : []),
    ...runs.map((r) => `${r.label}: the city's dashboard counted ${n(r.seen.households)} households, ${n(r.seen.passages)} passages, ${n(r.seen.fevers)} fevers, ${n(r.seen.checksDue)} checks due, ${n(r.seen.duties)} duties and ${n(r.seen.reportsIn)} reports in; rows written: ${Object.entries(r.rows).filter(([, v]) => v >= 10_000).map(([k, v]) => `${k} ${n(v)}`).join(', ')}.`),
  ].join('\n');
}

/**
 * BENCH_ONLY=reports: PostgreSQL at the issue's size (BENCH_REPORT_COMMUNITIES,
 * 1,000 communities of 4,000 residents), SQLite at BENCH_REPORT_SQLITE_COMMUNITIES
 * (a quarter of that unless set, to keep the run within minutes).
 */
export async function runReportsBench(o: {
  onEachDatabase: <R>(bench: (scratch: ScratchDatabase) => Promise<R>) => Promise<{ runs: R[]; skipped: string[] }>;
  envNumber: (name: string, fallback: number, min: number) => number;
  output: string;
  commandLine: string;
}): Promise<string[]> {
  const started = Date.now();
  const machine = describeMachine();
  const communities = Math.floor(o.envNumber('BENCH_REPORT_COMMUNITIES', 1_000, 10));
  // SQLite has one writer: 4 million residents with their 13 indexes would take most of the run's 12 minutes on 2 cores.
  // By default it gets a quarter of the city (a million residents, as in the ledger's benchmark).
  const sqliteCommunities = Math.min(communities, Math.floor(o.envNumber('BENCH_REPORT_SQLITE_COMMUNITIES', Math.ceil(communities / 4), 10)));
  const samples = Math.floor(o.envNumber('BENCH_REPORT_SAMPLES', 10, 3));
  console.log(`\nReports benchmark: ${n(communities)} communities (${n(communities * RESIDENTS)} residents, ${n(communities * HOUSEHOLDS)} households) on PostgreSQL, ${n(sqliteCommunities)} on SQLite; ${samples} requests per series`);
  const { runs, skipped } = await o.onEachDatabase<ReportsRun>((scratch) =>
    benchReports(scratch, { communities: scratch.label === 'SQLite' ? sqliteCommunities : communities, samples }, (line) => console.log(line)));
  const text = [
    renderReports(runs, samples),
    '',
    `Run: ${new Date().toISOString()}, \`${o.commandLine}\`, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node.js ${machine.node}; load average ${machine.loadBefore} at the start; ${Math.round((Date.now() - started) / 1000)} s in all.`,
    ...skipped.map((s) => `\n**${s}**`),
  ].join('\n');
  mkdirSync(dirname(o.output), { recursive: true });
  writeSection(o.output, 'reports', text);
  console.log(`\nWrote the reports section of ${o.output} in ${Math.round((Date.now() - started) / 1000)} s.`);
  return missedReportGoals(runs);
}
