import type { Database } from '../../../db/database.ts';
import { refreshStatistics } from '../../../db/dialect.ts';
import { grantFor, prefixesFor } from '../../../domain/access/scope.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { checkResidentRows, mapResidentColumns, RESIDENT_COLUMNS, type ResidentColumn, type ResidentSheetRow, type SheetProblem } from '../../../domain/residents/resident-sheet.ts';
import { nameSearchKeys } from '../../../domain/residents/search-keys.ts';
import type { ImportReport } from '../../../contract/ledger.ts';
import { checkCharacter } from '../../../domain/residents/citizen-id.ts';
import type { Locale } from '../../../contract/common.ts';
import { lookup, translate } from '../../../i18n/messages.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { categoryRows, ledgerWrites, membershipRow, newHouseholdRow, newResidentRow } from './ledger-writes.ts';
import { categoryEntries, phoneColumns, sameCategories } from './resident-records.ts';
import { readFirstSheet, writeTemplate } from './resident-workbook.ts';
import { residentsRepository, type HouseholdRow, type ResidentRow } from './residents.repository.ts';
import { groupBy } from '../../../domain/group-by.ts';

/** How far down a title and notes may push the header row. */
const HEADER_SEARCH_ROWS = 10;

type Planned =
  | { kind: 'create'; row: ResidentSheetRow; hash: string; householdKey: string }
  | { kind: 'update'; row: ResidentSheetRow; existing: ResidentRow; householdKey: string; moves: boolean; categoriesChange: boolean };

/**
 * The resident sheet import: every row checked and reported (row, column,
 * message in the user's language); nothing written unless asked to, and then
 * all in one transaction. A person is matched by ID number, so importing the
 * same file again changes nothing and a corrected file updates in place.
 * Columns missing from the file (联系电话, 人员类别, 备注) keep their values.
 */
