import { useSyncExternalStore } from 'react';
import type { ItemResult, PassageInput } from '../../../contract/gates.ts';
import type { PassageRefusal } from '../../../domain/gates/pass-verdict.ts';

/**
 * A phone offline for a while checks passes with the revocations it last
 * synced. When the server, checking the same scan, turns back a pass the phone
 * let through, the volunteer should know (the person may still be near the
 * gate): those scans are listed on the gate screen until dismissed. Kept in
 * memory only; the register on the server has the full story.
 */
export interface Disagreement {
  id: string;
  name: string;
  at: string;
  reason: PassageRefusal | undefined;
}

const MAX = 10;
let notes: readonly Disagreement[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly Disagreement[]): void {
  notes = next;
  for (const l of listeners) l();
}

/** The server let through what the phone turned back, or the reverse: only the first matters at a gate. */
export function disagreements(done: readonly { item: { passage: PassageInput; label: { name: string } }; answer: ItemResult }[]): Disagreement[] {
  return done
    .filter(({ item, answer }) => item.passage.kind === 'pass' && answer.result === 'stored' && item.passage.deviceVerdict?.allowed === true && answer.allowed === false)
    .map(({ item, answer }) => ({ id: item.passage.id, name: item.label.name, at: item.passage.at, reason: answer.reason }));
}

export function noteServerVerdicts(done: Parameters<typeof disagreements>[0]): void {
  const found = disagreements(done);
  if (found.length > 0) publish([...found, ...notes].slice(0, MAX));
}

export function dismissDisagreement(id: string): void {
  publish(notes.filter((n) => n.id !== id));
}

export function useDisagreements(): readonly Disagreement[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notes,
  );
}
