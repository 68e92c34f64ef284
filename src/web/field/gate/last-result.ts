import { useSyncExternalStore } from 'react';
import type { PassageInput } from '../../../contract/gates.ts';
import type { PassRefusal } from '../../../domain/gates/pass-verdict.ts';

/**
 * What the gate screen shows in its big panel: the last registration made on
 * this phone (a scanned pass, or a visitor just saved on the form), or a
 * reading to take again. Kept outside the screens so the visitor form can
 * hand its result to the gate screen it returns to.
 */
export type GateResult =
  | {
      kind: 'pass';
      id: string;
      at: string;
      direction: PassageInput['direction'];
      allowed: boolean;
      reason: PassRefusal | null;
      /** The masked name and the group and address the pass carries, when it could be read. */
      name: string | null;
      detail: string | null;
      temperature: number | null;
      fever: boolean;
    }
  | { kind: 'visitor'; id: string; at: string; direction: PassageInput['direction']; name: string; temperature: number | null; fever: boolean }
  | { kind: 'measureAgain'; id: string; at: string; temperature: number | null };

let last: GateResult | null = null;
const listeners = new Set<() => void>();

export function showResult(result: GateResult | null): void {
  last = result;
  for (const l of listeners) l();
}

export function useLastResult(): GateResult | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => last,
  );
}
