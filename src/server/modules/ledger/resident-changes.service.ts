import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { canAnywhere, grantFor, prefixesFor, type Grant } from '../../../domain/access/scope.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Relation } from '../../../domain/residents/resident-sheet.ts';
import { nameSearchKeys } from '../../../domain/residents/search-keys.ts';
import type { ResidentCreate, ResidentDetail, ResidentMove, ResidentStatusChange, ResidentUpdate } from '../../../contract/ledger.ts';
import type { Actor } from '../../actor.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ledgerWrites, newHouseholdRow } from './ledger-writes.ts';
import { auditSnapshot, categoryEntries, phoneColumns, sameCategories } from './resident-records.ts';
import { citizenIdFrom, residentsService, writableGroup } from './residents.service.ts';
import { residentsRepository, type HouseholdRow, type ResidentRow } from './residents.repository.ts';

type HouseholdTarget = { householdId: string } | { groupId: string; address: string };

/**
 * Changes to the ledger a person at a desk or in the field makes: register,
 * edit, move, moved out or deceased, merge. Each is one transaction with its
 * audit event; an edit carries the version it was made on, so a concurrent
 * change is refused rather than overwritten. Reads are residents.service's.
 */
export function residentChangesService(database: Database, box: SensitiveBox) {
  const { db } = database;
  const reads = residentsService(database, box);
  const detail = reads.detailOf;

  async function writable(trx: Executor, actor: Actor, id: string, version?: number): Promise<{ row: ResidentRow; grant: Grant }> {
    const row = await residentsRepository.findInScope(trx, prefixesFor(actor, 'ledger.write'), id);
    if (!row) throw notFound();
    if (version !== undefined && row.version !== version) throw new AppError('CHANGED_CONCURRENTLY', { field: 'version' });
    return { row, grant: grantFor(actor, 'ledger.write', row.org_path)! };
  }

  /** The household a person is to live in: one in the actor's area, or a new one at an address of a group. */
  async function targetHousehold(trx: Executor, actor: Actor, target: HouseholdTarget): Promise<HouseholdRow> {
    if ('householdId' in target) {
      const h = await residentsRepository.findHouseholdRow(trx, target.householdId);
      if (!h || !grantFor(actor, 'ledger.write', h.org_path)) throw new AppError('NOT_FOUND', { field: 'household.householdId' });
      return h;
    }
    const { unit } = await writableGroup(trx, actor, target.groupId, 'household.groupId');
    return residentsRepository.householdAtOrNew(trx, newHouseholdRow({ id: unit.id, path: unit.path, communityId: unit.parent_id! }, target.address));
  }

  /**
   * A move or a status change takes effect on a day between the start of the
   * person's current household period and today: an earlier day would erase
   * that period from the history instead of ending it.
   */
  async function checkChangeDay(trx: Executor, resident: ResidentRow, day: string): Promise<void> {
    if (day > shanghaiDate()) throw new AppError('DATE_ORDER', { field: 'on' });
    const periods = await residentsRepository.membershipsOf(trx, resident.id);
    // Not before the current period began, nor before the last one ended (one household at a time).
    const since = periods.reduce((d, m) => [d, m.valid_from, m.valid_to ?? ''].reduce((a, b) => (b > a ? b : a)), resident.birth_date);
    if (day < since) throw new AppError('DATE_ORDER', { field: 'on' });
  }

  /** A household has one head at a time. */
  async function checkHead(trx: Executor, household: HouseholdRow, residentId: string, relation: Relation): Promise<void> {
    if (relation !== 'head' || !household.head_id || household.head_id === residentId) return;
    const head = await residentsRepository.findById(trx, household.head_id);
    if (head && head.status === 'living' && head.household_id === household.id) {
      throw new AppError('HOUSEHOLD_HAS_HEAD', { field: 'relation', params: { name: head.name } });
    }
  }

  /** A retry of the same registration: the same person, name, relation and household. */
  async function isSameCreate(trx: Executor, row: ResidentRow, input: ResidentCreate, idHash: string): Promise<boolean> {
    if (row.id_hash !== idHash || row.name !== input.name || row.relation !== input.relation || !row.household_id) return false;
    const target = input.household;
    if ('householdId' in target) return row.household_id === target.householdId;
    const h = await residentsRepository.findHouseholdRow(trx, row.household_id);
    return h?.group_id === target.groupId && h.address === target.address;
  }

  /** A person with this ID number who has moved away (from here or elsewhere) and may come to live here. */
  async function movedOutRecord(trx: Executor, hash: string): Promise<ResidentRow | undefined> {
    const existing = await residentsRepository.findByIdHash(trx, hash);
    return existing?.status === 'moved_out' ? existing : undefined;
  }

  /** The same ID number is one person: refused with a pointer to the record (when the caller may open it). */
  async function refuseDuplicate(trx: Executor, actor: Actor, hash: string, field: string): Promise<void> {
    const existing = await residentsRepository.findByIdHash(trx, hash);
    if (!existing) return;
    if (grantFor(actor, 'ledger.read', existing.org_path)) {
      const [row] = await residentsRepository.findManyById(trx, [existing.id]);
      throw new AppError('DUPLICATE_ID', { field, params: { where: `${row?.group_name ?? ''} ${row?.address ?? ''} ${existing.name}`.trim() }, ref: { type: 'resident', id: existing.id } });
    }
    // Outside the caller's area: not where, or anyone could learn where any ID number lives.
    throw new AppError('DUPLICATE_ID_ELSEWHERE', { field });
  }

  return {
    async create(actor: Actor, input: ResidentCreate): Promise<{ resident: ResidentDetail; created: boolean }> {
      if (!canAnywhere(actor, 'ledger.write')) throw new AppError('FORBIDDEN');
      const citizenId = citizenIdFrom(input);
      const day = input.since ?? shanghaiDate();
      if (day < citizenId.birthDate || day > shanghaiDate()) throw new AppError('DATE_ORDER', { field: 'since' });
      const result = await db.transaction().execute(async (trx) => {
        if (input.id) {
          const same = await residentsRepository.findById(trx, input.id);
          // The same request sent again (a retry after a lost answer): the first answer, not a second person.
          if (same && (await isSameCreate(trx, same, input, box.lookupHash(citizenId.value))) && grantFor(actor, 'ledger.read', same.org_path)) return { row: same, created: false };
          if (same) throw new AppError('ID_CONFLICT', { field: 'id' });
        }
        const movedOut = await movedOutRecord(trx, box.lookupHash(citizenId.value));
        if (!movedOut) await refuseDuplicate(trx, actor, box.lookupHash(citizenId.value), 'idNumber');
        const household = await targetHousehold(trx, actor, input.household);
        await checkHead(trx, household, movedOut?.id ?? '', input.relation);
        if (movedOut) {
          // Someone who moved away comes (back) to live here: the same person, a new household period.
          if (day < movedOut.status_since) throw new AppError('DATE_ORDER', { field: 'since' });
          const placed = await ledgerWrites.placeResident(trx, movedOut, household, input.relation, day, 'returned');
          const keys = nameSearchKeys(input.name);
          const changes: Partial<ResidentRow> = {
            household_id: placed.household_id, relation: placed.relation, org_path: placed.org_path, community_id: placed.community_id, status: 'living', status_since: day,
            name: input.name, name_rest: input.name.slice(1), name_initials: keys.initials, name_pinyin: keys.full, ...phoneColumns(input.phone ?? null),
            note: input.note ?? null, tags: JSON.stringify([...new Set(input.tags ?? [])]), updated_at: new Date().toISOString(),
          };
          if (!(await residentsRepository.updateIfVersion(trx, movedOut.id, movedOut.version, changes))) throw new AppError('CHANGED_CONCURRENTLY');
          await ledgerWrites.setCategories(trx, movedOut.id, await residentsRepository.currentCategories(trx, [movedOut.id]), input.categories ?? [], day);
          await recordAudit(trx, actor, grantFor(actor, 'ledger.write', household.org_path), {
            action: 'ledger.resident.move_in', entityType: 'resident', entityId: movedOut.id, path: household.org_path, after: auditSnapshot({ ...movedOut, ...changes }, input.categories ?? []),
          });
          return { row: (await residentsRepository.findById(trx, movedOut.id))!, created: true };
        }
        const row = await ledgerWrites.createResident(trx, box, {
          id: input.id ?? crypto.randomUUID(),
          name: input.name,
          citizenId,
          phone: input.phone ?? null,
          tags: input.tags,
          note: input.note,
          categories: input.categories ?? [],
        }, household, input.relation, day);
        await recordAudit(trx, actor, grantFor(actor, 'ledger.write', household.org_path), {
          action: 'ledger.resident.create', entityType: 'resident', entityId: row.id, path: household.org_path, after: auditSnapshot(row, input.categories ?? []),
        });
        return { row, created: true };
      });
      return { resident: await detail(actor, result.row), created: result.created };
    },

    async update(actor: Actor, id: string, input: ResidentUpdate): Promise<ResidentDetail> {
      const row = await db.transaction().execute(async (trx) => {
        const { row: before, grant } = await writable(trx, actor, id, input.version);
        if (before.status === 'merged') throw new AppError('NOT_LIVING_HERE');
        const today = shanghaiDate();
        const current = await residentsRepository.currentCategories(trx, [id]);
        const changes: Partial<ResidentRow> = { updated_at: new Date().toISOString() };
        if (input.name !== undefined && input.name !== before.name) {
          const keys = nameSearchKeys(input.name);
          Object.assign(changes, { name: input.name, name_rest: input.name.slice(1), name_initials: keys.initials, name_pinyin: keys.full });
        }
        if (input.phone !== undefined) Object.assign(changes, phoneColumns(input.phone));
        if (input.note !== undefined) changes.note = input.note;
        if (input.tags !== undefined) changes.tags = JSON.stringify([...new Set(input.tags)]);
        if (input.relation !== undefined && input.relation !== before.relation) {
          if (before.status !== 'living' || !before.household_id) throw new AppError('NOT_LIVING_HERE', { field: 'relation' });
          const household = (await residentsRepository.findHousehold(trx, before.household_id))!;
          await checkHead(trx, household, id, input.relation);
          // A new relation is a new membership period, so the household's past stays true.
          await ledgerWrites.placeResident(trx, before, household, input.relation, today, 'relation_changed');
          changes.relation = input.relation;
        }
        if (!(await residentsRepository.updateIfVersion(trx, id, input.version, changes))) throw new AppError('CHANGED_CONCURRENTLY', { field: 'version' });
        if (input.categories !== undefined) await ledgerWrites.setCategories(trx, id, current, input.categories, today);
        const after = { ...before, ...changes };
        await recordAudit(trx, actor, grant, {
          action: 'ledger.resident.update', entityType: 'resident', entityId: id, path: before.org_path,
          before: auditSnapshot(before, categoryEntries(current)), after: auditSnapshot(after, input.categories ?? categoryEntries(current)),
        });
        return after;
      });
      return detail(actor, (await residentsRepository.findById(db, row.id))!);
    },

    async move(actor: Actor, id: string, input: ResidentMove): Promise<ResidentDetail> {
      await db.transaction().execute(async (trx) => {
        const { row: before, grant } = await writable(trx, actor, id, input.version);
        if (before.status === 'merged' || before.status === 'deceased') throw new AppError('NOT_LIVING_HERE');
        await checkChangeDay(trx, before, input.on);
        const household = await targetHousehold(trx, actor, input.household);
        if (household.id === before.household_id) throw new AppError('VALIDATION_FAILED', { field: 'household' });
        await checkHead(trx, household, id, input.relation);
        const after = await ledgerWrites.placeResident(trx, before, household, input.relation, input.on, 'moved_within');
        if (!(await residentsRepository.updateIfVersion(trx, id, input.version, {
          household_id: after.household_id, relation: after.relation, org_path: after.org_path, community_id: after.community_id,
          status: after.status, status_since: after.status_since, updated_at: after.updated_at,
        }))) throw new AppError('CHANGED_CONCURRENTLY', { field: 'version' });
        await recordAudit(trx, actor, grant, {
          action: 'ledger.resident.move', entityType: 'resident', entityId: id, path: household.org_path,
          before: { householdId: before.household_id, relation: before.relation }, after: { householdId: household.id, relation: input.relation, on: input.on },
        });
      });
      return detail(actor, (await residentsRepository.findById(db, id))!);
    },

    async changeStatus(actor: Actor, id: string, input: ResidentStatusChange): Promise<ResidentDetail> {
      await db.transaction().execute(async (trx) => {
        const { row: before, grant } = await writable(trx, actor, id, input.version);
        if (before.status !== 'living') throw new AppError('NOT_LIVING_HERE', { field: 'status' });
        await checkChangeDay(trx, before, input.on);
        await ledgerWrites.leaveHousehold(trx, before, input.on, input.status);
        if (!(await residentsRepository.updateIfVersion(trx, id, input.version, {
          status: input.status, status_since: input.on, household_id: null, relation: null, updated_at: new Date().toISOString(),
        }))) throw new AppError('CHANGED_CONCURRENTLY', { field: 'version' });
        await recordAudit(trx, actor, grant, {
          action: 'ledger.resident.status', entityType: 'resident', entityId: id, path: before.org_path,
          before: { status: before.status }, after: { status: input.status, on: input.on },
        });
      });
      return detail(actor, (await residentsRepository.findById(db, id))!);
    },

    /**
     * One person entered twice: the duplicate is closed (status merged, its
     * household left, pointing at the kept record) and its categories carried
     * over; its history stays readable. Staff decide; the merge is audited.
     */
    async merge(actor: Actor, id: string, input: { version: number; intoId: string }): Promise<ResidentDetail> {
      if (id === input.intoId) throw new AppError('MERGE_SELF', { field: 'intoId' });
      await db.transaction().execute(async (trx) => {
        const prefixes = prefixesFor(actor, 'ledger.manage');
        const dup = await residentsRepository.findInScope(trx, prefixes, id);
        const kept = await residentsRepository.findInScope(trx, prefixes, input.intoId);
        if (!dup) throw notFound();
        if (!kept || kept.status === 'merged') throw new AppError('NOT_FOUND', { field: 'intoId' });
        if (dup.version !== input.version) throw new AppError('CHANGED_CONCURRENTLY', { field: 'version' });
        if (dup.status === 'merged') throw new AppError('NOT_LIVING_HERE');
        const today = shanghaiDate();
        const dupCategories = await residentsRepository.currentCategories(trx, [dup.id]);
        const keptCategories = await residentsRepository.currentCategories(trx, [kept.id]);
        const union = [...categoryEntries(keptCategories), ...categoryEntries(dupCategories).filter((c) => !keptCategories.some((k) => k.category === c.category))];
        if (!sameCategories(union, categoryEntries(keptCategories))) await ledgerWrites.setCategories(trx, kept.id, keptCategories, union, today);
        if (dup.household_id) await ledgerWrites.leaveHousehold(trx, dup, today, 'merged');
        await residentsRepository.endCategories(trx, dupCategories.map((c) => c.id), today);
        if (!(await residentsRepository.updateIfVersion(trx, dup.id, dup.version, {
          status: 'merged', status_since: today, merged_into: kept.id, household_id: null, relation: null, updated_at: new Date().toISOString(),
        }))) throw new AppError('CHANGED_CONCURRENTLY', { field: 'version' });
        await recordAudit(trx, actor, grantFor(actor, 'ledger.manage', dup.org_path), {
          action: 'ledger.resident.merge', entityType: 'resident', entityId: dup.id, path: dup.org_path,
          before: auditSnapshot(dup, categoryEntries(dupCategories)), after: { mergedInto: kept.id, keptName: kept.name, keptIdNumber: kept.id_masked },
        });
      });
      return detail(actor, (await residentsRepository.findById(db, input.intoId))!);
    },
  };
}
