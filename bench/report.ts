import type { LoadOptions, Measurement } from './load.ts';
import type { Machine } from './machine.ts';
import type { Target, TargetId } from './targets.ts';

export interface DatabaseRun {
  label: string;
  version: string;
  targets: Record<TargetId, Target>;
  results: Record<TargetId, Measurement>;
  /** Audited writes answered 2xx, and `org.update` audit events found for them. */
  audit: { writes: number; events: number };
}

export interface RunReport {
  machine: Machine;
  command: string;
  date: Date;
  options: LoadOptions;
  goal: number;
  runs: DatabaseRun[];
  /** Databases not measured, and why. */
  skipped: { label: string; reason: string }[];
}

export interface Ratio {
  label: string;
  safe: TargetId;
  minimal: TargetId;
}

export const RATIOS: Ratio[] = [
  { label: 'scoped read', safe: 'read-safe', minimal: 'read-minimal' },
  { label: 'audited write', safe: 'write-safe', minimal: 'write-minimal' },
];

/** The order of the rows: each safe route under its minimal twin, the bare route last as the ceiling. */
const ROWS: { id: TargetId; name: string; vs?: TargetId }[] = [
  { id: 'read-minimal', name: '(c) minimal read' },
  { id: 'read-safe', name: '(a) scoped read', vs: 'read-minimal' },
  { id: 'write-minimal', name: '(c) minimal write' },
  { id: 'write-safe', name: '(b) audited write', vs: 'write-minimal' },
  { id: 'bare', name: '(d) bare route (ceiling)' },
];

export const ratioOf = (run: DatabaseRun, r: Ratio): number => run.results[r.safe].rps / run.results[r.minimal].rps;

/** The ratio in each round alone (both routes measured a few seconds apart): how far to trust the overall one. */
export function roundRatios(run: DatabaseRun, safe: TargetId, minimal: TargetId): number[] {
  const m = run.results[minimal].slices;
  return run.results[safe].slices.map((s, i) => s.rps / (m[i]?.rps ?? NaN));
}

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The results of one database as a Markdown table. */
export function table(run: DatabaseRun, goal: number): string {
  const bare = run.results.bare.rps;
  const lines = [
    '| Route | | req/s | p99 ms | ratio to minimal (per round) | share of bare |',
    '|---|---|--:|--:|--:|--:|',
  ];
  for (const row of ROWS) {
    const m = run.results[row.id];
    const t = run.targets[row.id];
    let ratio = '';
    if (row.vs) {
      const r = m.rps / run.results[row.vs].rps;
      const rounds = roundRatios(run, row.id, row.vs);
      const range = rounds.length > 1 ? ` (${num(Math.min(...rounds), 2)}–${num(Math.max(...rounds), 2)})` : '';
      ratio = `**${num(r, 2)}** ${r >= goal ? '✅' : '❌'}${range}`;
    } else if (row.id !== 'bare') {
      ratio = '1.00';
    }
    lines.push(`| ${row.name} | \`${t.route}\` | ${num(m.rps)} | ${num(m.p99)} | ${ratio} | ${num(m.rps / bare, 2)} |`);
  }
  return lines.join('\n');
}

export function renderMarkdown(report: RunReport): string {
  const { machine: m, options: o } = report;
  const out: string[] = [];
  out.push('## Requests: what being safe costs', '');
  out.push(
    'What being safe costs. For each database the same process serves, on the same database handle:',
    '',
    '- **(a) scoped read**: the community administrator (`zl.admin`) lists the groups of 中路社区 through the real API;',
    '- **(b) audited write**: the same user renames a group through the real API; each request writes the unit and appends an audit event in one transaction;',
    '- **(c) minimal**: the same Kysely query, or the same update in a transaction, on a plain Fastify route with no session, scope, validation, response schema or audit;',
    '- **(d) bare**: a plain Fastify route answering `{ ok: true }`, the ceiling of the framework and the load generator on this machine.',
    '',
    `The figure to watch is the **ratio to minimal** (requests per second of the safe route ÷ those of its minimal twin). Goal: at least **${report.goal}**.`,
    '',
    'The figures are noisy: short runs, a load generator sharing the machine with the server (and with PostgreSQL).',
    'Compare ratios within one run; do not compare absolute figures across runs or machines.',
    '',
  );
  out.push('### Run', '');
  out.push(
    `- Date: ${report.date.toISOString()}`,
    `- Command: \`${report.command}\``,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}; load average ${m.loadBefore} when the run began`,
    `- Node.js ${m.node}`,
    `- Load: autocannon with ${o.connections} connections, ` +
      (o.workers > 0 ? `in ${o.workers} worker thread${o.workers > 1 ? 's' : ''} of the server's process` : "on the server's own thread") +
      `; per route ${o.warmup} s of warm-up, then ${o.duration} s measured in ${o.rounds} slices of ${num(o.duration / o.rounds, 1)} s, ` +
      'the routes taking turns (round robin), so that a slow spell of the machine weighs on all of them alike',
    '',
  );
  for (const s of report.skipped) out.push(`> **${s.label} was not measured**: ${s.reason}`, '');
  for (const run of report.runs) {
    out.push(`### ${run.label} ${run.version}`, '', table(run, report.goal), '');
    out.push(
      RATIOS.map((r) => `${r.label}: ${num(ratioOf(run, r), 2)}`).join(' · ') +
        `. Every response was 2xx; ${num(run.audit.writes)} audited writes answered, ${num(run.audit.events)} \`org.update\` audit events stored ` +
        '(the difference: requests still in flight when a slice ended, answered after autocannon stopped counting).',
      '',
    );
  }
  const first = report.runs[0];
  if (first) {
    out.push('### Routes', '');
    for (const row of ROWS) out.push(`- \`${first.targets[row.id].route}\`: ${first.targets[row.id].does}.`);
    out.push(
      '',
      'Writes rename each of the 16 groups to its own name in turn, each connection starting at a different group, so that',
      'concurrent writes seldom wait for the same row. req/s counts 2xx responses over all the slices of a route;',
      'p99 is the 99th percentile of response time under this load, averaged over the slices (weighted by their responses).',
      'The range after a ratio is the lowest and highest ratio of a single round.',
      '',
    );
  }
  return out.join('\n');
}
