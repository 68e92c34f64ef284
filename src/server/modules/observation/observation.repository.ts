import type { Insertable, Selectable } from 'kysely';
import { inChunks } from '../../../db/chunks.ts';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type {
  ArrivalGroupsTable, ArrivalsTable, CommitmentLettersTable, ObservationAlertsTable, ObservationChecksTable, ObservationPlansTable, SelfDeclarationsTable,
} from '../../../db/schema.ts';

export type ArrivalRow = Selectable<ArrivalsTable>;
export type GroupRow = Selectable<ArrivalGroupsTable>;
export type PlanRow = Selectable<ObservationPlansTable>;
export type CheckRow = Selectable<ObservationChecksTable>;
export type DeclarationRow = Selectable<SelfDeclarationsTable>;
export type LetterRow = Selectable<CommitmentLettersTable>;
export type ObservationAlertRow = Selectable<ObservationAlertsTable>;

export type PlanView = PlanRow & { worker_name: string; released_by_name: string | null; checks_total: number; checks_done: number; checks_overdue: number };
export type CheckView = CheckRow & { name: string; place: string | null; group_name: string | null; recorded_by_name: string | null };
export type ArrivalView = ArrivalRow & { group_name: string | null; registered_by_name: string | null; letter_id: string | null };

/** A list of arrivals shows the newest this many; a search or a filter finds the others. */
export const ARRIVALS_SHOWN = 2000;
/** A list of checks longer than this is cut (a worker has a few hundred a day; a community's lists are read per day). */
export const CHECKS_SHOWN = 5000;

