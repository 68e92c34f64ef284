import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate, shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import { fillLetter } from '../../../domain/observation/letter.ts';
import { checkCharacter } from '../../../domain/residents/citizen-id.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Actor } from '../../actor.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { orgRepository } from '../org/org.repository.ts';
import { usersRepository } from '../users/users.repository.ts';
import { insertArrival, insertPlan, type ArrivalFields, type Community } from '../observation/arrival-writes.ts';
import { declarationsService } from '../observation/declarations.service.ts';
import { letterDigest } from '../observation/letters.service.ts';
import { ObservationEvents } from '../observation/observation-events.ts';
import { observationRepository, type ArrivalRow } from '../observation/observation.repository.ts';
import { rng, type Rng } from './demo-identities.ts';
import { demoSignature } from './demo-signature.ts';

const ZHONGLU = '430211003017';
const COMPANY = '株洲高科建设工程有限公司';
const PARK = '株洲高新区工业园 员工宿舍';
const WORKERS = ['刘建军', '王志强', '李明华', '张国平', '陈小兵', '周立新', '邓海涛', '谢文斌'];
const DRIVERS = ['赵大勇', '孙立国', '钱振华', '李长春', '周铁军', '吴海波', '郑宏伟', '王德胜', '冯雪松', '陈北辰', '褚东林', '卫国庆', '蒋哈林', '沈冰河', '韩长白', '杨松江'];
const RETURNEES = [
  { name: '何静', origin: '420106', route: '武汉—长沙—株洲', transport: 'train' as const, ref: 'G1104', daysAgo: 4 },
  { name: '罗志勇', origin: '420111', route: '武汉—株洲（自驾）', transport: 'vehicle' as const, ref: '鄂A·7K321', daysAgo: 3 },
  { name: '彭丽娟', origin: '421102', route: '黄冈—武汉—株洲', transport: 'bus' as const, ref: null, daysAgo: 5 },
  { name: '曾凡强', origin: '440305', route: '深圳—株洲', transport: 'train' as const, ref: 'G6118', daysAgo: 2 },
  { name: '唐晓梅', origin: '420106', route: '武汉—株洲', transport: 'train' as const, ref: 'G1118', daysAgo: 6 },
];
/** Released this morning after 14 days at home: the record shows how a plan ends. */
const RELEASED = { name: '易国华', origin: '420106', route: '武汉—株洲', transport: 'train' as const, ref: 'G1002', daysAgo: 14 };

