import { userInfo } from 'node:os';
import { ROOT_PATH } from '../domain/org/org-path.ts';
import type { Actor } from '../server/actor.ts';

/**
 * The operator at the server's console acts with the whole tree in scope; the
 * audit trail names them as `cli:<os user>`.
 */
export function systemActor(): Actor {
  return {
    userId: '',
    username: `cli:${userInfo().username}`,
    grants: [{ assignmentId: '', role: 'system_admin', unitId: null, path: ROOT_PATH }],
    ip: null,
  };
}
