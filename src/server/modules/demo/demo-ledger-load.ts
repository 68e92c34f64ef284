import type { Executor } from '../../../db/kysely-types.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { categoryRows, membershipRow, newResidentRow } from '../ledger/ledger-writes.ts';
import { residentsRepository, type HouseholdRow, type ResidentRow } from '../ledger/residents.repository.ts';
import { orgRepository } from '../org/org.repository.ts';
import { demoLedger } from './demo-ledger.ts';
import { demoId } from './demo-ids.ts';

/**
 * Writes the demo ledger (demo-ledger.ts) for communities that have no
 * households yet: ids derive from the generator's keys, so two machines
 * loading the demo on the same day hold the same people.
 */
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
        id: demoId(`household:${h.key}`), community_id: unit.id, group_id: group.id, org_path: group.path, address: h.address, head_id: null, created_at: now, updated_at: now,
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
  }
  return created;
}
