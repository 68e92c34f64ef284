import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../figures/figures-format.ts';
import { percent } from './screening.resource.ts';

/** A bar with "76 / 387 households" beside it: households visited of those in the round. */
export function VisitProgress({ done, of, width = 160 }: { done: number; of: number; width?: number }) {
  const { t } = useTranslation();
  const p = percent(done, of);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10, whiteSpace: 'nowrap' }}>
      <Progress percent={p} size={{ width }} status={p >= 100 ? 'success' : 'normal'} />
      <Typography.Text type="secondary">{t('screening:progress.households', { done: formatCount(done), of: formatCount(of) })}</Typography.Text>
    </span>
  );
}

export function RoundStatus({ closed }: { closed: boolean }) {
  const { t } = useTranslation();
  return closed ? <Tag>{t('screening:status.closed')}</Tag> : <Tag color="processing">{t('screening:status.open')}</Tag>;
}
