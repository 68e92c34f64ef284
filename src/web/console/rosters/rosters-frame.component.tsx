import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Space, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { readsFromAbove, useRosterScope } from './roster-scope.ts';
import { useSwaps } from './rosters.resource.ts';

export type RosterSection = 'week' | 'swaps' | 'now';

const SECTIONS: readonly { key: RosterSection; path: string }[] = [
  { key: 'week', path: '/rosters' },
  { key: 'swaps', path: '/rosters/swaps' },
  { key: 'now', path: '/rosters/now' },
];

interface Props {
  me: Me;
  section: RosterSection;
  /** Buttons for this page, beside the community. */
  extra?: ReactNode;
  /** Shown when no community is chosen (the overview of a street's communities). */
  fallback?: ReactNode;
  children: (communityId: string) => ReactNode;
}

/**
 * What every roster page shares: the community shown (a secretary's own at
 * once; an office above picks one or opens it from the overview, kept in the
 * URL) and the tabs between the week, the swaps and who is on duty now.
 */
export function RostersFrame({ me, section, extra, fallback, children }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { own, chosen, communityId, set, search } = useRosterScope(me);
  const [notCommunity, setNotCommunity] = useState(false);
  const above = readsFromAbove(me);

  const picker = own && !chosen ? (
    <Tag color="blue" data-testid="roster-community" style={{ fontSize: 14, padding: '2px 10px' }}>
      {own.name}
    </Tag>
  ) : (
    <UnitTreeSelect
      value={communityId}
      allowClear={false}
      placeholder={t('teams-console:rosters.community.pick')}
      style={{ width: 220 }}
      onUnit={(u) => {
        const ok = u?.kind === 'community';
        setNotCommunity(Boolean(u) && !ok);
        if (ok) set({ communityId: u.id });
      }}
    />
  );

  return (
    <Card
      styles={{ body: { paddingTop: communityId ? 0 : undefined } }}
      title={
        <Space>
          {above && communityId && (
            <Link to={`/rosters${search({ communityId: '' })}`} data-testid="roster-back-overview">
              <Button size="small" icon={<ArrowLeftOutlined />}>
                {t('teams-console:rosters.overview.back')}
              </Button>
            </Link>
          )}
          {t('teams-console:rosters.title')}
        </Space>
      }
      extra={
        <Space wrap>
          {extra}
          {picker}
        </Space>
      }
    >
      {communityId && (
        <Tabs
          activeKey={section}
          onChange={(key) => {
            const target = SECTIONS.find((s) => s.key === key);
            if (target) void navigate({ pathname: target.path, search: search() });
          }}
          items={SECTIONS.map((s) => ({
            key: s.key,
            label: (
              <span data-testid={`roster-tab-${s.key}`}>
                {t(`teams-console:rosters.tabs.${s.key}`)}
                {s.key === 'swaps' && communityId && <PendingSwaps communityId={communityId} />}
              </span>
            ),
          }))}
        />
      )}
      {notCommunity && <Alert type="warning" showIcon title={t('teams-console:rosters.community.onlyCommunity')} style={{ marginBottom: 16 }} />}
      {communityId ? children(communityId) : (fallback ?? <Empty description={t('teams-console:rosters.community.none')} style={{ margin: '48px 0' }} />)}
    </Card>
  );
}

/** The swaps waiting for the lead, counted on their tab so they are seen from any roster page. */
function PendingSwaps({ communityId }: { communityId: string }) {
  const swaps = useSwaps(communityId);
  const pending = (swaps.data ?? []).filter((s) => s.status === 'pending').length;
  return pending > 0 ? <Badge count={pending} size="small" style={{ marginInlineStart: 6 }} data-testid="roster-pending-swaps" /> : null;
}
