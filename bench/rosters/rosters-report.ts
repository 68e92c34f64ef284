import { CHECKPOINTS, PEOPLE, STREETS, UNSTAFFED_EVERY } from './roster-district.ts';
import type { Latency, RostersRun } from './rosters-bench.ts';

/** What the users need (issue 6), fixed before measuring: a lead opens the grid and "now" at the gate, the sweep runs every 60 s. */
export const ROSTER_GOALS = { weekP95: 200, nowP95: 200, sweepMs: 10_000, districtP95: 2_000 };

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const triple = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.max)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The time an answer made of one part per community takes per community: what a district of another size would cost. */
const perCommunity = (total: number, communities: number) => `${(total / Math.max(1, communities)).toFixed(1)} ms per community`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

/** The goals each run missed, one phrase each (empty when all are met). */
export function missedRosterGoals(runs: readonly RostersRun[]): string[] {
  return runs.flatMap((r) => [
    r.week.p95 >= ROSTER_GOALS.weekP95 && `${r.label} week grid p95 ${ms(r.week.p95)}`,
    r.now.p95 >= ROSTER_GOALS.nowP95 && `${r.label} on duty now p95 ${ms(r.now.p95)}`,
    Math.max(...r.sweep.ms) >= ROSTER_GOALS.sweepMs && `${r.label} sweep ${ms(Math.max(...r.sweep.ms))}`,
    r.overviewDistrict.p95 >= ROSTER_GOALS.districtP95 && `${r.label} district overview p95 ${ms(r.overviewDistrict.p95)}`,
  ].filter((x): x is string => typeof x === 'string'));
}

/** The rosters section of docs/benchmarks.md (without the run line, which run.ts adds). */
export function renderRosters(runs: readonly RostersRun[], samples: number): string {
  const n = runs[0]?.communities ?? 0;
  const street = runs[0]?.overviewStreet.communities ?? 0;
  return [
    '## Checkpoint rosters (issue 6)',
    '',
    `One district of ${n.toLocaleString('en')} communities in ${STREETS} streets; each community has ${CHECKPOINTS} checkpoints (checkpoints since the start of last`,
    `week), its admin and ${PEOPLE} people (team members and checkpoint volunteers), and a full roster for last week and this week: each checkpoint's`,
    '4 shifts (00–07, 07–12, 12–18, 18–24) every day with their minimum of two people, filled in time order from the community\'s people so that',
    'nobody is in two places at once (checked with the domain\'s `clashes` and `gaps`; this week is last week moved on with `fromTemplate`), and',
    `a check-in ten minutes before each shift already begun, except at the first gate of one community in ${UNSTAFFED_EVERY} for the shift under way`,
    '(unstaffed now). The rows are written in bulk. Then, through the real API (session, scope, query, JSON), as the community\'s admin (10',
    'communities in turn), the street office and the district office; the sweep in-process, as the server runs it every minute.',
    '',
    `Goals (what the users need): the week grid and "now" under ${ROSTER_GOALS.weekP95} ms at p95 (a lead at the gate, on a phone); the sweep well under`,
    `its 60 s interval, under ${ROSTER_GOALS.sweepMs / 1000} s, so that it never overlaps itself; the district's overview under ${ROSTER_GOALS.districtP95 / 1000} s at p95.`,
    '',
    '| Database | district written | duties / check-ins | week grid p50 / p95 / max (goal p95 < 200 ms) | on duty now p50 / p95 / max (goal p95 < 200 ms) | my duties p50 / p95 / max |',
    '|---|---|---|---|---|---|',
    ...runs.map((r) => `| ${r.label} ${r.version} | ${r.generate.seconds.toFixed(1)} s | ${r.generate.duties.toLocaleString('en')} / ${r.generate.checkIns.toLocaleString('en')} | ${triple(r.week)} (${r.week.rows} duties): ${met(r.week.p95 < ROSTER_GOALS.weekP95)} | ${triple(r.now)} (${r.now.rows} checkpoints): ${met(r.now.p95 < ROSTER_GOALS.nowP95)} | ${triple(r.myDuties)} (${r.myDuties.rows} duties) |`),
    '',
    `| Database | street overview, ${street} communities: p50 / p95 / max | district overview, ${n} communities: p50 / p95 / max (goal p95 < 2 s) | copy of a week (per community) | sweep of ${n} communities, per run (goal < 10 s) | alerts list (sweeps the community first) p50 / p95 |`,
    '|---|---|---|---|---|---|',
    ...runs.map((r) => {
      const copied = r.copy.ms.length;
      return `| ${r.label} ${r.version} | ${triple(r.overviewStreet)} (${r.overviewStreet.n} requests; ${perCommunity(r.overviewStreet.p50, r.overviewStreet.communities)}) | ${triple(r.overviewDistrict)} (${r.overviewDistrict.n} requests; ${perCommunity(r.overviewDistrict.p50, r.overviewDistrict.communities)}): ${met(r.overviewDistrict.p95 < ROSTER_GOALS.districtP95)} | median ${ms(median(r.copy.ms))}, max ${ms(Math.max(...r.copy.ms))} (${copied} copies of ${Math.round(r.copy.added / Math.max(1, copied))} duties, ${r.copy.skipped} skipped) | median ${ms(median(r.sweep.ms))}, max ${ms(Math.max(...r.sweep.ms))} (${r.sweep.ms.length} runs; ${perCommunity(median(r.sweep.ms), r.communities)}; the first raised ${r.sweep.raised} alerts): ${met(Math.max(...r.sweep.ms) < ROSTER_GOALS.sweepMs)} | ${ms(r.alerts.p50)} / ${ms(r.alerts.p95)} (${r.alerts.n} requests) |`;
    }),
    '',
    `Requests per series: ${samples} for the week grid, "now" and my duties (after 10 to warm up); for the overviews and the alerts list ${Math.max(5, Math.round(samples / 5))}, or as many as`,
    'a minute holds (5 at least; the count is in the table). The copy is last week onto next week, one community each (every duty checked against the person\'s',
    'other duties, then written with its audit record in one transaction). "My duties" is a volunteer\'s 8 days from today, next week copied.',
  ].join('\n');
}
