import { sql, type Insertable, type Selectable } from 'kysely';
import type { DialectName } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { VolunteerSignupsTable } from '../../../db/schema.ts';

export type VolunteerRow = Selectable<VolunteerSignupsTable>;
/** A sign-up with the names the review list shows: who reviewed it, and the account made at approval. */
export type VolunteerView = VolunteerRow & { reviewed_by_name: string | null; username: string | null };

/** The review list shows the newest this many of a status; older ones are long decided. */
export const VOLUNTEERS_SHOWN = 1000;

/** The advisory lock spaces (first key) of volunteer sign-ups: one per address, one per community. */
const LOCK_ADDRESS = 6001;
const LOCK_COMMUNITY = 6002;

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

/** All SQL about volunteer sign-ups. Skills are stored as a JSON array of skill codes. */
export const volunteersRepository = {
  /** A community's public page: the community (with its street) whatever its state; the service checks it. */
  publicCommunity(db: Executor, id: string) {
    return db.selectFrom('org_units as c').leftJoin('org_units as s', 's.id', 'c.parent_id')
      .select(['c.id', 'c.path', 'c.name', 'c.kind', 'c.valid_to', 's.name as street_name']).where('c.id', '=', id).executeTakeFirst();
  },

  /**
   * Holds, to the end of the transaction, the sign-ups from one address and those into one community, so their counts
   * and the insert are one step: a burst sent in parallel is counted like one sent one by one. PostgreSQL takes two
   * advisory locks (address first, community last, so no two sign-ups wait on each other in a cycle); SQLite's
   * transactions already run one at a time on its single connection.
   */
  async lockSignups(trx: Executor, dialect: DialectName, ipHash: string, communityId: string): Promise<void> {
    if (dialect !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_ADDRESS)}, hashtext(${ipHash}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_COMMUNITY)}, hashtext(${communityId}))`.execute(trx);
  },

  async insert(db: Executor, row: Insertable<VolunteerSignupsTable>): Promise<void> {
    await db.insertInto('volunteer_signups').values(row).execute();
  },

  /** Changes a sign-up only while it still has `status` (pending unless told), so a review decided meanwhile is not overwritten. */
  async update(db: Executor, id: string, set: Partial<VolunteerRow>, status = 'pending'): Promise<boolean> {
    const r = await db.updateTable('volunteer_signups').set(set).where('id', '=', id).where('status', '=', status).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  find(db: Executor, id: string): Promise<VolunteerView | undefined> {
    return db.selectFrom('volunteer_signups as v').leftJoin('users as r', 'r.id', 'v.reviewed_by').leftJoin('users as u', 'u.id', 'v.user_id')
      .selectAll('v').select(['r.display_name as reviewed_by_name', 'u.username']).where('v.id', '=', id).executeTakeFirst();
  },

  /** The person's sign-up still waiting in the community, if any: signing up again updates it. */
  pendingOf(db: Executor, communityId: string, mobileHash: string): Promise<VolunteerRow | undefined> {
    return db.selectFrom('volunteer_signups').selectAll().where('community_id', '=', communityId).where('mobile_hash', '=', mobileHash)
      .where('status', '=', 'pending').orderBy('created_at').orderBy('id').executeTakeFirst();
  },

  /** The review list, newest first. */
  list(db: Executor, communityId: string, status: string | undefined): Promise<VolunteerView[]> {
    let q = db.selectFrom('volunteer_signups as v').leftJoin('users as r', 'r.id', 'v.reviewed_by').leftJoin('users as u', 'u.id', 'v.user_id')
      .selectAll('v').select(['r.display_name as reviewed_by_name', 'u.username']).where('v.community_id', '=', communityId);
    if (status) q = q.where('v.status', '=', status);
    return q.orderBy('v.created_at', 'desc').orderBy('v.id', 'desc').limit(VOLUNTEERS_SHOWN).execute();
  },

  /** Sign-ups sent from one address (its keyed hash) since an instant, in any community. */
  async fromAddressSince(db: Executor, ipHash: string, since: string): Promise<number> {
    return count(await db.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip_hash', '=', ipHash).where('created_at', '>=', since).executeTakeFirst());
  },

  async pendingIn(db: Executor, communityId: string): Promise<number> {
    return count(await db.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId).where('status', '=', 'pending').executeTakeFirst());
  },
};
