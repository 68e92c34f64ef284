import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { canAnywhere, grantFor, prefixesFor, type Grant } from '../../../domain/access/scope.ts';
import { isInForce, shanghaiDate } from '../../../domain/local-date.ts';
import { isCitizenIdProblem, parseCitizenId, type CitizenId } from '../../../domain/residents/citizen-id.ts';
import { elderlyBornBy } from '../../../domain/residents/figures.ts';
import { categoryWords, relationWord, type Relation } from '../../../domain/residents/resident-sheet.ts';
import { parseResidentQuery } from '../../../domain/residents/search-query.ts';
import type {
  DuplicateGroup, Household, ResidentDetail, ResidentListQuery, ResidentStatus, ResidentSummary, UnvisitedHousehold,
} from '../../../contract/ledger.ts';
import type { z } from 'zod';
import type { Actor } from '../../actor.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository, type OrgUnitRow } from '../org/org.repository.ts';
import { writeResidentSheet } from './resident-workbook.ts';
import { categoryEntries, tail6Hash, toSummary } from './resident-records.ts';
import { residentsRepository, type ResidentFilter, type ResidentListRow, type ResidentRow } from './residents.repository.ts';

/** A residential group or grid the actor may write in, with its community. */
export async function writableGroup(trx: Executor, actor: Actor, groupId: string, field: string): Promise<{ unit: OrgUnitRow; grant: Grant }> {
  const unit = await orgRepository.findInScope(trx, prefixesFor(actor, 'ledger.write'), groupId);
  if (!unit || (unit.kind !== 'group' && unit.kind !== 'grid') || !unit.parent_id) throw new AppError('NOT_FOUND', { field });
  if (!isInForce(shanghaiDate(), unit.valid_from, unit.valid_to)) throw new AppError('UNIT_DISSOLVED', { field });
  return { unit, grant: grantFor(actor, 'ledger.write', unit.path)! };
}

/** Reads an ID number typed by a person, checking the sex and birth date given with it. */
export function citizenIdFrom(input: { idNumber: string; sex?: string | undefined; birthDate?: string | undefined }, field = 'idNumber'): CitizenId {
  const id = parseCitizenId(input.idNumber, shanghaiDate());
  if (isCitizenIdProblem(id)) throw new AppError('INVALID_VALUE', { field, params: { problem: `validation.${id}` } });
  if (input.sex && input.sex !== id.sex) throw new AppError('ID_CONTRADICTS', { field: 'sex', params: { what: `sexes.${id.sex}` } });
  if (input.birthDate && input.birthDate !== id.birthDate) throw new AppError('ID_CONTRADICTS', { field: 'birthDate', params: { what: id.birthDate } });
  return id;
}

