import type { Executor } from '../../../db/kysely-types.ts';
import { addDays } from '../../../domain/local-date.ts';
import { clashes, type Duty } from '../../../domain/rosters/roster-rules.ts';
import { shiftSpan } from '../../../domain/rosters/shifts.ts';
import { AppError } from '../../errors.ts';
import { stateAtShift, type RosterEntrance } from './roster-checkpoints.ts';
import { rostersRepository } from './rosters.repository.ts';

export type PersonDuty = Awaited<ReturnType<typeof rostersRepository.dutiesOfUser>>[number];

export interface Candidate {
  entranceId: string;
  userId: string;
  day: string;
  start: string;
  end: string;
}

/**
 * Why a person cannot take a shift, or null: the shift must be one of the
 * checkpoint's, the entrance a checkpoint when it begins, the shift not over,
 * the person not on that shift already nor anywhere else at the same time
 * (any community). `planned` are duties about to be written with this one
 * (a week being copied); `ignore` are duties that are changing hands.
 */
export async function dutyProblem(
  db: Executor,
  entrance: RosterEntrance,
  c: Candidate,
  opts: { now: number; planned?: readonly Candidate[]; ignore?: readonly string[]; names?: Map<string, string>; known?: readonly PersonDuty[] },
): Promise<AppError | null> {
  if (!entrance.shifts.some((s) => s.start === c.start && s.end === c.end)) {
    return new AppError('SHIFT_NOT_DEFINED', { field: 'start', params: { start: c.start, end: c.end } });
  }
  const span = shiftSpan(c.day, c);
  if (span.to <= opts.now) return new AppError('DUTY_PAST', { field: 'day' });
  // A shift under way is judged by the entrance now: one made a checkpoint at 09:00 is staffed for the rest of the morning.
  const state = span.from < opts.now ? entrance.stateAt(new Date(opts.now).toISOString()) : stateAtShift(entrance, c.day, c);
  if (state !== 'checkpoint') {
    return new AppError('ENTRANCE_NOT_CHECKPOINT', { field: 'entranceId', params: { entrance: entrance.name, day: c.day, state: `entranceStates.${state}` } });
  }
  // `known`: the people's duties read once for many candidates (a week being copied), instead of a query per duty.
  const [from, to] = [addDays(c.day, -1), addDays(c.day, 1)];
  const around = (opts.known ? opts.known.filter((d) => d.user_id === c.userId && d.day >= from && d.day <= to) : await rostersRepository.dutiesOfUser(db, c.userId, from, to))
    .filter((d) => !(opts.ignore ?? []).includes(d.id));
  const same = (d: Candidate) => d.entranceId === c.entranceId && d.day === c.day && d.start === c.start;
  if (around.some((d) => same({ entranceId: d.entrance_id, userId: d.user_id, day: d.day, start: d.start_time, end: d.end_time }))) {
    return new AppError('DUTY_TAKEN', { field: 'userId' });
  }
  const others: (Duty & { entranceName: string })[] = [
    ...around.map((d) => ({ personId: d.user_id, checkpointId: d.entrance_id, day: d.day, start: d.start_time, end: d.end_time, entranceName: d.entrance_name })),
    ...(opts.planned ?? []).filter((p) => p.userId === c.userId && !same(p))
      .map((p) => ({ personId: p.userId, checkpointId: p.entranceId, day: p.day, start: p.start, end: p.end, entranceName: opts.names?.get(p.entranceId) ?? '' })),
  ];
  const all = [...others, { personId: c.userId, checkpointId: c.entranceId, day: c.day, start: c.start, end: c.end, entranceName: entrance.name }];
  const clash = clashes(all).find(([, b]) => b === all.length - 1);
  if (clash) {
    const o = all[clash[0]]!;
    const name = around[0]?.name ?? opts.names?.get(c.userId) ?? '';
    return new AppError('PERSON_TWO_PLACES', { field: 'userId', params: { name, entrance: o.entranceName, day: o.day, start: o.start, end: o.end } });
  }
  return null;
}