export function residentImportService(database: Database, box: SensitiveBox) {
  const { db } = database;
  return {
    /** The template, its 居民小组 drop-down filled with the community's current groups. */
    async template(actor: Actor, communityId: string): Promise<Buffer> {
      const prefixes = prefixesFor(actor, 'ledger.manage');
      const community = await orgRepository.findInScope(db, prefixes, communityId);
      if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND', { field: 'communityId' });
      const units = await orgRepository.listChildren(db, prefixes, { parentId: community.id, today: shanghaiDate(), includeDissolved: false });
      const names = units.filter((u) => u.kind === 'group' || u.kind === 'grid').map((u) => u.name);
      return writeTemplate(names, ['张树根', exampleId(), '13812345678', names[0] ?? '', '新村12号', '户主', '独居', '这一行是示例，请替换']);
    },

    async run(
      actor: Actor,
      communityId: string,
      file: Buffer,
      opts: { commit: boolean; skipInvalid: boolean; locale: Locale },
    ): Promise<ImportReport> {
      const prefixes = prefixesFor(actor, 'ledger.manage');
      const community = await orgRepository.findInScope(db, prefixes, communityId);
      if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND', { field: 'communityId' });
      const today = shanghaiDate();

      const cells = await readFirstSheet(file);
      const headerAt = findHeader(cells);
      const { columns } = mapResidentColumns(cells[headerAt] ?? []);
      const has = (c: ResidentColumn) => columns[c] !== undefined;

      const units = await orgRepository.listChildren(db, prefixes, { parentId: community.id, today, includeDissolved: false });
      const groupUnits = units.filter((u) => u.kind === 'group' || u.kind === 'grid');
      const groups = new Map(groupUnits.map((g) => [g.name, g.id]));
      const groupById = new Map(groupUnits.map((g) => [g.id, g]));
      const checked = checkResidentRows(cells.slice(headerAt + 1), columns, { today, groups, firstRow: headerAt + 2 });
      const problems: SheetProblem[] = [...checked.problems];

      // What the ledger already holds: the people by ID number, the community's households and their heads.
      const hashes = checked.rows.map((r) => box.lookupHash(r.idNumber));
      const existing = new Map((await residentsRepository.findByIdHashes(db, hashes)).map((r) => [r.id_hash, r]));
      const households = await residentsRepository.householdsOfGroups(db, groupUnits.map((g) => g.id));
      const householdById = new Map(households.map((h) => [h.id, h]));
      const householdAt = new Map<string, HouseholdRow>();
      for (const h of households) householdAt.set(`${h.group_id}|${h.address}`, h); // newest wins: created_at order
      const categoriesOf = groupBy(await residentsRepository.currentCategories(db, [...existing.values()].map((r) => r.id)), (c) => c.resident_id);

      const planned: Planned[] = [];
      const headsInFile = new Map<string, { row: number; residentId: string | null }>();
      for (const [i, row] of checked.rows.entries()) {
        const hash = hashes[i]!;
        const ex = existing.get(hash);
        const householdKey = `${row.groupId}|${row.houseNo}`;
        if (ex && ex.status === 'merged') {
          problems.push({ row: row.row, column: '身份证号', key: 'validation.idMerged' });
          continue;
        }
        if (ex && ex.status === 'deceased') {
          problems.push({ row: row.row, column: '身份证号', key: 'validation.idDeceased' });
          continue;
        }
        // Living in another community: not where (that would tell anyone with a list of ID numbers where people live).
        if (ex && ex.community_id !== community.id && ex.status === 'living') {
          problems.push({ row: row.row, column: '身份证号', key: 'validation.idInOtherCommunityHidden' });
          continue;
        }
        if (row.relation === 'head') {
          const first = headsInFile.get(householdKey);
          if (first) {
            problems.push({ row: row.row, column: '与户主关系', key: 'validation.secondHead', params: { row: first.row } });
            continue;
          }
          headsInFile.set(householdKey, { row: row.row, residentId: ex?.id ?? null });
        }
        if (!ex) {
          planned.push({ kind: 'create', row, hash, householdKey });
          continue;
        }
        const current = ex.household_id ? householdById.get(ex.household_id) : undefined;
        const moves = ex.status !== 'living' || !current || `${current.group_id}|${current.address}` !== householdKey || ex.relation !== row.relation;
        const categoriesChange = has('人员类别') && !sameCategories(categoryEntries(categoriesOf.get(ex.id) ?? []), row.categories);
        planned.push({ kind: 'update', row, existing: ex, householdKey, moves, categoriesChange });
      }

      // A household keeps one head: a new head in the file must not meet a different head living there,
      // unless that head leaves or changes relation in the file. Refusing a row may keep its head in
      // place and so refuse another: repeat until nothing changes.
      const headIds = [...new Set([...householdAt.values()].map((h) => h.head_id).filter((id): id is string => id !== null))];
      const heads = new Map((await residentsRepository.findManyById(db, headIds)).map((r) => [r.id, r]));
      let keep: Planned[] = planned;
      for (;;) {
        const inFile = new Map(keep.filter((p) => p.kind === 'update').map((p) => [p.existing.id, p]));
        const blocked = keep.filter((p) => {
          if (p.row.relation !== 'head') return false;
          const h = householdAt.get(p.householdKey);
          const head = h?.head_id ? heads.get(h.head_id) : undefined;
          if (!head || head.status !== 'living' || head.household_id !== h!.id || (p.kind === 'update' && head.id === p.existing.id)) return false;
          const later = inFile.get(head.id);
          return !later || (later.row.relation === 'head' && later.householdKey === p.householdKey);
        });
        if (blocked.length === 0) break;
        for (const p of blocked) {
          const head = heads.get(householdAt.get(p.householdKey)!.head_id!)!;
          problems.push({ row: p.row.row, column: '与户主关系', key: 'validation.householdHasHead', params: { name: head.name } });
        }
        keep = keep.filter((p) => !blocked.includes(p));
      }

      const problemRows = new Set(problems.map((p) => p.row));
      const valid = keep.filter((p) => !problemRows.has(p.row.row));
      const changes = valid.filter((p) => p.kind === 'create' || isChanged(p, has));
      const newHouseholdKeys = new Set(valid.filter((p) => !householdAt.has(p.householdKey) && (p.kind === 'create' || p.moves)).map((p) => p.householdKey));
      const report: ImportReport = {
        rows: checked.rows.length + new Set(checked.problems.map((p) => p.row)).size,
        valid: valid.length,
        invalidRows: problemRows.size,
        created: valid.filter((p) => p.kind === 'create').length,
        updated: changes.filter((p) => p.kind === 'update').length,
        unchanged: valid.length - changes.length,
        newHouseholds: newHouseholdKeys.size,
        problems: problems
          .sort((a, b) => a.row - b.row || RESIDENT_COLUMNS.indexOf(a.column) - RESIDENT_COLUMNS.indexOf(b.column))
          .map((p) => ({ row: p.row, column: p.column, message: message(opts.locale, p) })),
        written: false,
      };
      if (!opts.commit) return report;
      if (problems.length > 0 && !opts.skipInvalid) throw new AppError('IMPORT_HAS_PROBLEMS', { params: { rows: problemRows.size } });

      await db.transaction().execute(async (trx) => {
        // Households first: new addresses become households of their group.
        const fresh: HouseholdRow[] = [];
        for (const key of newHouseholdKeys) {
          const [groupId, address] = splitKey(key);
          const g = groupById.get(groupId)!;
          const h = newHouseholdRow({ id: g.id, path: g.path, communityId: community.id }, address);
          fresh.push(h);
          householdAt.set(key, h);
        }
        await residentsRepository.insertHouseholds(trx, fresh);

        const creates = changes.filter((p): p is Extract<Planned, { kind: 'create' }> => p.kind === 'create');
        const rows = creates.map((p) => newResidentRow(box, {
          id: crypto.randomUUID(), name: p.row.name, citizenId: { value: p.row.idNumber, birthDate: p.row.birthDate, sex: p.row.sex },
          phone: p.row.phone, note: p.row.note, categories: p.row.categories,
        }, householdAt.get(p.householdKey)!, p.row.relation, today));
        await residentsRepository.insertMany(trx, rows);
        await residentsRepository.insertMemberships(trx, rows.map((r, i) => membershipRow(r.id, householdAt.get(creates[i]!.householdKey)!, creates[i]!.row.relation, today)));
        await residentsRepository.insertCategories(trx, rows.flatMap((r, i) => categoryRows(r.id, creates[i]!.row.categories, today)));
        for (const [i, r] of rows.entries()) if (creates[i]!.row.relation === 'head') await residentsRepository.setHead(trx, r.household_id!, r.id);

        for (const p of changes) {
          if (p.kind !== 'update') continue;
          let row = p.existing;
          if (p.moves) row = await ledgerWrites.placeResident(trx, row, householdAt.get(p.householdKey)!, p.row.relation, today, row.status === 'living' ? 'moved_within' : 'returned');
          const set: Partial<ResidentRow> = {
            household_id: row.household_id, relation: row.relation, org_path: row.org_path, community_id: row.community_id,
            status: row.status, status_since: row.status_since, updated_at: new Date().toISOString(),
          };
          if (p.row.name !== row.name) {
            const keys = nameSearchKeys(p.row.name);
            Object.assign(set, { name: p.row.name, name_rest: p.row.name.slice(1), name_initials: keys.initials, name_pinyin: keys.full });
          }
          if (has('联系电话')) Object.assign(set, phoneColumns(p.row.phone));
          if (has('备注')) set.note = p.row.note;
          if (!(await residentsRepository.updateIfVersion(trx, row.id, row.version, set))) throw new AppError('CHANGED_CONCURRENTLY');
          if (p.categoriesChange) await ledgerWrites.setCategories(trx, row.id, categoriesOf.get(row.id) ?? [], p.row.categories, today);
        }

        await recordAudit(trx, actor, grantFor(actor, 'ledger.manage', community.path), {
          action: 'ledger.import', entityType: 'community', entityId: community.id, path: community.path,
          after: { created: report.created, updated: report.updated, unchanged: report.unchanged, newHouseholds: report.newHouseholds, skippedRows: report.invalidRows },
        });
      });
      await refreshStatistics(database);
      return { ...report, written: true };
    },
  };
}

