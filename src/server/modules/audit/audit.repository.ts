import type { Selectable } from 'kysely';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { AuditEventsTable } from '../../../db/schema.ts';

export type AuditRow = Selectable<AuditEventsTable>;
export type AuditRowWithUnit = AuditRow & { unit_name: string | null };

export interface AuditFilter {
  actor?: string | undefined;
  underPath?: string | undefined;
  action?: string | undefined;
  fromInstant?: string | undefined;
  toInstant?: string | undefined;
  /** Keyset pagination: events strictly older than this (at, id). */
  before?: { at: string; id: string } | undefined;
  limit: number;
}

/** Append-only: there is no update or delete here, and the database refuses them too. */
export const auditRepository = {
  async append(db: Executor, row: AuditRow): Promise<void> {
    await db.insertInto('audit_events').values(row).execute();
  },

  /** Events with the name of the unit they belong to (none for the root). */
  async list(db: Executor, prefixes: readonly string[], f: AuditFilter): Promise<AuditRowWithUnit[]> {
    let q = db
      .selectFrom('audit_events')
      .leftJoin('org_units', 'org_units.path', 'audit_events.org_path')
      .selectAll('audit_events')
      .select('org_units.name as unit_name')
      .where((eb) => underAny(eb, 'audit_events.org_path', prefixes));
    if (f.underPath) q = q.where((eb) => underAny(eb, 'audit_events.org_path', [f.underPath!]));
    if (f.actor) q = q.where('actor_name', '=', f.actor);
    if (f.action) q = q.where((eb) => eb.or([eb('action', '=', f.action!), eb('action', 'like', `${f.action!}.%`)]));
    if (f.fromInstant) q = q.where('at', '>=', f.fromInstant);
    if (f.toInstant) q = q.where('at', '<', f.toInstant);
    if (f.before) {
      const b = f.before;
      q = q.where((eb) => eb.or([eb('at', '<', b.at), eb.and([eb('at', '=', b.at), eb('audit_events.id', '<', b.id)])]));
    }
    return q.orderBy('at', 'desc').orderBy('audit_events.id', 'desc').limit(f.limit).execute();
  },
};
