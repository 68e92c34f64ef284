import { sql } from 'kysely';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { GroupCounts } from '../../../domain/residents/figures.ts';

/** Counts of the ledger on a day, per residential group, from membership and category periods. */
export const figuresRepository = {
  async groupCounts(db: Executor, underPath: string, day: string, elderlyBornBy: string): Promise<GroupCounts[]> {
    // A period is in force on `day` when it began on or before it and has not ended by it.
    const inForce = (t: 'm' | 'c') => sql<boolean>`${sql.ref(`${t}.valid_from`)} <= ${day} and (${sql.ref(`${t}.valid_to`)} is null or ${sql.ref(`${t}.valid_to`)} > ${day})`;
    const people = await db
      .selectFrom('memberships as m')
      .innerJoin('residents as r', 'r.id', 'm.resident_id')
      .select('m.org_path')
      .select((eb) => [
        eb.fn.countAll<number>().as('residents'),
        eb.fn.count<number>('m.household_id').distinct().as('households'),
        eb.fn.sum<number>(eb.case().when('r.birth_date', '<=', elderlyBornBy).then(1).else(0).end()).as('elderly'),
      ])
      .where((eb) => underAny(eb, 'm.org_path', [underPath]))
      .where(inForce('m'))
      .groupBy('m.org_path')
      .execute();
    const categories = await db
      .selectFrom('memberships as m')
      .innerJoin('resident_categories as c', 'c.resident_id', 'm.resident_id')
      .select(['m.org_path', 'c.category'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => underAny(eb, 'm.org_path', [underPath]))
      .where(inForce('m'))
      .where(inForce('c'))
      .groupBy(['m.org_path', 'c.category'])
      .execute();
    const byPath = new Map<string, GroupCounts>();
    for (const p of people) {
      byPath.set(p.org_path, { path: p.org_path, households: Number(p.households), residents: Number(p.residents), categories: { elderly: Number(p.elderly ?? 0) } });
    }
    for (const c of categories) {
      const g = byPath.get(c.org_path);
      if (g) g.categories[c.category as keyof GroupCounts['categories']] = Number(c.n);
    }
    return [...byPath.values()];
  },

  /** The groups and grids in force on `day` under a path. */
  async groupPaths(db: Executor, underPath: string, day: string): Promise<string[]> {
    const rows = await db
      .selectFrom('org_units')
      .select('path')
      .where('kind', 'in', ['group', 'grid'])
      .where((eb) => underAny(eb, 'path', [underPath]))
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
      .execute();
    return rows.map((r) => r.path);
  },
};
