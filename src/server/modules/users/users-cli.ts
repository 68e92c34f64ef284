import type { Database } from '../../../db/database.ts';
import { hashPassword, oneTimePassword } from '../../security/password.ts';
import type { Actor } from '../../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { usersRepository } from './users.repository.ts';
import { userPath } from './users.service.ts';

/** For the operator who lost the administrator's password: a new one-time password, audited. */
export async function resetPasswordByUsername({ db }: Database, actor: Actor, username: string): Promise<string | null> {
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const user = await usersRepository.findByUsername(trx, username);
    if (!user) return null;
    await usersRepository.update(trx, user.id, { password_hash: hash, must_change_password: 1, disabled_at: null, updated_at: new Date().toISOString() });
    await usersRepository.deleteSessions(trx, user.id);
    const assignments = await usersRepository.currentAssignments(trx, [user.id]);
    await recordAudit(trx, actor, actor.grants[0] ?? null, { action: 'users.password_reset', entityType: 'user', entityId: user.id, path: userPath(assignments) });
    return password;
  });
}