export function residentsService({ db }: Database, box: SensitiveBox) {
  async function summaries(rows: readonly ResidentListRow[]): Promise<ResidentSummary[]> {
    const categories = await residentsRepository.currentCategories(db, rows.map((r) => r.id));
    const today = shanghaiDate();
    return rows.map((r) => toSummary(r, categories, today));
  }

  async function readable(trx: Executor, actor: Actor, id: string): Promise<ResidentRow> {
    const row = await residentsRepository.findInScope(trx, prefixesFor(actor, 'ledger.read'), id);
    if (!row) throw notFound();
    return row;
  }

  async function detail(actor: Actor, row: ResidentRow): Promise<ResidentDetail> {
    const [listRow] = await residentsRepository.findManyById(db, [row.id]);
    const [summary] = await summaries([listRow!]);
    const community = await orgRepository.findById(db, row.community_id);
    const members = row.household_id ? await summaries(await residentsRepository.membersOf(db, [row.household_id])) : [];
    // Periods lived in another community's area are that community's to see.
    const readable = prefixesFor(actor, 'ledger.read');
    const memberships = (await residentsRepository.membershipsOf(db, row.id)).filter((m) => readable.some((p) => m.org_path.startsWith(p)));
    const history = await residentsRepository.categoryHistory(db, row.id);
    return {
      ...summary!,
      communityId: row.community_id,
      communityName: community?.name ?? '',
      statusSince: row.status_since,
      mergedInto: row.merged_into,
      note: row.note,
      version: row.version,
      household: row.household_id ? { id: row.household_id, address: listRow!.address ?? '', members: members.sort(byRelation) } : null,
      memberships: memberships.map((m) => ({
        householdId: m.household_id, address: m.address, groupName: m.group_name, relation: m.relation as Relation, from: m.valid_from, to: m.valid_to, endReason: m.end_reason,
      })),
      categoryHistory: history.map((c) => ({ ...categoryEntries([c])[0]!, from: c.valid_from, to: c.valid_to, foundByVisit: c.visit_id !== null })),
      can: {
        edit: grantFor(actor, 'ledger.write', row.org_path) !== null && row.status !== 'merged',
        reveal: grantFor(actor, 'ledger.reveal', row.org_path) !== null,
        merge: grantFor(actor, 'ledger.manage', row.org_path) !== null && row.status !== 'merged',
      },
    };
  }

  async function filterFor(actor: Actor, query: Pick<ResidentListQuery, 'unitId' | 'q' | 'category' | 'status' | 'tag'>): Promise<{ prefixes: string[]; filter: ResidentFilter }> {
    if (!canAnywhere(actor, 'ledger.read')) throw new AppError('FORBIDDEN');
    const prefixes = prefixesFor(actor, 'ledger.read');
    const filter: ResidentFilter = { status: query.status ?? 'living', category: query.category, tag: query.tag?.trim() || undefined };
    if (query.unitId) {
      const unit = await orgRepository.findInScope(db, prefixes, query.unitId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
      filter.underPath = unit.path;
    }
    if (query.category === 'elderly') filter.elderlyBornBy = elderlyBornBy(shanghaiDate());
    const parsed = query.q ? parseResidentQuery(query.q) : null;
    if (parsed) {
      filter.search = {
        pinyinPrefix: parsed.pinyinPrefix,
        namePrefix: parsed.namePrefix,
        addressPrefix: parsed.addressPrefix,
        idHash: parsed.idNumber ? box.lookupHash(parsed.idNumber) : undefined,
        idTail6Hash: parsed.idTail6 ? tail6Hash(box, parsed.idTail6) : undefined,
        last4: parsed.last4,
        phone: parsed.phone,
        exactPaths: prefixesFor(actor, 'ledger.reveal'),
      };
    }
    return { prefixes, filter };
  }

  return {
    filterFor,
    summaries,
    /** A person as the detail page shows them (for the change service's answers). */
    detailOf: detail,

    async list(actor: Actor, query: ResidentListQuery): Promise<{ items: ResidentSummary[]; total: number }> {
      const { prefixes, filter } = await filterFor(actor, query);
      const pageSize = query.pageSize ?? 50;
      const { rows, total } = await residentsRepository.list(db, prefixes, filter, { offset: ((query.page ?? 1) - 1) * pageSize, limit: pageSize, withTotal: true });
      return { items: await summaries(rows), total };
    },

    /**
     * The filtered list as .xlsx in the template's columns. Masked by default;
     * in full only for a role that may reveal every row, and then audited as
     * one reveal of many people.
     */
    async exportSheet(actor: Actor, query: ResidentListQuery & { full?: boolean | undefined }): Promise<Buffer> {
      if (query.full && !canAnywhere(actor, 'ledger.reveal')) throw new AppError('FORBIDDEN', { field: 'full' });
      const { prefixes, filter } = await filterFor(actor, query);
      const { rows } = await residentsRepository.list(db, prefixes, filter, { offset: 0, limit: EXPORT_LIMIT, withTotal: false });
      const revealPrefixes = prefixesFor(actor, 'ledger.reveal');
      if (query.full && !rows.every((r) => revealPrefixes.some((p) => r.org_path.startsWith(p)))) throw new AppError('FORBIDDEN', { field: 'full' });
      const people = await summaries(rows);
      if (query.full) {
        await recordAudit(db, actor, grantFor(actor, 'ledger.reveal', filter.underPath ?? revealPrefixes[0]!) ?? null, {
          action: 'sensitive.export', entityType: 'residents', entityId: null, path: filter.underPath ?? revealPrefixes[0]!,
          after: { count: rows.length, filter: { q: query.q ? '…' : undefined, category: query.category, status: filter.status, tag: filter.tag } },
        });
      }
      return writeResidentSheet(people.map((p, i) => ({
        name: p.name,
        idNumber: query.full ? box.open(rows[i]!.id_sealed) : p.idMasked,
        phone: query.full ? rows[i]!.phone : p.phoneMasked,
        groupName: p.groupName,
        address: p.address,
        relationWord: p.relation ? relationWord(p.relation, p.sex) : '',
        categories: categoryWords(p.categories),
        note: rows[i]!.note,
        sex: p.sex === 'male' ? '男' : '女',
        birthDate: p.birthDate,
        age: p.age,
        status: STATUS_WORDS[p.status],
      })), '居民台账');
    },

    async get(actor: Actor, id: string): Promise<ResidentDetail> {
      return detail(actor, await readable(db, actor, id));
    },

    /** The full ID number and phone of one person, for a role that may see them; always audited. */
    async reveal(actor: Actor, id: string): Promise<{ idNumber: string; phone: string | null }> {
      return db.transaction().execute(async (trx) => {
        const row = await residentsRepository.findInScope(trx, prefixesFor(actor, 'ledger.reveal'), id);
        if (!row) {
          if (await residentsRepository.findInScope(trx, prefixesFor(actor, 'ledger.read'), id)) throw new AppError('FORBIDDEN');
          throw notFound();
        }
        await recordAudit(trx, actor, grantFor(actor, 'ledger.reveal', row.org_path), {
          action: 'sensitive.reveal', entityType: 'resident', entityId: id, path: row.org_path, after: { fields: ['idNumber', 'phone'], name: row.name },
        });
        return { idNumber: box.open(row.id_sealed), phone: row.phone };
      });
    },

    async households(actor: Actor, unitId: string): Promise<z.infer<typeof UnvisitedHousehold>[]> {
      const prefixes = prefixesFor(actor, 'ledger.read');
      const unit = await orgRepository.findInScope(db, prefixes, unitId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
      const rows = await residentsRepository.households(db, prefixes, unit.path);
      return rows.filter((h) => Number(h.members) > 0).map((h) => ({
        id: h.id, address: h.address, groupId: h.group_id, groupName: h.group_name, headName: h.head_name, members: Number(h.members), attempts: 0,
      }));
    },

    async household(actor: Actor, id: string): Promise<Household> {
      const h = await residentsRepository.findHousehold(db, id);
      if (!h || !grantFor(actor, 'ledger.read', h.org_path)) throw notFound();
      const members = (await summaries(await residentsRepository.membersOf(db, [id]))).sort(byRelation);
      return { id, address: h.address, groupId: h.group_id, groupName: h.group_name, headName: members.find((m) => m.relation === 'head')?.name ?? null, members };
    },

    async duplicates(actor: Actor, unitId: string): Promise<z.infer<typeof DuplicateGroup>[]> {
      const prefixes = prefixesFor(actor, 'ledger.manage');
      const unit = await orgRepository.findInScope(db, prefixes, unitId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
      const rows = await summaries(await residentsRepository.likelyDuplicates(db, prefixes, unit.path));
      const groups = new Map<string, z.infer<typeof DuplicateGroup>>();
      for (const r of rows) {
        const key = `${r.name}|${r.birthDate}`;
        if (!groups.has(key)) groups.set(key, { name: r.name, birthDate: r.birthDate, residents: [] });
        groups.get(key)!.residents.push(r);
      }
      return [...groups.values()];
    },

  };
}

const EXPORT_LIMIT = 200_000;
const STATUS_WORDS: Record<ResidentStatus, string> = { living: '在住', moved_out: '已迁出', deceased: '已故', merged: '已合并' };

const RELATION_ORDER = ['head', 'spouse', 'parent', 'grandparent', 'child', 'child_in_law', 'grandchild', 'sibling', 'other'];
function byRelation(a: ResidentSummary, b: ResidentSummary): number {
  return RELATION_ORDER.indexOf(a.relation ?? 'other') - RELATION_ORDER.indexOf(b.relation ?? 'other') || b.age - a.age;
}
