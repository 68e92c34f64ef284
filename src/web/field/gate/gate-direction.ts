import { useSyncExternalStore } from 'react';
import type { PassageInput } from '../../../contract/gates.ts';

type Direction = PassageInput['direction'];

/**
 * In or out, for the scans and visitors that follow: "in" when the app opens,
 * and kept while the volunteer moves between the desk and the visitor form
 * (a stream of people leaving is registered as such without a tap each).
 */
let direction: Direction = 'in';
const listeners = new Set<() => void>();

function set(next: Direction): void {
  direction = next;
  for (const l of listeners) l();
}

export function useGateDirection(): [Direction, (next: Direction) => void] {
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => direction,
  );
  return [value, set];
}
