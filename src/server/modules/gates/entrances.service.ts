import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { grantFor, prefixesFor } from '../../../domain/access/scope.ts';
import { ROLES, roleAllows } from '../../../domain/access/roles.ts';
import { plannedAfter, stateAt, type EntranceState } from '../../../domain/gates/entrance-state.ts';
import { gateGrant, gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import type { z } from 'zod';
import type { AssignableUser, ChangePlan, Entrance, EntranceCreate, EntranceEdit, StateChange } from '../../../contract/gates.ts';
import type { Actor } from '../../actor.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { entrancesRepository, type ChangeWithNames, type EntranceRow } from './entrances.repository.ts';
import type { GateEvents } from './gate-events.ts';

/** A planned change may be given for "now" by a clock a little behind the server's. */
const PAST_SLACK_MS = 5 * 60_000;
const GATE_ROLES = ROLES.filter((r) => roleAllows(r, 'gate.register'));

export function changeOf(c: ChangeWithNames): StateChange {
  return {
    id: c.id, entranceId: c.entrance_id, state: c.state as EntranceState, effectiveAt: c.effective_at, decidedByName: c.decided_by_name ?? '',
    decidedAt: c.decided_at, note: c.note, cancelledAt: c.cancelled_at, cancelledByName: c.cancelled_by_name,
  };
}

/** A stored change in the shape the state rules read. */
const timed = (c: ChangeWithNames) => ({ ...c, state: c.state as EntranceState, effectiveAt: c.effective_at, decidedAt: c.decided_at, cancelledAt: c.cancelled_at });

/** Entrances with their state now, planned changes and assignees, in three queries whatever their number. */
export async function describeEntrances(db: Executor, rows: readonly (EntranceRow & { community_name: string })[], now = new Date().toISOString()): Promise<Entrance[]> {
  const ids = rows.map((r) => r.id);
  const [changes, assignees] = await Promise.all([entrancesRepository.changes(db, ids), entrancesRepository.assignees(db, ids)]);
  return rows.map((r) => {
    const own = changes.filter((c) => c.entrance_id === r.id).map(timed);
    const { state, since } = stateAt(own, now);
    return {
      id: r.id, communityId: r.community_id, communityName: r.community_name, name: r.name, description: r.description, sortOrder: r.sort_order,
      state, since: since ? changeOf(since) : null, planned: plannedAfter(own, now).map(changeOf),
      assignees: assignees.filter((a) => a.entrance_id === r.id).map((a) => ({ userId: a.user_id, name: a.name })),
    };
  });
}

/** The state of an entrance at an instant (a registration's time, not the server's now), from its stored changes. */
export function stateOfChangesAt(changes: readonly { state: string; effective_at: string; decided_at: string; cancelled_at: string | null }[], at: string): EntranceState {
  return stateAt(changes.map((c) => ({ state: c.state as EntranceState, effectiveAt: c.effective_at, decidedAt: c.decided_at, cancelledAt: c.cancelled_at })), at).state;
}

/**
 * Entrances (出入口) of a community and their states. A secretary decides
 * changes for now or for later ("seal these 14 from 07:00 tomorrow"); each is
 * kept with who decided and when, and can be called off until it takes effect.
 */
export function entrancesService({ db }: Database, events: GateEvents) {
  async function managed(trx: Executor, actor: Actor, id: string) {
    const row = await entrancesRepository.find(trx, id);
    const grant = row ? grantFor(actor, 'gate.manage', row.org_path) : null;
    if (!row || !grant) {
      if (row && gateGrant(actor, 'gate.view', row.org_path)) throw new AppError('FORBIDDEN');
      throw notFound();
    }
    return { row, grant };
  }

  async function one(id: string): Promise<Entrance> {
    const [described] = await describeEntrances(db, await entrancesRepository.byIds(db, [id]));
    return described!;
  }

  return {
    async list(actor: Actor, query: { communityId?: string | undefined }): Promise<Entrance[]> {
      const prefixes = gatePrefixes(actor, 'gate.view');
      if (prefixes.length === 0) throw new AppError('FORBIDDEN');
      return describeEntrances(db, await entrancesRepository.list(db, prefixes, query.communityId));
    },

    async create(actor: Actor, input: z.infer<typeof EntranceCreate>): Promise<Entrance> {
      const community = await orgRepository.findInScope(db, prefixesFor(actor, 'gate.manage'), input.communityId);
      if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND', { field: 'communityId' });
      const grant = grantFor(actor, 'gate.manage', community.path)!;
      const id = uuidv7();
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        if ((await entrancesRepository.list(trx, [community.path], community.id)).some((e) => e.name === input.name)) {
          throw new AppError('ENTRANCE_NAME_TAKEN', { field: 'name' });
        }
        await entrancesRepository.insert(trx, {
          id, community_id: community.id, org_path: community.path, name: input.name, description: input.description || null,
          sort_order: await entrancesRepository.nextSortOrder(trx, community.id), created_at: at, updated_at: at,
        });
        if (input.state && input.state !== 'open') {
          await entrancesRepository.insertChanges(trx, [{
            id: uuidv7(), entrance_id: id, org_path: community.path, state: input.state, effective_at: at, decided_by: actor.userId || null,
            decided_at: at, note: null, cancelled_at: null, cancelled_by: null,
          }]);
        }
        await recordAudit(trx, actor, grant, {
          action: 'gate.entrance.create', entityType: 'entrance', entityId: id, path: community.path,
          after: { name: input.name, description: input.description ?? null, state: input.state ?? 'open' },
        });
      });
      events.changed(community.id);
      return one(id);
    },

    async edit(actor: Actor, id: string, input: z.infer<typeof EntranceEdit>): Promise<Entrance> {
      const communityId = await db.transaction().execute(async (trx) => {
        const { row, grant } = await managed(trx, actor, id);
        if (input.name && input.name !== row.name && (await entrancesRepository.list(trx, [row.org_path], row.community_id)).some((e) => e.name === input.name)) {
          throw new AppError('ENTRANCE_NAME_TAKEN', { field: 'name' });
        }
        const set = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description || null } : {}),
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        };
        await entrancesRepository.update(trx, id, set, new Date().toISOString());
        await recordAudit(trx, actor, grant, {
          action: 'gate.entrance.edit', entityType: 'entrance', entityId: id, path: row.org_path,
          before: { name: row.name, description: row.description, sortOrder: row.sort_order }, after: set,
        });
        return row.community_id;
      });
      events.changed(communityId);
      return one(id);
    },

    async plan(actor: Actor, input: ChangePlan): Promise<Entrance[]> {
      const now = Date.now();
      const at = input.effectiveAt === undefined ? now : Date.parse(input.effectiveAt);
      if (Number.isNaN(at)) throw new AppError('VALIDATION_FAILED', { field: 'effectiveAt' });
      if (at < now - PAST_SLACK_MS) throw new AppError('PLAN_IN_PAST', { field: 'effectiveAt' });
      const ids = [...new Set(input.entranceIds)];
      const communities = new Set<string>();
      await db.transaction().execute(async (trx) => {
        const decidedAt = new Date(now).toISOString();
        const effectiveAt = new Date(Math.max(at, now)).toISOString();
        for (const [i, id] of ids.entries()) {
          const row = await entrancesRepository.find(trx, id);
          const grant = row ? grantFor(actor, 'gate.manage', row.org_path) : null;
          if (!row || !grant) throw new AppError('NOT_FOUND', { field: `entranceIds.${i}` });
          const change = {
            id: uuidv7(), entrance_id: id, org_path: row.org_path, state: input.state, effective_at: effectiveAt, decided_by: actor.userId || null,
            decided_at: decidedAt, note: input.note || null, cancelled_at: null, cancelled_by: null,
          };
          await entrancesRepository.insertChanges(trx, [change]);
          await recordAudit(trx, actor, grant, {
            action: 'gate.entrance.plan', entityType: 'entrance', entityId: id, path: row.org_path,
            after: { changeId: change.id, state: input.state, effectiveAt, note: change.note },
          });
          communities.add(row.community_id);
        }
      });
      for (const c of communities) events.changed(c);
      return describeEntrances(db, await entrancesRepository.byIds(db, ids));
    },

    async cancelChange(actor: Actor, changeId: string): Promise<Entrance> {
      const row = await db.transaction().execute(async (trx) => {
        const change = await entrancesRepository.findChange(trx, changeId);
        if (!change) throw notFound();
        const { row, grant } = await managed(trx, actor, change.entrance_id);
        if (change.cancelled_at !== null || Date.parse(change.effective_at) <= Date.now()) throw new AppError('CHANGE_ALREADY_EFFECTIVE');
        const at = new Date().toISOString();
        if (await entrancesRepository.cancelChange(trx, changeId, actor.userId, at) !== 1) throw new AppError('CHANGED_CONCURRENTLY');
        await recordAudit(trx, actor, grant, {
          action: 'gate.entrance.cancel', entityType: 'entrance', entityId: row.id, path: row.org_path,
          before: { changeId, state: change.state, effectiveAt: change.effective_at }, after: { cancelledAt: at },
        });
        return row;
      });
      events.changed(row.community_id);
      return one(row.id);
    },

    async history(actor: Actor, id: string): Promise<StateChange[]> {
      const row = await entrancesRepository.find(db, id);
      if (!row || !gateGrant(actor, 'gate.view', row.org_path)) throw notFound();
      // Newest decision first: the order in which people made them, whatever time each takes effect.
      return (await entrancesRepository.changes(db, [id])).map(changeOf).sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || b.effectiveAt.localeCompare(a.effectiveAt));
    },

    async assignable(actor: Actor, communityId: string): Promise<z.infer<typeof AssignableUser>[]> {
      const community = await orgRepository.findInScope(db, prefixesFor(actor, 'gate.manage'), communityId);
      if (!community) throw notFound();
      const rows = await entrancesRepository.usersWithRoles(db, community.path, GATE_ROLES, new Date().toISOString());
      const users = new Map<string, z.infer<typeof AssignableUser>>();
      for (const r of rows) {
        const u = users.get(r.user_id) ?? { userId: r.user_id, name: r.name, roles: [] };
        if (!u.roles.includes(r.role)) u.roles.push(r.role);
        users.set(r.user_id, u);
      }
      return [...users.values()];
    },

    async setAssignees(actor: Actor, id: string, userIds: readonly string[]): Promise<Entrance> {
      const communityId = await db.transaction().execute(async (trx) => {
        const { row, grant } = await managed(trx, actor, id);
        const eligible = new Set((await entrancesRepository.usersWithRoles(trx, row.org_path, GATE_ROLES, new Date().toISOString())).map((u) => u.user_id));
        const wanted = [...new Set(userIds)];
        wanted.forEach((u, i) => {
          if (!eligible.has(u)) throw new AppError('NOT_FOUND', { field: `userIds.${i}` });
        });
        const before = (await entrancesRepository.assignees(trx, [id])).map((a) => a.user_id);
        await entrancesRepository.setAssignees(trx, row, wanted, actor.userId || null, new Date().toISOString());
        await recordAudit(trx, actor, grant, { action: 'gate.entrance.assign', entityType: 'entrance', entityId: id, path: row.org_path, before: { userIds: before }, after: { userIds: wanted } });
        return row.community_id;
      });
      events.changed(communityId);
      return one(id);
    },
  };
}
