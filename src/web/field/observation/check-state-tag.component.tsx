import { useTranslation } from 'react-i18next';
import type { RowState } from './check-lists.ts';

/** A check's state in a colour read at a glance: grey to come, amber due, red overdue or refused, green done, blue waiting on the phone. */
export function CheckStateTag({ state }: { state: RowState }) {
  const { t } = useTranslation();
  const label = state === 'waiting' || state === 'refused' ? t(`observation-field:checks.state.${state}`) : t(`observation:checkState.${state}`);
  return (
    <span className={`obs-state obs-state-${state}`} data-testid="check-state">
      {label}
    </span>
  );
}
