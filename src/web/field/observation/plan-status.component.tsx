import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../contract/observation.ts';

/** Under observation (green), released (grey), or not yet under observation (amber). */
export function PlanStatusTag({ plan }: { plan: Plan | null }) {
  const { t } = useTranslation();
  const status = plan === null ? 'none' : plan.releasedAt ? 'released' : 'observing';
  return (
    <span className={`obs-tag obs-tag-${status}`} data-testid="plan-status" data-status={status}>
      {t(`observation:listStatus.${status}`)}
    </span>
  );
}
