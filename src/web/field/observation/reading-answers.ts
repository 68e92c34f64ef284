import { useSyncExternalStore } from 'react';

/**
 * The server's last answers to this phone's readings, per check, while the
 * app runs: a stored reading leaves the outbox, and the list still says
 * "sent" (or "the server had it already", a resend) beside the check, and
 * whether the lead was alerted. Nothing personal: check ids only.
 */
export interface ReadingAnswer {
  checkId: string;
  result: 'stored' | 'already_stored' | 'refused';
  alert: boolean;
}

let answers: ReadonlyMap<string, ReadingAnswer> = new Map();
const listeners = new Set<() => void>();

export function noteAnswers(list: readonly ReadingAnswer[]): void {
  if (list.length === 0) return;
  const next = new Map(answers);
  for (const a of list) next.set(a.checkId, a);
  answers = next;
  for (const l of listeners) l();
}

export function useReadingAnswers(): ReadonlyMap<string, ReadingAnswer> {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => answers,
  );
}
