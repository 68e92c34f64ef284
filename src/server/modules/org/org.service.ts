import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { grantAbove, grantFor, prefixesFor } from '../../../domain/access/scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate, isInForce } from '../../../domain/local-date.ts';
import { canNest, checkCode, normaliseCode, type OrgKind } from '../../../domain/org/org-kinds.ts';
import { childPath, ROOT_PATH } from '../../../domain/org/org-path.ts';
import type { OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate, OrgCrumb } from '../../../contract/org.ts';
import type { Actor } from '../../actor.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import { orgRepository, type OrgUnitRow, type OrgUnitWithCount } from './org.repository.ts';

export function toOrgUnit(row: OrgUnitWithCount, today = shanghaiDate()): OrgUnit {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as OrgKind,
    code: row.code,
    name: row.name,
    path: row.path,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    current: isInForce(today, row.valid_from, row.valid_to),
    childCount: Number(row.child_count),
  };
}

export const toCrumb = (r: OrgUnitRow): OrgCrumb => ({ id: r.id, name: r.name, kind: r.kind as OrgKind, code: r.code });

/** What an audit record keeps of a unit. */
const snapshot = (r: OrgUnitRow) => ({ kind: r.kind, code: r.code, name: r.name, validFrom: r.valid_from, validTo: r.valid_to });

export function orgService({ db }: Database) {
  /** A unit as the detail page shows it: with its ancestors and what the actor may do with it. */
  async function detail(actor: Actor, row: OrgUnitWithCount): Promise<OrgUnitDetail> {
    const ancestors = await orgRepository.ancestorsOf(db, row.path);
    return { ...toOrgUnit(row), ancestors: ancestors.map(toCrumb), canManage: grantFor(actor, 'org.manage', row.path) !== null, canEdit: grantAbove(actor, 'org.manage', row.path) !== null };
  }

  return {
    /** One listing for the tree and the search box: a search, a unit's children, or the top of the area. */
    async list(actor: Actor, query: { parentId?: string | undefined; includeDissolved?: boolean | undefined; q?: string | undefined }): Promise<OrgUnit[]> {
      if (query.q?.trim()) return this.search(actor, query.q);
      if (query.parentId) return this.children(actor, query.parentId, query.includeDissolved ?? false);
      return this.roots(actor);
    },

    /** The units at the top of the user's scope: where their roles sit. */
    async roots(actor: Actor): Promise<OrgUnit[]> {
      const prefixes = prefixesFor(actor, 'org.read');
      if (prefixes.includes(ROOT_PATH)) {
        const today = shanghaiDate();
        return (await orgRepository.listChildren(db, prefixes, { parentId: null, today, includeDissolved: true })).map((r) => toOrgUnit(r, today));
      }
      const today = shanghaiDate();
      return (await orgRepository.findByPaths(db, prefixes)).map((r) => toOrgUnit(r, today));
    },

    async children(actor: Actor, parentId: string, includeDissolved: boolean): Promise<OrgUnit[]> {
      const prefixes = prefixesFor(actor, 'org.read');
      const today = shanghaiDate();
      const rows = await orgRepository.listChildren(db, prefixes, { parentId, today, includeDissolved });
      // No rows: a unit without children, or one outside the area (answered as not found).
      if (rows.length === 0 && !(await orgRepository.findInScope(db, prefixes, parentId))) throw notFound();
      return rows.map((r) => toOrgUnit(r, today));
    },

    async search(actor: Actor, text: string): Promise<OrgUnit[]> {
      const rows = await orgRepository.search(db, prefixesFor(actor, 'org.read'), text.trim(), 50);
      const today = shanghaiDate();
      return rows.map((r) => toOrgUnit(r, today));
    },

    async get(actor: Actor, id: string): Promise<OrgUnitDetail> {
      const row = await orgRepository.findInScope(db, prefixesFor(actor, 'org.read'), id);
      if (!row) throw notFound();
      return detail(actor, row);
    },

    async create(actor: Actor, input: OrgUnitCreate): Promise<{ unit: OrgUnitDetail; replayed: boolean }> {
      const attempt = () => db.transaction().execute(async (trx) => createUnit(trx, actor, input));
      // Two identical retries racing: the loser meets the winner's id and, run again, replays it.
      const replayed = await attempt().catch((e: unknown) => {
        if (input.id && uniqueViolation(e) === 'org_units.id') return attempt();
        throw e;
      });
      return { unit: await this.get(actor, replayed.id), replayed: replayed.replayed };
    },

    /**
     * Renames, re-dates, dissolves or restores a unit. The unit is read, then
     * written only if unchanged since (see updateIfUnchanged), with its audit
     * event, in one short transaction; a concurrent change makes it read again.
     */
    async update(actor: Actor, id: string, input: OrgUnitUpdate): Promise<OrgUnit> {
      for (let attempt = 0; ; attempt++) {
        const row = await orgRepository.findInScope(db, prefixesFor(actor, 'org.read'), id);
        if (!row) throw notFound();
        const grant = grantAbove(actor, 'org.manage', row.path);
        if (!grant) throw new AppError('FORBIDDEN');
        const validFrom = input.validFrom ?? row.valid_from;
        const validTo = input.validTo === undefined ? row.valid_to : input.validTo;
        if (validTo !== null && validTo <= validFrom) throw new AppError('VALIDATION_FAILED', { field: 'validTo' });
        // Dissolving (or re-dating the dissolution of) a unit whose groups are in force would leave them orphaned but "current".
        if (validTo !== null && validTo !== row.valid_to && Number(row.child_count) > 0) throw new AppError('UNIT_HAS_CURRENT_CHILDREN', { field: 'validTo' });
        // Restoring a unit under a dissolved parent would make it current again under nothing.
        if (validTo === null && row.valid_to !== null && row.parent_id !== null) {
          const parent = await orgRepository.findById(db, row.parent_id);
          if (parent && !isInForce(shanghaiDate(), parent.valid_from, parent.valid_to)) throw new AppError('UNIT_DISSOLVED', { field: 'validTo' });
        }
        const changes = { name: input.name ?? row.name, valid_from: validFrom, valid_to: validTo, updated_at: new Date().toISOString() };
        const after = { ...row, ...changes };
        const action = row.valid_to === null && validTo !== null ? 'org.dissolve' : row.valid_to !== null && validTo === null ? 'org.restore' : 'org.update';
        const done = await db.transaction().execute(async (trx) => {
          if (!(await orgRepository.updateIfUnchanged(trx, row, changes))) return false;
          await recordAudit(trx, actor, grant, { action, entityType: 'org_unit', entityId: id, path: row.path, before: snapshot(row), after: snapshot(after) });
          return true;
        });
        if (done) return toOrgUnit(after);
        if (attempt >= 4) throw new AppError('CHANGED_CONCURRENTLY');
      }
    },
  };
}


