import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from './visit-status.ts';

const COLOR: Record<VisitStatus, string> = { refused: 'danger', waiting: 'warning', visited: 'success', away: 'primary', none: 'default' };

/** Visited / waiting to sync / refused / not visited, in words and colour (never colour alone). */
export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} fill={status === 'none' || status === 'away' ? 'outline' : 'solid'} className="field-status-tag" data-testid="visit-status" data-status={status}>
      {t(`field:screening.status.${status}`)}
    </Tag>
  );
}
