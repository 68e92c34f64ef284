import { CheckOutlined, CloseOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import type { Duty, Swap } from '../../../../contract/rosters.ts';
import { useEntrances } from '../../gates/gates.resource.ts';
import { whenOf } from '../../gates/gate-format.ts';
import { shortDay, weekdayIndex } from '../roster-grid.ts';
import { managesRoster } from '../roster-scope.ts';
import { RostersFrame } from '../rosters-frame.component.tsx';
import { useSwaps } from '../rosters.resource.ts';
import { DecideSwapModal } from './decide-swap-modal.component.tsx';

const STATUS_COLOR: Record<Swap['status'], string> = { pending: 'orange', approved: 'green', rejected: 'red', cancelled: 'default' };

/** Swap requests of the community: the pending ones to decide first, the decided ones below. */
export function SwapsPage({ me }: { me: Me }) {
  return <RostersFrame me={me} section="swaps">{(communityId) => <SwapsBody key={communityId} me={me} communityId={communityId} />}</RostersFrame>;
}

/** A duty in words: "Main gate · Mon 2/17 · 07:00–12:00". */
export function useDutyText(communityId: string) {
  const { t } = useTranslation();
  const entrances = useEntrances(communityId);
  const names = new Map((entrances.data ?? []).map((e) => [e.id, e.name]));
  return (d: Duty) => `${names.get(d.entranceId) ?? '…'} · ${t(`teams:weekdays.${weekdayIndex(d.day)}`)} ${shortDay(d.day)} · ${d.start}–${d.end}`;
}

function SwapsBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const swaps = useSwaps(communityId);
  const dutyText = useDutyText(communityId);
  const canManage = managesRoster(me, communityId);
  const [deciding, setDeciding] = useState<Swap | null>(null);
  const all = swaps.data ?? [];
  const pending = all.filter((s) => s.status === 'pending');
  const decided = all.filter((s) => s.status !== 'pending').sort((a, b) => (b.decidedAt ?? b.requestedAt).localeCompare(a.decidedAt ?? a.requestedAt));

  const common = [
    { key: 'requestedBy', title: t('teams-console:rosters.swaps.columns.requestedBy'), width: 110, render: (_: unknown, s: Swap) => <Typography.Text strong>{s.requestedByName}</Typography.Text> },
    { key: 'duty', title: t('teams-console:rosters.swaps.columns.duty'), render: (_: unknown, s: Swap) => <span data-testid="swap-duty">{dutyText(s.duty)}</span> },
    { key: 'to', title: t('teams-console:rosters.swaps.columns.to'), width: 100, render: (_: unknown, s: Swap) => s.toName },
    {
      key: 'counter',
      title: t('teams-console:rosters.swaps.columns.counter'),
      render: (_: unknown, s: Swap) =>
        s.counterDuty ? (
          <span>
            <SwapOutlined /> {dutyText(s.counterDuty)}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('teams-console:rosters.swaps.handOver')}</Typography.Text>
        ),
    },
    { key: 'reason', title: t('teams-console:rosters.swaps.columns.reason'), render: (_: unknown, s: Swap) => s.reason },
    { key: 'requestedAt', title: t('teams-console:rosters.swaps.columns.requestedAt'), width: 130, render: (_: unknown, s: Swap) => whenOf(t, s.requestedAt) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {swaps.isError && <Alert type="error" showIcon title={swaps.error.message} />}
      <Card size="small" title={<span>{t('teams-console:rosters.swaps.pending')} {pending.length > 0 && <Tag color="orange">{pending.length}</Tag>}</span>}>
        <Table<Swap>
          size="small"
          rowKey="id"
          loading={swaps.isPending}
          dataSource={pending}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('teams-console:rosters.swaps.none') }}
          onRow={(s) => ({ 'data-testid': 'swap-pending', 'data-requester': s.requestedByName }) as HTMLAttributes<HTMLElement>}
          columns={[
            ...common,
            ...(canManage
              ? [
                  {
                    key: 'decide',
                    width: 190,
                    render: (_: unknown, s: Swap) => (
                      <Space>
                        <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => setDeciding(s)} data-testid="swap-decide">
                          {t('teams-console:rosters.swaps.decide')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('teams-console:rosters.swaps.decided')}>
        <Table<Swap>
          size="small"
          rowKey="id"
          loading={swaps.isPending}
          dataSource={decided}
          pagination={decided.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('teams-console:rosters.swaps.noneDecided') }}
          onRow={(s) => ({ 'data-testid': 'swap-decided', 'data-requester': s.requestedByName, 'data-status': s.status }) as HTMLAttributes<HTMLElement>}
          columns={[
            ...common,
            {
              key: 'status',
              title: t('teams-console:rosters.swaps.columns.status'),
              width: 90,
              render: (_: unknown, s: Swap) => (
                <Tag color={STATUS_COLOR[s.status]} icon={s.status === 'rejected' ? <CloseOutlined /> : undefined}>
                  {t(`teams:swapStatus.${s.status}`)}
                </Tag>
              ),
            },
            {
              key: 'decidedBy',
              title: t('teams-console:rosters.swaps.columns.decidedBy'),
              render: (_: unknown, s: Swap) => (
                <span>
                  {s.decidedByName ?? ''} {s.decidedAt && <Typography.Text type="secondary">{whenOf(t, s.decidedAt)}</Typography.Text>}
                  {s.note && <div>{s.note}</div>}
                </span>
              ),
            },
          ]}
        />
      </Card>
      {deciding && <DecideSwapModal swap={deciding} dutyText={dutyText} onClose={() => setDeciding(null)} />}
    </Space>
  );
}
