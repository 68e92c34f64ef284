import { useMemo } from 'react';
import { checkState } from '../../../../domain/observation/schedule.ts';
import type { Check } from '../../../../contract/observation.ts';
import { useNow } from '../time/clock.ts';

/** The moments at which checks change state: due at their time, overdue when their grace ends. */
export const stateChanges = (checks: readonly Check[]): string[] => checks.filter((c) => c.doneAt === null).flatMap((c) => [c.dueAt, c.overdueAt]);

/** A check with its state as of `now` (the server's `state` is as of when it answered). */
export const asOf = <C extends Check>(check: C, now: number): C => ({ ...check, state: checkState(check, now) });

/**
 * Checks with their state worked out at render, moved on as time passes: a
 * check shown as due turns overdue on screen when its grace ends, even if the
 * list is not fetched again.
 */
export function useChecksNow<C extends Check>(checks: readonly C[]): C[] {
  const now = useNow(stateChanges(checks));
  return useMemo(() => checks.map((c) => asOf(c, now)), [checks, now]);
}
