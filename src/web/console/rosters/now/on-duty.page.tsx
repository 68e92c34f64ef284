import { CheckCircleFilled, ClockCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import type { OnDutyNow } from '../../../../contract/rosters.ts';
import { clockOf } from '../../gates/gate-format.ts';
import { managesRoster } from '../roster-scope.ts';
import { RostersFrame } from '../rosters-frame.component.tsx';
import { useOnDutyNow, useOpenDutyAlerts } from '../rosters.resource.ts';
import { DutyAlerts } from './duty-alerts.component.tsx';
import { checkedInCount, orderForDesk } from './on-duty-view.ts';

type CheckpointNow = OnDutyNow['checkpoints'][number];

/** Who is on duty now at each checkpoint and whether they have checked in; unstaffed ones first, in red. */
export function OnDutyPage({ me }: { me: Me }) {
  return <RostersFrame me={me} section="now">{(communityId) => <NowBody key={communityId} me={me} communityId={communityId} />}</RostersFrame>;
}

function NowBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const now = useOnDutyNow(communityId);
  const canManage = managesRoster(me, communityId);
  const alerts = useOpenDutyAlerts(communityId, canManage);
  const checkpoints = orderForDesk(now.data?.checkpoints ?? []);
  const unstaffed = checkpoints.filter((c) => c.unstaffed).length;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        {now.data && (
          <Tag color={unstaffed ? 'red' : 'green'} style={{ fontSize: 13, padding: '2px 8px' }} data-testid="now-unstaffed" data-value={unstaffed}>
            {unstaffed ? t('teams-console:rosters.now.unstaffedCount', { count: unstaffed }) : t('teams-console:rosters.now.allStaffed')}
          </Tag>
        )}
        {now.data && <Typography.Text type="secondary">{t('teams-console:rosters.now.asOf', { time: clockOf(now.data.at) })}</Typography.Text>}
      </div>
      {alerts.isError && <Alert type="error" showIcon title={alerts.error.message} />}
      <DutyAlerts alerts={alerts.data ?? []} canHandle={canManage} />
      {now.isError && <Alert type="error" showIcon title={now.error.message} />}
      {now.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {now.data && checkpoints.length === 0 && <Empty description={t('teams-console:rosters.now.noCheckpoints')} style={{ margin: '48px 0' }} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 12 }}>
        {checkpoints.map((c) => (
          <CheckpointCard key={c.entranceId} checkpoint={c} />
        ))}
      </div>
    </Space>
  );
}

function CheckpointCard({ checkpoint: c }: { checkpoint: CheckpointNow }) {
  const { t } = useTranslation();
  const { checkedIn, onShift } = checkedInCount(c);
  return (
    <Card
      size="small"
      data-testid="now-checkpoint"
      data-checkpoint={c.name}
      data-unstaffed={String(c.unstaffed)}
      style={c.unstaffed ? { borderColor: '#ff7875', background: '#fff1f0' } : undefined}
      title={
        <span style={c.unstaffed ? { color: '#cf1322' } : undefined}>
          {c.unstaffed && <WarningFilled />} {c.name}
        </span>
      }
      extra={
        c.shift ? (
          <Tag color={c.unstaffed ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {c.shift.start}–{c.shift.end}
          </Tag>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t('teams-console:rosters.now.noShift')}</Tag>
        )
      }
    >
      {c.shift && (
        <div style={{ marginBottom: 6, color: c.unstaffed ? '#cf1322' : '#595959', fontSize: 12 }}>
          {c.unstaffed ? t('teams-console:rosters.now.unstaffed', { minimum: c.shift.minimum }) : t('teams-console:rosters.now.checkedInOf', { checkedIn, onShift, minimum: c.shift.minimum })}
        </div>
      )}
      {c.onShift.length === 0 && c.shift && <Typography.Text type="danger">{t('teams-console:rosters.now.nobody')}</Typography.Text>}
      {c.onShift.map((p) => (
        <div key={p.userId} data-testid="now-person" data-name={p.name} data-checked-in={String(Boolean(p.checkedInAt))} style={{ display: 'flex', alignItems: 'center', gap: 8, fontSize: 15, padding: '2px 0' }}>
          {p.checkedInAt ? <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} /> : <ClockCircleOutlined style={{ color: '#bfbfbf', fontSize: 18 }} />}
          <span>{p.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.checkedInAt ? t('teams-console:rosters.now.checkedIn', { time: clockOf(p.checkedInAt) }) : t('teams-console:rosters.now.notCheckedIn')}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
