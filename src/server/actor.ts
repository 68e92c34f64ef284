import type { Scope } from '../domain/access/scope.ts';

/** Who is asking: their scope, plus what the audit trail records about the request. */
export interface Actor extends Scope {
  ip: string | null;
}
