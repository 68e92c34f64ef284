import type { Selectable } from 'kysely';
import type { Executor } from '../../../db/kysely-types.ts';
import { underAny } from '../../../db/dialect.ts';
import type { PatrolGroupsTable, PatrolRoundsTable, PatrolZonesTable } from '../../../db/schema.ts';

export type ZoneRow = Selectable<PatrolZonesTable>;
export type PatrolGroupRow = Selectable<PatrolGroupsTable>;
export type PatrolRoundRow = Selectable<PatrolRoundsTable>;

/** All SQL about patrol zones, patrol groups and their rounds (流动巡查). */
export const patrolsRepository = {
  async zonesOf(db: Executor, communityIds: readonly string[]): Promise<ZoneRow[]> {
    if (communityIds.length === 0) return [];
    return db.selectFrom('patrol_zones').selectAll().where('community_id', 'in', [...communityIds]).orderBy('name').execute();
  },

  async insertZone(db: Executor, row: ZoneRow): Promise<void> {
    await db.insertInto('patrol_zones').values(row).execute();
  },

  async groupsOf(db: Executor, communityId: string): Promise<PatrolGroupRow[]> {
    return db.selectFrom('patrol_groups').selectAll().where('community_id', '=', communityId).orderBy('name').execute();
  },

  async findGroup(db: Executor, id: string): Promise<PatrolGroupRow | undefined> {
    return db.selectFrom('patrol_groups').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertGroup(db: Executor, row: PatrolGroupRow): Promise<void> {
    await db.insertInto('patrol_groups').values(row).execute();
  },

  /** Patrol groups the user belongs to, and all groups of communities they manage. */
  async groupsOfMember(db: Executor, userId: string, managedPrefixes: readonly string[]): Promise<PatrolGroupRow[]> {
    // Member lists are small JSON arrays: a text match finds candidates, the parse below confirms them.
    const rows = await db.selectFrom('patrol_groups').selectAll()
      .where((eb) => eb.or([eb('member_ids', 'like', `%"${userId}"%`), underAny(eb, 'org_path', managedPrefixes)]))
      .orderBy('name').execute();
    return rows;
  },

  async findRound(db: Executor, id: string): Promise<PatrolRoundRow | undefined> {
    return db.selectFrom('patrol_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertRound(db: Executor, row: PatrolRoundRow): Promise<void> {
    await db.insertInto('patrol_rounds').values(row).execute();
  },

  async roundsOfDay(db: Executor, communityId: string, day: string) {
    return db
      .selectFrom('patrol_rounds as r')
      .innerJoin('patrol_groups as g', 'g.id', 'r.group_id')
      .innerJoin('patrol_zones as z', 'z.id', 'r.zone_id')
      .innerJoin('users as u', 'u.id', 'r.recorded_by')
      .selectAll('r')
      .select(['g.name as group_name', 'z.name as zone_name', 'u.display_name as recorded_by_name'])
      .where('r.community_id', '=', communityId)
      .where('r.day', '=', day)
      .orderBy('r.started_at')
      .execute();
  },
};
