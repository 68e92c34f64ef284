import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../../db/database.ts';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, WINDOW_MS, waitAfterCounting } from '../../../domain/access/login-throttle.ts';
import { hashPassword, verifyPassword } from '../../security/password.ts';
import { PERMISSIONS, roleAllows } from '../../../domain/access/roles.ts';
import type { Grant } from '../../../domain/access/scope.ts';
import type { Me } from '../../../contract/auth.ts';
import type { Locale } from '../../../contract/common.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { describeAssignments, toGrant } from '../users/role-grants.ts';
import { usersRepository, type AssignmentRow, type UserRow } from '../users/users.repository.ts';
import { userPath } from '../users/users.service.ts';
import type { SessionCache } from './session-cache.ts';
import { sessionsRepository } from './sessions.repository.ts';

/** The cookie carries a random token; the database keeps only its hash. */
const sessionId = (token: string): string => createHash('sha256').update(token).digest('base64url');

export interface SessionUser {
  user: UserRow;
  assignments: AssignmentRow[];
  sessionId: string;
  expiresAt: string;
}

export function authService({ db }: Database, opts: { sessionHours: number; sessions: SessionCache }) {
  const { sessions } = opts;
  /** Counts this attempt against each key before the password is checked; refuses when over a limit. */
  async function countAttempt(keys: [string, number][], now: number): Promise<void> {
    for (const [key, limit] of keys) {
      const w = await sessionsRepository.countAttempt(db, key, new Date(now).toISOString(), new Date(now - WINDOW_MS).toISOString());
      const wait = waitAfterCounting({ windowStart: Date.parse(w.window_start), attempts: Number(w.attempts) }, limit, now);
      if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', { params: { minutes: Math.ceil(wait / 60_000) } });
    }
  }

  return {
    /** Signs in with username or mobile; returns the cookie token. Failures are throttled and audited. */
    async login(username: string, password: string, ip: string, userAgent: string | null): Promise<{ token: string; user: UserRow }> {
      const now = Date.now();
      const user = await usersRepository.findByLogin(db, username);
      // One account, one count, whether it is named by username or by mobile.
      const accountKey = `account:${user?.id ?? username.toLowerCase()}@${ip}`;
      const addressKey = `address:${ip}`;
      await countAttempt([[accountKey, ACCOUNT_LIMIT], [addressKey, ADDRESS_LIMIT]], now);
      // Verify against a real hash even for unknown users, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled_at !== null) {
        const assignments = user ? await usersRepository.currentAssignments(db, [user.id]) : [];
        // Never the typed text itself: it may be a mobile number, or a password typed in the wrong box.
        await recordAudit(db, { userId: user?.id ?? '', username: user?.username ?? null, ip }, null, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          path: userPath(assignments),
          ...(user ? {} : { after: { login: `${username.slice(0, 2)}…` } }),
        });
        throw new AppError('INVALID_CREDENTIALS');
      }
      const token = randomBytes(32).toString('base64url');
      await db.transaction().execute(async (trx) => {
        await sessionsRepository.clearAttempts(trx, accountKey);
        await sessionsRepository.forgiveAttempt(trx, addressKey);
        await sessionsRepository.insert(trx, {
          id: sessionId(token),
          user_id: user.id,
          created_at: new Date(now).toISOString(),
          expires_at: new Date(now + opts.sessionHours * 3_600_000).toISOString(),
          user_agent: userAgent?.slice(0, 200) ?? null,
        });
        const assignments = await usersRepository.currentAssignments(trx, [user.id]);
        await recordAudit(trx, { userId: user.id, username: user.username, ip }, null, {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          path: userPath(assignments),
        });
      });
      return { token, user };
    },

    /** Expired sessions are useless; removing them keeps the table small. */
    async sweepExpiredSessions(): Promise<void> {
      await sessionsRepository.deleteExpired(db, new Date().toISOString());
    },

    async logout(token: string): Promise<void> {
      await sessionsRepository.delete(db, sessionId(token));
      // After the delete: a lookup in between would otherwise cache the still-live row.
      sessions.forget(sessionId(token));
    },

    /** The signed-in user behind a cookie token, or null when the session is unknown, expired or the user disabled. */
    async resolve(token: string): Promise<SessionUser | null> {
      const id = sessionId(token);
      const cached = sessions.get(id);
      if (cached) return cached;
      const ticket = sessions.ticket();
      const found = await sessionsRepository.findLive(db, id, new Date().toISOString());
      if (!found) return null;
      const resolved = { ...found, sessionId: id };
      sessions.set(id, resolved, ticket);
      return resolved;
    },

    async me(actor: Actor): Promise<Me> {
      const user = await usersRepository.findById(db, actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      const assignments = await usersRepository.currentAssignments(db, [user.id]);
      const described = await describeAssignments(db, assignments);
      return {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        locale: user.locale as Locale,
        mustChangePassword: user.must_change_password === 1,
        roles: assignments.map((a) => described.get(a.id)!),
        permissions: PERMISSIONS.filter((p) => actor.grants.some((g) => roleAllows(g.role, p))),
      };
    },

    /** Changes one's own password; other sessions of the user are signed out. */
    async changePassword(actor: Actor, currentSessionId: string, current: string, next: string): Promise<void> {
      const user = await usersRepository.findById(db, actor.userId);
      if (!user || !(await verifyPassword(current, user.password_hash))) {
        throw new AppError('WRONG_PASSWORD', { field: 'currentPassword' });
      }
      // A one-time password was seen by whoever issued it; keeping it would keep them able to sign in.
      if (next === current) throw new AppError('PASSWORD_UNCHANGED', { field: 'newPassword' });
      const hash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await usersRepository.update(trx, user.id, { password_hash: hash, must_change_password: 0, updated_at: new Date().toISOString() });
        await sessionsRepository.deleteOthers(trx, user.id, currentSessionId);
        const assignments = await usersRepository.currentAssignments(trx, [user.id]);
        await recordAudit(trx, actor, null, { action: 'auth.password_change', entityType: 'user', entityId: user.id, path: userPath(assignments) });
      });
      sessions.forgetUser(user.id);
    },

    async setLocale(actor: Actor, locale: Locale): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await usersRepository.findById(trx, actor.userId);
        if (!user || user.locale === locale) return;
        await usersRepository.update(trx, actor.userId, { locale, updated_at: new Date().toISOString() });
        const assignments = await usersRepository.currentAssignments(trx, [user.id]);
        await recordAudit(trx, actor, null, { action: 'users.locale', entityType: 'user', entityId: user.id, path: userPath(assignments), before: { locale: user.locale }, after: { locale } });
      });
      sessions.forgetUser(actor.userId);
    },
  };
}

export const grantsOf = (s: SessionUser): Grant[] => s.assignments.map(toGrant);

// A hash of a random password nobody knows, computed once, for unknown usernames.
const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));
