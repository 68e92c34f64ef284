import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPlanDraft, newPlanDraft, planFieldOf, type PlanDraft, type PlanField, type PlanKind } from './plan-draft.ts';

/** The state of a plan set on a phone: its draft, problems, and the messages under its fields (after a try, and the server's). */
export function usePlanForm(initial: { kind: PlanKind; workerId: string | null; place?: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PlanDraft>(() => newPlanDraft(initial.kind, initial.workerId, initial.place));
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<Partial<Record<PlanField, string>>>({});
  const problems = useMemo(() => checkPlanDraft(draft), [draft]);
  const messages: Partial<Record<PlanField, string>> = {};
  if (tried) for (const [field, key] of Object.entries(problems) as [PlanField, string][]) messages[field] = t(key);
  for (const [field, message] of Object.entries(server) as [PlanField, string][]) messages[field] ??= message;

  const patch = useCallback((p: Partial<PlanDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setServer((s) => {
      const next = { ...s };
      for (const key of Object.keys(p)) delete next[key as PlanField];
      return next;
    });
  }, []);
  /** Puts the server's `plan.*` messages under their fields; answers whether any was placed. */
  const placeServer = (fields: Record<string, string>) => {
    const placed: Partial<Record<PlanField, string>> = {};
    for (const [f, m] of Object.entries(fields)) {
      const field = planFieldOf(f);
      if (field) placed[field] = m;
    }
    setServer(placed);
    return Object.keys(placed).length > 0;
  };
  return { draft, patch, problems, messages, setTried, placeServer };
}
