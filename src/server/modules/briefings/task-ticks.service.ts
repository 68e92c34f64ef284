import type { z } from 'zod';
import { TaskDoneItem } from '../../../contract/briefings.ts';
import type { Locale } from '../../../contract/common.ts';
import type { ItemResult } from '../../../contract/gates.ts';
import type { Database } from '../../../db/database.ts';
import { gateGrant } from '../../../domain/gates/gate-scope.ts';
import type { Actor } from '../../actor.ts';
import type { CommunityNews } from '../../community-news.ts';
import { storeEach } from '../../batch-items.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { briefingsRepository as repo } from './briefings.repository.ts';

type Tick = z.infer<typeof TaskDoneItem>;

/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SLACK_MS = 10 * 60_000;

/**
 * Tasks ticked off on phones (offline first): each tick carries the phone's
 * own id, so a tick sent again is "already stored"; a task is done once, by
 * whoever ticks it first among its assignees (a person, or anyone on an
 * assigned team that day) or the community's lead.
 */
export function taskTicksService({ db }: Database, news?: CommunityNews) {
  /** The tick already stored under this id, if any: "already stored" when it is the same one, a conflict when another. */
  async function repeatOf(actor: Actor, input: Tick): Promise<Omit<ItemResult, 'id'> | null> {
    const same = await repo.findTaskByTick(db, input.id);
    if (!same) return null;
    if (same.id !== input.taskId || same.done_by !== actor.userId) throw new AppError('ID_CONFLICT', { field: 'id' });
    return { result: 'already_stored' };
  }

  async function storeTick(actor: Actor, input: Tick): Promise<Omit<ItemResult, 'id'>> {
    const repeat = await repeatOf(actor, input);
    if (repeat) return repeat;
    return storeNewTick(actor, input).catch(async (e: unknown) => {
      // Sent twice at once (a retry racing the first send): the loser finds the winner's tick under its own id.
      if (e instanceof AppError && e.code === 'TASK_DONE') return (await repeatOf(actor, input)) ?? Promise.reject(e);
      throw e;
    });
  }

  async function storeNewTick(actor: Actor, input: Tick): Promise<Omit<ItemResult, 'id'>> {
    const task = (await repo.tasks(db, { ids: [input.taskId] }))[0];
    if (!task) throw new AppError('NOT_FOUND', { field: 'taskId' });
    const teamIds = new Set(await repo.teamIdsOn(db, actor.userId, task.day));
    const mine = (await repo.assignees(db, [task.id])).some((a) => a.user_id === actor.userId || (a.team_id !== null && teamIds.has(a.team_id)));
    const manager = gateGrant(actor, 'team.manage', task.org_path);
    const reader = gateGrant(actor, 'team.read', task.org_path);
    // Someone of the community is told the task is not theirs; anyone else finds no such task.
    if (!mine && !manager) throw new AppError(reader ? 'TASK_NOT_YOURS' : 'NOT_FOUND', { field: 'taskId' });
    if (task.cancelled_at) throw new AppError('TASK_CANCELLED', { field: 'taskId' });
    if (task.done_at) throw new AppError('TASK_DONE', { field: 'taskId', params: { name: task.done_by_name ?? '' } });
    const at = Date.parse(input.at);
    if (at > Date.now() + CLOCK_SLACK_MS) throw new AppError('DATE_ORDER', { field: 'at' });
    await db.transaction().execute(async (trx) => {
      const stored = await repo.markDone(trx, task.id, { done_at: new Date(at).toISOString(), done_by: actor.userId, done_note: input.note || null, done_tick_id: input.id });
      if (!stored) {
        // Done or cancelled since it was read: tell which.
        const now = (await repo.tasks(trx, { ids: [task.id] }))[0]!;
        if (now.cancelled_at) throw new AppError('TASK_CANCELLED', { field: 'taskId' });
        throw new AppError('TASK_DONE', { field: 'taskId', params: { name: now.done_by_name ?? '' } });
      }
      await recordAudit(trx, actor, manager ?? reader, {
        action: 'briefing.task.done', entityType: 'briefing_task', entityId: task.id, path: task.org_path, after: { tickId: input.id, at: new Date(at).toISOString(), note: input.note || null },
      });
    });
    // Tasks done is a figure of the day's report and of the dashboards above.
    news?.changed(task.community_id);
    return { result: 'stored' };
  }

  return {
    /** Ticks from a phone's outbox, each stored, already stored or refused with its reason. One's own tasks need no permission. */
    async store(actor: Actor, items: readonly unknown[], locale: Locale): Promise<ItemResult[]> {
      // storeEach runs an item again when it lost a race on a unique key: the second run finds the winner's tick.
      return storeEach(items, TaskDoneItem, locale, (input) => storeTick(actor, input));
    },
  };
}
