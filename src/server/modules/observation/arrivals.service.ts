import type { z } from 'zod';
import type {
  ArrivalCreate, ArrivalDetail, ArrivalQuery, ArrivalSummary, Group, GroupCreate, PlanInput, ReleaseInput, Worker,
} from '../../../contract/observation.ts';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { gateGrant } from '../../../domain/gates/gate-scope.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { entrancesRepository } from '../gates/entrances.repository.ts';
import { CHECK_ROLES, insertArrival, insertPlan, isSecondOpenPlan, originFor } from './arrival-writes.ts';
import { normaliseCitizenId } from '../../../domain/residents/citizen-id.ts';
import { observationRepository, type ArrivalRow, type ArrivalView } from './observation.repository.ts';
import { arrivalSummaryOf, checkOf, planOf } from './observation-views.ts';
import type { ObservationEvents } from './observation-events.ts';

import { communityFor, grantOn } from '../../community-access.ts';

export { communityFor, grantOn };

/**
 * Arrivals of outside workers and returnees (外来人员 / 返乡人员), their groups
 * (a company's batch, a convoy) and observation plans: registered, followed
 * and released by the community.
 */
export function arrivalsService({ db }: Database, box: SensitiveBox, events: ObservationEvents) {
  async function summaries(rows: readonly ArrivalView[]): Promise<ArrivalSummary[]> {
    const plans = await observationRepository.plansOf(db, rows.map((r) => r.id), new Date().toISOString());
    return rows.map((r) => arrivalSummaryOf(r, plans));
  }

  async function visibleArrival(actor: Actor, id: string, permission: Permission) {
    const row = await observationRepository.findArrival(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return { row, grant: grantOn(actor, permission, row.org_path) };
  }

  /** A retried registration (same id) answers with what was stored the first time; another person or arrival under that id is a conflict. */
  async function repeated(actor: Actor, input: { id: string; name: string; idNumber: string; arrivedOn: string }): Promise<ArrivalDetail | null> {
    const same = await observationRepository.findArrival(db, input.id);
    if (!same) return null;
    const idHash = box.lookupHash(normaliseCitizenId(input.idNumber));
    if (same.name !== input.name || same.id_hash !== idHash || same.arrived_on !== input.arrivedOn || same.registered_by !== actor.userId) {
      throw new AppError('ID_CONFLICT', { field: 'id' });
    }
    return detail(actor, input.id);
  }

  /** The database refused a second open observation for someone registered at this very moment by another request. */
  async function openObservation(communityId: string, idNumber: string, field: string): Promise<AppError> {
    const open = await observationRepository.openPlanOf(db, communityId, box.lookupHash(normaliseCitizenId(idNumber)));
    return new AppError('OBSERVATION_OPEN', { field, ...(open ? { ref: { type: 'arrival', id: open.arrival_id } } : {}) });
  }

  async function detail(actor: Actor, id: string): Promise<ArrivalDetail> {
    const { row } = await visibleArrival(actor, id, 'observation.read');
    const plans = await observationRepository.plansOf(db, [row.id], new Date().toISOString());
    const summary = arrivalSummaryOf(row, plans);
    const household = row.household_id ? await db.selectFrom('households').select('address').where('id', '=', row.household_id).executeTakeFirst() : undefined;
    const now = Date.now();
    return {
      ...summary, originCode: row.origin_code, route: row.route, householdId: row.household_id, householdAddress: household?.address ?? null, reason: row.reason,
      symptoms: row.symptoms, temperature: row.temp_tenths === null ? null : row.temp_tenths / 10, lastTestOn: row.last_test_on,
      registeredByName: row.registered_by_name, declarationId: row.declaration_id, plans: plans.map(planOf),
      checks: (await observationRepository.checksOfArrival(db, row.id)).map((c) => checkOf(c, now)), letterId: row.letter_id,
    };
  }

  return {
    detail,

    async register(actor: Actor, input: ArrivalCreate): Promise<ArrivalDetail> {
      const unit = await communityFor(db, actor, input.communityId, 'observation.write');
      const again = await repeated(actor, input);
      if (again) return again;
      const grant = gateGrant(actor, 'observation.write', unit.path);
      let id = '';
      await db.transaction().execute(async (trx) => {
        if (input.groupId) {
          const group = await observationRepository.findGroup(trx, input.groupId);
          if (!group || group.community_id !== unit.id) throw new AppError('NOT_FOUND', { field: 'groupId' });
        }
        const row = await insertArrival(trx, box, actor, unit, input, { id: input.id, source: 'staff', groupId: input.groupId ?? null });
        id = row.id;
        await recordAudit(trx, actor, grant, {
          action: 'observation.arrival', entityType: 'arrival', entityId: row.id, path: unit.path,
          after: { category: row.category, origin: row.origin_text, arrivedOn: row.arrived_on, groupId: row.group_id },
        });
        if (input.plan) await insertPlan(trx, actor, grant, row, input.plan);
      }).catch(async (e: unknown) => {
        // The same registration sent twice at once: the second finds the first.
        if (uniqueViolation(e) === 'arrivals.id' && await repeated(actor, input)) return;
        if (isSecondOpenPlan(e)) throw await openObservation(unit.id, input.idNumber, 'idNumber');
        throw e;
      });
      events.changed(unit.id);
      return detail(actor, id || input.id);
    },

    async list(actor: Actor, query: z.infer<typeof ArrivalQuery>): Promise<ArrivalSummary[]> {
      const unit = await communityFor(db, actor, query.communityId, 'observation.read');
      return summaries(await observationRepository.arrivalsOf(db, unit.id, { q: query.q, groupId: query.groupId, status: query.status }));
    },

    /** The ID number and phone in full, for a role that may reveal them; audited. */
    async reveal(actor: Actor, id: string): Promise<{ idNumber: string; phone: string }> {
      const { row } = await visibleArrival(actor, id, 'observation.read');
      const grant = grantOn(actor, 'ledger.reveal', row.org_path);
      const full = await db.selectFrom('arrivals').select(['id_sealed', 'phone_sealed']).where('id', '=', id).executeTakeFirstOrThrow();
      await recordAudit(db, actor, grant, { action: 'observation.reveal', entityType: 'arrival', entityId: id, path: row.org_path });
      return { idNumber: box.open(full.id_sealed), phone: box.open(full.phone_sealed) };
    },

    async addPlan(actor: Actor, arrivalId: string, input: PlanInput): Promise<ArrivalDetail> {
      const { row, grant } = await visibleArrival(actor, arrivalId, 'observation.write');
      await db.transaction().execute(async (trx) => {
        const open = await observationRepository.openPlanOf(trx, row.community_id, row.id_hash);
        if (open) throw new AppError('OBSERVATION_OPEN', { ref: { type: 'arrival', id: open.arrival_id } });
        await insertPlan(trx, actor, grant, row as ArrivalRow, input, '');
      }).catch((e: unknown) => {
        if (isSecondOpenPlan(e)) throw new AppError('OBSERVATION_OPEN', { ref: { type: 'arrival', id: row.id } });
        throw e;
      });
      events.changed(row.community_id);
      return detail(actor, arrivalId);
    },

    /**
     * Ends an observation with a record: completed (from the release day on)
     * or transferred (earlier, with a note: taken to hospital, moved to a
     * centralised site). The checks still to come are no longer due.
     */
    async release(actor: Actor, planId: string, input: z.infer<typeof ReleaseInput>): Promise<ArrivalDetail> {
      const plan = await observationRepository.findPlan(db, planId);
      if (!plan) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'observation.write', plan.org_path);
      if (plan.released_at) throw new AppError('PERSON_RELEASED');
      const now = new Date();
      const today = shanghaiDate(now);
      if (input.outcome === 'completed' && today < plan.release_day) throw new AppError('RELEASE_TOO_EARLY', { field: 'outcome' });
      if (input.outcome === 'transferred' && !input.note) throw new AppError('RELEASE_NOTE_REQUIRED', { field: 'note' });
      await db.transaction().execute(async (trx) => {
        const done = await observationRepository.release(trx, plan.id, {
          released_at: now.toISOString(), released_day: today, released_by: actor.userId, release_outcome: input.outcome, release_note: input.note || null,
        });
        if (!done) throw new AppError('PERSON_RELEASED');
        await observationRepository.cancelChecksFrom(trx, plan.id, now.toISOString());
        await recordAudit(trx, actor, grant, {
          action: 'observation.release', entityType: 'arrival', entityId: plan.arrival_id, path: plan.org_path, after: { planId, outcome: input.outcome, note: input.note ?? null },
        });
      });
      events.changed(plan.community_id);
      return detail(actor, plan.arrival_id);
    },

    /** Who may be made responsible for a plan's checks. */
    async workers(actor: Actor, communityId: string): Promise<z.infer<typeof Worker>[]> {
      const unit = await communityFor(db, actor, communityId, 'observation.read');
      const users = await entrancesRepository.usersWithRoles(db, unit.path, CHECK_ROLES, new Date().toISOString());
      return [...new Map(users.map((u) => [u.user_id, { userId: u.user_id, name: u.name }])).values()];
    },

    /** A batch or convoy registered once: the group, each member as an arrival, and (optionally) the same plan for each. */
    async createGroup(actor: Actor, input: z.infer<typeof GroupCreate>): Promise<z.infer<typeof Group>> {
      const unit = await communityFor(db, actor, input.communityId, 'observation.write');
      if (await observationRepository.findGroup(db, input.id)) return this.group(actor, input.id);
      const grant = gateGrant(actor, 'observation.write', unit.path);
      const origin = originFor(input.originCode);
      const groupId = input.id;
      const seen = new Map<string, number>();
      await db.transaction().execute(async (trx) => {
        await observationRepository.insertGroup(trx, {
          id: groupId, community_id: unit.id, org_path: unit.path, kind: input.kind, name: input.name, category: input.category, origin_code: origin.code,
          origin_text: origin.text, route: input.route || null, arrived_on: input.arrivedOn, transport_kind: input.transportKind, transport_ref: input.transportRef || null,
          stay_kind: input.stayKind, stay_place: input.stayPlace || null, employer: input.employer || null, reason: input.reason || null,
          created_by: actor.userId, created_at: new Date().toISOString(),
        });
        for (const [i, m] of input.members.entries()) {
          const key = normaliseCitizenId(m.idNumber);
          if (seen.has(key)) throw new AppError('MEMBER_TWICE', { field: `members.${i}.idNumber`, params: { first: seen.get(key)! + 1, second: i + 1 } });
          seen.set(key, i);
          const row = await insertArrival(trx, box, actor, unit, {
            category: input.category, name: m.name, idNumber: m.idNumber, phone: m.phone, originCode: input.originCode, route: input.route,
            arrivedOn: input.arrivedOn, transportKind: input.transportKind, transportRef: m.transportRef || input.transportRef, stayKind: input.stayKind,
            stayPlace: input.stayPlace, employer: input.employer, reason: input.reason, temperature: m.temperature,
          }, { source: 'staff', groupId }, `members.${i}.`);
          if (input.plan) await insertPlan(trx, actor, grant, row, input.plan);
        }
        await recordAudit(trx, actor, grant, {
          action: 'observation.group', entityType: 'arrival_group', entityId: groupId, path: unit.path,
          after: { kind: input.kind, name: input.name, members: input.members.length, plan: input.plan ? input.plan.kind : null },
        });
      }).catch(async (e: unknown) => {
        // Sent twice at once: the second finds the group the first stored.
        if (uniqueViolation(e) === 'arrival_groups.id' && await observationRepository.findGroup(db, groupId)) return;
        if (isSecondOpenPlan(e)) throw new AppError('OBSERVATION_OPEN', { field: 'members' });
        throw e;
      });
      events.changed(unit.id);
      return this.group(actor, groupId);
    },

    async groups(actor: Actor, communityId: string): Promise<z.infer<typeof Group>[]> {
      const unit = await communityFor(db, actor, communityId, 'observation.read');
      const rows = await observationRepository.groupsOf(db, unit.id);
      return Promise.all(rows.map((g) => this.group(actor, g.id)));
    },

    /** A group with its members and every member's checks of today. */
    async group(actor: Actor, id: string): Promise<z.infer<typeof Group>> {
      const g = await observationRepository.findGroup(db, id);
      if (!g) throw new AppError('NOT_FOUND');
      grantOn(actor, 'observation.read', g.org_path);
      const members = await summaries(await observationRepository.arrivalsOf(db, g.community_id, { groupId: g.id }));
      const today = shanghaiDate();
      const now = Date.now();
      const checks = await observationRepository.checksOfGroupDay(db, g.id, today);
      return {
        id: g.id, communityId: g.community_id, kind: g.kind as 'batch' | 'convoy', name: g.name, employer: g.employer, origin: g.origin_text, arrivedOn: g.arrived_on,
        transportKind: g.transport_kind as z.infer<typeof Group>['transportKind'], transportRef: g.transport_ref, stayPlace: g.stay_place,
        members: members.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), today: checks.map((c) => checkOf(c, now)),
      };
    },
  };
}
