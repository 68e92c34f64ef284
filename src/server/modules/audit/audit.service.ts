import type { Executor } from '../../../db/kysely-types.ts';
import type { Database } from '../../../db/database.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import { canAnywhere, grantFor, prefixesFor, type Grant } from '../../../domain/access/scope.ts';
import type { AuditEvent, AuditQuery } from '../../../contract/audit.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { orgRepository } from '../org/org.repository.ts';
import { auditRepository, type AuditRow, type AuditRowWithUnit } from './audit.repository.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  /** The path of the unit the change belongs to: who may read the event follows from it. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records one audit event in the same transaction as the change it describes,
 * so a change is never stored without its record. `grant` is the role the
 * actor used; null for events without a signed-in actor (a failed sign-in).
 */
export async function recordAudit(
  db: Executor,
  actor: { userId: string; username: string | null; ip: string | null } | null,
  grant: Grant | null,
  entry: AuditEntry,
): Promise<void> {
  await auditRepository.append(db, {
    id: uuidv7(),
    at: new Date().toISOString(),
    actor_id: actor?.userId || null,
    actor_name: actor?.username ?? null,
    actor_role: grant ? `${grant.role}@${grant.path}` : null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    org_path: entry.path,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: actor?.ip ?? null,
  });
}

export function auditService({ db }: Database) {
  return {
    async list(actor: Actor, query: AuditQuery): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
      if (!canAnywhere(actor, 'audit.read')) throw new AppError('FORBIDDEN');
      const prefixes = prefixesFor(actor, 'audit.read');
      let underPath: string | undefined;
      if (query.unitId) {
        const unit = await orgRepository.findInScope(db, prefixes, query.unitId);
        if (!unit || !grantFor(actor, 'audit.read', unit.path)) throw new AppError('NOT_FOUND', { field: 'unitId' });
        underPath = unit.path;
      }
      const limit = query.limit ?? 50;
      const rows = await auditRepository.list(db, prefixes, {
        actor: query.actor,
        underPath,
        action: query.action?.trim().toLowerCase() || undefined,
        fromInstant: query.from ? shanghaiMidnightUtc(query.from) : undefined,
        toInstant: query.to ? shanghaiMidnightUtc(query.to, 1) : undefined,
        before: decodeCursor(query.cursor),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toAuditEvent),
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      };
    },
  };
}

function toAuditEvent(r: AuditRowWithUnit): AuditEvent {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    unitPath: r.org_path,
    unitName: r.unit_name,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    ip: r.ip,
  };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function encodeCursor(r: AuditRow): string {
  return Buffer.from(JSON.stringify([r.at, r.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    // Checked to the letter: PostgreSQL refuses a malformed instant with an error, SQLite would compare it as text.
    if (typeof at === 'string' && typeof id === 'string' && INSTANT.test(at) && !Number.isNaN(Date.parse(at)) && UUID.test(id)) return { at, id };
  } catch {
    // fall through: a damaged cursor is a validation error, not a crash
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
}
