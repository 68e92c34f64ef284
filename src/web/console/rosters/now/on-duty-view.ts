import type { OnDutyNow } from '../../../../contract/rosters.ts';

type CheckpointNow = OnDutyNow['checkpoints'][number];

/**
 * The desk's order: unstaffed checkpoints first (they need someone sent),
 * then those whose people have not all checked in, then the rest; by name
 * within each, so cards do not jump about between refreshes.
 */
export function orderForDesk(checkpoints: readonly CheckpointNow[]): CheckpointNow[] {
  const rank = (c: CheckpointNow) => (c.unstaffed ? 0 : c.shift && c.onShift.some((p) => !p.checkedInAt) ? 1 : 2);
  return [...checkpoints].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Checked in out of on the shift: "1/2". */
export function checkedInCount(c: CheckpointNow): { checkedIn: number; onShift: number } {
  return { checkedIn: c.onShift.filter((p) => p.checkedInAt).length, onShift: c.onShift.length };
}
