import type { Task } from '../../../contract/briefings.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { briefingsRepository, type AssigneeView, type TaskView } from './briefings.repository.ts';

/** Tasks as the API shows them: groups and assignees by name, who did it and when, cancelled ones flagged. */
export async function taskViews(db: Executor, rows: readonly TaskView[]): Promise<Task[]> {
  const assignees = await briefingsRepository.assignees(db, rows.map((t) => t.id));
  const groups = await briefingsRepository.unitNames(db, [...new Set(rows.flatMap((t) => groupIdsOf(t)))]);
  return rows.map((t) => ({
    id: t.id, communityId: t.community_id, day: t.day, text: t.text,
    groups: groupIdsOf(t).flatMap((id) => groups.filter((g) => g.id === id)),
    assignees: assignees.filter((a) => a.task_id === t.id).map((a) => ({ userId: a.user_id, teamId: a.team_id, name: a.name ?? '' })),
    doneAt: t.done_at, doneByName: t.done_by_name, doneNote: t.done_note, cancelledAt: t.cancelled_at,
    createdByName: t.created_by_name ?? '', createdAt: t.created_at,
  }));
}

export function groupIdsOf(task: Pick<TaskView, 'group_ids'>): string[] {
  return JSON.parse(task.group_ids) as string[];
}

/** A task's assignees as comparable keys ("u:<id>", "t:<id>"), sorted: a retried create matches the stored one whatever the order. */
export function assigneeKeys(assignees: readonly (Pick<AssigneeView, 'user_id' | 'team_id'> | { userId?: string; teamId?: string })[]): string[] {
  return [...new Set(assignees.map((a) => {
    const user = 'user_id' in a ? a.user_id : a.userId;
    const team = 'team_id' in a ? a.team_id : a.teamId;
    return user ? `u:${user}` : `t:${team}`;
  }))].sort();
}
