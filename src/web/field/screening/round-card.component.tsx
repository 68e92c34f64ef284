import { ProgressBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { RoundProgress } from './round-progress.ts';

/** Done / total with a bar, and what is waiting or refused: how far the user's own part of a round has come. */
export function RoundCounts({ progress }: { progress: RoundProgress }) {
  const { t } = useTranslation();
  const { counts, households } = progress;
  const total = households.length;
  const done = counts.visited + counts.waiting;
  return (
    <div className="field-round-counts" data-testid="round-counts">
      <div className="field-round-numbers">
        <span>{t('field:screening.progress', { done, total })}</span>
        {counts.waiting > 0 && <span className="field-count-waiting">{t('field:screening.waitingCount', { count: counts.waiting })}</span>}
        {counts.refused > 0 && <span className="field-count-refused">{t('field:screening.refusedCount', { count: counts.refused })}</span>}
      </div>
      <ProgressBar percent={total ? (done / total) * 100 : 0} className="field-round-bar" />
    </div>
  );
}
