import { Badge, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { secondsOf } from '../gate-format.ts';
import type { LinkState } from '../../../shared/link-state.ts';

const BADGE = { connecting: 'processing', live: 'success', reconnecting: 'warning', stopped: 'error' } as const;

/** Connected (live) or reconnecting, and the time of the figures on screen. */
export function LinkStatus({ link, generatedAt }: { link: LinkState; generatedAt: string | undefined }) {
  const { t } = useTranslation();
  return (
    <span data-testid="live-link" data-link={link} style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Badge status={BADGE[link]} text={t(`gate-console:live.link.${link}`)} />
      {generatedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('gate-console:live.asOf', { clock: secondsOf(generatedAt) })}
        </Typography.Text>
      )}
    </span>
  );
}
