/**
 * What a shift's check-in looks like on the phone: stored by the server
 * (the list says when), waiting on the phone to be sent, refused by the
 * server with its reason (not on this shift, say), or not done.
 */
export type CheckInState = 'checked_in' | 'waiting' | 'refused' | 'none';

export interface CheckInLike {
  id: string;
  status: 'waiting' | 'refused';
  dutyId: string;
  at: string;
  refusal?: { code: string; message: string } | undefined;
}

export function checkInStateOf<I extends CheckInLike>(duty: { id: string; checkedInAt: string | null }, items: readonly I[]): { state: CheckInState; item: I | null; at: string | null } {
  if (duty.checkedInAt) return { state: 'checked_in', item: null, at: duty.checkedInAt };
  const mine = items.filter((i) => i.dutyId === duty.id);
  // A waiting one is the latest word: a refused check-in tried again waits beside the old refusal.
  const waiting = mine.find((i) => i.status === 'waiting');
  if (waiting) return { state: 'waiting', item: waiting, at: waiting.at };
  const refused = mine.find((i) => i.status === 'refused');
  if (refused) return { state: 'refused', item: refused, at: refused.at };
  return { state: 'none', item: null, at: null };
}

/** Tasks the same way: done on the server, ticked off on the phone and waiting, refused, or open. */
export interface TaskTickLike {
  id: string;
  status: 'waiting' | 'refused';
  taskId: string;
}

export function tickOf<I extends TaskTickLike>(taskId: string, items: readonly I[]): I | null {
  const mine = items.filter((i) => i.taskId === taskId);
  return mine.find((i) => i.status === 'waiting') ?? mine.find((i) => i.status === 'refused') ?? null;
}

/** Open tasks: neither done on the server nor cancelled, nor waiting on the phone to be sent as done. */
export function openTaskCount(tasks: readonly { id: string; doneAt: string | null; cancelledAt: string | null }[], waitingTaskIds: ReadonlySet<string>): number {
  return tasks.filter((t) => !t.doneAt && !t.cancelledAt && !waitingTaskIds.has(t.id)).length;
}

/**
 * Check-ins on the phone whose shift is no longer in the list (the roster
 * changed meanwhile, or the day is over): shown on their own, with the
 * server's word, so a refusal never vanishes unseen.
 */
export function orphanCheckIns<I extends CheckInLike>(items: readonly I[], shownDutyIds: ReadonlySet<string>): I[] {
  return items.filter((i) => !shownDutyIds.has(i.dutyId));
}

/**
 * Ticks on the phone whose task is not in today's list (ticked yesterday and
 * sent or refused since): shown on their own, so a refusal can be read and
 * dismissed rather than stay on the phone unseen.
 */
export function orphanTicks<I extends TaskTickLike>(items: readonly I[], shownTaskIds: ReadonlySet<string>): I[] {
  return items.filter((i) => !shownTaskIds.has(i.taskId));
}
