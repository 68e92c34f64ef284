import type { Selectable } from 'kysely';
import { sql, type Expression, type SqlBool } from 'kysely';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { inChunks } from '../../../db/chunks.ts';
import type { HouseholdsTable, MembershipsTable, ResidentCategoriesTable, ResidentsTable } from '../../../db/schema.ts';

export type ResidentRow = Selectable<ResidentsTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type CategoryRow = Selectable<ResidentCategoriesTable>;
/** A resident with the address and group of their current household. */
export type ResidentListRow = ResidentRow & { address: string | null; group_id: string | null; group_name: string | null };

/** A search with its sensitive parts already turned into keyed hashes by the service. */
export interface ResidentSearch {
  pinyinPrefix?: string | undefined;
  /** The start of the name or of the given name. */
  namePrefix?: string | undefined;
  /**
   * Where a whole ID number or phone may be looked up: the areas where the
   * caller may reveal them. Elsewhere such a lookup would confirm guesses of
   * the digits a mask hides (the mask and the birth date leave few).
   */
  exactPaths?: readonly string[] | undefined;
  /** The start of an address (3栋, 12号) or of its last number (401). */
  addressPrefix?: string | undefined;
  idHash?: string | undefined;
  idTail6Hash?: string | undefined;
  last4?: string | undefined;
  phone?: string | undefined;
}

export interface ResidentFilter {
  underPath?: string | undefined;
  search?: ResidentSearch | undefined;
  category?: string | undefined;
  /** With category 'elderly': born on or before this day. */
  elderlyBornBy?: string | undefined;
  status?: string | undefined;
  tag?: string | undefined;
}

