import { randomBytes } from 'node:crypto';
import { systemActor } from '../../src/cli/system-actor.ts';
import { refreshStatistics } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { checkCharacter } from '../../src/domain/residents/citizen-id.ts';
import type { Actor } from '../../src/server/actor.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadDemo } from '../../src/server/modules/demo/demo.ts';
import { insertArrival, insertPlan } from '../../src/server/modules/observation/arrival-writes.ts';
import { orgRepository } from '../../src/server/modules/org/org.repository.ts';
import { usersRepository } from '../../src/server/modules/users/users.repository.ts';
import { hashPassword } from '../../src/server/security/password.ts';
import { sensitiveBox } from '../../src/server/security/sensitive.ts';
import type { ScratchDatabase } from '../databases.ts';
import { getJson, signIn } from '../gates/gates-bench.ts';

const ZHONGLU = '430211003017';
const BATCH = 250;

export interface ObservationRun {
  label: string;
  version: string;
  people: number;
  workers: number;
  /** Seconds to register the people and make their plans and checks, and the check rows made. */
  generate: { seconds: number; checks: number };
  /** A worker's lists through the API (sign-in, scope, query, JSON): latency in ms and rows per list. */
  lists: { list: string; p50: number; p95: number; max: number; rows: number }[];
  /** The district's figures of the day through the API. */
  figures: { p50: number; p95: number; max: number };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * Observation at a district's scale: `people` under observation in one
 * community of 天元区, shared among `workers` grid workers; each a 14-day home
 * plan started in the last week (two readings a day, three tests), all its
 * checks made when the plan is made, the past ones done but about 1 in 256. Then a worker's due / overdue / done lists and
 * the district's figures through the real API.
 */
export async function benchObservation(scratch: ScratchDatabase, opts: { people: number; workers: number; samples: number }, log: (line: string) => void): Promise<ObservationRun> {
  const { database } = scratch;
  await migrateToLatest(database);
  const password = randomBytes(12).toString('base64url');
  const box = sensitiveBox(Buffer.alloc(32, 9));
  await loadDemo(database, systemActor(), password, box);
  const { db } = database;
  const unit = (await orgRepository.findByCode(db, ZHONGLU))!;
  const district = (await orgRepository.findByCode(db, '430211'))!;
  const hash = await hashPassword(password);
  const now = new Date().toISOString();
  const workers: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < opts.workers; i++) {
      const id = uuidv7();
      await usersRepository.insert(trx, {
        id, username: `bench.w${i}`, mobile: `137${String(i).padStart(8, '0')}`, display_name: `网格员${i}`, password_hash: hash, must_change_password: 0, locale: 'zh-CN',
        created_at: now, updated_at: now, disabled_at: null,
      });
      await usersRepository.insertAssignment(trx, { id: uuidv7(), user_id: id, role: 'grid_worker', org_unit_id: unit.id, org_path: unit.path, valid_from: now, valid_to: null, granted_by: null });
      workers.push(id);
    }
  });
  const actor: Actor = { userId: workers[0]!, username: 'bench.w0', grants: [{ assignmentId: '', role: 'community_admin', unitId: unit.id, path: unit.path }], ip: null };
  const community = { id: unit.id, path: unit.path, name: unit.name };
  const started = performance.now();
  for (let from = 0; from < opts.people; from += BATCH) {
    await db.transaction().execute(async (trx) => {
      for (let i = from; i < Math.min(from + BATCH, opts.people); i++) {
        // A valid, distinct ID number per person: the birth date moves on by a day every 1,000 people.
        const birth = new Date(Date.UTC(1980, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
        const first17 = `420106${birth}${String(i % 1000).padStart(3, '0')}`;
        const id = `${first17}${checkCharacter(first17)}`;
        const arrival = await insertArrival(trx, box, actor, community, {
          category: 'returnee', name: `返乡${i}`, idNumber: id, phone: `139${String(i).padStart(8, '0')}`, originCode: '420106', arrivedOn: now.slice(0, 10),
          transportKind: 'train', stayKind: 'other', stayPlace: `中路社区${i % 300}号`,
        }, { source: 'staff' });
        const startAt = new Date(Date.now() - (i % 7) * 86_400_000 - 3_600_000).toISOString();
        await insertPlan(trx, actor, actor.grants[0]!, arrival, {
          kind: 'home', startAt, days: 14, temperatureTimes: ['08:00', '16:00'], testDays: [1, 7, 14], testTime: '09:00', workerId: workers[i % workers.length]!, pastChecks: true,
        });
      }
    });
    if ((from / BATCH) % 8 === 0) log(`  ${Math.min(from + BATCH, opts.people).toLocaleString('en')} people under observation`);
  }
  const seconds = (performance.now() - started) / 1000;
  const checks = Number((await db.selectFrom('observation_checks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  log(`  generated ${checks.toLocaleString('en')} checks for ${opts.people.toLocaleString('en')} people in ${seconds.toFixed(1)} s`);
  // The week so far as the workers kept it: past checks done, about one in 256 missed (overdue).
  await db.updateTable('observation_checks').set((eb) => ({ done_at: eb.ref('due_at'), reading_id: eb.ref('id'), temp_tenths: 365, recorded_by: eb.ref('worker_id'), recorded_at: eb.ref('due_at') }))
    .where('overdue_at', '<=', new Date().toISOString()).where('id', 'not like', '%00').execute();
  await refreshStatistics(database);

  const { app } = await buildApp({ database, box, config: { sessionHours: 24, trustProxy: false } });
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookies = await Promise.all(Array.from({ length: Math.min(10, opts.workers) }, (_, i) => signIn(origin, `bench.w${i}`, password)));
    const lead = await signIn(origin, 'zz.district', password);
    const time = async (path: string, cookie: string) => {
      const t0 = performance.now();
      const body = await getJson(origin, path, cookie);
      return { ms: performance.now() - t0, rows: Array.isArray(body) ? body.length : 1 };
    };
    const lists: ObservationRun['lists'] = [];
    for (const list of ['due', 'overdue', 'done']) {
      for (let i = 0; i < 10; i++) await time(`/api/observation/checks?list=${list}`, cookies[i % cookies.length]!);
      const samples = [];
      for (let i = 0; i < opts.samples; i++) samples.push(await time(`/api/observation/checks?list=${list}`, cookies[i % cookies.length]!));
      const ms = samples.map((s) => s.ms);
      lists.push({ list, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms), rows: Math.round(samples.reduce((s, x) => s + x.rows, 0) / samples.length) });
      log(`  worker's ${list} list: p50 ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms, ${lists.at(-1)!.rows} rows`);
    }
    const fig: number[] = [];
    for (let i = 0; i < 5; i++) await time(`/api/observation/figures?orgId=${district.id}`, lead);
    for (let i = 0; i < Math.min(opts.samples, 50); i++) fig.push((await time(`/api/observation/figures?orgId=${district.id}`, lead)).ms);
    log(`  district figures: p50 ${quantile(fig, 0.5).toFixed(1)} ms, p95 ${quantile(fig, 0.95).toFixed(1)} ms`);
    return {
      label: scratch.label, version: scratch.version, people: opts.people, workers: opts.workers, generate: { seconds, checks }, lists,
      figures: { p50: quantile(fig, 0.5), p95: quantile(fig, 0.95), max: Math.max(...fig) },
    };
  } finally {
    await app.close();
  }
}
