import type { z } from 'zod';
import type { Briefing, BriefingQuery, BriefingWrite, MyTasks, MyTasksQuery, Task, TaskCreate, TaskEdit } from '../../../contract/briefings.ts';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import { gateGrant, gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { addDays, shanghaiDate, shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import { communityFor, grantOn, type Community } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { briefingsRepository as repo, type TaskView } from './briefings.repository.ts';
import { hazardViews } from './hazards.service.ts';
import { assigneeKeys, groupIdsOf, taskViews } from './task-views.ts';

/** How often an edit reads the task again after a concurrent change before giving up. */
const EDIT_TRIES = 3;

/**
 * The morning briefing (晨会) of a community's day: the lead's notes, the
 * tasks given to people or to work teams, and the hazards open that day.
 * Everyone working at the community reads it; its lead writes it.
 */
export function briefingsService({ db }: Database) {
  async function briefingOf(community: Community, day: string): Promise<Briefing> {
    const written = await repo.findBriefing(db, community.id, day);
    const tasks = await taskViews(db, await repo.tasks(db, { communityId: community.id, day }));
    // Open at some moment of the day: still open, closed that day, or reported that day.
    const hazards = await hazardViews(db, { communityIds: [community.id], between: { start: shanghaiMidnightUtc(day), end: shanghaiMidnightUtc(day, 1) } });
    return {
      communityId: community.id, communityName: community.name, day,
      notes: written?.notes ?? null, writtenByName: written ? (written.written_by_name ?? '') : null, updatedAt: written?.updated_at ?? null,
      tasks, done: tasks.filter((t) => t.doneAt !== null && t.cancelledAt === null).length, hazards,
    };
  }

  async function taskOf(id: string): Promise<TaskView | undefined> {
    return (await repo.tasks(db, { ids: [id] }))[0];
  }

  /** The task stored under a retried create's id: the same task answers as stored, another one is a conflict. */
  async function retried(community: Community, input: z.infer<typeof TaskCreate>): Promise<Task | null> {
    const stored = input.id ? await taskOf(input.id) : undefined;
    if (!stored) return null;
    const storedAssignees = await repo.assignees(db, [stored.id]);
    const same = stored.community_id === community.id && stored.day === input.day && stored.text === input.text
      && [...groupIdsOf(stored)].sort().join() === [...new Set(input.groupIds ?? [])].sort().join()
      && assigneeKeys(storedAssignees).join() === assigneeKeys(input.assignees).join();
    if (!same) throw new AppError('ID_CONFLICT', { field: 'id' });
    return (await taskViews(db, [stored]))[0]!;
  }

  async function checkAssignees(community: Community, input: z.infer<typeof TaskCreate>): Promise<void> {
    const groupIds = [...new Set(input.groupIds ?? [])];
    const groups = await repo.groupsOf(db, community.path, groupIds, input.day);
    if (groups.length !== groupIds.length) throw new AppError('GROUP_NOT_IN_COMMUNITY', { field: 'groupIds' });
    const userIds = input.assignees.flatMap((a) => ('userId' in a ? [a.userId] : []));
    const teamIds = input.assignees.flatMap((a) => ('teamId' in a ? [a.teamId] : []));
    const people = new Set(await repo.peopleOf(db, community.path, userIds, new Date().toISOString()));
    const teams = new Set(await repo.teamsOf(db, community.id, teamIds));
    input.assignees.forEach((a, i) => {
      if ('userId' in a && !people.has(a.userId)) throw new AppError('MEMBER_OUTSIDE_COMMUNITY', { field: `assignees.${i}` });
      if ('teamId' in a && !teams.has(a.teamId)) throw new AppError('NOT_FOUND', { field: `assignees.${i}` });
    });
  }

  return {
    async get(actor: Actor, query: z.infer<typeof BriefingQuery>): Promise<Briefing> {
      return briefingOf(await communityFor(db, actor, query.communityId, 'team.read'), query.day);
    },

    /** Writes the day's notes: the first write makes the day's briefing, later ones replace the notes. */
    async write(actor: Actor, input: z.infer<typeof BriefingWrite>): Promise<Briefing> {
      const community = await communityFor(db, actor, input.communityId, 'team.manage');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findBriefing(trx, community.id, input.day);
        const id = before?.id ?? uuidv7();
        await repo.upsertBriefing(trx, {
          id, community_id: community.id, org_path: community.path, day: input.day, notes: input.notes,
          written_by: actor.userId, updated_at: new Date().toISOString(),
        });
        await recordAudit(trx, actor, gateGrant(actor, 'team.manage', community.path), {
          action: 'briefing.write', entityType: 'briefing', entityId: id, path: community.path,
          ...(before ? { before: { day: input.day, notes: before.notes } } : {}), after: { day: input.day, notes: input.notes },
        });
      });
      return briefingOf(community, input.day);
    },

    async createTask(actor: Actor, input: z.infer<typeof TaskCreate>): Promise<Task> {
      const community = await communityFor(db, actor, input.communityId, 'team.manage');
      const again = await retried(community, input);
      if (again) return again;
      await checkAssignees(community, input);
      const id = input.id ?? uuidv7();
      const keys = assigneeKeys(input.assignees);
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertTask(trx, {
            id, community_id: community.id, org_path: community.path, day: input.day, text: input.text, group_ids: JSON.stringify([...new Set(input.groupIds ?? [])]),
            created_by: actor.userId, created_at: new Date().toISOString(), done_at: null, done_by: null, done_note: null, done_tick_id: null, cancelled_at: null,
          }, keys.map((k) => ({ id: uuidv7(), task_id: id, user_id: k.startsWith('u:') ? k.slice(2) : null, team_id: k.startsWith('t:') ? k.slice(2) : null })));
          await recordAudit(trx, actor, gateGrant(actor, 'team.manage', community.path), {
            action: 'briefing.task.create', entityType: 'briefing_task', entityId: id, path: community.path,
            after: { day: input.day, text: input.text, groupIds: input.groupIds ?? [], assignees: keys },
          });
        });
      } catch (e) {
        // The same task sent twice at once (a retry racing the first try): the other copy was stored, answer with it.
        if (uniqueViolation(e) === 'briefing_tasks.id') return (await retried(community, input)) ?? Promise.reject(e);
        throw e;
      }
      return (await taskViews(db, [(await taskOf(id))!]))[0]!;
    },

    /** A new text, or cancelled (or restored); a task already done stays as it was done. */
    async editTask(actor: Actor, id: string, input: z.infer<typeof TaskEdit>): Promise<Task> {
      for (let attempt = 0; attempt < EDIT_TRIES; attempt++) {
        const task = await taskOf(id);
        if (!task) throw new AppError('NOT_FOUND');
        const grant = grantOn(actor, 'team.manage', task.org_path);
        if (task.done_at) throw new AppError('TASK_DONE', { params: { name: task.done_by_name ?? '' } });
        if (task.cancelled_at && input.cancelled !== false) throw new AppError('TASK_CANCELLED');
        const changes = {
          text: input.text ?? task.text,
          cancelled_at: input.cancelled === undefined ? task.cancelled_at : input.cancelled ? (task.cancelled_at ?? new Date().toISOString()) : null,
        };
        const stored = await db.transaction().execute(async (trx) => {
          if (!(await repo.updateIfUnchanged(trx, task, changes))) return false;
          await recordAudit(trx, actor, grant, {
            action: 'briefing.task.edit', entityType: 'briefing_task', entityId: id, path: task.org_path,
            before: { text: task.text, cancelled: task.cancelled_at !== null }, after: { text: changes.text, cancelled: changes.cancelled_at !== null },
          });
          return true;
        });
        if (stored) return (await taskViews(db, [(await taskOf(id))!]))[0]!;
      }
      throw new AppError('ID_CONFLICT');
    },

    /**
     * A field user's tasks of a day, assigned to them or to a team they are on
     * that day, in any community; with the hazards still open at the end of
     * that day (or now) in those communities and in the ones they work at.
     */
    async myTasks(actor: Actor, query: z.infer<typeof MyTasksQuery>): Promise<z.infer<typeof MyTasks>> {
      const day = query.day ?? shanghaiDate();
      const teamIds = await repo.teamIdsOn(db, actor.userId, day);
      const rows = await repo.tasks(db, { ids: await repo.taskIdsAssigned(db, actor.userId, teamIds, day) });
      const workplaces = (await orgRepository.findRowsByPaths(db, gatePrefixes(actor, 'team.read'))).filter((u) => u.kind === 'community');
      const communityIds = [...new Set([...rows.map((t) => t.community_id), ...workplaces.map((u) => u.id)])];
      const endOfDay = shanghaiMidnightUtc(addDays(day, 1));
      return {
        day,
        tasks: await taskViews(db, rows),
        hazards: await hazardViews(db, { communityIds, between: { start: endOfDay, end: endOfDay } }),
      };
    },
  };
}
