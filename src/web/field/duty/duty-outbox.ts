import type { QueryClient } from '@tanstack/react-query';
import type { Task } from '../../../contract/briefings.ts';
import type { ItemResult } from '../../../contract/gates.ts';
import { outboxChannel } from '../offline/outbox-channel.ts';
import { putOutboxRecord, removeOutboxItems, useMyOutboxRecords, type OutboxRecord } from '../offline/outbox-store.ts';
import { MY_DUTIES_KEY, MY_TASKS_KEY, type MyDutiesView, type MyTasksView } from './duty.resource.ts';

/**
 * Check-ins at the gate and tasks ticked off, in the phone's one outbox
 * (`offline/`): kept on the phone first, then sent with the id the phone
 * made, so a check-in sent twice is stored once. Both are done outdoors, at a
 * gate or on a round, where the signal comes and goes.
 */
export const CHECK_IN_CHANNEL = 'duty-check-in';
export const TASK_DONE_CHANNEL = 'task-done';
const CHECK_INS = [CHECK_IN_CHANNEL] as const;
const TICKS = [TASK_DONE_CHANNEL] as const;

export interface CheckInItem extends OutboxRecord {
  channel: typeof CHECK_IN_CHANNEL;
  checkIn: { id: string; entranceId: string; at: string };
  /** The shift it was made for, to show it there (the server only needs the gate and the time). */
  dutyId: string;
  at: string;
  label: { entranceName: string; day: string; start: string; end: string };
}

export interface TaskTickItem extends OutboxRecord {
  channel: typeof TASK_DONE_CHANNEL;
  tick: { id: string; taskId: string; note?: string; at: string };
  taskId: string;
  label: { text: string; byName: string };
}

/** The shifts the server now has check-ins for show them at once, before the list is read again. */
function markCheckedIn(client: QueryClient, items: readonly CheckInItem[]): void {
  const at = new Map(items.map((i) => [i.dutyId, i.at]));
  client.setQueryData<MyDutiesView>([MY_DUTIES_KEY], (old) =>
    old ? { ...old, duties: old.duties.map((d) => (at.has(d.id) && !d.checkedInAt ? { ...d, checkedInAt: at.get(d.id)! } : d)) } : old,
  );
}

function markDone(client: QueryClient, items: readonly TaskTickItem[]): void {
  const byTask = new Map(items.map((i) => [i.taskId, i]));
  const done = (task: Task): Task => {
    const i = byTask.get(task.id);
    return i && !task.doneAt ? { ...task, doneAt: i.tick.at, doneByName: i.label.byName, doneNote: i.tick.note ?? null } : task;
  };
  client.setQueryData<MyTasksView>([MY_TASKS_KEY], (old) => (old ? { ...old, tasks: old.tasks.map(done) } : old));
}

export const checkInChannel = outboxChannel<CheckInItem, ItemResult>({
  channel: CHECK_IN_CHANNEL,
  path: '/api/rosters/check-ins',
  batch: 50,
  body: (items) => ({ items: items.map((i) => i.checkIn) }),
  afterStored: (client, done) => {
    markCheckedIn(client, done.map((d) => d.item));
    void client.invalidateQueries({ queryKey: [MY_DUTIES_KEY] });
  },
  // Refused mostly because the roster changed meanwhile (the duty removed or handed over): the list is read again, so
  // the shift no longer offers a check-in the server will refuse and the refusal shows among the other check-ins.
  afterRefused: (client) => void client.invalidateQueries({ queryKey: [MY_DUTIES_KEY] }),
});

export const taskDoneChannel = outboxChannel<TaskTickItem, ItemResult>({
  channel: TASK_DONE_CHANNEL,
  path: '/api/briefings/tasks/done',
  batch: 50,
  body: (items) => ({ items: items.map((i) => i.tick) }),
  afterStored: (client, done) => {
    markDone(client, done.map((d) => d.item));
    void client.invalidateQueries({ queryKey: [MY_TASKS_KEY] });
  },
  // Refused because the task was cancelled or done by someone else meanwhile: the list says so once read again.
  afterRefused: (client) => void client.invalidateQueries({ queryKey: [MY_TASKS_KEY] }),
});

/** Keeps a check-in on the phone; resolves once it is safely stored (then it is sent by itself). */
export function keepCheckIn(item: Omit<CheckInItem, 'channel' | 'status' | 'savedAt' | 'refusal'>): Promise<void> {
  return putOutboxRecord({ ...item, channel: CHECK_IN_CHANNEL, status: 'waiting', savedAt: new Date().toISOString() } satisfies CheckInItem);
}

export function keepTaskTick(item: Omit<TaskTickItem, 'channel' | 'status' | 'savedAt' | 'refusal'>): Promise<void> {
  return putOutboxRecord({ ...item, channel: TASK_DONE_CHANNEL, status: 'waiting', savedAt: new Date().toISOString() } satisfies TaskTickItem);
}

/** A refused item, read and understood: off the phone (the shift or task can be tried again). */
export const discardItem = (id: string) => removeOutboxItems([id]);

export function useCheckInOutbox(): { loaded: boolean; failed: boolean; items: CheckInItem[] } {
  const { loaded, failed, items } = useMyOutboxRecords(CHECK_INS);
  return { loaded, failed, items: items as CheckInItem[] };
}

export function useTaskTickOutbox(): { loaded: boolean; failed: boolean; items: TaskTickItem[] } {
  const { loaded, failed, items } = useMyOutboxRecords(TICKS);
  return { loaded, failed, items: items as TaskTickItem[] };
}
