import { maskIdNumber, maskPhone } from '../../../domain/access/mask.ts';
import { ageOn, isElderlyOn } from '../../../domain/residents/age.ts';
import type { CitizenId } from '../../../domain/residents/citizen-id.ts';
import type { Category, Relation } from '../../../domain/residents/resident-sheet.ts';
import type { CategoryEntry, ResidentStatus, ResidentSummary } from '../../../contract/ledger.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import type { CategoryRow, ResidentListRow, ResidentRow } from './residents.repository.ts';

/**
 * The columns that protect an ID number: sealed value, keyed hashes for exact
 * lookups (the whole number, its last 6), and what the mask shows anyway.
 */
export function identityColumns(box: SensitiveBox, id: CitizenId): Pick<ResidentRow, 'id_sealed' | 'id_hash' | 'id_tail6_hash' | 'id_masked' | 'id_last4' | 'birth_date' | 'sex'> {
  return {
    id_sealed: box.seal(id.value),
    id_hash: box.lookupHash(id.value),
    id_tail6_hash: box.lookupHash(`tail6:${id.value.slice(-6)}`),
    id_masked: maskIdNumber(id.value)!,
    id_last4: id.value.slice(-4),
    birth_date: id.birthDate,
    sex: id.sex,
  };
}

export const tail6Hash = (box: SensitiveBox, tail: string) => box.lookupHash(`tail6:${tail}`);

export function phoneColumns(phone: string | null): Pick<ResidentRow, 'phone' | 'phone_last4'> {
  return { phone, phone_last4: phone ? phone.replace(/\D/g, '').slice(-4) : null };
}

export function categoryEntries(rows: readonly CategoryRow[]): CategoryEntry[] {
  return rows.map((c) => (c.level === null ? { category: c.category as Category } : { category: c.category as Category, level: c.level }));
}

/** What a list shows of a person: masked, with the derived age and 65+. */
export function toSummary(r: ResidentListRow, categories: readonly CategoryRow[], today: string): ResidentSummary {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex as 'male' | 'female',
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    idMasked: r.id_masked,
    phoneMasked: maskPhone(r.phone),
    status: r.status as ResidentStatus,
    householdId: r.household_id,
    address: r.address,
    groupId: r.group_id,
    groupName: r.group_name,
    relation: r.relation as Relation | null,
    categories: categoryEntries(categories.filter((c) => c.resident_id === r.id)),
    elderly: isElderlyOn(r.birth_date, today),
    tags: JSON.parse(r.tags) as string[],
  };
}

/** What the audit trail keeps of a person: never the ID number or the phone in full. */
export function auditSnapshot(r: Pick<ResidentRow, 'name' | 'id_masked' | 'phone' | 'status' | 'relation' | 'household_id' | 'note' | 'tags'>, categories?: readonly CategoryEntry[]) {
  return {
    name: r.name,
    idNumber: r.id_masked,
    phone: maskPhone(r.phone),
    status: r.status,
    relation: r.relation,
    householdId: r.household_id,
    note: r.note,
    tags: JSON.parse(r.tags) as string[],
    ...(categories ? { categories: categories.map((c) => (c.level ? `${c.category}:${c.level}` : c.category)) } : {}),
  };
}

/** Two sets of categories are the same (order aside). */
export function sameCategories(a: readonly CategoryEntry[], b: readonly CategoryEntry[]): boolean {
  const key = (c: CategoryEntry) => `${c.category}:${c.level ?? ''}`;
  return a.length === b.length && a.map(key).sort().join() === b.map(key).sort().join();
}
