import type { z } from 'zod';
import type { MyDuties, Swap, SwapCreate, SwapDecide } from '../../../contract/rosters.ts';
import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import { gateGrant } from '../../../domain/gates/gate-scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';
import { shiftSpan } from '../../../domain/rosters/shifts.ts';
import type { Actor } from '../../actor.ts';
import { communityFor, grantOn } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { communityPeople, communityPerson } from '../teams/teams.service.ts';
import { dutyProblem } from './duty-checks.ts';
import { rosterEntrancesByIds } from './roster-checkpoints.ts';
import { dutyOf } from './roster-week.service.ts';
import { rostersRepository, type DutyRow, type SwapRow } from './rosters.repository.ts';

const started = (d: DutyRow) => shiftSpan(d.day, { start: d.start_time, end: d.end_time }).from <= Date.now();

async function swapsView(db: Executor, rows: readonly SwapRow[]): Promise<Swap[]> {
  const duties = new Map((await rostersRepository.dutyViews(db, rows.flatMap((r) => [r.duty_id, ...(r.counter_duty_id ? [r.counter_duty_id] : [])]))).map((d) => [d.id, d]));
  const userIds = rows.flatMap((r) => [r.to_user_id, r.requested_by, ...(r.decided_by ? [r.decided_by] : [])]);
  const users = userIds.length === 0 ? new Map<string, string>() : new Map((await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(userIds)]).execute()).map((u) => [u.id, u.display_name]));
  return rows.map((r) => ({
    id: r.id, duty: dutyOf(duties.get(r.duty_id)!), toUserId: r.to_user_id, toName: users.get(r.to_user_id) ?? '', counterDuty: r.counter_duty_id ? dutyOf(duties.get(r.counter_duty_id)!) : null,
    reason: r.reason, status: r.status as Swap['status'], requestedByName: users.get(r.requested_by) ?? '', requestedAt: r.requested_at,
    decidedByName: r.decided_by ? (users.get(r.decided_by) ?? '') : null, decidedAt: r.decided_at, note: r.note,
  }));
}

/**
 * Swap requests (换班): a person asks that someone else take their shift,
 * or exchange it for one of theirs; the lead approves, and the duties change
 * hands only if neither person ends up in two places at once. Also a
 * person's own shifts, with the swaps that concern them.
 */
