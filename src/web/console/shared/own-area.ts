import type { Me } from '../../../contract/auth.ts';
import { roleAllows, type Permission } from '../../../domain/access/roles.ts';

/** The index of the first unit in the chain where one of the user's roles has `permission` (the last if none). */
export function firstOwnIndex(me: Me, chain: readonly { id: string }[], permission: Permission): number {
  if (me.roles.some((r) => r.role === 'system_admin')) return 0;
  const own = new Set(me.roles.filter((r) => r.unit && roleAllows(r.role, permission)).map((r) => r.unit!.id));
  const i = chain.findIndex((c) => own.has(c.id));
  return i === -1 ? chain.length - 1 : i;
}
