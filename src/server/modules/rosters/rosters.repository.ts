import { sql, type Insertable, type Selectable } from 'kysely';
import type { DialectName } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { CheckpointShiftsTable, DutiesTable, DutyAlertsTable, DutyCheckInsTable, DutySwapsTable } from '../../../db/schema.ts';

export type ShiftRow = Selectable<CheckpointShiftsTable>;
export type DutyRow = Selectable<DutiesTable>;
export type SwapRow = Selectable<DutySwapsTable>;
export type AlertRow = Selectable<DutyAlertsTable>;
export type DutyView = DutyRow & { name: string; mobile: string | null; checked_in_at: string | null };

/** The advisory lock space (first key) of a person's duties. */
const LOCK_PERSON_DUTIES = 6003;

/** All SQL about checkpoint shifts, duties, swaps, check-ins and duty alerts. */
export const rostersRepository = {
  /**
   * Holds, to the end of the transaction, the duties of these people, so that checking "not in two places at once" and
   * writing the duty are one step: two duties given to one person at once (two desks, a week copied while a swap is
   * approved) are judged one after the other. PostgreSQL takes an advisory lock per person, in one order so no two
   * writers wait on each other in a cycle; SQLite's transactions already run one at a time on its single connection.
   */
  async lockPeople(trx: Executor, dialect: DialectName, userIds: readonly string[]): Promise<void> {
    if (dialect !== 'postgres') return;
    for (const id of [...new Set(userIds)].sort()) await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_PERSON_DUTIES)}, hashtext(${id}))`.execute(trx);
  },

  /** The entrances of these communities, in the order of the gates' own list. */
  async entrancesOf(db: Executor, communityIds: readonly string[]): Promise<{ id: string; name: string; community_id: string; org_path: string }[]> {
    if (communityIds.length === 0) return [];
    return db
      .selectFrom('entrances')
      .select(['id', 'name', 'community_id', 'org_path'])
      .where('community_id', 'in', [...communityIds])
      .orderBy('org_path')
      .orderBy('sort_order')
      .orderBy('name')
      .execute();
  },

  async shiftsOf(db: Executor, entranceIds: readonly string[]): Promise<ShiftRow[]> {
    if (entranceIds.length === 0) return [];
    return db.selectFrom('checkpoint_shifts').selectAll().where('entrance_id', 'in', [...entranceIds]).orderBy('entrance_id').orderBy('sort_order').execute();
  },

  async replaceShifts(db: Executor, entranceId: string, rows: readonly Insertable<CheckpointShiftsTable>[]): Promise<void> {
    await db.deleteFrom('checkpoint_shifts').where('entrance_id', '=', entranceId).execute();
    if (rows.length > 0) await db.insertInto('checkpoint_shifts').values([...rows]).execute();
  },

  /** Duties of a community (or of several) between two days (inclusive), with the person and their first check-in. */
  async dutiesOf(db: Executor, communityId: string | readonly string[], from: string, to: string, opts: { inForceAt?: string } = {}): Promise<DutyView[]> {
    const ids = typeof communityId === 'string' ? [communityId] : [...communityId];
    if (ids.length === 0) return [];
    let q = db.selectFrom('duties as d');
    // Only the shifts running at a clock time ("HH:MM" and "24:00" compare as text): what "on duty now" needs.
    if (opts.inForceAt) q = q.where('d.start_time', '<=', opts.inForceAt).where('d.end_time', '>', opts.inForceAt);
    return q
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .selectAll('d')
      .select(['u.display_name as name', 'u.mobile'])
      .select((eb) => eb.selectFrom('duty_check_ins as c').select((e) => e.fn.min('c.at').as('m')).whereRef('c.duty_id', '=', 'd.id').as('checked_in_at'))
      .where('d.community_id', 'in', ids)
      .where('d.day', '>=', from)
      .where('d.day', '<=', to)
      .orderBy('d.day')
      .orderBy('d.start_time')
      .orderBy('u.display_name')
      .execute() as Promise<DutyView[]>;
  },

  /** How many people each shift of each checkpoint has between two days: the overview counts gaps from these, not from every duty. */
  async staffing(db: Executor, communityIds: readonly string[], from: string, to: string): Promise<{ community_id: string; entrance_id: string; day: string; start_time: string; end_time: string; people: number }[]> {
    if (communityIds.length === 0) return [];
    const rows = await db
      .selectFrom('duties')
      .select(['community_id', 'entrance_id', 'day', 'start_time', 'end_time'])
      .select((eb) => eb.fn.count<number>('user_id').distinct().as('people'))
      .where('community_id', 'in', [...communityIds])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(['community_id', 'entrance_id', 'day', 'start_time', 'end_time'])
      .execute();
    return rows.map((r) => ({ ...r, people: Number(r.people) }));
  },

  /** A person's duties between two days in any community (a person cannot be in two places at once, wherever they are). */
  async dutiesOfUser(db: Executor, userId: string | readonly string[], from: string, to: string): Promise<(DutyView & { entrance_name: string; community_name: string })[]> {
    const ids = typeof userId === 'string' ? [userId] : [...new Set(userId)];
    if (ids.length === 0) return [];
    return db
      .selectFrom('duties as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .innerJoin('entrances as e', 'e.id', 'd.entrance_id')
      .innerJoin('org_units as o', 'o.id', 'd.community_id')
      .selectAll('d')
      .select(['u.display_name as name', 'u.mobile', 'e.name as entrance_name', 'o.name as community_name'])
      .select((eb) => eb.selectFrom('duty_check_ins as c').select((e) => e.fn.min('c.at').as('m')).whereRef('c.duty_id', '=', 'd.id').as('checked_in_at'))
      .where('d.user_id', 'in', ids)
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

  /** A duty and the swap requests about it (an approved one included: it concerned a duty that is no longer rostered; the audit keeps it). */
  async deleteDuty(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('duty_swaps').where((eb) => eb.or([eb('duty_id', '=', id), eb('counter_duty_id', '=', id)])).execute();
    await db.deleteFrom('duties').where('id', '=', id).execute();
  },

  async hasCheckIns(db: Executor, dutyId: string): Promise<boolean> {
    return (await db.selectFrom('duty_check_ins').select('id').where('duty_id', '=', dutyId).executeTakeFirst()) !== undefined;
  },

  /** Hands a duty to another person, only if it is still `fromUserId`'s; false otherwise. */
  async setDutyUser(db: Executor, id: string, fromUserId: string, userId: string): Promise<boolean> {
    const r = await db.updateTable('duties').set({ user_id: userId }).where('id', '=', id).where('user_id', '=', fromUserId).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
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

  /** A community's alerts, newest first (the newest 200; `id`: that one alone, however old). */
  async alertsOf(db: Executor, communityId: string, open: boolean | undefined, id?: string): Promise<(AlertRow & { entrance_name: string; handled_by_name: string | null })[]> {
    let q = db
      .selectFrom('duty_alerts as a')
      .innerJoin('entrances as e', 'e.id', 'a.entrance_id')
      .leftJoin('users as u', 'u.id', 'a.handled_by')
      .selectAll('a')
      .select(['e.name as entrance_name', 'u.display_name as handled_by_name'])
      .where('a.community_id', '=', communityId);
    if (open === true) q = q.where('a.handled_at', 'is', null);
    if (open === false) q = q.where('a.handled_at', 'is not', null);
    if (id) q = q.where('a.id', '=', id);
    return q.orderBy('a.raised_at', 'desc').limit(200).execute();
  },

  async findAlert(db: Executor, id: string): Promise<AlertRow | undefined> {
    return db.selectFrom('duty_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async handleAlert(db: Executor, id: string, by: string, at: string, note: string): Promise<number> {
    const r = await db.updateTable('duty_alerts').set({ handled_by: by, handled_at: at, note }).where('id', '=', id).where('handled_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Communities (all, or the one asked for) that have duties on `day`: they keep rosters, so their unstaffed shifts raise alerts. */
  async communitiesWithDuties(db: Executor, day: string, communityId?: string): Promise<{ community_id: string; org_path: string }[]> {
    let q = db.selectFrom('duties').select(['community_id', 'org_path']).where('day', '=', day);
    if (communityId) q = q.where('community_id', '=', communityId);
    return q.distinct().execute();
  },
};
