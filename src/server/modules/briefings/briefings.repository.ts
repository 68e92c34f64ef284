import type { Selectable } from 'kysely';
import type { Executor } from '../../../db/kysely-types.ts';
import { underAny } from '../../../db/dialect.ts';
import type { BriefingTaskAssigneesTable, BriefingTasksTable, BriefingsTable } from '../../../db/schema.ts';

export type BriefingRow = Selectable<BriefingsTable>;
export type TaskRow = Selectable<BriefingTasksTable>;
export type AssigneeRow = Selectable<BriefingTaskAssigneesTable>;
export type TaskView = TaskRow & { created_by_name: string | null; done_by_name: string | null };
export type AssigneeView = AssigneeRow & { name: string | null };

/** All SQL about the morning briefing (晨会): its notes, its tasks and who they are assigned to. */
export const briefingsRepository = {
  async findBriefing(db: Executor, communityId: string, day: string) {
    return db
      .selectFrom('briefings as b')
      .leftJoin('users as u', 'u.id', 'b.written_by')
      .selectAll('b')
      .select('u.display_name as written_by_name')
      .where('b.community_id', '=', communityId)
      .where('b.day', '=', day)
      .executeTakeFirst();
  },

  /** One briefing per community and day: a second write of the day replaces the notes (two writers racing: the last one wins). */
  async upsertBriefing(db: Executor, row: BriefingRow): Promise<void> {
    await db
      .insertInto('briefings')
      .values(row)
      .onConflict((oc) => oc.columns(['community_id', 'day']).doUpdateSet({ notes: row.notes, written_by: row.written_by, updated_at: row.updated_at }))
      .execute();
  },

  async tasks(db: Executor, filter: { communityId?: string; day?: string; ids?: readonly string[] }): Promise<TaskView[]> {
    if (filter.ids && filter.ids.length === 0) return [];
    let q = db
      .selectFrom('briefing_tasks as t')
      .leftJoin('users as c', 'c.id', 't.created_by')
      .leftJoin('users as d', 'd.id', 't.done_by')
      .selectAll('t')
      .select(['c.display_name as created_by_name', 'd.display_name as done_by_name']);
    if (filter.communityId) q = q.where('t.community_id', '=', filter.communityId);
    if (filter.day) q = q.where('t.day', '=', filter.day);
    if (filter.ids) q = q.where('t.id', 'in', [...filter.ids]);
    return q.orderBy('t.created_at').orderBy('t.id').execute();
  },

  async findTask(db: Executor, id: string): Promise<TaskRow | undefined> {
    return db.selectFrom('briefing_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The task a phone's tick (by the tick's own id) was stored on. */
  async findTaskByTick(db: Executor, tickId: string): Promise<TaskRow | undefined> {
    return db.selectFrom('briefing_tasks').selectAll().where('done_tick_id', '=', tickId).executeTakeFirst();
  },

  async insertTask(db: Executor, row: TaskRow, assignees: readonly AssigneeRow[]): Promise<void> {
    await db.insertInto('briefing_tasks').values(row).execute();
    await db.insertInto('briefing_task_assignees').values([...assignees]).execute();
  },

  /** Edits a task not done yet, only if it still holds the values read (the audit's "before"); false otherwise. */
  async updateIfUnchanged(db: Executor, before: TaskRow, changes: Pick<TaskRow, 'text' | 'cancelled_at'>): Promise<boolean> {
    const r = await db
      .updateTable('briefing_tasks')
      .set(changes)
      .where('id', '=', before.id)
      .where('text', '=', before.text)
      .where('cancelled_at', before.cancelled_at === null ? 'is' : '=', before.cancelled_at)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Ticks a task off, unless it was done or cancelled meanwhile (false then). */
  async markDone(db: Executor, id: string, done: Pick<TaskRow, 'done_at' | 'done_by' | 'done_note' | 'done_tick_id'>): Promise<boolean> {
    const r = await db
      .updateTable('briefing_tasks')
      .set(done)
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The assignees of tasks, named: a person by their name, a team by its name. */
  async assignees(db: Executor, taskIds: readonly string[]): Promise<AssigneeView[]> {
    if (taskIds.length === 0) return [];
    return db
      .selectFrom('briefing_task_assignees as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('work_teams as w', 'w.id', 'a.team_id')
      .selectAll('a')
      .select((eb) => eb.fn.coalesce('u.display_name', 'w.name').as('name'))
      .where('a.task_id', 'in', [...taskIds])
      .orderBy('a.id')
      .execute();
  },

  /** The teams a user is on on `day` (first day included, end day excluded). */
  async teamIdsOn(db: Executor, userId: string, day: string): Promise<string[]> {
    const rows = await db
      .selectFrom('team_members')
      .select('team_id')
      .where('user_id', '=', userId)
      .where('from_day', '<=', day)
      .where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>', day)]))
      .execute();
    return [...new Set(rows.map((r) => r.team_id))];
  },

  /** The ids of a day's tasks assigned to the user or to one of `teamIds`, in any community. */
  async taskIdsAssigned(db: Executor, userId: string, teamIds: readonly string[], day: string): Promise<string[]> {
    const rows = await db
      .selectFrom('briefing_tasks as t')
      .innerJoin('briefing_task_assignees as a', 'a.task_id', 't.id')
      .select('t.id')
      .distinct()
      .where('t.day', '=', day)
      .where((eb) => eb.or([eb('a.user_id', '=', userId), ...(teamIds.length ? [eb('a.team_id', 'in', [...teamIds])] : [])]))
      .execute();
    return rows.map((r) => r.id);
  },

  /** Residential groups and grids of a community in force on `day`, among `ids`. */
  async groupsOf(db: Executor, communityPath: string, ids: readonly string[], day: string): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .where('kind', 'in', ['group', 'grid'])
      .where('path', '!=', communityPath)
      .where((eb) => underAny(eb, 'path', [communityPath]))
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
      .execute();
  },

  async unitNames(db: Executor, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  },

  /** Which of `userIds` hold a role in the community (at it or one of its groups) at `at`. */
  async peopleOf(db: Executor, communityPath: string, userIds: readonly string[], at: string): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('r.user_id')
      .distinct()
      .where('r.user_id', 'in', [...userIds])
      .where((eb) => underAny(eb, 'r.org_path', [communityPath]))
      .where('r.valid_from', '<=', at)
      .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>', at)]))
      .where('u.disabled_at', 'is', null)
      .execute();
    return rows.map((r) => r.user_id);
  },

  /** Which of `teamIds` are work teams of the community. */
  async teamsOf(db: Executor, communityId: string, teamIds: readonly string[]): Promise<string[]> {
    if (teamIds.length === 0) return [];
    const rows = await db.selectFrom('work_teams').select('id').where('community_id', '=', communityId).where('id', 'in', [...teamIds]).execute();
    return rows.map((r) => r.id);
  },
};