function idNumber(r: Rng, place: string, sequence: number): string {
  const first17 = `${place}19${r.int(65, 99)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/**
 * 中路社区's outside personnel and returnees, as in its report: the 8 workers
 * of 株洲高科建设工程有限公司 three days into a 7-day observation in the
 * industrial park, each with a signed commitment letter; a convoy of 16
 * trucks from the north-east read twice a day; returnees in home observation
 * with their grid workers, one of whose checks (yesterday 16:00) was missed;
 * one returnee released this morning; three self-declarations waiting.
 * Past checks carry their readings. Skipped when the community has arrivals.
 */
export async function loadDemoObservation(database: Database, box: SensitiveBox, now = new Date()): Promise<number> {
  const { db } = database;
  const unit = await orgRepository.findByCode(db, ZHONGLU);
  if (!unit) return 0;
  if ((await observationRepository.arrivalsOf(db, unit.id, {})).length > 0) return 0;
  const community: Community = { id: unit.id, path: unit.path, name: unit.name };
  const user = async (username: string) => (await usersRepository.findByUsername(db, username))!;
  const admin = await user('zl.admin');
  const team = await user('zl.team');
  const actor: Actor = { userId: admin.id, username: admin.username, grants: [{ assignmentId: '', role: 'community_admin', unitId: unit.id, path: unit.path }], ip: null };
  const grant = actor.grants[0]!;
  const r = rng(20200210);
  const today = shanghaiDate(now);
  const at = (daysAgo: number, hours: number) => new Date(Date.parse(shanghaiMidnightUtc(today, -daysAgo)) + hours * 3_600_000);
  const phone = () => `13${r.int(5, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
  let sequence = 100;
  const people: { arrival: ArrivalRow; planId: string; worker: string }[] = [];

  /** Registered back then, not at the time the demo was loaded. */
  const backdate = (trx: Executor, id: string, when: Date) =>
    trx.updateTable('arrivals').set({ created_at: when.toISOString(), registered_day: shanghaiDate(when) }).where('id', '=', id).execute();

  const sign = async (trx: Executor, arrival: ArrivalRow, when: Date, witness: string) => {
    const row = {
      id: uuidv7(), arrival_id: arrival.id, community_id: arrival.community_id, org_path: arrival.org_path, title: translate('zh-CN', 'letter.title'),
      body: fillLetter(translate('zh-CN', 'letter.body'), { name: arrival.name, idNumber: arrival.id_masked, community: unit.name, date: shanghaiDate(when) }),
      signature: demoSignature(sequence++), signed_at: when.toISOString(), witnessed_by: witness, digest: '', created_at: when.toISOString(),
    };
    row.digest = letterDigest(row);
    await observationRepository.insertLetter(trx, row);
  };

  const register = async (trx: Executor, fields: ArrivalFields, when: Date, plan: Parameters<typeof insertPlan>[4], groupId: string | null, letter: boolean) => {
    const arrival = await insertArrival(trx, box, actor, community, fields, { source: 'staff', groupId });
    await backdate(trx, arrival.id, when);
    const { planId } = await insertPlan(trx, actor, grant, arrival, { ...plan, startAt: when.toISOString(), pastChecks: true });
    if (letter) await sign(trx, arrival, new Date(when.getTime() + 20 * 60_000), plan.workerId);
    people.push({ arrival, planId, worker: plan.workerId });
    return arrival;
  };

  await db.transaction().execute(async (trx) => {
    const batchAt = at(3, 10);
    const batch = uuidv7();
    await observationRepository.insertGroup(trx, {
      id: batch, community_id: unit.id, org_path: unit.path, kind: 'batch', name: `${COMPANY} 复工人员`, category: 'outside', origin_code: '430481',
      origin_text: '湖南省 衡阳市 耒阳市', route: '耒阳—株洲（包车）', arrived_on: shanghaiDate(batchAt), transport_kind: 'bus', transport_ref: '湘D·3A127',
      stay_kind: 'workplace', stay_place: PARK, employer: COMPANY, reason: '复工复产', created_by: admin.id, created_at: batchAt.toISOString(),
    });
    for (const name of WORKERS) {
      await register(trx, {
        category: 'outside', name, idNumber: idNumber(r, '430481', sequence++), phone: phone(), originCode: '430481', route: '耒阳—株洲（包车）',
        arrivedOn: shanghaiDate(batchAt), transportKind: 'bus', transportRef: '湘D·3A127', stayKind: 'workplace', stayPlace: PARK, employer: COMPANY,
        reason: '复工复产', temperature: 36.2 + r.int(0, 6) / 10, lastTestOn: shanghaiDate(at(4, 0)),
      }, batchAt, { kind: 'workplace', place: PARK, days: 7, temperatureTimes: ['08:00', '16:00'], testDays: [1, 7], testTime: '09:00', workerId: team.id }, batch, true);
    }

    const convoyAt = at(1, 15);
    const convoy = uuidv7();
    await observationRepository.insertGroup(trx, {
      id: convoy, community_id: unit.id, org_path: unit.path, kind: 'convoy', name: '东北物流车队（16 辆）', category: 'outside', origin_code: '230102',
      origin_text: '黑龙江省 哈尔滨市 道里区', route: '哈尔滨—沈阳—武汉—株洲', arrived_on: shanghaiDate(convoyAt), transport_kind: 'vehicle', transport_ref: null,
      stay_kind: 'workplace', stay_place: '中路物流园 停车场', employer: '龙江冷链物流有限公司', reason: '运送防疫物资', created_by: admin.id, created_at: convoyAt.toISOString(),
    });
    for (const [i, name] of DRIVERS.entries()) {
      await register(trx, {
        category: 'outside', name, idNumber: idNumber(r, '230102', sequence++), phone: phone(), originCode: '230102', route: '哈尔滨—沈阳—武汉—株洲',
        arrivedOn: shanghaiDate(convoyAt), transportKind: 'vehicle', transportRef: `黑A·${String(52_301 + i * 17)}`, stayKind: 'workplace', stayPlace: '中路物流园 停车场',
        employer: '龙江冷链物流有限公司', reason: '运送防疫物资', temperature: 36.1 + r.int(0, 7) / 10,
      }, convoyAt, { kind: 'workplace', place: '中路物流园 停车场', days: 7, temperatureTimes: ['08:00', '18:00'], testDays: [], testTime: '09:00', workerId: team.id }, convoy, true);
    }

    const households = await trx.selectFrom('households').select(['id', 'address', 'org_path']).where('community_id', '=', unit.id).orderBy('address').limit(40).execute();
    const gridWorker = async (groupPath: string) => {
      const code = groupPath.split('/').filter(Boolean).at(-1)!;
      return (await usersRepository.findByUsername(trx, `zl.g${code.slice(-2)}`)) ?? team;
    };
    for (const [i, p] of [...RETURNEES, RELEASED].entries()) {
      const household = households[(i * 7) % Math.max(households.length, 1)];
      const worker = household ? await gridWorker(household.org_path) : team;
      const when = at(p.daysAgo, 11 + i);
      await register(trx, {
        category: 'returnee', name: p.name, idNumber: idNumber(r, p.origin, sequence++), phone: phone(), originCode: p.origin, route: p.route,
        arrivedOn: shanghaiDate(when), transportKind: p.transport, transportRef: p.ref ?? undefined, stayKind: household ? 'household' : 'other',
        householdId: household?.id, stayPlace: household ? undefined : '中路社区', reason: '返乡', temperature: 36.3 + r.int(0, 4) / 10,
      }, when, { kind: 'home', days: 14, temperatureTimes: ['08:00', '16:00'], testDays: [1, 7, 14], testTime: '09:00', workerId: worker.id }, null, i % 2 === 0);
    }

    // Every check whose time is past has its reading, but one: 何静's temperature yesterday at 16:00, which her grid worker missed.
    const missed = people.find((p) => p.arrival.name === RETURNEES[0]!.name)!;
    for (const p of people) {
      const checks = await trx.selectFrom('observation_checks').selectAll().where('plan_id', '=', p.planId).where('overdue_at', '<=', now.toISOString()).execute();
      for (const c of checks) {
        if (p === missed && c.day === shanghaiDate(at(1, 12)) && c.due_at === at(1, 16).toISOString()) continue;
        const done = new Date(Date.parse(c.due_at) + r.int(-20, 50) * 60_000);
        await observationRepository.recordCheck(trx, c.id, {
          reading_id: uuidv7(), done_at: done.toISOString(), temp_tenths: c.kind === 'temperature' ? 361 + r.int(0, 8) : null,
          test_result: c.kind === 'test' ? 'negative' : null, note: null, recorded_by: p.worker, recorded_at: done.toISOString(),
        });
      }
    }
    const released = people.find((p) => p.arrival.name === RELEASED.name)!;
    const releasedAt = new Date(Math.min(now.getTime() - 60_000, at(0, 9).getTime()));
    await observationRepository.release(trx, released.planId, {
      released_at: releasedAt.toISOString(), released_day: shanghaiDate(releasedAt), released_by: admin.id, release_outcome: 'completed', release_note: '观察期满，体温和核酸检测均正常',
    });
    await observationRepository.cancelChecksFrom(trx, released.planId, releasedAt.toISOString());
  });

  // Self-declarations from the community's QR code, waiting for review.
  const declarations = declarationsService(database, box, new ObservationEvents());
  const declared = [
    { name: '胡文杰', origin: '420106', route: '武汉—株洲', transport: 'train' as const, ref: 'G1102', stay: '中路组 12号' },
    { name: '黎小燕', origin: '421102', route: '黄冈—株洲', transport: 'bus' as const, ref: undefined, stay: '枫林组 3号' },
    { name: '欧阳建', origin: '430502', route: '邵阳—株洲', transport: 'vehicle' as const, ref: '湘E·88D21', stay: '株洲高新区工业园' },
  ];
  for (const [i, d] of declared.entries()) {
    await declarations.declare(unit.id, {
      category: i < 2 ? 'returnee' : 'outside', name: d.name, idNumber: idNumber(r, d.origin, sequence++), phone: phone(), originCode: d.origin, route: d.route,
      arrivedOn: today, transportKind: d.transport, transportRef: d.ref, stayKind: i < 2 ? 'other' : 'workplace', stayPlace: d.stay, reason: i < 2 ? '返乡' : '复工',
      temperature: 36.5, consent: true,
    }, `demo-${i}`);
  }
  return people.length;
}
