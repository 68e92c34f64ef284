import { sql } from 'kysely';
import type { Executor } from '../../../db/kysely-types.ts';
import type { AssignmentRow, UserRow } from '../users/users.repository.ts';

/** Sessions and sign-in attempts: the state behind the cookie, kept in the database so servers stay stateless. */
export const sessionsRepository = {
  async insert(db: Executor, row: { id: string; user_id: string; created_at: string; expires_at: string; user_agent: string | null }): Promise<void> {
    await db.insertInto('sessions').values(row).execute();
  },

  /**
   * The live session's user and current roles, in one round trip: this runs
   * on every request, so it is one query with a join rather than three.
   */
  async findLive(db: Executor, id: string, now: string): Promise<{ user: UserRow; assignments: AssignmentRow[]; expiresAt: string } | undefined> {
    const rows = await db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .leftJoin('role_assignments as a', (j) => j.onRef('a.user_id', '=', 'u.id').on('a.valid_to', 'is', null))
      .select([
        'u.id', 'u.username', 'u.mobile', 'u.display_name', 'u.password_hash', 'u.must_change_password', 'u.locale',
        'u.created_at', 'u.updated_at', 'u.disabled_at', 's.expires_at',
        'a.id as a_id', 'a.role as a_role', 'a.org_unit_id as a_unit', 'a.org_path as a_path', 'a.valid_from as a_from', 'a.granted_by as a_by',
      ])
      .where('s.id', '=', id)
      .where('s.expires_at', '>', now)
      .where('u.disabled_at', 'is', null)
      .execute();
    const first = rows[0];
    if (!first) return undefined;
    const user: UserRow = {
      id: first.id, username: first.username, mobile: first.mobile, display_name: first.display_name,
      password_hash: first.password_hash, must_change_password: first.must_change_password, locale: first.locale,
      created_at: first.created_at, updated_at: first.updated_at, disabled_at: first.disabled_at,
    };
    const assignments = rows.flatMap((r): AssignmentRow[] =>
      r.a_id === null || r.a_role === null || r.a_path === null || r.a_from === null
        ? []
        : [{ id: r.a_id, user_id: user.id, role: r.a_role, org_unit_id: r.a_unit, org_path: r.a_path, valid_from: r.a_from, valid_to: null, granted_by: r.a_by }],
    );
    return { user, assignments, expiresAt: first.expires_at };
  },

  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  async deleteOthers(db: Executor, userId: string, keepId: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).execute();
  },

  async deleteExpired(db: Executor, now: string): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },

  /**
   * Counts one attempt for `key` in a single statement (so parallel attempts
   * cannot all read the same count), starting a new window when the old one
   * began at or before `windowExpiredAt`. Returns the window after counting.
   */
  async countAttempt(db: Executor, key: string, now: string, windowExpiredAt: string): Promise<{ window_start: string; attempts: number }> {
    return db
      .insertInto('login_attempts')
      .values({ key, window_start: now, attempts: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: sql<number>`case when login_attempts.window_start <= ${windowExpiredAt} then 1 else login_attempts.attempts + 1 end`,
          window_start: sql<string>`case when login_attempts.window_start <= ${windowExpiredAt} then excluded.window_start else login_attempts.window_start end`,
        }),
      )
      .returning(['window_start', 'attempts'])
      .executeTakeFirstOrThrow();
  },

  /** Takes back one counted attempt (a successful sign-in from a shared address). */
  async forgiveAttempt(db: Executor, key: string): Promise<void> {
    await db.updateTable('login_attempts').set({ attempts: sql<number>`attempts - 1` }).where('key', '=', key).where('attempts', '>', 0).execute();
  },

  async clearAttempts(db: Executor, key: string): Promise<void> {
    await db.deleteFrom('login_attempts').where('key', '=', key).execute();
  },
};