export function swapsService({ db, dialect }: Database) {
  return {
    async list(actor: Actor, query: { communityId: string; status?: string | undefined }): Promise<Swap[]> {
      const community = await communityFor(db, actor, query.communityId, 'team.read');
      return swapsView(db, await rostersRepository.swapsOf(db, community.id, query.status));
    },

    async request(actor: Actor, input: z.infer<typeof SwapCreate>): Promise<Swap> {
      const duty = await rostersRepository.findDuty(db, input.dutyId);
      if (!duty) throw new AppError('NOT_FOUND', { field: 'dutyId' });
      const manager = gateGrant(actor, 'team.manage', duty.org_path);
      // Someone of the community is told the shift is not theirs; anyone else finds no such duty.
      if (duty.user_id !== actor.userId && !manager) throw new AppError(gateGrant(actor, 'team.read', duty.org_path) ? 'SWAP_NOT_YOURS' : 'NOT_FOUND', { field: 'dutyId' });
      if (input.toUserId === duty.user_id) throw new AppError('SWAP_SAME_PERSON', { field: 'toUserId' });
      if (started(duty)) throw new AppError('DUTY_STARTED', { field: 'dutyId' });
      const community = { id: duty.community_id, path: duty.org_path, name: '' };
      if (!(await communityPerson(db, community, input.toUserId))) throw new AppError('MEMBER_OUTSIDE_COMMUNITY', { field: 'toUserId' });
      let counter: DutyRow | undefined;
      if (input.counterDutyId) {
        counter = await rostersRepository.findDuty(db, input.counterDutyId);
        if (!counter || counter.user_id !== input.toUserId || counter.community_id !== duty.community_id) throw new AppError('NOT_FOUND', { field: 'counterDutyId' });
        if (started(counter)) throw new AppError('DUTY_STARTED', { field: 'counterDutyId' });
      }
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await rostersRepository.insertSwap(trx, {
          id, community_id: duty.community_id, org_path: duty.org_path, duty_id: duty.id, counter_duty_id: counter?.id ?? null, from_user_id: duty.user_id,
          to_user_id: input.toUserId, reason: input.reason, status: 'pending', requested_by: actor.userId, requested_at: new Date().toISOString(),
          decided_by: null, decided_at: null, note: null,
          shift_json: JSON.stringify({ duty: { day: duty.day, start: duty.start_time, entranceId: duty.entrance_id }, counter: counter ? { day: counter.day, start: counter.start_time, entranceId: counter.entrance_id } : null }),
        });
        await recordAudit(trx, actor, manager ?? null, { action: 'rosters.swap_request', entityType: 'duty_swap', entityId: id, path: duty.org_path, after: { dutyId: duty.id, toUserId: input.toUserId } });
      });
      return (await swapsView(db, [(await rostersRepository.findSwap(db, id))!]))[0]!;
    },

    async decide(actor: Actor, id: string, input: z.infer<typeof SwapDecide>): Promise<Swap> {
      const swap = await rostersRepository.findSwap(db, id);
      if (!swap) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'team.manage', swap.org_path);
      await db.transaction().execute(async (trx) => {
        // Both people's duties are held: another swap or duty given to either at this moment is judged after this one.
        if (input.approve) await rostersRepository.lockPeople(trx, dialect, [swap.from_user_id, swap.to_user_id]);
        if ((await rostersRepository.findSwap(trx, id))?.status !== 'pending') throw new AppError('SWAP_DECIDED');
        if (input.approve) {
          const duty = await rostersRepository.findDuty(trx, swap.duty_id);
          const counter = swap.counter_duty_id ? await rostersRepository.findDuty(trx, swap.counter_duty_id) : undefined;
          // The duties changed hands or ended since the request: it no longer says what it asked.
          if (!duty || duty.user_id !== swap.from_user_id || (swap.counter_duty_id && (!counter || counter.user_id !== swap.to_user_id))) throw new AppError('CHANGED_CONCURRENTLY');
          if (started(duty) || (counter && started(counter))) throw new AppError('DUTY_STARTED');
          const entrances = new Map((await rosterEntrancesByIds(trx, [duty.entrance_id, ...(counter ? [counter.entrance_id] : [])])).map((e) => [e.id, e]));
          const ignore = [duty.id, ...(counter ? [counter.id] : [])];
          const names = new Map((await communityPeople(trx, { path: duty.org_path })).map((p) => [p.userId, p.name]));
          const moves = [{ d: duty, to: swap.to_user_id }, ...(counter ? [{ d: counter, to: swap.from_user_id }] : [])];
          const from = (d: DutyRow) => (d.id === duty.id ? swap.from_user_id : swap.to_user_id);
          for (const { d, to } of moves) {
            const problem = await dutyProblem(trx, entrances.get(d.entrance_id)!, { entranceId: d.entrance_id, userId: to, day: d.day, start: d.start_time, end: d.end_time }, { now: Date.now(), ignore, names });
            if (problem) throw problem;
          }
          try {
            for (const { d, to } of moves) {
              if (!(await rostersRepository.setDutyUser(trx, d.id, from(d), to))) throw new AppError('CHANGED_CONCURRENTLY');
            }
          } catch (e) {
            if (uniqueViolation(e)) throw new AppError('DUTY_TAKEN');
            throw e;
          }
        }
        const decided = await rostersRepository.decideSwap(trx, id, { status: input.approve ? 'approved' : 'rejected', decided_by: actor.userId, decided_at: new Date().toISOString(), note: input.note || null });
        if (decided === 0) throw new AppError('SWAP_DECIDED');
        await recordAudit(trx, actor, grant, { action: input.approve ? 'rosters.swap_approve' : 'rosters.swap_reject', entityType: 'duty_swap', entityId: id, path: swap.org_path, after: { note: input.note ?? null } });
      });
      return (await swapsView(db, [(await rostersRepository.findSwap(db, id))!]))[0]!;
    },

    async cancel(actor: Actor, id: string): Promise<Swap> {
      const swap = await rostersRepository.findSwap(db, id);
      if (!swap || (swap.requested_by !== actor.userId && swap.from_user_id !== actor.userId)) throw new AppError('NOT_FOUND');
      const decided = await rostersRepository.decideSwap(db, id, { status: 'cancelled', decided_by: actor.userId, decided_at: new Date().toISOString(), note: null });
      if (decided === 0) throw new AppError('SWAP_DECIDED');
      return (await swapsView(db, [(await rostersRepository.findSwap(db, id))!]))[0]!;
    },

    /** One's own shifts from a day (today by default) in any community, with the swaps one asked for or is asked to take. */
    async mine(actor: Actor, query: { from?: string | undefined; days?: number | undefined }): Promise<z.infer<typeof MyDuties>> {
      const from = query.from ?? shanghaiDate();
      const rows = await rostersRepository.dutiesOfUser(db, actor.userId, from, addDays(from, (query.days ?? 8) - 1));
      const swaps = await rostersRepository.swapsOfUser(db, actor.userId, new Date(Date.now() - 14 * 86_400_000).toISOString());
      return {
        duties: rows.map((d) => ({ ...dutyOf(d), communityId: d.community_id, communityName: d.community_name, entranceName: d.entrance_name })),
        swaps: await swapsView(db, swaps),
      };
    },
  };
}
