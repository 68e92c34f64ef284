import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { hasPermission } from '../../../shared/session.ts';
import { ObservationAlerts } from '../alerts/alert-list.component.tsx';
import { FiguresCards } from '../figures/figures-cards.component.tsx';
import { FiguresDay } from '../figures/figures-day.component.tsx';
import { FiguresOnlyPage } from '../figures/figures-only.page.tsx';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { useFigures } from '../observation.resource.ts';
import { useShanghaiToday } from '../time/clock.ts';

/**
 * /observation: for the community, the day's figures and the open alerts;
 * for an office that sees figures only (a street), just the figures.
 */
export function ObservationOverviewPage({ me }: { me: Me }) {
  if (!hasPermission(me, 'observation.read')) return <FiguresOnlyPage me={me} />;
  return <ObservationFrame me={me} section="overview">{(communityId) => <Overview key={communityId} me={me} communityId={communityId} />}</ObservationFrame>;
}

function Overview({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const [day, setDay] = useState<string | undefined>();
  const today = useShanghaiToday();
  const figures = useFigures(communityId, day ?? today);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('observation-console:figures.title')}
        </Typography.Title>
        <FiguresDay day={day} today={today} onDay={setDay} />
      </div>
      {figures.error && <Typography.Text type="danger">{figures.error.message}</Typography.Text>}
      <FiguresCards figures={figures.data} loading={figures.isPending} />
      {hasPermission(me, 'observation.manage') && <ObservationAlerts communityId={communityId} arrivalLink={(id) => link(`/observation/arrivals/${id}`)} />}
    </Space>
  );
}
