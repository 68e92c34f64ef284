import type { Selectable } from 'kysely';
import { containsText, underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { RoleAssignmentsTable, UsersTable } from '../../../db/schema.ts';

export type UserRow = Selectable<UsersTable>;
export type AssignmentRow = Selectable<RoleAssignmentsTable>;

/** All SQL about users and their role assignments. */
export const usersRepository = {
  /** Sign-in accepts the username or the mobile number. */
  async findByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([eb('username', '=', login), eb('mobile', '=', login)]))
      .executeTakeFirst();
  },

  async findById(db: Executor, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },

  async findByMobile(db: Executor, mobile: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('mobile', '=', mobile).executeTakeFirst();
  },

  /** Users holding a current role under one of the prefixes (optionally under `underPath` too). */
  async listInScope(
    db: Executor,
    prefixes: readonly string[],
    opts: { underPath?: string | undefined; text?: string | undefined; includeDisabled: boolean; limit: number },
  ): Promise<UserRow[]> {
    let inner = db
      .selectFrom('role_assignments as a')
      .select('a.user_id')
      .where('a.valid_to', 'is', null)
      .where((eb) => underAny(eb, 'a.org_path', prefixes));
    if (opts.underPath) inner = inner.where((eb) => underAny(eb, 'a.org_path', [opts.underPath!]));
    let q = db.selectFrom('users').selectAll().where('id', 'in', inner);
    if (!opts.includeDisabled) q = q.where('disabled_at', 'is', null);
    if (opts.text) {
      const text = opts.text;
      // A mobile number matches only in full: matching parts of it would let anyone read masked numbers digit by digit.
      q = q.where((eb) => eb.or([containsText(eb, 'username', text), containsText(eb, 'display_name', text), eb('mobile', '=', text)]));
    }
    return q.orderBy('username').limit(opts.limit).execute();
  },

  async insert(db: Executor, row: UserRow): Promise<void> {
    await db.insertInto('users').values(row).execute();
  },

  async update(db: Executor, id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
    await db.updateTable('users').set(changes).where('id', '=', id).execute();
  },

  /** Users who hold a current role of `role` and are not disabled. */
  async countActiveWithRole(db: Executor, role: string): Promise<number> {
    const r = await db
      .selectFrom('role_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.role', '=', role)
      .where('a.valid_to', 'is', null)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Current (not ended) assignments of several users at once. */
  async currentAssignments(db: Executor, userIds: readonly string[]): Promise<AssignmentRow[]> {
    if (userIds.length === 0) return [];
    return db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', 'in', userIds)
      .where('valid_to', 'is', null)
      .orderBy('org_path')
      .orderBy('role')
      .execute();
  },

  async insertAssignment(db: Executor, row: AssignmentRow): Promise<void> {
    await db.insertInto('role_assignments').values(row).execute();
  },

  /** Ends an assignment: history is kept, the role stops counting. */
  async endAssignment(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('role_assignments').set({ valid_to: at }).where('id', '=', id).execute();
  },

  /** Signs a user out everywhere (after a password reset or when disabled). */
  async deleteSessions(db: Executor, userId: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
};
