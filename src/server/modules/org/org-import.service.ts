import type { Database } from '../../../db/database.ts';
import { grantFor } from '../../../domain/access/scope.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { checkAgainstParent, mapColumns, parentCodeOf, parseRows, type RowProblem } from '../../../domain/org/org-import.ts';
import { parentCodeOfPath } from '../../../domain/org/org-path.ts';
import type { OrgKind } from '../../../domain/org/org-kinds.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository, type OrgUnitRow } from './org.repository.ts';
import { createUnit } from './org.service.ts';
import { readSheet } from './spreadsheet.ts';

export interface OrgImportResult {
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
  written: boolean;
}

/**
 * Loads units from a statistics-bureau style file (code, name, parent code).
 * Every row is checked first; with any problem nothing is written unless
 * `skipInvalid` is set, in which case the good rows are written. All writes
 * are one transaction, audited row by row. A code already known is updated
 * (name, dates), so loading the same file twice changes nothing.
 */
export async function importOrgUnits(
  { db }: Database,
  actor: Actor,
  file: string,
  opts: { dryRun?: boolean; skipInvalid?: boolean } = {},
): Promise<OrgImportResult> {
  const [header = [], ...cells] = await readSheet(file);
  const { columns, missing } = mapColumns(header);
  if (missing.length > 0) {
    return { created: 0, updated: 0, unchanged: 0, written: false, problems: missing.map((column) => ({ row: 1, column, key: 'validation.missingColumn', params: { column } })) };
  }
  const { rows, problems } = parseRows(cells, columns);

  const codes = new Set<string>();
  for (const r of rows) {
    codes.add(r.code);
    const p = parentCodeOf(r);
    if (p) codes.add(p);
  }
  const existing = new Map<string, OrgUnitRow>((await orgRepository.findByCodes(db, [...codes])).map((u) => [u.code, u]));
  const known = new Map<string, { code: string; kind: OrgKind }>([...existing.values()].map((u) => [u.code, { code: u.code, kind: u.kind as OrgKind }]));

  const today = shanghaiDate();
  type Plan = { kind: 'create'; row: (typeof rows)[number]; parentCode: string | null } | { kind: 'update' | 'same'; row: (typeof rows)[number]; unit: OrgUnitRow };
  const plan: Plan[] = [];
  for (const row of rows) {
    const parentCode = parentCodeOf(row);
    const parent = parentCode ? (known.get(parentCode) ?? null) : null;
    const problem = checkAgainstParent(row, parent, parentCode);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const unit = existing.get(row.code);
    if (unit) {
      // An import renames and re-dates units; it does not move them elsewhere in the tree.
      if (unit.kind !== row.kind || parentCodeOfPath(unit.path) !== parentCode) {
        problems.push({ row: row.row, column: 'code', key: 'errors.CODE_TAKEN' });
        continue;
      }
      const validFrom = row.validFrom ?? unit.valid_from;
      const validTo = row.validTo === undefined ? unit.valid_to : row.validTo;
      // The same date rules as the console: an end after the start, no dissolving over units still in force.
      if (validTo !== null && validTo <= validFrom) {
        problems.push({ row: row.row, column: 'valid_to', key: 'validation.validToBeforeFrom' });
        continue;
      }
      if (validTo !== null && validTo !== unit.valid_to && (await orgRepository.findInScope(db, ['/'], unit.id))!.child_count > 0) {
        problems.push({ row: row.row, column: 'valid_to', key: 'errors.UNIT_HAS_CURRENT_CHILDREN' });
        continue;
      }
      const same = unit.name === row.name && validFrom === unit.valid_from && validTo === unit.valid_to;
      plan.push({ kind: same ? 'same' : 'update', row, unit });
    } else {
      if (row.validTo && row.validTo <= (row.validFrom ?? today)) {
        problems.push({ row: row.row, column: 'valid_to', key: 'validation.validToBeforeFrom' });
        continue;
      }
      plan.push({ kind: 'create', row, parentCode });
    }
    known.set(row.code, { code: row.code, kind: row.kind });
  }
  problems.sort((a, b) => a.row - b.row);

  const result: OrgImportResult = {
    created: plan.filter((p) => p.kind === 'create').length,
    updated: plan.filter((p) => p.kind === 'update').length,
    unchanged: plan.filter((p) => p.kind === 'same').length,
    problems,
    written: false,
  };
  if (opts.dryRun || (problems.length > 0 && !opts.skipInvalid)) return result;

  await db.transaction().execute(async (trx) => {
    const idOf = new Map([...existing.values()].map((u) => [u.code, u.id]));
    for (const p of plan) {
      if (p.kind === 'same') continue;
      if (p.kind === 'create') {
        const parentId = p.parentCode ? (idOf.get(p.parentCode) ?? null) : null;
        const { id } = await createUnit(trx, actor, {
          parentId,
          kind: p.row.kind,
          code: p.row.code,
          name: p.row.name,
          validFrom: p.row.validFrom ?? today,
          validTo: p.row.validTo ?? null,
        });
        idOf.set(p.row.code, id);
        continue;
      }
      const grant = grantFor(actor, 'org.manage', p.unit.path);
      if (!grant) throw new AppError('FORBIDDEN');
      const changes = {
        name: p.row.name,
        valid_from: p.row.validFrom ?? p.unit.valid_from,
        valid_to: p.row.validTo === undefined ? p.unit.valid_to : p.row.validTo,
        updated_at: new Date().toISOString(),
      };
      await orgRepository.update(trx, p.unit.id, changes);
      await recordAudit(trx, actor, grant, {
        action: 'org.import_update', entityType: 'org_unit', entityId: p.unit.id, path: p.unit.path,
        before: { name: p.unit.name, validFrom: p.unit.valid_from, validTo: p.unit.valid_to },
        after: { name: changes.name, validFrom: changes.valid_from, validTo: changes.valid_to },
      });
    }
  });
  result.written = true;
  return result;
}