/** `column` starts with `prefix`, as an index range (see dialect.ts underAny). */
function startsWith(column: string, prefix: string): Expression<SqlBool> {
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${upper})`;
}

/**
 * The ids of residents under `paths` matching any meaning of a search, as a
 * UNION of one simple query per meaning: each uses its own index (initials,
 * name, given name, pinyin, ID hashes, last 4, phone) or scans only the
 * area's households (part of an address), where one query ORing them all
 * makes the databases scan every row of the area with the households joined.
 */
function matchingIds(db: Executor, paths: readonly string[], s: ResidentSearch) {
  const inArea = () => db.selectFrom('residents as r').select('r.id').where((eb) => underAny(eb, 'r.org_path', paths));
  const parts = [];
  if (s.pinyinPrefix) parts.push(inArea().where(startsWith('r.name_initials', s.pinyinPrefix)), inArea().where(startsWith('r.name_pinyin', s.pinyinPrefix)));
  if (s.namePrefix) parts.push(inArea().where(startsWith('r.name', s.namePrefix)), inArea().where(startsWith('r.name_rest', s.namePrefix)));
  if (s.addressPrefix) {
    // Households first (by the start of the address or of its last number), then their people by index.
    const atAddress = () => db.selectFrom('households as h').innerJoin('residents as r', 'r.household_id', 'h.id').select('r.id').where((eb) => underAny(eb, 'h.org_path', paths));
    parts.push(atAddress().where(startsWith('h.address', s.addressPrefix)), atAddress().where(startsWith('h.address_number', s.addressPrefix)));
  }
  const exact = s.exactPaths?.filter((p) => paths.some((a) => p.startsWith(a))).concat(paths.filter((a) => s.exactPaths?.some((p) => a.startsWith(p)))) ?? [];
  const inExactArea = () => db.selectFrom('residents as r').select('r.id').where((eb) => underAny(eb, 'r.org_path', exact));
  if (s.idHash && exact.length) parts.push(inExactArea().where('r.id_hash', '=', s.idHash));
  if (s.idTail6Hash) parts.push(inArea().where('r.id_tail6_hash', '=', s.idTail6Hash));
  if (s.last4) parts.push(inArea().where('r.id_last4', '=', s.last4), inArea().where('r.phone_last4', '=', s.last4));
  if (s.phone && exact.length) parts.push(inExactArea().where('r.phone', '=', s.phone));
  if (parts.length === 0) return inArea().where(sql<SqlBool>`1 = 0`);
  return parts.slice(1).reduce((u, p) => u.union(p), parts[0]!);
}


/** All SQL about residents, households, their memberships and categories. */
export const residentsRepository = {
  async findById(db: Executor, id: string): Promise<ResidentRow | undefined> {
    return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findInScope(db: Executor, prefixes: readonly string[], id: string): Promise<ResidentRow | undefined> {
    return db.selectFrom('residents').selectAll().where('id', '=', id).where((eb) => underAny(eb, 'org_path', prefixes)).executeTakeFirst();
  },

  async findByIdHash(db: Executor, hash: string): Promise<ResidentRow | undefined> {
    return db.selectFrom('residents').selectAll().where('id_hash', '=', hash).executeTakeFirst();
  },

  async findByIdHashes(db: Executor, hashes: readonly string[]): Promise<ResidentRow[]> {
    return inChunks(hashes, (chunk) => db.selectFrom('residents').selectAll().where('id_hash', 'in', chunk).execute());
  },

  async findManyById(db: Executor, ids: readonly string[]): Promise<ResidentListRow[]> {
    return inChunks(ids, (chunk) => listSelect(db).where('r.id', 'in', chunk).execute());
  },

  /** One page of residents under the prefixes matching the filter, and how many there are in all. */
  async list(db: Executor, prefixes: readonly string[], f: ResidentFilter, page: { offset: number; limit: number; withTotal: boolean }): Promise<{ rows: ResidentListRow[]; total: number }> {
    // The area searched: the caller's prefixes, narrowed to one unit when asked.
    const paths = f.underPath ? (prefixes.some((p) => f.underPath!.startsWith(p)) ? [f.underPath] : prefixes.filter((p) => p.startsWith(f.underPath!))) : prefixes;
    let q = db.selectFrom('residents as r').where((eb) => underAny(eb, 'r.org_path', paths));
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.search) q = q.where('r.id', 'in', matchingIds(db, paths, f.search));
    // Case aside on both databases (PostgreSQL's LIKE would not ignore it).
    if (f.tag) q = q.where(sql`lower(${sql.ref('r.tags')})`, 'like', `%${JSON.stringify(f.tag.replace(/[%_]/g, '').toLowerCase())}%`);
    if (f.category === 'elderly' && f.elderlyBornBy) q = q.where('r.birth_date', '<=', f.elderlyBornBy);
    else if (f.category) {
      const category = f.category;
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom('resident_categories as c').select('c.id').whereRef('c.resident_id', '=', 'r.id').where('c.category', '=', category).where('c.valid_to', 'is', null)),
      );
    }
    const ids = await q.select('r.id').orderBy('r.name_pinyin').orderBy('r.id').offset(page.offset).limit(page.limit).execute();
    const rows = await residentsRepository.findManyById(db, ids.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const total = page.withTotal ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : rows.length;
    return { rows: ids.map((r) => byId.get(r.id)!), total };
  },

  async insert(db: Executor, row: ResidentRow): Promise<void> {
    await db.insertInto('residents').values(row).execute();
  },

  async insertMany(db: Executor, rows: readonly ResidentRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('residents').values(rows.slice(i, i + 200)).execute();
  },

  /** Changes a resident if nobody changed it since `version` was read; false otherwise. */
  async updateIfVersion(db: Executor, id: string, version: number, changes: Partial<Omit<ResidentRow, 'id' | 'version'>>): Promise<boolean> {
    const r = await db
      .updateTable('residents')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /* Categories */

  async currentCategories(db: Executor, residentIds: readonly string[]): Promise<CategoryRow[]> {
    return inChunks(residentIds, (chunk) =>
      db.selectFrom('resident_categories').selectAll().where('resident_id', 'in', chunk).where('valid_to', 'is', null).orderBy('category').execute(),
    );
  },

  async categoryHistory(db: Executor, residentId: string): Promise<CategoryRow[]> {
    return db.selectFrom('resident_categories').selectAll().where('resident_id', '=', residentId).orderBy('valid_from').orderBy('category').execute();
  },

  async insertCategories(db: Executor, rows: readonly CategoryRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 300) await db.insertInto('resident_categories').values(rows.slice(i, i + 300)).execute();
  },

  /** Ends category periods; one that began on `day` is removed instead (it never was in force). */
  async endCategories(db: Executor, ids: readonly string[], day: string): Promise<void> {
    if (ids.length === 0) return;
    await db.deleteFrom('resident_categories').where('id', 'in', ids).where('valid_from', '>=', day).execute();
    await db.updateTable('resident_categories').set({ valid_to: day }).where('id', 'in', ids).where('valid_to', 'is', null).execute();
  },

  /* Memberships */

  async membershipsOf(db: Executor, residentId: string): Promise<(MembershipRow & { address: string; group_name: string })[]> {
    return db
      .selectFrom('memberships as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .innerJoin('org_units as g', 'g.id', 'h.group_id')
      .selectAll('m')
      .select(['h.address', 'g.name as group_name'])
      .where('m.resident_id', '=', residentId)
      .orderBy('m.valid_from')
      .execute();
  },

  async insertMemberships(db: Executor, rows: readonly MembershipRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 300) await db.insertInto('memberships').values(rows.slice(i, i + 300)).execute();
  },

  /** Ends a resident's current membership on `day`; one that began that day is removed (it never was in force). */
  async endMembership(db: Executor, residentId: string, day: string, reason: string): Promise<void> {
    await db.deleteFrom('memberships').where('resident_id', '=', residentId).where('valid_to', 'is', null).where('valid_from', '>=', day).execute();
    await db.updateTable('memberships').set({ valid_to: day, end_reason: reason }).where('resident_id', '=', residentId).where('valid_to', 'is', null).execute();
  },

  /* Households */

  async findHousehold(db: Executor, id: string): Promise<(HouseholdRow & { group_name: string }) | undefined> {
    return db
      .selectFrom('households as h')
      .innerJoin('org_units as g', 'g.id', 'h.group_id')
      .selectAll('h')
      .select('g.name as group_name')
      .where('h.id', '=', id)
      .executeTakeFirst();
  },

  async findHouseholdRow(db: Executor, id: string): Promise<HouseholdRow | undefined> {
    return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The current households of some groups, keyed `groupId address`. */
  async householdsOfGroups(db: Executor, groupIds: readonly string[]): Promise<HouseholdRow[]> {
    return inChunks(groupIds, (chunk) => db.selectFrom('households').selectAll().where('group_id', 'in', chunk).orderBy('created_at').execute());
  },

  async insertHouseholds(db: Executor, rows: readonly HouseholdRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 300) await db.insertInto('households').values(rows.slice(i, i + 300)).execute();
  },

  /** The household at a group's address, made if there is none; a concurrent maker's row wins. */
  async householdAtOrNew(db: Executor, row: HouseholdRow): Promise<HouseholdRow> {
    await db.insertInto('households').values(row).onConflict((oc) => oc.columns(['group_id', 'address']).doNothing()).execute();
    return (await db.selectFrom('households').selectAll().where('group_id', '=', row.group_id).where('address', '=', row.address).executeTakeFirst())!;
  },

  async setHead(db: Executor, householdId: string, headId: string | null): Promise<void> {
    await db.updateTable('households').set({ head_id: headId, updated_at: new Date().toISOString() }).where('id', '=', householdId).execute();
  },

  /** The people living now in some households. */
  async membersOf(db: Executor, householdIds: readonly string[]): Promise<ResidentListRow[]> {
    return inChunks(householdIds, (chunk) => listSelect(db).where('r.household_id', 'in', chunk).where('r.status', '=', 'living').execute());
  },

  /** Households under the prefixes (and `underPath`), with their head's name and how many live there. */
  async households(db: Executor, prefixes: readonly string[], underPath: string): Promise<(HouseholdRow & { group_name: string; head_name: string | null; members: number })[]> {
    return db
      .selectFrom('households as h')
      .innerJoin('org_units as g', 'g.id', 'h.group_id')
      .leftJoin('residents as head', 'head.id', 'h.head_id')
      .selectAll('h')
      .select(['g.name as group_name', 'head.name as head_name'])
      .select((eb) => eb.selectFrom('residents as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.household_id', '=', 'h.id').where('r.status', '=', 'living').as('members'))
      .where((eb) => underAny(eb, 'h.org_path', prefixes))
      .where((eb) => underAny(eb, 'h.org_path', [underPath]))
      .orderBy('h.org_path')
      .orderBy('h.address')
      .execute() as Promise<(HouseholdRow & { group_name: string; head_name: string | null; members: number })[]>;
  },

  /** Pairs of people with the same name and birth date under a path: likely entered twice. */
  async likelyDuplicates(db: Executor, prefixes: readonly string[], underPath: string): Promise<ResidentListRow[]> {
    const twice = db
      .selectFrom('residents as d')
      .select(['d.name', 'd.birth_date'])
      .where((eb) => underAny(eb, 'd.org_path', prefixes))
      .where((eb) => underAny(eb, 'd.org_path', [underPath]))
      .where('d.status', '!=', 'merged')
      .groupBy(['d.name', 'd.birth_date'])
      .having((eb) => eb.fn.countAll(), '>', 1);
    const pairs = await twice.execute();
    if (pairs.length === 0) return [];
    const names = [...new Set(pairs.map((p) => p.name))];
    const rows = await inChunks(names, (chunk) =>
      listSelect(db)
        .where('r.name', 'in', chunk)
        .where('r.status', '!=', 'merged')
        .where((eb) => underAny(eb, 'r.org_path', prefixes))
        .where((eb) => underAny(eb, 'r.org_path', [underPath]))
        .execute(),
    );
    const keys = new Set(pairs.map((p) => `${p.name}|${p.birth_date}`));
    return rows.filter((r) => keys.has(`${r.name}|${r.birth_date}`)).sort((a, b) => a.name_pinyin.localeCompare(b.name_pinyin) || a.created_at.localeCompare(b.created_at));
  },
};

function listSelect(db: Executor) {
  return db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('org_units as g', 'g.id', 'h.group_id')
    .selectAll('r')
    .select(['h.address', 'h.group_id', 'g.name as group_name']);
}
