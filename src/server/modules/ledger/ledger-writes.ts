import type { Executor } from '../../../db/kysely-types.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import type { CitizenId } from '../../../domain/residents/citizen-id.ts';
import type { Relation } from '../../../domain/residents/resident-sheet.ts';
import { addressNumber, nameSearchKeys } from '../../../domain/residents/search-keys.ts';
import type { CategoryEntry } from '../../../contract/ledger.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { identityColumns, phoneColumns } from './resident-records.ts';
import { residentsRepository, type CategoryRow, type HouseholdRow, type ResidentRow } from './residents.repository.ts';

/**
 * The ledger's writes that keep its history: joining and leaving a household
 * are membership periods, categories are periods too. Scope and input checks
 * are the callers' (residents service, import, screening visits, demo); these
 * run inside the caller's transaction.
 */
export interface NewResident {
  id: string;
  name: string;
  citizenId: CitizenId;
  phone: string | null;
  tags?: readonly string[] | undefined;
  note?: string | null | undefined;
  categories: readonly CategoryEntry[];
}

export function newHouseholdRow(group: { id: string; path: string; communityId: string }, address: string): HouseholdRow {
  const now = new Date().toISOString();
  return { id: uuidv7(), community_id: group.communityId, group_id: group.id, org_path: group.path, address, address_number: addressNumber(address), head_id: null, created_at: now, updated_at: now };
}

export function newResidentRow(box: SensitiveBox, p: NewResident, household: HouseholdRow, relation: Relation, day: string): ResidentRow {
  const now = new Date().toISOString();
  const keys = nameSearchKeys(p.name);
  return {
    id: p.id,
    community_id: household.community_id,
    org_path: household.org_path,
    household_id: household.id,
    relation,
    name: p.name,
    name_rest: p.name.slice(1),
    name_initials: keys.initials,
    name_pinyin: keys.full,
    ...identityColumns(box, p.citizenId),
    ...phoneColumns(p.phone),
    status: 'living',
    status_since: day,
    merged_into: null,
    tags: JSON.stringify(p.tags ?? []),
    note: p.note ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export function membershipRow(residentId: string, household: HouseholdRow, relation: Relation, day: string) {
  return { id: uuidv7(), resident_id: residentId, household_id: household.id, org_path: household.org_path, relation, valid_from: day, valid_to: null, end_reason: null };
}

export function categoryRows(residentId: string, entries: readonly CategoryEntry[], day: string, visitId: string | null = null): CategoryRow[] {
  return entries.map((c) => ({ id: uuidv7(), resident_id: residentId, category: c.category, level: c.level ?? null, valid_from: day, valid_to: null, visit_id: visitId }));
}

export const ledgerWrites = {
  /** A new person living in `household` from `day`. */
  async createResident(trx: Executor, box: SensitiveBox, p: NewResident, household: HouseholdRow, relation: Relation, day: string, visitId: string | null = null): Promise<ResidentRow> {
    const row = newResidentRow(box, p, household, relation, day);
    await residentsRepository.insert(trx, row);
    await residentsRepository.insertMemberships(trx, [membershipRow(row.id, household, relation, day)]);
    await residentsRepository.insertCategories(trx, categoryRows(row.id, p.categories, day, visitId));
    if (relation === 'head') await residentsRepository.setHead(trx, household.id, row.id);
    return row;
  },

  /**
   * Moves a person into `household` on `day` (ending where they lived, if
   * anywhere), or back into the ledger after a move away. Their row follows
   * the household's group, so scope follows the person.
   */
  async placeResident(trx: Executor, resident: ResidentRow, household: HouseholdRow, relation: Relation, day: string, reason: string): Promise<ResidentRow> {
    if (resident.household_id) await ledgerWrites.leaveHousehold(trx, resident, day, reason);
    await residentsRepository.insertMemberships(trx, [membershipRow(resident.id, household, relation, day)]);
    const changes = {
      household_id: household.id,
      relation,
      org_path: household.org_path,
      community_id: household.community_id,
      status: 'living',
      status_since: resident.status === 'living' ? resident.status_since : day,
      updated_at: new Date().toISOString(),
    };
    if (relation === 'head') await residentsRepository.setHead(trx, household.id, resident.id);
    return { ...resident, ...changes };
  },

  /** Ends the person's membership on `day`; a household losing its head has none until one is named. */
  async leaveHousehold(trx: Executor, resident: Pick<ResidentRow, 'id' | 'household_id'>, day: string, reason: string): Promise<void> {
    await residentsRepository.endMembership(trx, resident.id, day, reason);
    if (!resident.household_id) return;
    const household = await residentsRepository.findHousehold(trx, resident.household_id);
    if (household?.head_id === resident.id) await residentsRepository.setHead(trx, household.id, null);
  },

  /** Makes the person's current categories `wanted` from `day`: ended and begun periods, unchanged ones kept. */
  async setCategories(trx: Executor, residentId: string, current: readonly CategoryRow[], wanted: readonly CategoryEntry[], day: string, visitId: string | null = null): Promise<void> {
    const key = (c: { category: string; level?: number | null | undefined }) => `${c.category}:${c.level ?? ''}`;
    const wantedKeys = new Set(wanted.map(key));
    const currentKeys = new Set(current.map(key));
    await residentsRepository.endCategories(trx, current.filter((c) => !wantedKeys.has(key(c))).map((c) => c.id), day);
    await residentsRepository.insertCategories(trx, categoryRows(residentId, wanted.filter((c) => !currentKeys.has(key(c))), day, visitId));
  },
};
