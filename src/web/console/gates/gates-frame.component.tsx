import { Alert, Card, Empty, Space, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { hasPermission } from '../../shared/session.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { useGateCommunity } from './gate-community.ts';

export type GateSection = 'live' | 'entrances' | 'passes' | 'register' | 'patrols';

/** The gate pages and what opens each (the server checks again). */
export const GATE_SECTIONS: readonly { key: GateSection; path: string; permission: Permission }[] = [
  { key: 'live', path: '/gates', permission: 'gate.view' },
  { key: 'entrances', path: '/gates/entrances', permission: 'gate.view' },
  { key: 'passes', path: '/gates/passes', permission: 'gate.manage' },
  { key: 'register', path: '/gates/register', permission: 'gate.manage' },
  { key: 'patrols', path: '/gates/patrols', permission: 'gate.view' },
];

interface Props {
  me: Me;
  section: GateSection;
  /** Buttons for this page, beside the community. */
  extra?: ReactNode;
  children: (communityId: string) => ReactNode;
}

/**
 * What every gate page shares: the tabs between them and the community they
 * show. A secretary's own community is taken at once; a street office picks
 * one of its communities, kept in the URL when the tabs change.
 */
export function GatesFrame({ me, section, extra, children }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { communityId, own, chosen, setCommunityId } = useGateCommunity(me);
  const [notCommunity, setNotCommunity] = useState(false);
  const sections = GATE_SECTIONS.filter((s) => hasPermission(me, s.permission));

  const picker = own && !chosen ? (
    <Tag color="blue" data-testid="gate-community" style={{ fontSize: 14, padding: '2px 10px' }}>
      {own.name}
    </Tag>
  ) : (
    <UnitTreeSelect
      value={communityId}
      allowClear={false}
      placeholder={t('gate-console:community.pick')}
      style={{ width: 220 }}
      onUnit={(u) => {
        const ok = u?.kind === 'community';
        setNotCommunity(Boolean(u) && !ok);
        if (ok) setCommunityId(u.id);
      }}
    />
  );

  return (
    <Card
      styles={{ body: { paddingTop: 0 } }}
      title={t('gate-console:nav.gates')}
      extra={
        <Space wrap>
          {extra}
          {picker}
        </Space>
      }
    >
      <Tabs
        activeKey={section}
        onChange={(key) => {
          const target = sections.find((s) => s.key === key);
          if (target) void navigate({ pathname: target.path, search: chosen ? `?communityId=${encodeURIComponent(chosen)}` : '' });
        }}
        items={sections.map((s) => ({ key: s.key, label: <span data-testid={`gate-tab-${s.key}`}>{t(`gate-console:tabs.${s.key}`)}</span> }))}
      />
      {notCommunity && <Alert type="warning" showIcon title={t('gate-console:community.onlyCommunity')} style={{ marginBottom: 16 }} />}
      {communityId ? children(communityId) : <Empty description={t('gate-console:community.none')} style={{ margin: '48px 0' }} />}
    </Card>
  );
}
