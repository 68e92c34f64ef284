import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Target } from './targets.ts';

export interface LoadOptions {
  connections: number;
  /** Seconds measured per route, in `rounds` slices interleaved with the other routes. */
  duration: number;
  rounds: number;
  /** Seconds of load per route before the measurement, not counted (JIT, caches, pools). */
  warmup: number;
  /** autocannon worker threads; 0 runs the load generator on the server's own thread. */
  workers: number;
}

/** One short autocannon run against one route. */
export interface Slice {
  /** 2xx responses (there are no others, or the run failed). */
  responses: number;
  /** Seconds, as autocannon measured them. */
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface Measurement {
  /** Responses per second over all the slices. */
  rps: number;
  /** Latency percentiles in ms: the slices' own, averaged weighted by their responses. */
  p50: number;
  p99: number;
  responses: number;
  slices: Slice[];
}

const STAGGER = fileURLToPath(new URL('./stagger-client.cjs', import.meta.url));
const staggerFn = createRequire(import.meta.url)(STAGGER) as (client: autocannon.Client) => void;

/** Loads one target for `seconds`. Any non-2xx response or socket error fails the run. */
export async function fire(target: Target & { setupClient?: string }, seconds: number, opts: LoadOptions, phase: string): Promise<Slice> {
  const setupFile = target.setupClient ?? STAGGER;
  const setupFn = target.setupClient ? (createRequire(import.meta.url)(target.setupClient) as (client: autocannon.Client) => void) : staggerFn;
  const r = await autocannon({
    url: target.url,
    connections: opts.connections,
    duration: seconds,
    requests: target.requests,
    // In a worker thread autocannon needs a file it can require; on this thread, the function.
    setupClient: opts.workers > 0 ? (setupFile as unknown as typeof staggerFn) : setupFn,
    ...(opts.workers > 0 ? { workers: opts.workers } : {}),
  });
  const problems: string[] = [];
  if (r.non2xx > 0) {
    const codes = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, s]) => `${code}×${s.count ?? 0}`);
    problems.push(`${r.non2xx} non-2xx responses (${codes.join(', ') || 'codes unknown'})`);
  }
  if (r.errors > 0) problems.push(`${r.errors} errors (${r.timeouts} timeouts)`);
  if (r.mismatches > 0) problems.push(`${r.mismatches} body mismatches`);
  if (r['2xx'] === 0) problems.push('no successful response at all');
  if (problems.length > 0) throw new Error(`${target.id} (${target.route}), ${phase}: ${problems.join('; ')}`);
  const responses = r['2xx'];
  const secs = r.duration > 0 ? r.duration : seconds;
  return { responses, seconds: secs, rps: responses / secs, p50: r.latency.p50, p99: r.latency.p99 };
}

export function combine(slices: Slice[]): Measurement {
  const responses = slices.reduce((n, s) => n + s.responses, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  const weighted = (pick: (s: Slice) => number) => slices.reduce((n, s) => n + pick(s) * s.responses, 0) / responses;
  return { rps: responses / seconds, p50: weighted((s) => s.p50), p99: weighted((s) => s.p99), responses, slices };
}
