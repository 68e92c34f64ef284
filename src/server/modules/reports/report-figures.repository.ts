import { sql, type SqlBool } from 'kysely';
import { underAny, underPath } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { shanghaiHour, shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import { FEVER_TENTHS, noFigures, type DayFigures, type FigureKey } from '../../../domain/reports/figures.ts';

type Row = { community_id: string } & Record<string, unknown>;

/**
 * The day's figures of every community under a path, counted in the database
 * (one grouped query per kind of record, whatever the number of communities),
 * so a community's report and a city's dashboard count the same way.
 * `asOf` decides which checks are overdue: now for today, the day's end for a
 * past day, the moment of submission for a report being frozen.
 */
export const reportFiguresRepository = {
  async byCommunity(db: Executor, path: string, day: string, asOf: string): Promise<Map<string, DayFigures>> {
    const under = (column: string) => underPath(column, path);
    const n = (e: unknown) => Number(e ?? 0);
    const out = new Map<string, DayFigures>();
    const put = (rows: Row[], pick: (r: Row) => Partial<DayFigures>) => {
      for (const r of rows) {
        const f = out.get(r.community_id) ?? noFigures();
        for (const [k, v] of Object.entries(pick(r))) f[k as FigureKey] += n(v);
        out.set(r.community_id, f);
      }
    };
    // The queries run at once (on a pool, each on its own connection, so a city's figures take the time of the
    // longest rather than the sum); each adds its counts when it answers, and every figure is a sum.
    const parts: Promise<void>[] = [];
    const count = (rows: Promise<Row[]>, pick: (r: Row) => Partial<DayFigures>) => { parts.push(rows.then((list) => put(list, pick))); };
    const sumWhen = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

    // Screening rounds open on the day: begun, not ended before it, not closed before it.
    const openRound = sql<SqlBool>`${sql.ref('r.starts_on')} <= ${day} and (${sql.ref('r.ends_on')} is null or ${sql.ref('r.ends_on')} >= ${day})
      and (${sql.ref('r.closed_at')} is null or ${sql.ref('r.closed_at')} >= ${shanghaiMidnightUtc(day)})`;
    // The households, and those in a group of a round open on the day, in one pass over the households: at a
    // city's scale (1.3 million) a join of every household to the rounds, counted distinct, took 1.6 s on PostgreSQL.
    const openGroups = db.selectFrom('screening_rounds as r').innerJoin('screening_round_groups as g', 'g.round_id', 'r.id')
      .select('g.group_id').distinct().where(under('r.org_path')).where(openRound);
    // One community's report: its households by its id as well. Told only the path range, SQLite's planner reads
    // every household in community order (to group without sorting), 0.2 s for one community of 250.
    const oneCommunity = db.selectFrom('org_units').select('id').where('path', '=', path).where('kind', '=', 'community').executeTakeFirst();
    count(
      oneCommunity.then((c) => db.selectFrom('households as h').leftJoin(openGroups.as('o'), 'o.group_id', 'h.group_id')
        .select(['h.community_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('o.group_id').as('inRound')])
        .where(under('h.org_path')).$if(c !== undefined, (q) => q.where('h.community_id', '=', c!.id)).groupBy('h.community_id').execute()),
      (r) => ({ households: n(r.n), roundHouseholds: n(r.inRound) }),
    );
    // A visit's community is its round's (a round visits its own community's households): the rounds to join, not every household.
    count(
      db.selectFrom('screening_visits as v').innerJoin('screening_rounds as r', 'r.id', 'v.round_id')
        .select(['r.community_id', (eb) => eb.fn.countAll<number>().as('visits'), (eb) => eb.fn.count<number>('v.household_id').distinct().as('households')])
        .where(under('v.org_path')).where('v.day', '=', day).groupBy('r.community_id').execute(),
      (r) => ({ visits: n(r.visits), householdsScreened: n(r.households) }),
    );
    count(
      db.selectFrom('screening_rounds as r').innerJoin('screening_visits as v', 'v.round_id', 'r.id')
        .select(['r.community_id', (eb) => eb.fn.count<number>('v.household_id').distinct().as('n')])
        .where(under('r.org_path')).where(openRound).where('v.day', '<=', day).groupBy('r.community_id').execute(),
      (r) => ({ roundHouseholdsScreened: n(r.n) }),
    );
    count(
      db.selectFrom('gate_passages').select([
        'community_id',
        sumWhen(sql`allowed = 1`).as('passages'),
        sumWhen(sql`allowed = 0`).as('refused'),
        sumWhen(sql`allowed = 1 and kind = 'visitor'`).as('visitors'),
        sumWhen(sql`temp_tenths is not null`).as('checked'),
        sumWhen(sql`temp_tenths >= ${FEVER_TENTHS}`).as('fevers'),
      ]).where('day', '=', day).where(under('org_path')).groupBy('community_id').execute(),
      (r) => ({ passages: n(r.passages), passagesRefused: n(r.refused), visitors: n(r.visitors), peopleChecked: n(r.checked), fevers: n(r.fevers) }),
    );
    count(
      db.selectFrom('patrol_rounds').select(['community_id', (eb) => eb.fn.sum<number>('checked').as('checked'), (eb) => eb.fn.sum<number>('fevers').as('fevers')])
        .where('day', '=', day).where(under('org_path')).groupBy('community_id').execute(),
      (r) => ({ peopleChecked: n(r.checked), fevers: n(r.fevers) }),
    );
    count(
      db.selectFrom('arrivals').select(['community_id', sumWhen(sql`category = 'outside'`).as('outside'), sumWhen(sql`category = 'returnee'`).as('returnees')])
        .where('registered_day', '=', day).where(under('org_path')).groupBy('community_id').execute(),
      (r) => ({ outsideWorkers: n(r.outside), returnees: n(r.returnees) }),
    );
    // Under observation on the day: begun by it, not released before it (as the observation figures count).
    count(
      db.selectFrom('observation_plans').select(['community_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(under('org_path')).where('start_day', '<=', day).where((eb) => eb.or([eb('released_day', 'is', null), eb('released_day', '>', day)]))
        .groupBy('community_id').execute(),
      (r) => ({ underObservation: n(r.n) }),
    );
    count(
      db.selectFrom('observation_checks').select([
        'community_id',
        (eb) => eb.fn.countAll<number>().as('due'),
        sumWhen(sql`done_at is not null`).as('done'),
        sumWhen(sql`done_at is null and overdue_at <= ${asOf}`).as('overdue'),
        sumWhen(sql`temp_tenths >= ${FEVER_TENTHS}`).as('fevers'),
      ]).where('day', '=', day).where(under('org_path')).where('cancelled', '=', 0).groupBy('community_id').execute(),
      (r) => ({ checksDue: n(r.due), checksDone: n(r.done), checksOverdue: n(r.overdue), fevers: n(r.fevers) }),
    );
    count(
      db.selectFrom('duties as d').select([
        'd.community_id',
        (eb) => eb.fn.countAll<number>().as('duties'),
        sumWhen(sql`exists (select 1 from duty_check_ins c where c.duty_id = d.id)`).as('checked'),
      ]).where('d.day', '=', day).where(under('d.org_path')).groupBy('d.community_id').execute(),
      (r) => ({ duties: n(r.duties), dutiesCheckedIn: n(r.checked) }),
    );
    count(
      db.selectFrom('briefing_tasks').select(['community_id', (eb) => eb.fn.countAll<number>().as('tasks'), sumWhen(sql`done_at is not null`).as('done')])
        .where('day', '=', day).where(under('org_path')).where('cancelled_at', 'is', null).groupBy('community_id').execute(),
      (r) => ({ tasks: n(r.tasks), tasksDone: n(r.done) }),
    );
    await Promise.all(parts);
    return out;
  },

  /** Passages let through and refused per hour of the day (Asia/Shanghai), under a path. */
  async passagesByHour(db: Executor, underPath: string, day: string): Promise<{ hour: number; passages: number; refused: number }[]> {
    const rows = await db.selectFrom('gate_passages')
      .select(['hour', sql<number>`sum(case when allowed = 1 then 1 else 0 end)`.as('passages'), sql<number>`sum(case when allowed = 0 then 1 else 0 end)`.as('refused')])
      .where('day', '=', day).where((eb) => underAny(eb, 'org_path', [underPath])).groupBy('hour').execute();
    const byHour = new Map(rows.map((r) => [Number(r.hour), r]));
    return Array.from({ length: 24 }, (_, hour) => ({ hour, passages: Number(byHour.get(hour)?.passages ?? 0), refused: Number(byHour.get(hour)?.refused ?? 0) }));
  },

  /** Fevers per hour: at the gates, on patrols (the round's start) and in observation checks (when read); they add up to the day's fevers. */
  async feversByHour(db: Executor, underPath: string, day: string): Promise<{ hour: number; count: number }[]> {
    const counts = new Array<number>(24).fill(0);
    // The fever threshold as a literal, as in the partial index gate_passages_fevers (0006), which a bound parameter would not match.
    const gates = await db.selectFrom('gate_passages').select(['hour', (eb) => eb.fn.countAll<number>().as('n')])
      .where('day', '=', day).where((eb) => underAny(eb, 'org_path', [underPath])).where(sql<SqlBool>`temp_tenths >= ${sql.lit(FEVER_TENTHS)}`).groupBy('hour').execute();
    for (const g of gates) counts[Number(g.hour)]! += Number(g.n);
    const patrols = await db.selectFrom('patrol_rounds').select(['started_at', 'fevers'])
      .where('day', '=', day).where((eb) => underAny(eb, 'org_path', [underPath])).where('fevers', '>', 0).execute();
    for (const p of patrols) counts[shanghaiHour(new Date(p.started_at))]! += Number(p.fevers);
    const checks = await db.selectFrom('observation_checks').select(['done_at', 'due_at'])
      .where('day', '=', day).where((eb) => underAny(eb, 'org_path', [underPath])).where('cancelled', '=', 0).where('temp_tenths', '>=', FEVER_TENTHS).execute();
    for (const c of checks) counts[shanghaiHour(new Date(c.done_at ?? c.due_at))]! += 1;
    return counts.map((count, hour) => ({ hour, count }));
  },
};
