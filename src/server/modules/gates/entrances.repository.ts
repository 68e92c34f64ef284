import type { Selectable } from 'kysely';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { EntranceChangesTable, EntrancesTable } from '../../../db/schema.ts';

export type EntranceRow = Selectable<EntrancesTable>;
export type ChangeRow = Selectable<EntranceChangesTable>;
export type ChangeWithNames = ChangeRow & { decided_by_name: string | null; cancelled_by_name: string | null };

/** All SQL about entrances, their state changes and who is assigned to them. */
export const entrancesRepository = {
  async list(db: Executor, prefixes: readonly string[], communityId?: string): Promise<(EntranceRow & { community_name: string })[]> {
    let q = db
      .selectFrom('entrances as e')
      .innerJoin('org_units as c', 'c.id', 'e.community_id')
      .selectAll('e')
      .select('c.name as community_name')
      .where((eb) => underAny(eb, 'e.org_path', prefixes));
    if (communityId) q = q.where('e.community_id', '=', communityId);
    return q.orderBy('e.org_path').orderBy('e.sort_order').orderBy('e.name').execute();
  },

  async byIds(db: Executor, ids: readonly string[]): Promise<(EntranceRow & { community_name: string })[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('entrances as e')
      .innerJoin('org_units as c', 'c.id', 'e.community_id')
      .selectAll('e')
      .select('c.name as community_name')
      .where('e.id', 'in', ids)
      .orderBy('e.sort_order')
      .execute();
  },

  async find(db: Executor, id: string): Promise<EntranceRow | undefined> {
    return db.selectFrom('entrances').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Executor, row: EntranceRow): Promise<void> {
    await db.insertInto('entrances').values(row).execute();
  },

  async update(db: Executor, id: string, set: Partial<Pick<EntranceRow, 'name' | 'description' | 'sort_order'>>, at: string): Promise<void> {
    await db.updateTable('entrances').set({ ...set, updated_at: at }).where('id', '=', id).execute();
  },

  async nextSortOrder(db: Executor, communityId: string): Promise<number> {
    const row = await db.selectFrom('entrances').select((eb) => eb.fn.max('sort_order').as('m')).where('community_id', '=', communityId).executeTakeFirst();
    return Number(row?.m ?? 0) + 1;
  },

  async changes(db: Executor, entranceIds: readonly string[]): Promise<ChangeWithNames[]> {
    if (entranceIds.length === 0) return [];
    return db
      .selectFrom('entrance_changes as ch')
      .leftJoin('users as d', 'd.id', 'ch.decided_by')
      .leftJoin('users as x', 'x.id', 'ch.cancelled_by')
      .selectAll('ch')
      .select(['d.display_name as decided_by_name', 'x.display_name as cancelled_by_name'])
      .where('ch.entrance_id', 'in', entranceIds)
      .orderBy('ch.effective_at')
      .orderBy('ch.decided_at')
      .execute();
  },

  /** Just what the state at an instant needs, for the registration path. */
  async statesOf(db: Executor, entranceId: string): Promise<Pick<ChangeRow, 'state' | 'effective_at' | 'decided_at' | 'cancelled_at'>[]> {
    return db.selectFrom('entrance_changes').select(['state', 'effective_at', 'decided_at', 'cancelled_at']).where('entrance_id', '=', entranceId).execute();
  },

  async findChange(db: Executor, id: string): Promise<ChangeRow | undefined> {
    return db.selectFrom('entrance_changes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertChanges(db: Executor, rows: readonly ChangeRow[]): Promise<void> {
    if (rows.length) await db.insertInto('entrance_changes').values([...rows]).execute();
  },

  async cancelChange(db: Executor, id: string, by: string, at: string): Promise<number> {
    const r = await db.updateTable('entrance_changes').set({ cancelled_at: at, cancelled_by: by }).where('id', '=', id).where('cancelled_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async assignees(db: Executor, entranceIds: readonly string[]): Promise<{ entrance_id: string; user_id: string; name: string }[]> {
    if (entranceIds.length === 0) return [];
    return db
      .selectFrom('entrance_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.entrance_id', 'a.user_id', 'u.display_name as name'])
      .where('a.entrance_id', 'in', entranceIds)
      .orderBy('u.display_name')
      .execute();
  },

  async entrancesOf(db: Executor, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('entrance_assignments').select('entrance_id').where('user_id', '=', userId).execute();
    return rows.map((r) => r.entrance_id);
  },

  async isAssigned(db: Executor, entranceId: string, userId: string): Promise<boolean> {
    return (await db.selectFrom('entrance_assignments').select('user_id').where('entrance_id', '=', entranceId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
  },

  async setAssignees(db: Executor, entrance: EntranceRow, userIds: readonly string[], by: string | null, at: string): Promise<void> {
    await db.deleteFrom('entrance_assignments').where('entrance_id', '=', entrance.id).execute();
    if (userIds.length) {
      await db.insertInto('entrance_assignments')
        .values(userIds.map((u) => ({ entrance_id: entrance.id, user_id: u, org_path: entrance.org_path, assigned_by: by, assigned_at: at })))
        .execute();
    }
  },

  /** Users holding one of `roles` now, at the community or under it: whom gates can be given to. */
  /** Users holding one of `roles` in the community at the instant `at` (role grants run from and to instants, not days). */
  async usersWithRoles(db: Executor, communityPath: string, roles: readonly string[], at: string): Promise<{ user_id: string; name: string; role: string }[]> {
    return db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.display_name as name', 'r.role'])
      .where((eb) => underAny(eb, 'r.org_path', [communityPath]))
      .where('r.role', 'in', [...roles])
      .where('r.valid_from', '<=', at)
      .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>', at)]))
      .where('u.disabled_at', 'is', null)
      .orderBy('u.display_name')
      .execute();
  },
};