/**
 * Creates a unit under a parent in the actor's scope, with its audit event.
 * A retry with the same client id and content returns the stored unit.
 */
export async function createUnit(
  trx: Executor,
  actor: Actor,
  input: OrgUnitCreate & { validTo?: string | null },
): Promise<{ id: string; replayed: boolean }> {
  const code = normaliseCode(input.kind, input.code);
  if (input.id) {
    const existing = await orgRepository.findById(trx, input.id);
    if (existing) {
      const same = existing.code === code && existing.kind === input.kind && existing.parent_id === input.parentId;
      if (!same || !grantFor(actor, 'org.read', existing.path)) throw new AppError('ID_CONFLICT', { field: 'id' });
      return { id: existing.id, replayed: true };
    }
  }
  const parent = input.parentId === null ? null : await orgRepository.findInScope(trx, prefixesFor(actor, 'org.read'), input.parentId);
  if (input.parentId !== null && !parent) throw new AppError('NOT_FOUND', { field: 'parentId' });
  const path = childPath(parent?.path ?? null, code);
  const grant = grantFor(actor, 'org.manage', parent?.path ?? ROOT_PATH);
  if (!grant) throw new AppError('FORBIDDEN');
  const parentKind = (parent?.kind ?? null) as OrgKind | null;
  if (!canNest(input.kind, parentKind)) {
    throw new AppError('ORG_NESTING', { field: 'kind', params: { kind: `orgKinds.${input.kind}`, parentKind: parentKind ? `orgKinds.${parentKind}` : '-' } });
  }
  const today = shanghaiDate();
  if (input.validTo && input.validTo <= (input.validFrom ?? today)) throw new AppError('VALIDATION_FAILED', { field: 'validTo' });
  // Dissolved units take no new children, except a dissolved child recorded for history (imports).
  if (parent && !input.validTo && !isInForce(today, parent.valid_from, parent.valid_to)) throw new AppError('UNIT_DISSOLVED', { field: 'parentId' });
  const problem = checkCode(input.kind, code, parent ? { kind: parent.kind as OrgKind, code: parent.code } : null);
  if (problem === 'codeFormat') throw new AppError('CODE_FORMAT', { field: 'code' });
  if (problem === 'codeNotUnderParent') throw new AppError('CODE_NOT_UNDER_PARENT', { field: 'code' });
  const holder = await orgRepository.findByCode(trx, code);
  // The holder may be this very create, committed by a racing retry between our two reads.
  if (holder && input.id && holder.id === input.id && holder.kind === input.kind && holder.parent_id === input.parentId) return { id: holder.id, replayed: true };
  if (holder) throw new AppError('CODE_TAKEN', { field: 'code' });
  const now = new Date().toISOString();
  const row: OrgUnitRow = {
    id: input.id ?? uuidv7(),
    parent_id: parent?.id ?? null,
    kind: input.kind,
    code,
    name: input.name,
    path,
    valid_from: input.validFrom ?? today,
    valid_to: input.validTo ?? null,
    created_at: now,
    updated_at: now,
  };
  await orgRepository.insert(trx, row);
  await recordAudit(trx, actor, grant, { action: 'org.create', entityType: 'org_unit', entityId: row.id, path, after: snapshot(row) });
  return { id: row.id, replayed: false };
}
