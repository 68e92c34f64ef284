import { sql, type Selectable, type SqlBool } from 'kysely';
import { inChunks } from '../../../db/chunks.ts';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { PassKeysTable, PassesTable } from '../../../db/schema.ts';
import { uuidv7 } from '../../../domain/ids.ts';

export type PassRow = Selectable<PassesTable>;
export type PassKeyRow = Selectable<PassKeysTable>;

/** A pass with what its card shows: the holder (a household's head), group, address and how many it covers. */
export interface PassView extends PassRow {
  holder_name: string | null;
  id_masked: string | null;
  group_name: string;
  address: string | null;
  people: number;
}

function passViews(db: Executor) {
  return db
    .selectFrom('passes as p')
    .innerJoin('org_units as g', 'g.path', 'p.org_path')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .leftJoin('residents as r', (j) => j.on(sql<SqlBool>`r.id = coalesce(p.resident_id, h.head_id)`))
    .leftJoin('households as rh', 'rh.id', 'r.household_id')
    .selectAll('p')
    .select(['r.name as holder_name', 'r.id_masked', 'g.name as group_name'])
    .select(sql<string | null>`coalesce(h.address, rh.address)`.as('address'))
    .select((eb) => eb.case()
      .when('p.holder_kind', '=', 'household')
      .then(eb.selectFrom('residents as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.household_id', '=', 'p.household_id').where('m.status', '=', 'living'))
      .else(eb.lit(1))
      .end()
      .as('people'));
}

/** All SQL about pass keys and resident passes (出入证). */
export const passesRepository = {
  /** The keys passes may be checked with (a retired key's passes are no longer valid). */
  async keysOf(db: Executor, communityIds: readonly string[]): Promise<PassKeyRow[]> {
    if (communityIds.length === 0) return [];
    return db.selectFrom('pass_keys').selectAll().where('community_id', 'in', communityIds).where('retired_at', 'is', null).orderBy('created_at').execute();
  },

  async findKey(db: Executor, id: string): Promise<PassKeyRow | undefined> {
    return db.selectFrom('pass_keys').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertKey(db: Executor, row: PassKeyRow): Promise<void> {
    await db.insertInto('pass_keys').values(row).execute();
  },

  async list(db: Executor, prefixes: readonly string[], f: { communityId: string; groupPath?: string | undefined; status?: string | undefined; text?: string | undefined }): Promise<PassView[]> {
    let q = passViews(db).where('p.community_id', '=', f.communityId).where((eb) => underAny(eb, 'p.org_path', prefixes));
    if (f.groupPath) q = q.where((eb) => underAny(eb, 'p.org_path', [f.groupPath!]));
    if (f.status) q = q.where('p.status', '=', f.status);
    if (f.text) {
      const like = `${f.text.replace(/[\\%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb('r.name', 'like', like), eb('r.name_initials', 'like', like.toLowerCase()), eb(sql`coalesce(h.address, rh.address)`, 'like', like)]));
    }
    return q.orderBy('p.org_path').orderBy(sql`coalesce(h.address, rh.address)`).orderBy('p.issued_at').limit(5000).execute() as Promise<PassView[]>;
  },

  async viewsByIds(db: Executor, ids: readonly string[]): Promise<PassView[]> {
    return inChunks(ids, (chunk) => passViews(db).where('p.id', 'in', chunk).orderBy('p.org_path').orderBy(sql`coalesce(h.address, rh.address)`).execute() as Promise<PassView[]>);
  },

  async find(db: Executor, id: string): Promise<PassRow | undefined> {
    return db.selectFrom('passes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Holders (household or resident ids) that hold a pass not revoked and still valid on `day`. */
  async holdersWithPass(db: Executor, kind: 'household' | 'resident', holderIds: readonly string[], day: string): Promise<Set<string>> {
    const column = kind === 'household' ? 'household_id' : 'resident_id';
    const rows = await inChunks(holderIds, (chunk) =>
      db.selectFrom('passes').select(`${column} as holder`).where(column, 'in', chunk).where('status', '!=', 'revoked').where('valid_to', '>=', day).execute());
    return new Set(rows.map((r) => r.holder as string));
  },

  /** New passes, each with the first entry of its history: active from its issue. */
  async insert(db: Executor, rows: readonly PassRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 300) {
      const chunk = rows.slice(i, i + 300);
      await db.insertInto('passes').values(chunk).execute();
      await db.insertInto('pass_status_changes').values(chunk.map((p) => ({ id: uuidv7(), pass_id: p.id, status: p.status, reason: null, at: p.issued_at, by: p.issued_by }))).execute();
    }
  },

  /** Changes the status if it is still `from`, and records the change in the pass's history. */
  async setStatus(db: Executor, id: string, from: string, status: string, reason: string | null, at: string, by: string | null): Promise<number> {
    const r = await db.updateTable('passes').set({ status, status_reason: reason, status_changed_at: at }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    const changed = Number(r.numUpdatedRows);
    if (changed) await db.insertInto('pass_status_changes').values({ id: uuidv7(), pass_id: id, status, reason, at, by }).execute();
    return changed;
  },

  /** The status a pass had at an instant: its history's last change by then; null before it was issued. */
  async statusAt(db: Executor, passId: string, at: string): Promise<string | null> {
    const row = await db.selectFrom('pass_status_changes').select('status').where('pass_id', '=', passId).where('at', '<=', at).orderBy('at', 'desc').limit(1).executeTakeFirst();
    return row?.status ?? null;
  },



  /** Ids of a community's passes that are not active: what every gate phone must refuse. */
  async inactive(db: Executor, communityIds: readonly string[]): Promise<{ id: string; community_id: string; status: string }[]> {
    if (communityIds.length === 0) return [];
    return db.selectFrom('passes').select(['id', 'community_id', 'status']).where('community_id', 'in', communityIds).where('status', '!=', 'active').execute();
  },

  /** Households of some groups with someone living there, and their group's path. */
  async householdsOf(db: Executor, groupIds: readonly string[], householdIds: readonly string[], communityId: string) {
    let q = db.selectFrom('households as h').select(['h.id', 'h.org_path', 'h.group_id']).where('h.community_id', '=', communityId)
      .where((eb) => eb.exists(eb.selectFrom('residents as r').select('r.id').whereRef('r.household_id', '=', 'h.id').where('r.status', '=', 'living')));
    q = q.where((eb) => eb.or([
      ...(groupIds.length ? [eb('h.group_id', 'in', groupIds)] : []),
      ...(householdIds.length ? [eb('h.id', 'in', householdIds)] : []),
    ]));
    return q.orderBy('h.org_path').orderBy('h.address').execute();
  },

  async residentsOf(db: Executor, groupIds: readonly string[], residentIds: readonly string[], communityId: string) {
    return db.selectFrom('residents as r').innerJoin('households as h', 'h.id', 'r.household_id')
      .select(['r.id', 'r.org_path', 'h.group_id']).where('r.community_id', '=', communityId).where('r.status', '=', 'living')
      .where((eb) => eb.or([
        ...(groupIds.length ? [eb('h.group_id', 'in', groupIds)] : []),
        ...(residentIds.length ? [eb('r.id', 'in', residentIds)] : []),
      ]))
      .orderBy('r.org_path').orderBy('h.address').execute();
  },
};
