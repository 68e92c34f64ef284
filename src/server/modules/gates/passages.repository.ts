import type { Selectable } from 'kysely';
import type { Executor } from '../../../db/kysely-types.ts';
import { underAny } from '../../../db/dialect.ts';
import type { GateAlertsTable, GatePassagesTable, GateVisitorsTable } from '../../../db/schema.ts';

export type PassageRow = Selectable<GatePassagesTable>;
export type VisitorRow = Selectable<GateVisitorsTable>;
export type AlertRow = Selectable<GateAlertsTable>;
export type AlertView = AlertRow & { place: string | null; recorded_by_name: string; handled_by_name: string | null };

/** All SQL about gate registrations, visitors and fever alerts. */
export const passagesRepository = {
  async find(db: Executor, id: string): Promise<PassageRow | undefined> {
    return db.selectFrom('gate_passages').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Executor, row: PassageRow): Promise<void> {
    await db.insertInto('gate_passages').values(row).execute();
  },

  async visitorByIdHash(db: Executor, communityId: string, hash: string): Promise<VisitorRow | undefined> {
    return db.selectFrom('gate_visitors').selectAll().where('community_id', '=', communityId).where('id_hash', '=', hash).executeTakeFirst();
  },

  /** A visitor with this phone, and this name if given (a family may share one phone: each member is a visitor of their own). */
  async visitorByPhoneHash(db: Executor, communityId: string, hash: string, name?: string): Promise<VisitorRow | undefined> {
    let q = db.selectFrom('gate_visitors').selectAll().where('community_id', '=', communityId).where('phone_hash', '=', hash);
    if (name !== undefined) q = q.where('name', '=', name);
    return q.orderBy('first_seen_at', 'desc').executeTakeFirst();
  },

  /** How often a visitor came, when last, and for what. */
  async visitsOf(db: Executor, visitorId: string): Promise<{ visits: number; last: { at: string; purpose: string | null; visiting: string | null } | undefined }> {
    const count = await db.selectFrom('gate_passages').select((eb) => eb.fn.countAll<number>().as('n')).where('visitor_id', '=', visitorId).where('direction', '=', 'in').executeTakeFirst();
    const last = await db.selectFrom('gate_passages').select(['at', 'purpose', 'visiting']).where('visitor_id', '=', visitorId).orderBy('at', 'desc').limit(1).executeTakeFirst();
    return { visits: Number(count?.n ?? 0), last };
  },

  async insertVisitor(db: Executor, row: VisitorRow): Promise<void> {
    await db.insertInto('gate_visitors').values(row).execute();
  },

  async updateVisitor(db: Executor, id: string, set: Partial<VisitorRow>): Promise<void> {
    await db.updateTable('gate_visitors').set(set).where('id', '=', id).execute();
  },

  /** A day's register of a community (or of one entrance), in time order, with the visitor's masked identity. */
  async register(db: Executor, communityId: string, day: string, entranceId?: string) {
    let q = db
      .selectFrom('gate_passages as p')
      .innerJoin('entrances as e', 'e.id', 'p.entrance_id')
      .innerJoin('users as u', 'u.id', 'p.recorded_by')
      .leftJoin('gate_visitors as v', 'v.id', 'p.visitor_id')
      .selectAll('p')
      .select(['e.name as entrance_name', 'u.display_name as recorded_by_name', 'v.name as visitor_name', 'v.id_masked', 'v.phone_masked'])
      .where('p.community_id', '=', communityId)
      .where('p.day', '=', day);
    if (entranceId) q = q.where('p.entrance_id', '=', entranceId);
    return q.orderBy('e.sort_order').orderBy('p.at').orderBy('p.id').execute();
  },

  /** Counts of a day per entrance, hour, direction, outcome and kind: what the live view adds up. */
  async dayCounts(db: Executor, communityId: string, day: string) {
    return db
      .selectFrom('gate_passages')
      .select(['entrance_id', 'hour', 'direction', 'allowed', 'kind'])
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('temp_tenths', '>=', 373).then(1).else(0).end()).as('fevers'),
      ])
      .where('community_id', '=', communityId)
      .where('day', '=', day)
      .groupBy(['entrance_id', 'hour', 'direction', 'allowed', 'kind'])
      .execute();
  },

  /** Visitors' passages let through on a day, in time order: who is still inside. */
  async visitorMoves(db: Executor, communityId: string, day: string) {
    return db
      .selectFrom('gate_passages')
      .select(['visitor_id', 'entrance_id', 'direction'])
      .where('community_id', '=', communityId)
      .where('day', '=', day)
      .where('kind', '=', 'visitor')
      .where('allowed', '=', 1)
      .orderBy('at')
      .execute();
  },

  async insertAlert(db: Executor, row: AlertRow): Promise<void> {
    await db.insertInto('gate_alerts').values(row).execute();
  },

  async alerts(db: Executor, prefixes: readonly string[], f: { communityId?: string | undefined; open?: boolean | undefined; day?: string | undefined; ids?: readonly string[] }): Promise<AlertView[]> {
    let q = db
      .selectFrom('gate_alerts as a')
      .leftJoin('entrances as e', 'e.id', 'a.entrance_id')
      .leftJoin('patrol_zones as z', 'z.id', 'a.zone_id')
      .innerJoin('users as r', 'r.id', 'a.recorded_by')
      .leftJoin('users as h', 'h.id', 'a.handled_by')
      .selectAll('a')
      .select((eb) => [eb.fn.coalesce('e.name', 'z.name').as('place'), 'r.display_name as recorded_by_name', 'h.display_name as handled_by_name'])
      .where((eb) => underAny(eb, 'a.org_path', prefixes));
    if (f.communityId) q = q.where('a.community_id', '=', f.communityId);
    if (f.open) q = q.where('a.handled_at', 'is', null);
    if (f.day) q = q.where('a.day', '=', f.day);
    if (f.ids) q = f.ids.length ? q.where('a.id', 'in', [...f.ids]) : q.where('a.id', '=', '');
    return q.orderBy('a.raised_at', 'desc').limit(500).execute();
  },

  async findAlert(db: Executor, id: string): Promise<AlertRow | undefined> {
    return db.selectFrom('gate_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async handleAlert(db: Executor, id: string, by: string, at: string, note: string): Promise<number> {
    const r = await db.updateTable('gate_alerts').set({ handled_at: at, handled_by: by, note }).where('id', '=', id).where('handled_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};
