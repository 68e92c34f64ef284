import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { Duty, DutyCreate, RosterWeek, Shift, WeekCopied, WeekCopy } from '../../../contract/rosters.ts';
import type { Database } from '../../../db/database.ts';
import { maskMobile } from '../../../domain/access/mask.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { addDays } from '../../../domain/local-date.ts';
import { fromTemplate, gaps, weekStart } from '../../../domain/rosters/roster-rules.ts';
import { isShiftTimes, overlappingShifts, shiftSpan } from '../../../domain/rosters/shifts.ts';
import type { Actor } from '../../actor.ts';
import { refusalOf } from '../../batch-items.ts';
import { communityFor, grantOn, type Community } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { communityPeople, communityPerson } from '../teams/teams.service.ts';
import { dutyProblem, type Candidate } from './duty-checks.ts';
import { needsOn, rosterEntrances, rosterEntrancesByIds, stateAtNoon, type RosterEntrance } from './roster-checkpoints.ts';
import { rostersRepository, type DutyView } from './rosters.repository.ts';

export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

export function assertMonday(day: string, field: string): void {
  if (weekStart(day) !== day) throw new AppError('NOT_A_MONDAY', { field });
}

export const dutyOf = (d: DutyView): Duty => ({
  id: d.id, entranceId: d.entrance_id, day: d.day, start: d.start_time, end: d.end_time, userId: d.user_id, name: d.name, mobile: maskMobile(d.mobile), checkedInAt: d.checked_in_at,
});

/** The week of a community's rosters: the checkpoints (entrances that are checkpoints at some time of the week, or staffed), duties and gaps. */
export async function rosterWeek(db: Database['db'], community: Community, monday: string): Promise<RosterWeek> {
  const days = weekDays(monday);
  return weekOf(community, monday, await rosterEntrances(db, community.id), await rostersRepository.dutiesOf(db, community.id, days[0]!, days[6]!));
}

/** The week from a community's entrances and the week's duties (several communities' weeks are read in one go for an office). */
export function weekOf(community: Community, monday: string, entrances: readonly RosterEntrance[], duties: readonly DutyView[]): RosterWeek {
  const days = weekDays(monday);
  const needs = needsOn(entrances, days);
  const shown = entrances.filter((e) => needs.some((n) => n.checkpointId === e.id) || duties.some((d) => d.entrance_id === e.id));
  const domainDuties = duties.map((d) => ({ personId: d.user_id, checkpointId: d.entrance_id, day: d.day, start: d.start_time, end: d.end_time }));
  return {
    communityId: community.id,
    communityName: community.name,
    monday,
    days,
    checkpoints: shown.map((e) => ({ entranceId: e.id, name: e.name, states: days.map((d) => stateAtNoon(e, d)), shifts: e.shifts })),
    duties: duties.map(dutyOf),
    gaps: gaps(needs, domainDuties).map((g) => ({ entranceId: g.checkpointId, day: g.day, start: g.start, end: g.end, minimum: g.minimum, staffed: g.staffed })),
  };
}

/**
 * Duty rosters (排班) at a community's checkpoints: shifts and their minimum
 * staff, people on each shift of each day, a week copied from a template
 * week. Every duty is checked against the rules in duty-checks.ts.
 */