/** All SQL about arrivals, their groups, self-declarations, letters, observation plans, checks and alerts. */
export const observationRepository = {
  /* Arrivals and groups */
  async insertArrival(db: Executor, row: Insertable<ArrivalsTable>): Promise<void> {
    await db.insertInto('arrivals').values(row).execute();
  },

  async insertGroup(db: Executor, row: Insertable<ArrivalGroupsTable>): Promise<void> {
    await db.insertInto('arrival_groups').values(row).execute();
  },

  findGroup(db: Executor, id: string): Promise<GroupRow | undefined> {
    return db.selectFrom('arrival_groups').selectAll().where('id', '=', id).executeTakeFirst();
  },

  groupsOf(db: Executor, communityId: string): Promise<GroupRow[]> {
    return db.selectFrom('arrival_groups').selectAll().where('community_id', '=', communityId).orderBy('created_at', 'desc').execute();
  },

  arrivalViews(db: Executor) {
    return db
      .selectFrom('arrivals as a')
      .leftJoin('arrival_groups as g', 'g.id', 'a.group_id')
      .leftJoin('users as u', 'u.id', 'a.registered_by')
      .leftJoin('commitment_letters as l', 'l.arrival_id', 'a.id')
      .selectAll('a')
      .select(['g.name as group_name', 'u.display_name as registered_by_name', 'l.id as letter_id']);
  },

  findArrival(db: Executor, id: string): Promise<ArrivalView | undefined> {
    return this.arrivalViews(db).where('a.id', '=', id).executeTakeFirst();
  },

  /** A community's arrivals, newest first; `q` matches a name's beginning or a plate/train number. */
  async arrivalsOf(
    db: Executor, communityId: string,
    filter: { q?: string | undefined; groupId?: string | undefined; status?: 'observing' | 'released' | 'none' | 'all' | undefined; limit?: number },
  ): Promise<ArrivalView[]> {
    let q = this.arrivalViews(db).where('a.community_id', '=', communityId);
    // Open: a plan not released; released: plans, none open; none: no plan at all.
    if (filter.status === 'observing') {
      q = q.where((eb) => eb.exists(eb.selectFrom('observation_plans as p').select('p.id').whereRef('p.arrival_id', '=', 'a.id').where('p.released_at', 'is', null)));
    } else if (filter.status === 'released') {
      q = q.where((eb) => eb.and([
        eb.exists(eb.selectFrom('observation_plans as p').select('p.id').whereRef('p.arrival_id', '=', 'a.id')),
        eb.not(eb.exists(eb.selectFrom('observation_plans as p').select('p.id').whereRef('p.arrival_id', '=', 'a.id').where('p.released_at', 'is', null))),
      ]));
    } else if (filter.status === 'none') {
      q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('observation_plans as p').select('p.id').whereRef('p.arrival_id', '=', 'a.id'))));
    }
    if (filter.groupId) q = q.where('a.group_id', '=', filter.groupId);
    if (filter.q) {
      const text = filter.q;
      q = q.where((eb) => eb.or([eb('a.name', 'like', `${text.replace(/[%_]/g, '')}%`), eb('a.transport_ref', '=', text), eb('a.id_masked', '=', text)]));
    }
    return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(filter.limit ?? ARRIVALS_SHOWN).execute();
  },

  /** The person's open observation in a community (an ID number under observation there now), if any. */
  openPlanOf(db: Executor, communityId: string, idHash: string): Promise<{ arrival_id: string; plan_id: string } | undefined> {
    return db
      .selectFrom('arrivals as a')
      .innerJoin('observation_plans as p', 'p.arrival_id', 'a.id')
      .select(['a.id as arrival_id', 'p.id as plan_id'])
      .where('a.community_id', '=', communityId)
      .where('a.id_hash', '=', idHash)
      .where('p.released_at', 'is', null)
      .executeTakeFirst();
  },

  /** The person's arrival in a community on a day, if already registered. */
  arrivalOn(db: Executor, communityId: string, idHash: string, arrivedOn: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('arrivals').select('id').where('community_id', '=', communityId).where('id_hash', '=', idHash).where('arrived_on', '=', arrivedOn).executeTakeFirst();
  },

  /* Plans and checks */
  async insertPlan(db: Executor, row: Insertable<ObservationPlansTable>): Promise<void> {
    await db.insertInto('observation_plans').values(row).execute();
  },

  async insertChecks(db: Executor, rows: readonly Insertable<ObservationChecksTable>[]): Promise<void> {
    await inChunks(rows, async (chunk) => {
      await db.insertInto('observation_checks').values(chunk).execute();
      return [];
    });
  },

  findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
    return db.selectFrom('observation_plans').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Plans of some arrivals with their workers and the counts of their checks at `now`. */
  async plansOf(db: Executor, arrivalIds: readonly string[], now: string): Promise<PlanView[]> {
    if (arrivalIds.length === 0) return [];
    return inChunks(arrivalIds, async (ids) => {
      const rows = await db
        .selectFrom('observation_plans as p')
        .innerJoin('users as w', 'w.id', 'p.worker_id')
        .leftJoin('users as r', 'r.id', 'p.released_by')
        .selectAll('p')
        .select(['w.display_name as worker_name', 'r.display_name as released_by_name'])
        .select((eb) => [
          eb.selectFrom('observation_checks as c').whereRef('c.plan_id', '=', 'p.id').where('c.cancelled', '=', 0).select((e) => e.fn.countAll<number>().as('n')).as('checks_total'),
          eb.selectFrom('observation_checks as c').whereRef('c.plan_id', '=', 'p.id').where('c.done_at', 'is not', null).select((e) => e.fn.countAll<number>().as('n')).as('checks_done'),
          eb.selectFrom('observation_checks as c').whereRef('c.plan_id', '=', 'p.id').where('c.cancelled', '=', 0).where('c.done_at', 'is', null)
            .where('c.overdue_at', '<=', now).select((e) => e.fn.countAll<number>().as('n')).as('checks_overdue'),
        ])
        .where('p.arrival_id', 'in', ids)
        .orderBy('p.start_at', 'desc')
        .execute();
      return rows.map((r) => ({ ...r, checks_total: Number(r.checks_total), checks_done: Number(r.checks_done), checks_overdue: Number(r.checks_overdue) }));
    });
  },

  checkViews(db: Executor) {
    return db
      .selectFrom('observation_checks as c')
      .innerJoin('arrivals as a', 'a.id', 'c.arrival_id')
      .innerJoin('observation_plans as p', 'p.id', 'c.plan_id')
      .leftJoin('arrival_groups as g', 'g.id', 'a.group_id')
      .leftJoin('users as u', 'u.id', 'c.recorded_by')
      .selectAll('c')
      .select(['a.name', 'p.place', 'g.name as group_name', 'u.display_name as recorded_by_name']);
  },

  checksOfArrival(db: Executor, arrivalId: string): Promise<CheckView[]> {
    return this.checkViews(db).where('c.arrival_id', '=', arrivalId).where('c.cancelled', '=', 0).orderBy('c.due_at').execute();
  },

  checksOfGroupDay(db: Executor, groupId: string, day: string): Promise<CheckView[]> {
    return this.checkViews(db).where('a.group_id', '=', groupId).where('c.day', '=', day).where('c.cancelled', '=', 0).orderBy('a.name').orderBy('c.due_at').execute();
  },

  findCheck(db: Executor, id: string): Promise<CheckRow | undefined> {
    return db.selectFrom('observation_checks').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findCheckByReading(db: Executor, readingId: string): Promise<CheckRow | undefined> {
    return db.selectFrom('observation_checks').selectAll().where('reading_id', '=', readingId).executeTakeFirst();
  },

  /** Records a reading on a check not done yet; false when another reading got there first. */
  async recordCheck(db: Executor, id: string, set: Pick<CheckRow, 'reading_id' | 'done_at' | 'temp_tenths' | 'test_result' | 'note' | 'recorded_by' | 'recorded_at'>): Promise<boolean> {
    const r = await db.updateTable('observation_checks').set(set).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /**
   * The lists a worker or a community works from. due: the day's checks not
   * done and not yet overdue; overdue: open plans' missed checks, any day;
   * done: the day's done checks.
   */
  listChecks(
    db: Executor, who: { workerId?: string | undefined; communityPath?: string | undefined; prefixes?: readonly string[] }, list: 'due' | 'overdue' | 'done', day: string, now: string,
  ): Promise<CheckView[]> {
    let q = this.checkViews(db).where('c.cancelled', '=', 0);
    if (who.workerId) q = q.where('c.worker_id', '=', who.workerId);
    // A community's checks carry its path: equal paths read the (org_path, day) index.
    if (who.communityPath) q = q.where('c.org_path', '=', who.communityPath);
    if (who.prefixes) q = q.where((eb) => underAny(eb, 'c.org_path', who.prefixes!));
    if (list === 'due') q = q.where('c.day', '=', day).where('c.done_at', 'is', null).where('c.overdue_at', '>', now);
    if (list === 'overdue') q = q.where('c.day', '<=', day).where('c.done_at', 'is', null).where('c.overdue_at', '<=', now).where('p.released_at', 'is', null);
    if (list === 'done') q = q.where('c.day', '=', day).where('c.done_at', 'is not', null);
    return q.orderBy('c.due_at').orderBy('a.name').limit(CHECKS_SHOWN + 1).execute();
  },

  /** Checks not done and not yet overdue at `from` (still to come, or in their grace): no longer due once the person is released. */
  async cancelChecksFrom(db: Executor, planId: string, from: string): Promise<void> {
    await db.updateTable('observation_checks').set({ cancelled: 1 }).where('plan_id', '=', planId).where('done_at', 'is', null).where('overdue_at', '>', from).execute();
  },

  async release(db: Executor, planId: string, set: Pick<PlanRow, 'released_at' | 'released_day' | 'released_by' | 'release_outcome' | 'release_note'>): Promise<boolean> {
    const r = await db.updateTable('observation_plans').set(set).where('id', '=', planId).where('released_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Checks that became overdue and have no alert yet, oldest first. */
  overdueUnalerted(db: Executor, now: string, limit: number): Promise<(CheckRow & { name: string })[]> {
    return db
      .selectFrom('observation_checks as c')
      .innerJoin('arrivals as a', 'a.id', 'c.arrival_id')
      .selectAll('c')
      .select('a.name')
      .where('c.overdue_alerted', '=', 0)
      .where('c.overdue_at', '<=', now)
      .where('c.done_at', 'is', null)
      .where('c.cancelled', '=', 0)
      .orderBy('c.overdue_at')
      .limit(limit)
      .execute();
  },

  async markAlerted(db: Executor, checkIds: readonly string[]): Promise<void> {
    await inChunks(checkIds, async (ids) => {
      await db.updateTable('observation_checks').set({ overdue_alerted: 1 }).where('id', 'in', ids).execute();
      return [];
    });
  },

  /* Alerts */
  async insertAlert(db: Executor, row: Insertable<ObservationAlertsTable>): Promise<void> {
    await db.insertInto('observation_alerts').values(row).execute();
  },

  /** Inserts alerts, skipping those a concurrent sweep already made (one per check and kind). */
  async insertAlertsOnce(db: Executor, rows: readonly Insertable<ObservationAlertsTable>[]): Promise<void> {
    await inChunks(rows, async (chunk) => {
      await db.insertInto('observation_alerts').values(chunk).onConflict((oc) => oc.columns(['check_id', 'kind']).doNothing()).execute();
      return [];
    });
  },

  alerts(db: Executor, communityId: string, filter: { open?: boolean | undefined; ids?: readonly string[] }) {
    let q = db
      .selectFrom('observation_alerts as al')
      .innerJoin('observation_plans as p', 'p.id', 'al.plan_id')
      .innerJoin('users as w', 'w.id', 'p.worker_id')
      .leftJoin('observation_checks as c', 'c.id', 'al.check_id')
      .leftJoin('users as h', 'h.id', 'al.handled_by')
      .selectAll('al')
      .select(['w.display_name as worker_name', 'h.display_name as handled_by_name', 'c.due_at'])
      .where('al.community_id', '=', communityId);
    if (filter.open) q = q.where('al.handled_at', 'is', null);
    if (filter.ids) q = q.where('al.id', 'in', [...filter.ids]);
    return q.orderBy('al.raised_at', 'desc').limit(500).execute();
  },

  findAlert(db: Executor, id: string): Promise<ObservationAlertRow | undefined> {
    return db.selectFrom('observation_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async handleAlert(db: Executor, id: string, by: string, note: string, at: string): Promise<boolean> {
    const r = await db.updateTable('observation_alerts').set({ handled_at: at, handled_by: by, note }).where('id', '=', id).where('handled_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /* Letters */
  findTemplate(db: Executor, communityId: string) {
    return db.selectFrom('letter_templates').selectAll().where('community_id', '=', communityId).executeTakeFirst();
  },

  async saveTemplate(db: Executor, row: { community_id: string; org_path: string; title: string; body: string; updated_by: string; updated_at: string }): Promise<void> {
    await db.insertInto('letter_templates').values(row)
      .onConflict((oc) => oc.column('community_id').doUpdateSet({ title: row.title, body: row.body, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
  },

  async insertLetter(db: Executor, row: Insertable<CommitmentLettersTable>): Promise<void> {
    await db.insertInto('commitment_letters').values(row).execute();
  },

  findLetter(db: Executor, id: string) {
    return db
      .selectFrom('commitment_letters as l')
      .innerJoin('arrivals as a', 'a.id', 'l.arrival_id')
      .innerJoin('org_units as o', 'o.id', 'l.community_id')
      .innerJoin('users as w', 'w.id', 'l.witnessed_by')
      .selectAll('l')
      .select(['a.name', 'a.id_masked', 'o.name as community_name', 'w.display_name as witnessed_by_name'])
      .where('l.id', '=', id)
      .executeTakeFirst();
  },

  letterOfArrival(db: Executor, arrivalId: string) {
    return db.selectFrom('commitment_letters').select('id').where('arrival_id', '=', arrivalId).executeTakeFirst();
  },

  /* Self-declarations */
  async insertDeclaration(db: Executor, row: Insertable<SelfDeclarationsTable>): Promise<void> {
    await db.insertInto('self_declarations').values(row).execute();
  },

  pendingDeclarationsOf(db: Executor, communityId: string, idHash: string): Promise<DeclarationRow[]> {
    return db.selectFrom('self_declarations').selectAll().where('community_id', '=', communityId).where('id_hash', '=', idHash).where('status', '=', 'pending').execute();
  },

  /** How many declarations wait per ID number (to flag one number declared from several phones). */
  async pendingCountsByPerson(db: Executor, communityId: string, idHashes: readonly string[]): Promise<Map<string, number>> {
    if (idHashes.length === 0) return new Map();
    const rows = await db.selectFrom('self_declarations').select(['id_hash', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', communityId).where('status', '=', 'pending').where('id_hash', 'in', [...new Set(idHashes)]).groupBy('id_hash').execute();
    return new Map(rows.map((r) => [r.id_hash, Number(r.n)]));
  },

  async updateDeclaration(db: Executor, id: string, set: Partial<DeclarationRow>, onlyPending = true): Promise<boolean> {
    let q = db.updateTable('self_declarations').set(set).where('id', '=', id);
    if (onlyPending) q = q.where('status', '=', 'pending');
    return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  },

  findDeclaration(db: Executor, id: string) {
    return db.selectFrom('self_declarations as d').leftJoin('users as u', 'u.id', 'd.reviewed_by').selectAll('d').select('u.display_name as reviewed_by_name')
      .where('d.id', '=', id).executeTakeFirst();
  },

  /** The review queue, oldest first for pending ones (first come, first served), newest first for the others; keyset paged. */
  declarations(db: Executor, communityId: string, status: string, before: { at: string; id: string } | null, limit: number) {
    const pending = status === 'pending';
    let q = db.selectFrom('self_declarations as d').leftJoin('users as u', 'u.id', 'd.reviewed_by').selectAll('d').select('u.display_name as reviewed_by_name')
      .where('d.community_id', '=', communityId).where('d.status', '=', status);
    if (before) {
      q = q.where((eb) => pending
        ? eb.or([eb('d.received_at', '>', before.at), eb.and([eb('d.received_at', '=', before.at), eb('d.id', '>', before.id)])])
        : eb.or([eb('d.received_at', '<', before.at), eb.and([eb('d.received_at', '=', before.at), eb('d.id', '<', before.id)])]));
    }
    return q.orderBy('d.received_at', pending ? 'asc' : 'desc').orderBy('d.id', pending ? 'asc' : 'desc').limit(limit).execute();
  },

  async countPending(db: Executor, communityId: string): Promise<number> {
    const r = await db.selectFrom('self_declarations').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).where('status', '=', 'pending').executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async addAttempt(db: Executor, communityId: string, ipHash: string, at: string): Promise<void> {
    await db.insertInto('declaration_attempts').values({ community_id: communityId, ip_hash: ipHash, at }).execute();
  },

  async attemptsSince(db: Executor, by: { ipHash: string } | { communityId: string }, since: string): Promise<number> {
    let q = db.selectFrom('declaration_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>=', since);
    q = 'ipHash' in by ? q.where('ip_hash', '=', by.ipHash) : q.where('community_id', '=', by.communityId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },

  /* Figures */
  async figures(db: Executor, prefixes: readonly string[], day: string, now: string) {
    const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);
    const registered = await db.selectFrom('arrivals').select(['category', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => underAny(eb, 'org_path', prefixes)).where('registered_day', '=', day).groupBy('category').execute();
    const plans = (eb: Executor) => eb.selectFrom('observation_plans').select((e) => e.fn.countAll<number>().as('n')).where((e) => underAny(e, 'org_path', prefixes));
    const observing = await plans(db).where('start_day', '<=', day).where((eb) => eb.or([eb('released_day', 'is', null), eb('released_day', '>', day)])).executeTakeFirst();
    const released = await plans(db).where('released_day', '=', day).executeTakeFirst();
    const checks = await db.selectFrom('observation_checks')
      .select((eb) => [
        eb.fn.countAll<number>().as('due'),
        eb.fn.sum<number>(eb.case().when('done_at', 'is not', null).then(1).else(0).end()).as('done'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('done_at', 'is', null), eb('overdue_at', '<=', now)])).then(1).else(0).end()).as('overdue'),
        eb.fn.sum<number>(eb.case().when('temp_tenths', '>=', 373).then(1).else(0).end()).as('fevers'),
      ])
      .where((eb) => underAny(eb, 'org_path', prefixes)).where('day', '=', day).where('cancelled', '=', 0)
      .executeTakeFirstOrThrow();
    const pending = await db.selectFrom('self_declarations').select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => underAny(eb, 'org_path', prefixes)).where('status', '=', 'pending').executeTakeFirst();
    return {
      registered: Object.fromEntries(registered.map((r) => [r.category, Number(r.n)])) as Record<string, number>,
      observing: count(observing), released: count(released),
      checksDue: Number(checks.due ?? 0), checksDone: Number(checks.done ?? 0), checksOverdue: Number(checks.overdue ?? 0), fevers: Number(checks.fevers ?? 0),
      pendingDeclarations: count(pending),
    };
  },
};
