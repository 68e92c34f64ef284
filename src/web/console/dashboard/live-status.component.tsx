import { Badge, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { secondsOf } from '../gates/gate-format.ts';
import type { LinkState } from '../../shared/link-state.ts';

const BADGE = { connecting: 'processing', live: 'success', reconnecting: 'warning', stopped: 'error' } as const;

/** Whether the figures follow the records live, and the time they were counted. */
export function LiveStatus({ link, at }: { link: LinkState; at: string | undefined }) {
  const { t } = useTranslation();
  return (
    <span data-testid="dash-link" data-link={link} style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Badge status={BADGE[link]} text={t(`dashboard:link.${link}`)} />
      {at && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dash-at" data-at={at}>
          {t('dashboard:asOf', { clock: secondsOf(at) })}
        </Typography.Text>
      )}
    </span>
  );
}