export function rosterWeekService({ db, dialect }: Database) {
  return {
    async week(actor: Actor, query: { communityId: string; monday: string }): Promise<RosterWeek> {
      assertMonday(query.monday, 'monday');
      return rosterWeek(db, await communityFor(db, actor, query.communityId, 'team.read'), query.monday);
    },

    async setShifts(actor: Actor, entranceId: string, shifts: readonly Shift[]): Promise<{ shifts: Shift[] }> {
      const entrance = (await rosterEntrancesByIds(db, [entranceId]))[0];
      if (!entrance) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'team.manage', entrance.path);
      shifts.forEach((s, i) => {
        if (!isShiftTimes(s)) throw new AppError('SHIFT_TIMES', { field: `shifts.${i}.end` });
      });
      const overlap = overlappingShifts(shifts)[0];
      if (overlap) {
        const label = (i: number) => `${shifts[i]!.start}–${shifts[i]!.end}`;
        throw new AppError('SHIFTS_OVERLAP', { field: `shifts.${overlap[1]}.start`, params: { a: label(overlap[0]), b: label(overlap[1]) } });
      }
      const sorted = [...shifts].sort((a, b) => (a.start < b.start ? -1 : 1));
      await db.transaction().execute(async (trx) => {
        await rostersRepository.replaceShifts(trx, entrance.id, sorted.map((s, i) => ({
          id: uuidv7(), entrance_id: entrance.id, org_path: entrance.path, start_time: s.start, end_time: s.end, minimum: s.minimum, sort_order: i,
        })));
        await recordAudit(trx, actor, grant, { action: 'rosters.shifts', entityType: 'entrance', entityId: entrance.id, path: entrance.path, before: { shifts: entrance.shifts }, after: { shifts: sorted } });
      });
      return { shifts: sorted };
    },

    async addDuty(actor: Actor, input: z.infer<typeof DutyCreate>): Promise<Duty> {
      const entrance = (await rosterEntrancesByIds(db, [input.entranceId]))[0];
      if (!entrance) throw new AppError('NOT_FOUND', { field: 'entranceId' });
      const grant = grantOn(actor, 'team.manage', entrance.path);
      const id = input.id ?? uuidv7();
      await db.transaction().execute(async (trx) => {
        // The person's duties are held from here: a duty given to them elsewhere at the same moment is judged after this one.
        await rostersRepository.lockPeople(trx, dialect, [input.userId]);
        // A retry (the same id), even one racing the first try, answers the stored duty.
        const existing = input.id ? await rostersRepository.findDuty(trx, id) : undefined;
        if (existing) {
          const same = existing.entrance_id === input.entranceId && existing.day === input.day && existing.start_time === input.start && existing.user_id === input.userId;
          if (!same) throw new AppError('ID_CONFLICT', { field: 'id' });
          return;
        }
        const person = await communityPerson(trx, { path: entrance.path }, input.userId);
        if (!person) throw new AppError('MEMBER_OUTSIDE_COMMUNITY', { field: 'userId' });
        const problem = await dutyProblem(trx, entrance, input, { now: Date.now(), names: new Map([[input.userId, person.name]]) });
        if (problem) throw problem;
        await rostersRepository.insertDuties(trx, [{
          id, entrance_id: entrance.id, community_id: entrance.communityId, org_path: entrance.path, user_id: input.userId, day: input.day,
          start_time: input.start, end_time: input.end, created_by: actor.userId, created_at: new Date().toISOString(),
        }]);
        await recordAudit(trx, actor, grant, { action: 'rosters.duty_add', entityType: 'duty', entityId: id, path: entrance.path, after: { entrance: entrance.name, day: input.day, start: input.start, userId: input.userId } });
      });
      return dutyOf((await rostersRepository.dutyViews(db, [id]))[0]!);
    },

    /** A shift that has begun stays as it was: who was rostered is part of the day's record. */
    async removeDuty(actor: Actor, id: string): Promise<{ ok: true }> {
      const duty = await rostersRepository.findDuty(db, id);
      if (!duty) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'team.manage', duty.org_path);
      if (shiftSpan(duty.day, { start: duty.start_time, end: duty.end_time }).from <= Date.now()) throw new AppError('DUTY_STARTED', { field: 'id' });
      // Checked in up to half an hour early: the person is at the gate, the duty is part of the day's record.
      if (await rostersRepository.hasCheckIns(db, id)) throw new AppError('DUTY_STARTED', { field: 'id' });
      await db.transaction().execute(async (trx) => {
        await rostersRepository.deleteDuty(trx, id);
        await recordAudit(trx, actor, grant, { action: 'rosters.duty_remove', entityType: 'duty', entityId: id, path: duty.org_path, before: { day: duty.day, start: duty.start_time, userId: duty.user_id } });
      });
      return { ok: true };
    },

    /**
     * A template week's duties put on the same weekdays of another week, in
     * one transaction; each that breaks a rule (already there, two places at
     * once, the entrance sealed by then, the person gone) is skipped with why.
     */
    async copyWeek(actor: Actor, input: z.infer<typeof WeekCopy>, locale: Locale): Promise<z.infer<typeof WeekCopied>> {
      assertMonday(input.fromMonday, 'fromMonday');
      assertMonday(input.toMonday, 'toMonday');
      if (input.fromMonday === input.toMonday) throw new AppError('DATE_ORDER', { field: 'toMonday' });
      const community = await communityFor(db, actor, input.communityId, 'team.manage');
      const grant = grantOn(actor, 'team.manage', community.path);
      return db.transaction().execute(async (trx) => {
        const entrances = new Map((await rosterEntrances(trx, community.id)).map((e) => [e.id, e]));
        const template = await rostersRepository.dutiesOf(trx, community.id, input.fromMonday, addDays(input.fromMonday, 6));
        await rostersRepository.lockPeople(trx, dialect, template.map((d) => d.user_id));
        const people = new Map((await communityPeople(trx, community)).map((p) => [p.userId, p.name]));
        const names = new Map([...people, ...[...entrances.values()].map((e) => [e.id, e.name] as [string, string])]);
        const moved = fromTemplate(template.map((d) => ({ personId: d.user_id, checkpointId: d.entrance_id, day: d.day, start: d.start_time, end: d.end_time })), input.toMonday);
        const planned: Candidate[] = [];
        const skipped: z.infer<typeof WeekCopied>['skipped'] = [];
        const now = Date.now();
        const known = await rostersRepository.dutiesOfUser(trx, [...new Set(moved.map((m) => m.personId))], addDays(input.toMonday, -1), addDays(input.toMonday, 7));
        for (const [i, m] of moved.entries()) {
          const c: Candidate = { entranceId: m.checkpointId, userId: m.personId, day: m.day, start: m.start, end: m.end };
          const problem = !people.has(c.userId)
            ? new AppError('MEMBER_OUTSIDE_COMMUNITY', { field: 'userId' })
            : await dutyProblem(trx, entrances.get(c.entranceId)!, c, { now, planned, names, known });
          if (problem) {
            const refusal = refusalOf(problem, locale);
            skipped.push({ entranceId: c.entranceId, day: c.day, start: c.start, userId: c.userId, name: template[i]!.name, code: refusal.code, message: refusal.message });
          } else {
            planned.push(c);
          }
        }
        const at = new Date().toISOString();
        await rostersRepository.insertDuties(trx, planned.map((c) => ({
          id: uuidv7(), entrance_id: c.entranceId, community_id: community.id, org_path: community.path, user_id: c.userId, day: c.day,
          start_time: c.start, end_time: c.end, created_by: actor.userId, created_at: at,
        })));
        await recordAudit(trx, actor, grant, {
          action: 'rosters.copy_week', entityType: 'community', entityId: community.id, path: community.path,
          after: { from: input.fromMonday, to: input.toMonday, added: planned.length, skipped: skipped.length },
        });
        return { added: planned.length, skipped };
      });
    },

  };
}
