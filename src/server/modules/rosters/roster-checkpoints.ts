import type { Shift } from '../../../contract/rosters.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { stateAt, type EntranceState } from '../../../domain/gates/entrance-state.ts';
import { shanghaiInstant } from '../../../domain/local-date.ts';
import { DEFAULT_SHIFTS, shiftSpan } from '../../../domain/rosters/shifts.ts';
import type { ShiftNeed } from '../../../domain/rosters/roster-rules.ts';
import { groupBy } from '../../../domain/group-by.ts';
import { entrancesRepository } from '../gates/entrances.repository.ts';
import { rostersRepository } from './rosters.repository.ts';

/** Two people per shift until the community sets its own minimum. */
export const DEFAULT_MINIMUM = 2;

export interface RosterEntrance {
  id: string;
  name: string;
  communityId: string;
  path: string;
  shifts: Shift[];
  /** The entrance's state at an instant (ISO), planned changes included. */
  stateAt: (at: string) => EntranceState;
}

/** A community's entrances with their shifts (the default day until set) and their state at any time. */
export async function rosterEntrances(db: Executor, communityId: string): Promise<RosterEntrance[]> {
  const entrances = await entrancesRepository.list(db, ['/'], communityId);
  return withShifts(db, entrances);
}

/** The entrances of many communities (an office's overview, the sweep), in three queries whatever their number. */
export async function rosterEntrancesOf(db: Executor, communityIds: readonly string[]): Promise<RosterEntrance[]> {
  return withShifts(db, await rostersRepository.entrancesOf(db, communityIds));
}

export async function rosterEntrancesByIds(db: Executor, ids: readonly string[]): Promise<RosterEntrance[]> {
  return withShifts(db, await entrancesRepository.byIds(db, ids));
}

async function withShifts(db: Executor, entrances: readonly { id: string; name: string; community_id: string; org_path: string }[]): Promise<RosterEntrance[]> {
  const ids = entrances.map((e) => e.id);
  const shifts = groupBy(await rostersRepository.shiftsOf(db, ids), (s) => s.entrance_id);
  const changes = groupBy(await entrancesRepository.changes(db, ids), (c) => c.entrance_id);
  return entrances.map((e) => {
    const own = shifts.get(e.id) ?? [];
    const mine = (changes.get(e.id) ?? [])
      .map((c) => ({ state: c.state as EntranceState, effectiveAt: c.effective_at, cancelledAt: c.cancelled_at, decidedAt: c.decided_at }));
    return {
      id: e.id,
      name: e.name,
      communityId: e.community_id,
      path: e.org_path,
      shifts: own.length > 0
        ? own.map((s) => ({ start: s.start_time, end: s.end_time, minimum: s.minimum }))
        : DEFAULT_SHIFTS.map((s) => ({ ...s, minimum: DEFAULT_MINIMUM })),
      stateAt: (at: string) => stateAt(mine, at).state,
    };
  });
}

/** The entrance's state when a shift begins: only a checkpoint is staffed. */
export function stateAtShift(e: RosterEntrance, day: string, shift: { start: string; end: string }): EntranceState {
  return e.stateAt(new Date(shiftSpan(day, shift).from).toISOString());
}

/** The shifts that need people on these days: those of checkpoints, while they are checkpoints. */
export function needsOn(entrances: readonly RosterEntrance[], days: readonly string[], opts: { ignoreState?: boolean } = {}): ShiftNeed[] {
  const needs: ShiftNeed[] = [];
  for (const e of entrances) {
    for (const day of days) {
      for (const s of e.shifts) {
        if (opts.ignoreState || stateAtShift(e, day, s) === 'checkpoint') needs.push({ checkpointId: e.id, day, start: s.start, end: s.end, minimum: s.minimum });
      }
    }
  }
  return needs;
}

/** The state at noon of a day (Shanghai): what the week grid shows per day. */
export function stateAtNoon(e: RosterEntrance, day: string): EntranceState {
  return e.stateAt(new Date(shanghaiInstant(day, '12:00')).toISOString());
}
