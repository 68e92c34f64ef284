import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { hashPassword, oneTimePassword } from '../../security/password.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { ROOT_PATH } from '../../../domain/org/org-path.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { usersRepository } from './users.repository.ts';

/**
 * With no system administrator (an empty database, or only demo users loaded
 * before the first start), creates `admin` with a random one-time password,
 * changed at first sign-in, and returns it to be printed once. Never a fixed
 * default password.
 */
export async function bootstrapFirstAdmin({ db }: Database): Promise<{ username: string; password: string } | null> {
  const needed = async (trx: Executor) =>
    (await usersRepository.countActiveWithRole(trx, 'system_admin')) === 0 && !(await usersRepository.findByUsername(trx, 'admin'));
  if (!(await needed(db))) return null;
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: two servers starting at once must not both create one.
    if (!(await needed(trx))) return null;
    const now = new Date().toISOString();
    const id = uuidv7();
    await usersRepository.insert(trx, {
      id, username: 'admin', mobile: null, display_name: '系统管理员', password_hash: hash,
      must_change_password: 1, locale: 'zh-CN', created_at: now, updated_at: now, disabled_at: null,
    });
    await usersRepository.insertAssignment(trx, {
      id: uuidv7(), user_id: id, role: 'system_admin', org_unit_id: null, org_path: ROOT_PATH,
      valid_from: now, valid_to: null, granted_by: null,
    });
    await recordAudit(trx, null, null, { action: 'users.bootstrap', entityType: 'user', entityId: id, path: ROOT_PATH, after: { username: 'admin', roles: ['system_admin@/'] } });
    return { username: 'admin', password };
  });
}
