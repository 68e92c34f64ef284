import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/kysely-types.ts';
import type { CheckpointShiftsTable, DutiesTable, DutyAlertsTable, DutyCheckInsTable, DutySwapsTable } from '../../../db/schema.ts';

export type ShiftRow = Selectable<CheckpointShiftsTable>;
export type DutyRow = Selectable<DutiesTable>;
export type SwapRow = Selectable<DutySwapsTable>;
export type AlertRow = Selectable<DutyAlertsTable>;
export type DutyView = DutyRow & { name: string; mobile: string | null; checked_in_at: string | null };

/** All SQL about checkpoint shifts, duties, swaps, check-ins and duty alerts. */
export const rostersRepository = {
  async shiftsOf(db: Executor, entranceIds: readonly string[]): Promise<ShiftRow[]> {
    if (entranceIds.length === 0) return [];
    return db.selectFrom('checkpoint_shifts').selectAll().where('entrance_id', 'in', [...entranceIds]).orderBy('entrance_id').orderBy('sort_order').execute();
  },

  async replaceShifts(db: Executor, entranceId: string, rows: readonly Insertable<CheckpointShiftsTable>[]): Promise<void> {
    await db.deleteFrom('checkpoint_shifts').where('entrance_id', '=', entranceId).execute();
    if (rows.length > 0) await db.insertInto('checkpoint_shifts').values([...rows]).execute();
  },

  /** Duties of a community between two days (inclusive), with the person and their first check-in. */
  async dutiesOf(db: Executor, communityId: string, from: string, to: string): Promise<DutyView[]> {
    return db
      .selectFrom('duties as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .selectAll('d')
      .select(['u.display_name as name', 'u.mobile'])
      .select((eb) => eb.selectFrom('duty_check_ins as c').select((e) => e.fn.min('c.at').as('m')).whereRef('c.duty_id', '=', 'd.id').as('checked_in_at'))
      .where('d.community_id', '=', communityId)
      .where('d.day', '>=', from)
      .where('d.day', '<=', to)
      .orderBy('d.day')
      .orderBy('d.start_time')
      .orderBy('u.display_name')
      .execute() as Promise<DutyView[]>;
  },

  /** A person's duties between two days in any community (a person cannot be in two places at once, wherever they are). */
  async dutiesOfUser(db: Executor, userId: string, from: string, to: string): Promise<(DutyView & { entrance_name: string; community_name: string })[]> {
    return db
      .selectFrom('duties as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .innerJoin('entrances as e', 'e.id', 'd.entrance_id')
      .innerJoin('org_units as o', 'o.id', 'd.community_id')
      .selectAll('d')
      .select(['u.display_name as name', 'u.mobile', 'e.name as entrance_name', 'o.name as community_name'])
      .select((eb) => eb.selectFrom('duty_check_ins as c').select((e) => e.fn.min('c.at').as('m')).whereRef('c.duty_id', '=', 'd.id').as('checked_in_at'))
      .where('d.user_id', '=', userId)
      .where('d.day', '>=', from)
      .where('d.day', '<=', to)
      .orderBy('d.day')
      .orderBy('d.start_time')
      .execute() as Promise<(DutyView & { entrance_name: string; community_name: string })[]>;
  },

  async findDuty(db: Executor, id: string): Promise<DutyRow | undefined> {
    return db.selectFrom('duties').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async dutyViews(db: Executor, ids: readonly string[]): Promise<DutyView[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('duties as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .selectAll('d')
      .select(['u.display_name as name', 'u.mobile'])
      .select((eb) => eb.selectFrom('duty_check_ins as c').select((e) => e.fn.min('c.at').as('m')).whereRef('c.duty_id', '=', 'd.id').as('checked_in_at'))
      .where('d.id', 'in', [...ids])
      .execute() as Promise<DutyView[]>;
  },

  async insertDuties(db: Executor, rows: readonly Insertable<DutiesTable>[]): Promise<void> {
    if (rows.length > 0) await db.insertInto('duties').values([...rows]).execute();
  },

  async deleteDuty(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('duty_swaps').where((eb) => eb.or([eb('duty_id', '=', id), eb('counter_duty_id', '=', id)])).where('status', '!=', 'approved').execute();
    await db.deleteFrom('duties').where('id', '=', id).execute();
  },

  async hasCheckIns(db: Executor, dutyId: string): Promise<boolean> {
    return (await db.selectFrom('duty_check_ins').select('id').where('duty_id', '=', dutyId).executeTakeFirst()) !== undefined;
  },

  async setDutyUser(db: Executor, id: string, userId: string): Promise<void> {
    await db.updateTable('duties').set({ user_id: userId }).where('id', '=', id).execute();
  },

  /** How many duties each community has between two days. */
  async dutyCounts(db: Executor, communityIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
    if (communityIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('duties')
      .select('community_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', 'in', [...communityIds])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('community_id')
      .execute();
    return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
  },

  /* Swaps */

  async insertSwap(db: Executor, row: Insertable<DutySwapsTable>): Promise<void> {
    await db.insertInto('duty_swaps').values(row).execute();
  },

  async findSwap(db: Executor, id: string): Promise<SwapRow | undefined> {
    return db.selectFrom('duty_swaps').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async swapsOf(db: Executor, communityId: string, status: string | undefined): Promise<SwapRow[]> {
    let q = db.selectFrom('duty_swaps').selectAll().where('community_id', '=', communityId);
    if (status) q = q.where('status', '=', status);
    return q.orderBy('requested_at', 'desc').limit(500).execute();
  },

  async swapsOfUser(db: Executor, userId: string, since: string): Promise<SwapRow[]> {
    return db
      .selectFrom('duty_swaps')
      .selectAll()
      .where((eb) => eb.or([eb('from_user_id', '=', userId), eb('to_user_id', '=', userId)]))
      .where('requested_at', '>=', since)
      .orderBy('requested_at', 'desc')
      .execute();
  },

  async decideSwap(db: Executor, id: string, set: { status: string; decided_by: string; decided_at: string; note: string | null }): Promise<number> {
    const r = await db.updateTable('duty_swaps').set(set).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /* Check-ins */

  async findCheckIn(db: Executor, id: string): Promise<Selectable<DutyCheckInsTable> | undefined> {
    return db.selectFrom('duty_check_ins').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertCheckIn(db: Executor, row: Insertable<DutyCheckInsTable>): Promise<void> {
    await db.insertInto('duty_check_ins').values(row).execute();
  },

  /* Alerts */

  async insertAlertIfNew(db: Executor, row: Insertable<DutyAlertsTable>): Promise<boolean> {
    const r = await db.insertInto('duty_alerts').values(row).onConflict((oc) => oc.columns(['entrance_id', 'day', 'start_time']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async alertsOf(db: Executor, communityId: string, open: boolean | undefined): Promise<(AlertRow & { entrance_name: string; handled_by_name: string | null })[]> {
    let q = db
      .selectFrom('duty_alerts as a')
      .innerJoin('entrances as e', 'e.id', 'a.entrance_id')
      .leftJoin('users as u', 'u.id', 'a.handled_by')
      .selectAll('a')
      .select(['e.name as entrance_name', 'u.display_name as handled_by_name'])
      .where('a.community_id', '=', communityId);
    if (open === true) q = q.where('a.handled_at', 'is', null);
    if (open === false) q = q.where('a.handled_at', 'is not', null);
    return q.orderBy('a.raised_at', 'desc').limit(200).execute();
  },

  async findAlert(db: Executor, id: string): Promise<AlertRow | undefined> {
    return db.selectFrom('duty_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async handleAlert(db: Executor, id: string, by: string, at: string, note: string): Promise<number> {
    const r = await db.updateTable('duty_alerts').set({ handled_by: by, handled_at: at, note }).where('id', '=', id).where('handled_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Communities that have duties on `day`: they keep rosters, so their unstaffed shifts raise alerts. */
  async communitiesWithDuties(db: Executor, day: string): Promise<{ community_id: string; org_path: string }[]> {
    return db.selectFrom('duties').select(['community_id', 'org_path']).where('day', '=', day).distinct().execute();
  },
};