function isChanged(p: Extract<Planned, { kind: 'update' }>, has: (c: ResidentColumn) => boolean): boolean {
  const ex = p.existing;
  return p.moves || p.categoriesChange || p.row.name !== ex.name || (has('联系电话') && p.row.phone !== ex.phone) || (has('备注') && p.row.note !== ex.note);
}

/** The row holding the column names: the first of the top rows that names every required column. */
function findHeader(cells: readonly string[][]): number {
  let best = { at: 0, missing: mapResidentColumns(cells[0] ?? []).missing };
  for (let i = 0; i < Math.min(cells.length, HEADER_SEARCH_ROWS); i++) {
    const { missing } = mapResidentColumns(cells[i] ?? []);
    if (missing.length === 0) return i;
    if (missing.length < best.missing.length) best = { at: i, missing };
  }
  throw new AppError('FILE_NO_HEADER', { field: 'file', params: { columns: best.missing.join('、') } });
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

function message(locale: Locale, p: SheetProblem): string {
  const params = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? (lookup(locale, v) ?? v) : v]));
  return translate(locale, p.key, params);
}


/** A valid, made-up ID number for the template's example row (born 7 March 1950 in 天元区). */
function exampleId(): string {
  const first17 = '43021119500307123';
  return first17 + checkCharacter(first17);
}
