import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { containsText, underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { OrgUnitsTable } from '../../../db/schema.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { ancestorPaths } from '../../../domain/org/org-path.ts';

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type OrgUnitWithCount = OrgUnitRow & { child_count: number };

/**
 * All SQL about org units. Reads that list units take the caller's path
 * prefixes; a unit outside them is simply not found.
 */
export const orgRepository = {
  async findInScope(db: Executor, prefixes: readonly string[], id: string): Promise<OrgUnitWithCount | undefined> {
    return db
      .selectFrom('org_units as u')
      .selectAll('u')
      .select(childCount(shanghaiDate()))
      .where('u.id', '=', id)
      .where((eb) => underAny(eb, 'u.path', prefixes))
      .executeTakeFirst();
  },

  /**
   * The children of a unit in scope (or the top units under the prefixes when
   * `parentId` is null). The parent's own scope check is part of the query, so
   * a parent outside the prefixes yields no rows.
   */
  async listChildren(
    db: Executor,
    prefixes: readonly string[],
    opts: { parentId: string | null; today: string; includeDissolved: boolean },
  ): Promise<OrgUnitWithCount[]> {
    let q = db
      .selectFrom('org_units as u')
      .selectAll('u')
      .select(childCount(opts.today))
      .where((eb) => underAny(eb, 'u.path', prefixes));
    if (opts.parentId === null) {
      q = q.where('u.parent_id', 'is', null);
    } else {
      const parentId = opts.parentId;
      q = q
        .where('u.parent_id', '=', parentId)
        .where(({ exists, selectFrom }) =>
          exists(selectFrom('org_units as p').select('p.id').where('p.id', '=', parentId).where((eb) => underAny(eb, 'p.path', prefixes))),
        );
    }
    if (!opts.includeDissolved) q = q.where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>', opts.today)]));
    // By path, not code: paths compare byte by byte on both databases (COLLATE "C"), codes by the locale.
    return q.orderBy('u.path').execute();
  },

  /** Units whose path is exactly one of `paths` (the units a user's roles sit at). */
  async findByPaths(db: Executor, paths: readonly string[]): Promise<OrgUnitWithCount[]> {
    if (paths.length === 0) return [];
    return db
      .selectFrom('org_units as u')
      .selectAll('u')
      .select(childCount(shanghaiDate()))
      .where('u.path', 'in', paths)
      .orderBy('u.path')
      .execute();
  },

  /** Name search within the prefixes, current units first. */
  async search(db: Executor, prefixes: readonly string[], text: string, limit: number): Promise<OrgUnitWithCount[]> {
    return db
      .selectFrom('org_units as u')
      .selectAll('u')
      .select(childCount(shanghaiDate()))
      .where((eb) => underAny(eb, 'u.path', prefixes))
      .where((eb) => eb.or([containsText(eb, 'u.name', text), containsText(eb, 'u.code', text)]))
      .orderBy('u.path')
      .limit(limit)
      .execute();
  },

  /**
   * The ancestors of a path, top down, for breadcrumbs. Their names are not
   * secret: a grid worker may know which community their grid belongs to.
   */
  async ancestorsOf(db: Executor, path: string): Promise<OrgUnitRow[]> {
    const paths = ancestorPaths(path);
    if (paths.length === 0) return [];
    return db.selectFrom('org_units').selectAll().where('path', 'in', paths).orderBy('path').execute();
  },

  /** Units by path, any number of them (chunked under SQLite's variable limit). */
  async findRowsByPaths(db: Executor, paths: readonly string[]): Promise<OrgUnitRow[]> {
    const rows: OrgUnitRow[] = [];
    for (let i = 0; i < paths.length; i += 500) {
      rows.push(...(await db.selectFrom('org_units').selectAll().where('path', 'in', paths.slice(i, i + 500)).execute()));
    }
    return rows;
  },

  async findById(db: Executor, id: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByCode(db: Executor, code: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async findByCodes(db: Executor, codes: readonly string[]): Promise<OrgUnitRow[]> {
    if (codes.length === 0) return [];
    const rows: OrgUnitRow[] = [];
    // Chunks keep the statement under SQLite's variable limit for a whole province.
    for (let i = 0; i < codes.length; i += 500) {
      rows.push(...(await db.selectFrom('org_units').selectAll().where('code', 'in', codes.slice(i, i + 500)).execute()));
    }
    return rows;
  },

  async insert(db: Executor, row: OrgUnitRow): Promise<void> {
    await db.insertInto('org_units').values(row).execute();
  },

  async update(
    db: Executor,
    id: string,
    changes: Partial<Pick<OrgUnitRow, 'name' | 'valid_from' | 'valid_to' | 'updated_at'>>,
  ): Promise<void> {
    await db.updateTable('org_units').set(changes).where('id', '=', id).execute();
  },

  /**
   * Updates a unit only if it still holds the values it was read with, so the
   * "before" written to the audit trail is exactly what was replaced, without
   * holding a lock between the read and the write. True when it was updated.
   */
  async updateIfUnchanged(
    db: Executor,
    before: Pick<OrgUnitRow, 'id' | 'name' | 'valid_from' | 'valid_to'>,
    changes: Pick<OrgUnitRow, 'name' | 'valid_from' | 'valid_to' | 'updated_at'>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('org_units')
      .set(changes)
      .where('id', '=', before.id)
      .where('name', '=', before.name)
      .where('valid_from', '=', before.valid_from)
      .where('valid_to', before.valid_to === null ? 'is' : '=', before.valid_to)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};

/**
 * The number of current children (dissolved ones are history, not branches to open).
 * Raw SQL because it correlates with the outer alias `u`, the same on both databases.
 */
const childCount = (today: string) =>
  sql<number>`(select count(*) from org_units c where c.parent_id = u.id and (c.valid_to is null or c.valid_to > ${today}))`.as('child_count');
