import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseCitizenId } from '../../../domain/residents/citizen-id.ts';
import { checkReading } from '../gate/reading.ts';
import { checkArrivalDraft, newArrivalDraft, type ArrivalDraft, type ArrivalField } from './arrival-draft.ts';

/**
 * The state of an arrival form, shared by the public page and the staff's
 * registration: the draft, its problems, and the messages to show under each
 * field — after a first try to send, except those worth saying at once (an ID
 * number typed in full that cannot be right, a misread temperature, a date in
 * the future) — and the server's messages until that field is changed.
 */
export function useArrivalForm(today: string, mobileOnly: boolean) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ArrivalDraft>(() => newArrivalDraft(today));
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<Partial<Record<string, string>>>({});
  const problems = useMemo(() => checkArrivalDraft(draft, today, { mobileOnly }), [draft, today, mobileOnly]);

  const messages: Partial<Record<ArrivalField, string>> = {};
  for (const [field, key] of Object.entries(problems) as [ArrivalField, string][]) {
    const atOnce =
      (field === 'idNumber' && normaliseCitizenId(draft.idNumber).length >= 18) ||
      (field === 'temperature' && checkReading(draft.temperature).kind === 'misread') ||
      field === 'arrivedOn' ||
      field === 'lastTestOn';
    if (tried || atOnce) messages[field] = t(key);
  }
  for (const [field, message] of Object.entries(server)) if (message && !messages[field as ArrivalField]) messages[field as ArrivalField] = message;

  const patch = (p: Partial<ArrivalDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setServer((s) => {
      const next = { ...s };
      for (const key of Object.keys(p)) delete next[key];
      return next;
    });
  };

  return { draft, patch, problems, messages, tried, setTried, setServerFields: setServer, reset: () => { setDraft(newArrivalDraft(today)); setTried(false); setServer({}); } };
}
