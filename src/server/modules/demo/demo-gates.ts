import type { Database } from '../../../db/database.ts';
import { checkCharacter } from '../../../domain/residents/citizen-id.ts';
import { passVerdict } from '../../../domain/gates/pass-verdict.ts';
import { fromBase64Url } from '../../../domain/gates/base64url.ts';
import { signPass } from '../../../domain/gates/pass-token.ts';
import { isFever } from '../../../domain/gates/temperature.ts';
import { maskIdNumber, maskPhone } from '../../../domain/access/mask.ts';
import { shanghaiDate, shanghaiHour, shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { newSigningKey, nodeCheck, signerFor } from '../../security/pass-keys.ts';
import { orgRepository } from '../org/org.repository.ts';
import { usersRepository } from '../users/users.repository.ts';
import { entrancesRepository } from '../gates/entrances.repository.ts';
import { passesRepository } from '../gates/passes.repository.ts';
import { passagesRepository, type VisitorRow } from '../gates/passages.repository.ts';
import { patrolsRepository } from '../gates/patrols.repository.ts';
import { claimsOf, maskName } from '../gates/passes.service.ts';
import { demoId } from './demo-ids.ts';
import { rng, type Rng } from './demo-identities.ts';

const CHUANCHANG = '420107006001';
/** The 9 checkpoints (卡点) 船厂社区 kept staffed, then the 14 entrances it sealed overnight. */
const CHECKPOINTS = ['船厂路正门', '和平大道东门', '厂前街北门', '临江路西门', '宿舍区南门', '菜场路口', '学校路口', '医院路口', '货运通道'];
const SEALED = [
  '1栋后小门', '3栋消防通道', '5栋车库出口', '锅炉房通道', '老食堂侧门', '俱乐部后门', '江滩步道口', '6栋围墙缺口',
  '幼儿园侧门', '球场北门', '8栋自行车棚口', '老厂房通道', '码头便道', '10栋后门',
];
const FROM = ['武汉市武昌区', '武汉市洪山区', '武汉市江岸区', '武汉市汉阳区', '鄂州市', '孝感市', '黄冈市'];
const PURPOSES = ['送药', '探望老人', '维修水电', '送生活物资', '社区工作', '快递配送'];
const VISITOR_NAMES = ['陈志刚', '刘红梅', '张建新', '王丽', '李国强', '杨晓燕', '赵明', '黄建军', '周敏', '吴勇', '徐芳', '孙伟', '马俊', '朱玲', '胡斌', '郭静'];

interface Visitor { name: string; idNumber: string; phone: string; from: string }

function demoVisitors(r: Rng): Visitor[] {
  return VISITOR_NAMES.map((name, i) => {
    const first17 = `4201${String(r.int(2, 17)).padStart(2, '0')}19${r.int(60, 99)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(100 + i * 7).padStart(3, '0')}`;
    return { name, idNumber: first17 + checkCharacter(first17), phone: `13${r.int(5, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`, from: r.pick(FROM) };
  });
}

/**
 * 船厂社区's gates, as in its report: 23 entrances, 14 sealed overnight from
 * 07:00 and 9 staffed checkpoints; household passes signed with the
 * community's key (two revoked, one suspended); yesterday's and today's
 * registrations (pass scans and visitors, a few refused); one fever at a gate,
 * not yet handled; patrol zones A–D with a patrol group for B and C.
 * Skipped when the community already has entrances.
 */
export async function loadDemoGates(database: Database, box: SensitiveBox, now = new Date()): Promise<number> {
  const { db } = database;
  const community = await orgRepository.findByCode(db, CHUANCHANG);
  if (!community) return 0;
  if ((await entrancesRepository.list(db, [community.path], community.id)).length > 0) return 0;
  const user = async (username: string) => (await usersRepository.findByUsername(db, username))!;
  const [admin, gate, team] = [await user('cc.admin'), await user('cc.gate'), await user('cc.team')];
  const r = rng(20200213);
  const today = shanghaiDate(now);
  const yesterday = shanghaiDate(new Date(now.getTime() - 86_400_000));
  const at = (day: string, hours: number) => new Date(Date.parse(shanghaiMidnightUtc(day)) + hours * 3_600_000).toISOString();
  const created = at(yesterday, -24 * 30);

  return db.transaction().execute(async (trx) => {
    // Entrances: staffed from 23:00 the day before yesterday, the others sealed from 07:00 yesterday (decided at 22:40 the evening before).
    const entrances = [...CHECKPOINTS, ...SEALED].map((name, i) => ({
      id: demoId(`entrance:${name}`), community_id: community.id, org_path: community.path, name,
      description: i < CHECKPOINTS.length ? `第${i + 1}号卡点` : null, sort_order: i + 1, created_at: created, updated_at: created,
    }));
    for (const e of entrances) await entrancesRepository.insert(trx, e);
    const decided = at(yesterday, -24 + 22 + 40 / 60);
    await entrancesRepository.insertChanges(trx, entrances.map((e, i) => ({
      id: demoId(`change:${e.name}`), entrance_id: e.id, org_path: e.org_path, state: i < CHECKPOINTS.length ? 'checkpoint' : 'sealed',
      effective_at: i < CHECKPOINTS.length ? at(yesterday, -1) : at(yesterday, 7), decided_by: admin.id, decided_at: decided,
      note: i < CHECKPOINTS.length ? '保留9个卡点，24小时值守' : '封闭14个出入口', cancelled_at: null, cancelled_by: null,
    })));
    // A change planned for tomorrow 07:00: the market crossing closes once the market moves online.
    await entrancesRepository.insertChanges(trx, [{
      id: demoId('change:planned'), entrance_id: entrances[5]!.id, org_path: community.path, state: 'sealed', effective_at: at(today, 24 + 7),
      decided_by: admin.id, decided_at: now.toISOString(), note: '菜场改为线上团购，明早起封闭', cancelled_at: null, cancelled_by: null,
    }]);
    await entrancesRepository.setAssignees(trx, entrances[0]!, [gate.id, team.id], admin.id, created);
    for (const e of entrances.slice(1, 3)) await entrancesRepository.setAssignees(trx, e, [gate.id], admin.id, created);

    // Household passes, valid for a month from a week ago.
    const made = newSigningKey(box);
    const key = { id: 'kdemo-cc1', community_id: community.id, public_key: made.publicKey, private_sealed: made.privateSealed, created_at: created, retired_at: null };
    await passesRepository.insertKey(trx, key);
    const households = await passesRepository.householdsOf(trx, (await orgRepository.listChildren(trx, [community.path], { parentId: community.id, today, includeDissolved: false })).map((g) => g.id), [], community.id);
    const validFrom = shanghaiDate(new Date(now.getTime() - 7 * 86_400_000));
    const validTo = shanghaiDate(new Date(now.getTime() + 30 * 86_400_000));
    const passes = households.map((h) => ({
      id: demoId(`pass:${h.id}`), community_id: community.id, org_path: h.org_path, holder_kind: 'household', household_id: h.id, resident_id: null,
      valid_from: validFrom, valid_to: validTo, status: 'active', status_reason: null, status_changed_at: null, key_id: key.id, issued_by: admin.id, issued_at: created,
    }));
    await passesRepository.insert(trx, passes);
    const lost = at(yesterday, 9);
    await passesRepository.setStatus(trx, passes[3]!.id, 'active', 'revoked', '挂失', lost, admin.id);
    await passesRepository.setStatus(trx, passes[11]!.id, 'active', 'revoked', '户主搬离', lost, admin.id);
    await passesRepository.setStatus(trx, passes[20]!.id, 'active', 'suspended', '居家隔离期间暂停', lost, admin.id);
    const views = await passesRepository.viewsByIds(trx, passes.map((p) => p.id));
    const sign = signerFor(box, key);
    const tokens = views.map((v) => signPass(claimsOf(v, community.code), sign));
    const knowledge = (day: string, t: string) => ({
      communityCode: community.code, keys: { [key.id]: fromBase64Url(key.public_key)! },
      revoked: new Set(t >= lost ? [passes[3]!.id, passes[11]!.id] : []), suspended: new Set(t >= lost ? [passes[20]!.id] : []),
    });

    // Registrations: all of yesterday and today until now.
    const visitors = demoVisitors(r);
    const visitorRows = new Map<string, VisitorRow>();
    const inside = new Set<string>();
    let count = 0;
    const nowMs = now.getTime();
    for (const day of [yesterday, today]) {
      inside.clear();
      // Checkpoints are staffed day and night: a passage every minute or two by day, a few an hour at night.
      for (let minute = 0; minute < 24 * 60; minute += minute >= 6 * 60 && minute < 23 * 60 ? r.int(1, 3) : r.int(8, 20)) {
        const t = at(day, minute / 60 + r.next() / 60);
        if (Date.parse(t) > nowMs - 60_000) break;
        const entrance = entrances[r.weighted([5, 4, 3, 2, 2, 3, 1, 1, 1])]!;
        const recorder = entrance.id === entrances[0]!.id && r.chance(0.4) ? team : gate;
        const temp = 360 + r.int(0, 10);
        const base = {
          entrance_id: entrance.id, community_id: community.id, org_path: community.path, day, at: t, hour: shanghaiHour(new Date(t)),
          direction: r.chance(0.5) ? 'in' : 'out', temp_tenths: temp, health_code: 'green', recorded_by: recorder.id, created_at: t,
          device_allowed: null, from_place: null, purpose: null, visiting: null, visitor_id: null,
        };
        if (r.chance(0.07)) {
          const v = r.pick(visitors);
          let row = visitorRows.get(v.idNumber);
          if (!row) {
            row = {
              id: demoId(`visitor:${v.idNumber}`), community_id: community.id, org_path: community.path, name: v.name,
              id_sealed: box.seal(v.idNumber), id_hash: box.lookupHash(v.idNumber), id_masked: maskIdNumber(v.idNumber),
              phone_sealed: box.seal(v.phone), phone_hash: box.lookupHash(`phone:${v.phone}`), phone_masked: maskPhone(v.phone),
              from_place: v.from, first_seen_at: t,
            };
            visitorRows.set(v.idNumber, row);
            await passagesRepository.insertVisitor(trx, row);
          }
          // A visitor inside goes out next; one outside comes in.
          const direction = inside.has(v.idNumber) ? 'out' : 'in';
          if (direction === 'in') inside.add(v.idNumber);
          else inside.delete(v.idNumber);
          await passagesRepository.insert(trx, {
            ...base, direction, id: demoId(`passage:${day}:${minute}`), kind: 'visitor', allowed: 1, reason: null, pass_id: null, holder_name: v.name, holder_label: null,
            visitor_id: row.id, from_place: v.from, purpose: r.pick(PURPOSES), visiting: `${r.int(1, 12)}栋`,
          });
        } else {
          const i = r.chance(0.01) ? r.pick([3, 11, 20]) : r.int(0, views.length - 1);
          const verdict = passVerdict(tokens[i]!, knowledge(day, t), 'checkpoint', day, nodeCheck);
          await passagesRepository.insert(trx, {
            ...base, id: demoId(`passage:${day}:${minute}`), kind: 'pass', allowed: verdict.allowed ? 1 : 0, reason: verdict.allowed ? null : verdict.reason,
            // Recorded as a scan records it: the name and place the card shows.
            pass_id: views[i]!.id, holder_name: maskName(views[i]!.holder_name ?? ''), holder_label: [views[i]!.group_name, views[i]!.address].join(' '),
          });
        }
        count += 1;
      }
    }

    // The fever: a visitor at the main gate this morning (or a minute ago, early in the day), the lead not yet told.
    const feverAt = new Date(Math.min(Date.parse(at(today, 9.5)), Math.max(nowMs - 60_000, Date.parse(at(today, 0))))).toISOString();
    const feverVisitor = visitors[0]!;
    const feverRow = visitorRows.get(feverVisitor.idNumber);
    const feverId = demoId('passage:fever');
    if (!isFever(37.8)) throw new Error('fever threshold changed');
    await passagesRepository.insert(trx, {
      id: feverId, entrance_id: entrances[0]!.id, community_id: community.id, org_path: community.path, day: shanghaiDate(new Date(feverAt)), at: feverAt,
      hour: shanghaiHour(new Date(feverAt)), direction: 'in', kind: 'visitor', allowed: 0, reason: 'fever', device_allowed: 0, pass_id: null,
      holder_name: feverVisitor.name, holder_label: null, visitor_id: feverRow?.id ?? null, from_place: feverVisitor.from, purpose: '送药', visiting: '3栋',
      temp_tenths: 378, health_code: 'green', recorded_by: gate.id, created_at: feverAt,
    });
    await passagesRepository.insertAlert(trx, {
      id: demoId('alert:fever'), community_id: community.id, org_path: community.path, entrance_id: entrances[0]!.id, zone_id: null, source: 'passage',
      source_id: feverId, name: feverVisitor.name, temp_tenths: 378, day: shanghaiDate(new Date(feverAt)), raised_at: feverAt, recorded_by: gate.id,
      handled_at: null, handled_by: null, note: null,
    });

    // Patrols: zones A–D (the community's grids), one patrol group walking B and C, a few rounds yesterday and today.
    const zones = ['A', 'B', 'C', 'D'].map((z) => ({ id: demoId(`zone:${z}`), community_id: community.id, org_path: community.path, name: `${z}区`, description: null, created_at: created }));
    for (const z of zones) await patrolsRepository.insertZone(trx, z);
    const group = {
      id: demoId('patrol:1'), community_id: community.id, org_path: community.path, name: '流动巡查一组',
      zone_ids: JSON.stringify([zones[1]!.id, zones[2]!.id]), member_ids: JSON.stringify([team.id, gate.id]), created_at: created,
    };
    await patrolsRepository.insertGroup(trx, group);
    for (const day of [yesterday, today]) {
      for (const [n, hour] of [8, 10.5, 14, 16.5, 19].entries()) {
        const startedAt = at(day, hour);
        if (Date.parse(startedAt) + 40 * 60_000 > nowMs) break;
        const readings = Array.from({ length: r.int(6, 15) }, () => ({ t: 360 + r.int(0, 11), code: 'green' }));
        await patrolsRepository.insertRound(trx, {
          id: demoId(`patrol:${day}:${n}`), group_id: group.id, zone_id: zones[1 + (n % 2)]!.id, community_id: community.id, org_path: community.path, day,
          started_at: startedAt, ended_at: new Date(Date.parse(startedAt) + 40 * 60_000).toISOString(), checked: readings.length + r.int(0, 5), fevers: 0,
          readings_json: JSON.stringify(readings), reminders_masks: r.int(0, 6), reminders_gatherings: r.int(0, 3),
          incidents: n === 2 ? '江滩步道有居民聚集打牌，已劝散' : null, recorded_by: team.id, created_at: startedAt,
        });
      }
    }
    return count + 1;
  });
}

