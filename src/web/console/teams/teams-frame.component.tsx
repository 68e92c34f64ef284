import { Alert, Card, Empty, Space, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { hasPermission } from '../../shared/session.ts';
import { useGateCommunity } from '../gates/gate-community.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';

export type TeamsSection = 'teams' | 'volunteers' | 'areas' | 'briefing';

/**
 * The tabs of /teams and what opens each (the server checks again): teams,
 * areas and the briefing are read with team.read and changed with
 * team.manage; volunteers' sign-ups (personal data under review) are the
 * community's own, team.manage only.
 */
export const TEAMS_SECTIONS: readonly { key: TeamsSection; path: string; permission: Permission }[] = [
  { key: 'teams', path: '/teams', permission: 'team.read' },
  { key: 'volunteers', path: '/teams/volunteers', permission: 'team.manage' },
  { key: 'areas', path: '/teams/areas', permission: 'team.read' },
  { key: 'briefing', path: '/teams/briefing', permission: 'team.read' },
];

interface Props {
  me: Me;
  section: TeamsSection;
  /** Buttons for this page, beside the community. */
  extra?: ReactNode;
  children: (communityId: string) => ReactNode;
}

/**
 * What every teams page shares: the tabs and the community shown. A
 * secretary's own community is taken at once; a street office picks one of
 * its communities and sees it read-only. The community and the day asked for
 * stay in the URL when the tabs change.
 */
export function TeamsFrame({ me, section, extra, children }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { communityId, own, chosen, setCommunityId } = useGateCommunity(me);
  const [notCommunity, setNotCommunity] = useState(false);
  const sections = TEAMS_SECTIONS.filter((s) => hasPermission(me, s.permission));

  const picker = own && !chosen ? (
    <Tag color="blue" data-testid="teams-community" style={{ fontSize: 14, padding: '2px 10px' }}>
      {own.name}
    </Tag>
  ) : (
    <UnitTreeSelect
      value={communityId}
      allowClear={false}
      placeholder={t('teams-console:community.pick')}
      style={{ width: 220 }}
      onUnit={(u) => {
        const ok = u?.kind === 'community';
        setNotCommunity(Boolean(u) && !ok);
        if (ok) setCommunityId(u.id);
      }}
    />
  );

  const go = (key: string) => {
    const target = sections.find((s) => s.key === key);
    if (!target) return;
    const keep = new URLSearchParams();
    for (const name of ['communityId', 'day']) {
      const value = params.get(name);
      if (value) keep.set(name, value);
    }
    const search = keep.toString();
    void navigate({ pathname: target.path, search: search ? `?${search}` : '' });
  };

  return (
    <Card
      styles={{ body: { paddingTop: 0 } }}
      title={t('teams-console:title')}
      extra={
        <Space wrap>
          {extra}
          {picker}
        </Space>
      }
    >
      <Tabs
        activeKey={section}
        onChange={go}
        items={sections.map((s) => ({ key: s.key, label: <span data-testid={`teams-tab-${s.key}`}>{t(`teams-console:tabs.${s.key}`)}</span> }))}
      />
      {notCommunity && <Alert type="warning" showIcon title={t('teams-console:community.onlyCommunity')} style={{ marginBottom: 16 }} />}
      {communityId ? children(communityId) : <Empty description={t('teams-console:community.none')} style={{ margin: '48px 0' }} />}
    </Card>
  );
}
