import type { Selectable } from 'kysely';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { ScreeningRoundsTable, ScreeningVisitsTable } from '../../../db/schema.ts';

export type RoundRow = Selectable<ScreeningRoundsTable>;
export type VisitRow = Selectable<ScreeningVisitsTable>;

/** All SQL about screening rounds (摸排) and their visits. */
export const screeningRepository = {
  async insertRound(db: Executor, row: RoundRow, groups: readonly { group_id: string; org_path: string }[]): Promise<void> {
    await db.insertInto('screening_rounds').values(row).execute();
    if (groups.length) await db.insertInto('screening_round_groups').values(groups.map((g) => ({ round_id: row.id, ...g }))).execute();
  },

  async findRound(db: Executor, id: string): Promise<RoundRow | undefined> {
    return db.selectFrom('screening_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Rounds of communities under the prefixes, or of one community; newest first. */
  async rounds(db: Executor, prefixes: readonly string[], communityIds?: readonly string[]): Promise<(RoundRow & { community_name: string })[]> {
    let q = db
      .selectFrom('screening_rounds as s')
      .innerJoin('org_units as c', 'c.id', 's.community_id')
      .selectAll('s')
      .select('c.name as community_name')
      .where((eb) => underAny(eb, 's.org_path', prefixes));
    if (communityIds) q = communityIds.length ? q.where('s.community_id', 'in', communityIds) : q.where('s.id', '=', '');
    return q.orderBy('s.starts_on', 'desc').orderBy('s.created_at', 'desc').limit(200).execute();
  },

  async roundGroups(db: Executor, roundIds: readonly string[]): Promise<{ round_id: string; group_id: string; org_path: string; name: string }[]> {
    if (roundIds.length === 0) return [];
    return db
      .selectFrom('screening_round_groups as rg')
      .innerJoin('org_units as g', 'g.id', 'rg.group_id')
      .select(['rg.round_id', 'rg.group_id', 'rg.org_path', 'g.name'])
      .where('rg.round_id', 'in', roundIds)
      .orderBy('rg.org_path')
      .execute();
  },

  async closeRound(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('screening_rounds').set({ closed_at: at }).where('id', '=', id).execute();
  },

  /** Households with people living in them, in a round's groups: what the round must cover. */
  async roundHouseholds(db: Executor, roundId: string) {
    // One pass: the round's groups' households joined to the people living in them, counted.
    const rows = await db
      .selectFrom('households as h')
      .innerJoin('screening_round_groups as rg', (j) => j.onRef('rg.group_id', '=', 'h.group_id').on('rg.round_id', '=', roundId))
      .innerJoin('org_units as g', 'g.id', 'h.group_id')
      .innerJoin('residents as r', (j) => j.onRef('r.household_id', '=', 'h.id').on('r.status', '=', 'living'))
      .leftJoin('residents as head', 'head.id', 'h.head_id')
      .select(['h.id', 'h.address', 'h.group_id', 'h.org_path', 'g.name as group_name', 'head.name as head_name'])
      .select((eb) => eb.fn.countAll<number>().as('members'))
      .groupBy(['h.id', 'h.address', 'h.group_id', 'h.org_path', 'g.name', 'head.name'])
      .orderBy('h.org_path')
      .orderBy('h.address')
      .execute();
    return rows.map((r) => ({ ...r, members: Number(r.members) }));
  },

  async findVisit(db: Executor, id: string): Promise<VisitRow | undefined> {
    return db.selectFrom('screening_visits').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertVisit(db: Executor, row: VisitRow): Promise<void> {
    await db.insertInto('screening_visits').values(row).execute();
  },

  async visitsOfRound(db: Executor, roundId: string, householdId?: string) {
    let q = db
      .selectFrom('screening_visits as v')
      .innerJoin('households as h', 'h.id', 'v.household_id')
      .innerJoin('org_units as g', 'g.id', 'h.group_id')
      .innerJoin('users as u', 'u.id', 'v.visitor_id')
      .selectAll('v')
      .select(['h.address', 'h.group_id', 'g.name as group_name', 'u.display_name as visitor_name'])
      .select((eb) => eb.selectFrom('resident_categories as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.visit_id', '=', 'v.id').as('arrivals'))
      .where('v.round_id', '=', roundId);
    if (householdId) q = q.where('v.household_id', '=', householdId);
    return q.orderBy('v.visited_at', 'desc').execute();
  },

  /** Categories begun by the visits of a round: the people each day's visits registered. */
  async registeredByVisits(db: Executor, roundId: string): Promise<{ day: string; category: string; n: number }[]> {
    const rows = await db
      .selectFrom('resident_categories as c')
      .innerJoin('screening_visits as v', 'v.id', 'c.visit_id')
      .select(['v.day', 'c.category'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('v.round_id', '=', roundId)
      .groupBy(['v.day', 'c.category'])
      .execute();
    return rows.map((r) => ({ day: r.day, category: r.category, n: Number(r.n) }));
  },

  /** Household ids visited (someone at home, or with `outcome` nobody_home) in each of some rounds. */
  async visitedHouseholds(db: Executor, roundIds: readonly string[], underPrefixes: readonly string[], outcome: 'visited' | 'nobody_home' = 'visited'): Promise<{ round_id: string; household_id: string }[]> {
    if (roundIds.length === 0) return [];
    return db
      .selectFrom('screening_visits')
      .select(['round_id', 'household_id'])
      .distinct()
      .where('round_id', 'in', roundIds)
      .where('outcome', '=', outcome)
      .where((eb) => underAny(eb, 'org_path', underPrefixes))
      .execute();
  },
};
