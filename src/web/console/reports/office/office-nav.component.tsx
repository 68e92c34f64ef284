import { Segmented, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { LinkState } from '../../../shared/link-state.ts';
import { query } from '../../../shared/api.ts';

interface Props {
  current: 'level' | 'issues';
  /** Kept when moving between the two pages, so the unit stays the one on screen. */
  orgId?: string | undefined;
  live: LinkState;
}

/** The two office pages (the level's reports, the issues inbox) and whether the page is live. */
export function OfficeNav({ current, orgId, live }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 12 }}>
      <Segmented
        value={current}
        onChange={(v) => navigate(v === 'level' ? `/reports${orgId ? `/${orgId}` : ''}` : `/reports/issues${query({ orgId })}`)}
        options={[
          { value: 'level', label: <span data-testid="office-tab-level">{t('reports-office:tabs.level')}</span> },
          { value: 'issues', label: <span data-testid="office-tab-issues">{t('reports-office:tabs.issues')}</span> },
        ]}
      />
      <LiveTag status={live} />
    </span>
  );
}

export function LiveTag({ status }: { status: LinkState }) {
  const { t } = useTranslation();
  const color = status === 'live' ? 'green' : status === 'stopped' ? 'default' : 'orange';
  return (
    <Tooltip title={t(`reports-office:live.hint.${status}`)}>
      <Tag color={color} data-testid="office-live" data-status={status}>
        {t(`reports-office:live.${status}`)}
      </Tag>
    </Tooltip>
  );
}
