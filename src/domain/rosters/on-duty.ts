import { shiftSpan } from './shifts.ts';
import type { Duty, ShiftNeed } from './roster-rules.ts';

/** A check-in counts from half an hour before the shift: people arrive early to take over. */
export const CHECK_IN_EARLY_MS = 30 * 60_000;

/**
 * Who should be at each checkpoint at an instant, and who has checked in
 * there (the field app's check-in at their gate). A checkpoint whose current
 * shift has fewer people checked in than its minimum is unstaffed: the lead
 * is told.
 */
export interface CheckIn {
  personId: string;
  checkpointId: string;
  at: number;
}

export interface CheckpointNow {
  checkpointId: string;
  /** The shift in force now, if the checkpoint has one. */
  need: ShiftNeed | null;
  onShift: { personId: string; checkedIn: boolean }[];
  unstaffed: boolean;
}

export function onDutyNow(checkpointIds: readonly string[], needs: readonly ShiftNeed[], duties: readonly Duty[], checkIns: readonly CheckIn[], now: number): CheckpointNow[] {
  const inForce = <T extends { day: string; start: string; end: string }>(x: T) => {
    const span = shiftSpan(x.day, x);
    return span.from <= now && now < span.to;
  };
  return checkpointIds.map((checkpointId) => {
    const need = needs.find((n) => n.checkpointId === checkpointId && inForce(n)) ?? null;
    if (!need) return { checkpointId, need, onShift: [], unstaffed: false };
    const from = shiftSpan(need.day, need).from;
    const people = [...new Set(duties.filter((d) => d.checkpointId === checkpointId && d.day === need.day && d.start === need.start && d.end === need.end).map((d) => d.personId))];
    const onShift = people.map((personId) => ({
      personId,
      checkedIn: checkIns.some((c) => c.personId === personId && c.checkpointId === checkpointId && c.at >= from - CHECK_IN_EARLY_MS && c.at <= now),
    }));
    return { checkpointId, need, onShift, unstaffed: onShift.filter((p) => p.checkedIn).length < need.minimum };
  });
}
