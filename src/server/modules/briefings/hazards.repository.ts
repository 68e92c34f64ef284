import type { Selectable } from 'kysely';
import type { Executor } from '../../../db/kysely-types.ts';
import type { HazardUpdatesTable, HazardsTable } from '../../../db/schema.ts';

export type HazardRow = Selectable<HazardsTable>;
export type HazardUpdateRow = Selectable<HazardUpdatesTable>;
export type HazardView = HazardRow & { reported_by_name: string | null };
export type HazardUpdateView = HazardUpdateRow & { by_name: string | null };

/** A community's hazard list is short; this bounds a list asked for over years of history. */
export const HAZARDS_SHOWN = 500;

export interface HazardFilter {
  communityIds: readonly string[];
  ids?: readonly string[];
  open?: boolean | undefined;
  /** Hazards reported before `end` and not closed before `start` (instants): those open at some moment between them. */
  between?: { start: string; end: string };
}

/** All SQL about hazards (险情: a rainstorm, a flooding ditch) and their updates. Hazards are kept forever. */
export const hazardsRepository = {
  async hazards(db: Executor, filter: HazardFilter): Promise<HazardView[]> {
    if (filter.communityIds.length === 0 || (filter.ids && filter.ids.length === 0)) return [];
    let q = db
      .selectFrom('hazards as h')
      .leftJoin('users as u', 'u.id', 'h.reported_by')
      .selectAll('h')
      .select('u.display_name as reported_by_name')
      .where('h.community_id', 'in', [...filter.communityIds]);
    if (filter.ids) q = q.where('h.id', 'in', [...filter.ids]);
    if (filter.open === true) q = q.where('h.closed_at', 'is', null);
    if (filter.open === false) q = q.where('h.closed_at', 'is not', null);
    if (filter.between) {
      const { start, end } = filter.between;
      q = q.where('h.reported_at', '<', end).where((eb) => eb.or([eb('h.closed_at', 'is', null), eb('h.closed_at', '>=', start)]));
    }
    return q.orderBy('h.reported_at', 'desc').orderBy('h.id', 'desc').limit(HAZARDS_SHOWN).execute();
  },

  async find(db: Executor, id: string): Promise<HazardRow | undefined> {
    return db.selectFrom('hazards').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Executor, row: HazardRow): Promise<void> {
    await db.insertInto('hazards').values(row).execute();
  },

  async updates(db: Executor, hazardIds: readonly string[]): Promise<HazardUpdateView[]> {
    if (hazardIds.length === 0) return [];
    return db
      .selectFrom('hazard_updates as x')
      .leftJoin('users as u', 'u.id', 'x.by')
      .selectAll('x')
      .select('u.display_name as by_name')
      .where('x.hazard_id', 'in', [...hazardIds])
      .orderBy('x.at')
      .orderBy('x.id')
      .execute();
  },

  async insertUpdate(db: Executor, row: HazardUpdateRow): Promise<void> {
    await db.insertInto('hazard_updates').values(row).execute();
  },

  /**
   * Closes a hazard still open (`at` given), or with nulls leaves it open but
   * holds its row for the transaction, so an update cannot slip in after a
   * concurrent close. False when it is closed already.
   */
  async close(db: Executor, id: string, by: string | null, at: string | null): Promise<boolean> {
    const r = await db.updateTable('hazards').set({ closed_at: at, closed_by: by }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
