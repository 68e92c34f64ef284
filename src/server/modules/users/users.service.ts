import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { maskMobile } from '../../../domain/access/mask.ts';
import { hashPassword, oneTimePassword } from '../../security/password.ts';
import { roleFitsLevel, type Role } from '../../../domain/access/roles.ts';
import { canAnywhere, grantFor, grantOverRole, prefixesFor, type Grant } from '../../../domain/access/scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { isInForce, shanghaiDate } from '../../../domain/local-date.ts';
import { isWithin, ROOT_PATH } from '../../../domain/org/org-path.ts';
import type { OrgKind } from '../../../domain/org/org-kinds.ts';
import type { Locale } from '../../../contract/common.ts';
import type { RoleAssign, UserCreate, UserSummary, UserUpdate } from '../../../contract/users.ts';
import type { Actor } from '../../actor.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { describeAssignments } from './role-grants.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { usersRepository, type AssignmentRow, type UserRow } from './users.repository.ts';

/** What an audit record keeps of a user: never the password hash, the mobile only masked. */
const snapshot = (u: UserRow) => ({
  username: u.username,
  displayName: u.display_name,
  mobile: maskMobile(u.mobile),
  disabled: u.disabled_at !== null,
});

/** The common prefix of a user's roles: the audit path of events about that user. */
export function userPath(assignments: readonly Pick<AssignmentRow, 'org_path'>[]): string {
  if (assignments.length === 0) return ROOT_PATH;
  let prefix = assignments[0]!.org_path;
  for (const a of assignments) {
    while (!isWithin(a.org_path, prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  }
  return prefix;
}

/** Checks a role to grant; `field` prefixes the error's field (`roles.0` in a create, nothing when adding one role). */
async function assignmentFor(trx: Executor, actor: Actor, userId: string, assign: RoleAssign, field: string): Promise<{ row: AssignmentRow; grant: Grant }> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  let path = ROOT_PATH;
  let kind: OrgKind | null = null;
  if (assign.unitId !== null) {
    const unit = await orgRepository.findInScope(trx, prefixesFor(actor, 'users.manage'), assign.unitId);
    if (!unit) throw new AppError('NOT_FOUND', { field: at('unitId') });
    if (!isInForce(shanghaiDate(), unit.valid_from, unit.valid_to)) throw new AppError('UNIT_DISSOLVED', { field: at('unitId') });
    path = unit.path;
    kind = unit.kind as OrgKind;
  }
  if (!roleFitsLevel(assign.role, kind)) {
    throw new AppError('ROLE_LEVEL', { field: at('role'), params: { role: `roles.${assign.role}`, kind: kind ? `orgKinds.${kind}` : '-' } });
  }
  if (!grantFor(actor, 'users.manage', path)) throw new AppError('NOT_FOUND', { field: at('unitId') });
  const grant = grantOverRole(actor, assign.role, path);
  // An administrator appoints administrators below, never beside, themselves.
  if (!grant) throw new AppError('FORBIDDEN', { field: at('role') });
  const row: AssignmentRow = {
    id: uuidv7(),
    user_id: userId,
    role: assign.role,
    org_unit_id: assign.unitId,
    org_path: path,
    valid_from: new Date().toISOString(),
    valid_to: null,
    granted_by: actor.userId,
  };
  return { row, grant };
}

/**
 * Inserts a new user with their roles, in the caller's transaction, after the
 * same checks as an administrator's create (id, username and mobile free, each
 * role within the actor's reach), with its audit record. Volunteer approval
 * runs it inside its own transaction, so the account and the approval are
 * stored together or not at all. Returns the new user's id.
 */
export async function insertUser(trx: Executor, actor: Actor, input: UserCreate, passwordHash: string): Promise<string> {
  if (input.id && (await usersRepository.findById(trx, input.id))) throw new AppError('ID_CONFLICT', { field: 'id' });
  if (await usersRepository.findByUsername(trx, input.username)) throw new AppError('USERNAME_TAKEN', { field: 'username' });
  if (input.mobile && (await usersRepository.findByMobile(trx, input.mobile))) throw new AppError('MOBILE_TAKEN', { field: 'mobile' });
  const now = new Date().toISOString();
  const user: UserRow = {
    id: input.id ?? uuidv7(),
    username: input.username,
    mobile: input.mobile ?? null,
    display_name: input.displayName,
    password_hash: passwordHash,
    must_change_password: 1,
    locale: input.locale ?? 'zh-CN',
    created_at: now,
    updated_at: now,
    disabled_at: null,
  };
  const assignments: AssignmentRow[] = [];
  let grant: Grant | null = null;
  for (const [i, assign] of input.roles.entries()) {
    const made = await assignmentFor(trx, actor, user.id, assign, `roles.${i}`);
    assignments.push(made.row);
    grant ??= made.grant;
  }
  await usersRepository.insert(trx, user);
  for (const a of assignments) await usersRepository.insertAssignment(trx, a);
  const path = userPath(assignments);
  await recordAudit(trx, actor, grantFor(actor, 'users.manage', path) ?? grant, {
    action: 'users.create',
    entityType: 'user',
    entityId: user.id,
    path,
    after: { ...snapshot(user), roles: assignments.map((a) => `${a.role}@${a.org_path}`) },
  });
  return user.id;
}

export function usersService({ db }: Database, sessions: SessionCache) {
  /** Summaries for rows, with roles described in one batch. */
  async function summarise(actor: Actor, users: readonly UserRow[]): Promise<UserSummary[]> {
    const assignments = await usersRepository.currentAssignments(db, users.map((u) => u.id));
    const described = await describeAssignments(db, assignments);
    const prefixes = prefixesFor(actor, 'users.manage');
    return users.map((u) => {
      const own = assignments.filter((a) => a.user_id === u.id);
      // Roles outside the actor's area are not theirs to know: only counted.
      const inArea = own.filter((a) => prefixes.some((p) => isWithin(a.org_path, p)));
      return {
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        mobile: maskMobile(u.mobile),
        locale: u.locale as Locale,
        disabled: u.disabled_at !== null,
        roles: inArea.map((a) => described.get(a.id)!),
        otherRoleCount: own.length - inArea.length,
        manageable: own.every((a) => grantOverRole(actor, a.role as Role, a.org_path) !== null),
        createdAt: u.created_at,
      };
    });
  }

  /** The user if the actor may see them (one of their roles is in the actor's area), else not found. */
  async function visibleUser(trx: Executor, actor: Actor, id: string) {
    const user = await usersRepository.findById(trx, id);
    if (!user) throw notFound();
    const assignments = await usersRepository.currentAssignments(trx, [id]);
    const prefixes = prefixesFor(actor, 'users.manage');
    if (!assignments.some((a) => prefixes.some((p) => isWithin(a.org_path, p)))) throw notFound();
    return { user, assignments };
  }

  /**
   * The grant that lets the actor change this user: every one of the user's
   * roles must lie in the actor's area, or a community could edit a city
   * official, and administrators' roles must lie below it, or an
   * administrator could take over a peer's account.
   */
  async function manageableUser(trx: Executor, actor: Actor, id: string, opts: { selfAllowed?: boolean } = {}) {
    const found = await visibleUser(trx, actor, id);
    if (opts.selfAllowed && id === actor.userId) {
      // One's own name and number: any of one's administrative grants records the change.
      const path = userPath(found.assignments);
      const grant = grantFor(actor, 'users.manage', path) ?? found.assignments.map((a) => grantFor(actor, 'users.manage', a.org_path)).find(Boolean);
      if (grant) return { ...found, grant, path };
    }
    const path = userPath(found.assignments);
    const grant = grantFor(actor, 'users.manage', path);
    if (!grant || !found.assignments.every((a) => grantOverRole(actor, a.role as Role, a.org_path))) {
      throw new AppError('CANNOT_MANAGE_USER');
    }
    return { ...found, grant, path };
  }

  return {
    async list(actor: Actor, query: { unitId?: string | undefined; q?: string | undefined; includeDisabled?: boolean | undefined }): Promise<UserSummary[]> {
      if (!canAnywhere(actor, 'users.manage')) throw new AppError('FORBIDDEN');
      const prefixes = prefixesFor(actor, 'users.manage');
      let underPath: string | undefined;
      if (query.unitId) {
        const unit = await orgRepository.findInScope(db, prefixes, query.unitId);
        if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
        underPath = unit.path;
      }
      const rows = await usersRepository.listInScope(db, prefixes, {
        underPath,
        text: query.q?.trim() || undefined,
        includeDisabled: query.includeDisabled ?? false,
        limit: 500,
      });
      return summarise(actor, rows);
    },

    async get(actor: Actor, id: string): Promise<UserSummary> {
      const { user } = await visibleUser(db, actor, id);
      return (await summarise(actor, [user]))[0]!;
    },

    async create(actor: Actor, input: UserCreate): Promise<{ user: UserSummary; oneTimePassword: string }> {
      if (!canAnywhere(actor, 'users.manage')) throw new AppError('FORBIDDEN');
      const password = oneTimePassword();
      const hash = await hashPassword(password);
      const id = await db.transaction().execute((trx) => insertUser(trx, actor, input, hash));
      return { user: await this.get(actor, id), oneTimePassword: password };
    },

    async update(actor: Actor, id: string, input: UserUpdate): Promise<UserSummary> {
      if (input.disabled === true && id === actor.userId) throw new AppError('SELF_DISABLE', { field: 'disabled' });
      await db.transaction().execute(async (trx) => {
        const { user, grant, path } = await manageableUser(trx, actor, id, { selfAllowed: input.disabled === undefined });
        if (input.mobile && input.mobile !== user.mobile) {
          const other = await usersRepository.findByMobile(trx, input.mobile);
          if (other && other.id !== id) throw new AppError('MOBILE_TAKEN', { field: 'mobile' });
        }
        const now = new Date().toISOString();
        const changes: Partial<UserRow> = { updated_at: now };
        if (input.displayName !== undefined) changes.display_name = input.displayName;
        if (input.mobile !== undefined) changes.mobile = input.mobile;
        if (input.disabled !== undefined) changes.disabled_at = input.disabled ? (user.disabled_at ?? now) : null;
        await usersRepository.update(trx, id, changes);
        if (input.disabled === true) await usersRepository.deleteSessions(trx, id);
        const after = { ...user, ...changes };
        const action = input.disabled === true && !user.disabled_at ? 'users.disable' : input.disabled === false && user.disabled_at ? 'users.enable' : 'users.update';
        await recordAudit(trx, actor, grant, { action, entityType: 'user', entityId: id, path, before: snapshot(user), after: snapshot(after) });
      });
      sessions.forgetUser(id);
      return this.get(actor, id);
    },

    async addRole(actor: Actor, id: string, assign: RoleAssign): Promise<UserSummary> {
      await db.transaction().execute(async (trx) => {
        const { user } = await manageableUser(trx, actor, id);
        const { row, grant } = await assignmentFor(trx, actor, user.id, assign, '');
        await usersRepository.insertAssignment(trx, row);
        await recordAudit(trx, actor, grant, { action: 'users.role_grant', entityType: 'user', entityId: id, path: row.org_path, after: { role: row.role, unit: row.org_path } });
      });
      sessions.forgetUser(id);
      return this.get(actor, id);
    },

    /** Ends a role. The last role of a user cannot end: disable the account instead, so nobody is left unmanageable. */
    async removeRole(actor: Actor, id: string, assignmentId: string): Promise<UserSummary> {
      const user = await db.transaction().execute(async (trx) => {
        // Touching the user first serialises concurrent role changes (a row lock on PostgreSQL),
        // so two requests cannot both end "one of two" roles.
        await usersRepository.update(trx, id, { updated_at: new Date().toISOString() });
        const { user, assignments } = await visibleUser(trx, actor, id);
        const a = assignments.find((r) => r.id === assignmentId);
        if (!a) throw notFound();
        const grant = grantOverRole(actor, a.role as Role, a.org_path);
        if (!grant) throw new AppError('CANNOT_MANAGE_USER');
        if (assignments.length === 1) throw new AppError('LAST_ROLE');
        await usersRepository.endAssignment(trx, a.id, new Date().toISOString());
        await recordAudit(trx, actor, grant, { action: 'users.role_revoke', entityType: 'user', entityId: id, path: a.org_path, before: { role: a.role, unit: a.org_path } });
        return user;
      });
      sessions.forgetUser(id);
      // Not `get`: when the ended role was the last one in the actor's area, the user is now out of their sight.
      return (await summarise(actor, [user]))[0]!;
    },

    async resetPassword(actor: Actor, id: string): Promise<{ user: UserSummary; oneTimePassword: string }> {
      const password = oneTimePassword();
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const { grant, path } = await manageableUser(trx, actor, id);
        await usersRepository.update(trx, id, { password_hash: hash, must_change_password: 1, updated_at: new Date().toISOString() });
        await usersRepository.deleteSessions(trx, id);
        await recordAudit(trx, actor, grant, { action: 'users.password_reset', entityType: 'user', entityId: id, path });
      });
      sessions.forgetUser(id);
      return { user: await this.get(actor, id), oneTimePassword: password };
    },

    /** The full mobile number of one user; the reveal itself is audited. */
    async revealMobile(actor: Actor, id: string): Promise<{ field: 'mobile'; value: string | null }> {
      return db.transaction().execute(async (trx) => {
        // Only over people one manages (or oneself): a peer's or a superior's number stays masked.
        const { user, assignments } = await manageableUser(trx, actor, id, { selfAllowed: true });
        const path = userPath(assignments);
        const grant = grantFor(actor, 'users.reveal', path) ?? assignments.map((a) => grantFor(actor, 'users.reveal', a.org_path)).find((g) => g !== null) ?? null;
        if (!grant) throw new AppError('FORBIDDEN');
        await recordAudit(trx, actor, grant, { action: 'sensitive.reveal', entityType: 'user', entityId: id, path, after: { field: 'mobile' } });
        return { field: 'mobile' as const, value: user.mobile };
      });
    },
  };
}
