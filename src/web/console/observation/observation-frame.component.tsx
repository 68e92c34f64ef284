import { Alert, Badge, Card, Empty, Space, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { hasPermission } from '../../shared/session.ts';
import { useGateCommunity } from '../gates/gate-community.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { useObservationLive } from './live/observation-live.ts';
import { useAlerts } from './observation.resource.ts';

export type ObservationSection = 'overview' | 'arrivals' | 'groups' | 'checks' | 'declarations' | 'letter';

/** The tabs of /observation and what opens each (the server checks again). */
export const OBSERVATION_SECTIONS: readonly { key: ObservationSection; path: string; permission: Permission }[] = [
  { key: 'overview', path: '/observation', permission: 'observation.read' },
  { key: 'arrivals', path: '/observation/arrivals', permission: 'observation.read' },
  { key: 'groups', path: '/observation/groups', permission: 'observation.read' },
  { key: 'checks', path: '/observation/checks', permission: 'observation.read' },
  { key: 'declarations', path: '/observation/declarations', permission: 'observation.read' },
  { key: 'letter', path: '/observation/letter', permission: 'observation.read' },
];

interface CommonProps {
  me: Me;
  section: ObservationSection;
  /** Buttons for this page, beside the community. */
  extra?: ReactNode;
}

/** A page of the community's work: needs a community shown, and is told which. */
interface CommunityPageProps extends CommonProps {
  record?: undefined;
  children: (communityId: string) => ReactNode;
}

/**
 * A page of one record opened by its id (a person, a group): shown whatever
 * community is picked, as a link may lead there from anywhere; the server
 * says whether the user may see it. `communityId` is the record's, once loaded.
 */
interface RecordPageProps extends CommonProps {
  record: { communityId: string | undefined };
  children: ReactNode;
}

/**
 * What every observation page shares: the tabs, the community shown, and the
 * live stream that keeps the community's queries current. A secretary's own
 * community is taken at once; someone above a community picks one, kept in
 * the URL (`?communityId=`) when the tabs change, as on the gate pages.
 */
export function ObservationFrame(props: CommunityPageProps | RecordPageProps) {
  const { me, section, extra } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { communityId, own, chosen, setCommunityId } = useGateCommunity(me);
  const [, setParams] = useSearchParams();
  const [notCommunity, setNotCommunity] = useState(false);
  const recordCommunity = props.record?.communityId;
  // A record opened by a link with no community shown: its community becomes the one shown, so the tabs and "back" lead there.
  useEffect(() => {
    if (recordCommunity && !communityId) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('communityId', recordCommunity);
          return next;
        },
        { replace: true },
      );
    }
  }, [recordCommunity, communityId, setParams]);
  useObservationLive(props.record ? recordCommunity : communityId);
  const sections = OBSERVATION_SECTIONS.filter((s) => hasPermission(me, s.permission));
  // The open alerts' count rides on the overview tab, refreshed with the list itself.
  const alerts = useAlerts(communityId ?? '', Boolean(communityId) && hasPermission(me, 'observation.manage'));
  const openAlerts = alerts.data?.length ?? 0;

  const picker = own && !chosen ? (
    <Tag color="blue" data-testid="observation-community" style={{ fontSize: 14, padding: '2px 10px' }}>
      {own.name}
    </Tag>
  ) : (
    <UnitTreeSelect
      value={communityId}
      allowClear={false}
      placeholder={t('observation-console:community.pick')}
      style={{ width: 220 }}
      onUnit={(u) => {
        const ok = u?.kind === 'community';
        setNotCommunity(Boolean(u) && !ok);
        if (ok) setCommunityId(u.id);
      }}
    />
  );

  const label = (key: ObservationSection) => {
    const text = t(`observation-console:tabs.${key}`);
    if (key !== 'overview' || openAlerts === 0) return <span data-testid={`observation-tab-${key}`}>{text}</span>;
    return (
      <span data-testid={`observation-tab-${key}`}>
        {text} <Badge count={openAlerts} size="small" data-testid="observation-alert-badge" title={t('observation-console:alerts.badge', { count: openAlerts })} />
      </span>
    );
  };

  return (
    <Card
      styles={{ body: { paddingTop: 0 } }}
      title={t('observation-console:title')}
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
        items={sections.map((s) => ({ key: s.key, label: label(s.key) }))}
      />
      {notCommunity && <Alert type="warning" showIcon title={t('observation-console:community.onlyCommunity')} style={{ marginBottom: 16 }} />}
      {props.record ? props.children : communityId ? props.children(communityId) : <Empty description={t('observation-console:community.none')} style={{ margin: '48px 0' }} />}
    </Card>
  );
}

/** A link within the observation pages that keeps the community chosen (`?communityId=`, when one was). */
export function useObservationLink() {
  const [params] = useSearchParams();
  const chosen = params.get('communityId');
  return (path: string) => (chosen ? `${path}${path.includes('?') ? '&' : '?'}communityId=${encodeURIComponent(chosen)}` : path);
}
