import type { Executor } from '../../../db/kysely-types.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { categoryRows, ledgerWrites, membershipRow, newResidentRow } from '../ledger/ledger-writes.ts';
import { residentsRepository, type HouseholdRow, type ResidentRow } from '../ledger/residents.repository.ts';
import { orgRepository } from '../org/org.repository.ts';
import { demoLedger, type DemoCommunityLedger } from './demo-ledger.ts';
import { demoScreening } from './demo-screening.ts';
import { screeningRepository } from '../ledger/screening.repository.ts';
import { demoId } from './demo-ids.ts';
import { addressNumber } from '../../../domain/residents/search-keys.ts';

/**
 * Writes the demo ledger (demo-ledger.ts) for communities that have no
 * households yet: ids derive from the generator's keys, so two machines
 * loading the demo on the same day hold the same people.
 */
const ZHONGLU = '430211003017';

export async function loadDemoLedger(trx: Executor, actor: Actor, box: SensitiveBox): Promise<number> {
  const today = shanghaiDate();
  let created = 0;
  for (const community of demoLedger(today)) {
    const unit = await orgRepository.findByCode(trx, community.communityCode);
    if (!unit) continue;
    const groups = new Map((await orgRepository.listChildren(trx, [unit.path], { parentId: unit.id, today, includeDissolved: true })).map((g) => [g.code, g]));
    if ((await residentsRepository.householdsOfGroups(trx, [...groups.values()].map((g) => g.id))).length > 0) continue;
    const households: HouseholdRow[] = [];
    const residents: ResidentRow[] = [];
    const memberships: ReturnType<typeof membershipRow>[] = [];
    const categories: ReturnType<typeof categoryRows> = [];
    const now = new Date().toISOString();
    for (const h of community.households) {
      const group = groups.get(h.groupCode);
      if (!group) throw new Error(`demo group ${h.groupCode} missing`);
      const household: HouseholdRow = {
        id: demoId(`household:${h.key}`), community_id: unit.id, group_id: group.id, org_path: group.path, address: h.address, address_number: addressNumber(h.address), head_id: null, created_at: now, updated_at: now,
      };
      households.push(household);
      for (const m of h.members) {
        const row = newResidentRow(box, {
          id: demoId(`resident:${m.key}`), name: m.name, citizenId: { value: m.idNumber, birthDate: m.birthDate, sex: m.sex }, phone: m.phone, categories: m.categories,
        }, household, m.relation, m.since);
        residents.push(row);
        if (m.relation === 'head') household.head_id = row.id;
        memberships.push(membershipRow(row.id, household, m.relation, m.since));
        categories.push(...categoryRows(row.id, m.categories, m.since));
      }
    }
    await residentsRepository.insertHouseholds(trx, households);
    await residentsRepository.insertMany(trx, residents);
    await residentsRepository.insertMemberships(trx, memberships);
    await residentsRepository.insertCategories(trx, categories);
    await recordAudit(trx, actor, actor.grants[0] ?? null, {
      action: 'ledger.import', entityType: 'community', entityId: unit.id, path: unit.path,
      after: { created: residents.length, newHouseholds: households.length, demo: true },
    });
    created += residents.length;
    if (community.communityCode === ZHONGLU) await loadDemoRound(trx, box, unit, [...groups.values()], community, households);
  }
  return created;
}

/** 中路社区's screening round in progress, over all its groups, visited by each group's grid worker. */
async function loadDemoRound(
  trx: Executor, box: SensitiveBox, unit: { id: string; path: string }, groups: readonly { id: string; code: string; path: string; valid_to: string | null }[],
  community: DemoCommunityLedger, households: readonly HouseholdRow[],
): Promise<void> {
  const today = shanghaiDate();
  const start = shanghaiDate(new Date(Date.parse(`${today}T12:00:00+08:00`) - 2 * 86_400_000));
  const roundId = demoId('round:zhonglu:1');
  await screeningRepository.insertRound(trx, {
    id: roundId, community_id: unit.id, org_path: unit.path, name: `${Number(start.slice(5, 7))}月外来人员摸排`, starts_on: start, ends_on: null, closed_at: null,
    created_by: demoId('user:zl.admin'), created_at: new Date(Date.parse(`${start}T08:00:00+08:00`)).toISOString(),
  }, groups.filter((g) => g.valid_to === null).map((g) => ({ group_id: g.id, org_path: g.path })));
  const householdByKey = new Map(community.households.map((h, i) => [h.key, households[i]!]));
  for (const v of demoScreening(community)) {
    const household = householdByKey.get(v.householdKey)!;
    const at = new Date(Date.parse(`${today}T${String(v.hour).padStart(2, '0')}:20:00+08:00`) - v.daysAgo * 86_400_000);
    if (at.getTime() > Date.now()) at.setTime(Date.now() - 60_000 * (v.hour + 1));
    const visitId = demoId(`visit:${v.key}`);
    for (const a of v.arrivals) {
      const [y, m, d] = [a.idNumber.slice(6, 10), a.idNumber.slice(10, 12), a.idNumber.slice(12, 14)];
      await ledgerWrites.createResident(trx, box, {
        id: demoId(`resident:${a.key}`), name: a.name, phone: a.phone, categories: [{ category: a.category }],
        citizenId: { value: a.idNumber, birthDate: `${y}-${m}-${d}`, sex: Number(a.idNumber[16]) % 2 ? 'male' : 'female' },
      }, household, a.relation, shanghaiDate(at), visitId);
    }
    await screeningRepository.insertVisit(trx, {
      id: visitId, round_id: roundId, household_id: household.id, org_path: household.org_path, visitor_id: demoId(`user:zl.g${v.groupCode.slice(-2)}`),
      visited_at: at.toISOString(), day: shanghaiDate(at), outcome: v.outcome, present_json: JSON.stringify(v.presentKeys.map((k) => demoId(`resident:${k}`))),
      health_json: JSON.stringify({ fever: v.fever, cough: v.cough, temperature: v.fever ? 37.8 : null }), needs: v.needs, note: null, created_at: at.toISOString(),
    });
  }
}
