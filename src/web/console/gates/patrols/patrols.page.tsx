import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { shanghaiDate, shanghaiHour } from '../../../../domain/local-date.ts';
import { hasPermission } from '../../../shared/session.ts';
import { GatesFrame } from '../gates-frame.component.tsx';
import { clockOf } from '../gate-format.ts';
import { usePatrolCoverage, usePatrolGroups, type Coverage, type PatrolTeam } from '../gates.resource.ts';
import { CoverageGrid } from './coverage-grid.component.tsx';
import { PatrolGroupCreateModal, ZoneCreateModal } from './patrol-forms.component.tsx';

type Round = Coverage['rounds'][number];

/** Mobile patrols: which zones were walked in which hours of a day, the rounds, and the patrol groups. */
export function PatrolsPage({ me }: { me: Me }) {
  return <GatesFrame me={me} section="patrols">{(communityId) => <PatrolsBody key={communityId} me={me} communityId={communityId} />}</GatesFrame>;
}

function PatrolsBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = shanghaiDate();
  const day = params.get('day') ?? today;
  const coverage = usePatrolCoverage(communityId, day);
  const groups = usePatrolGroups(communityId);
  const manage = hasPermission(me, 'gate.manage');
  const [creating, setCreating] = useState<'zone' | 'group' | null>(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <DatePicker
          value={dayjs(day)}
          format="YYYY-MM-DD"
          allowClear={false}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          onChange={(d) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (d && d.format('YYYY-MM-DD') !== today) next.set('day', d.format('YYYY-MM-DD'));
              else next.delete('day');
              return next;
            }, { replace: true })
          }
          data-testid="patrol-day"
        />
        <div style={{ flex: 1 }} />
        {manage && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setCreating('zone')} data-testid="zone-create">
              {t('gate-console:patrols.createZone')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setCreating('group')} data-testid="patrol-group-create">
              {t('gate-console:patrols.createGroup')}
            </Button>
          </>
        )}
      </div>
      {coverage.isError && <Alert type="error" showIcon title={coverage.error.message} />}
      <Card size="small" title={t('gate-console:patrols.coverageTitle', { day })} loading={coverage.isPending}>
        {coverage.data && <CoverageGrid zones={coverage.data.zones} currentHour={day === today ? shanghaiHour(new Date()) : undefined} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small" title={t('gate-console:patrols.roundsTitle', { count: coverage.data?.rounds.length ?? 0 })}>
            <RoundsTable rounds={coverage.data?.rounds ?? []} loading={coverage.isPending} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('gate-console:patrols.groupsTitle')}>
            {groups.isError && <Alert type="error" showIcon title={groups.error.message} />}
            <Table<PatrolTeam>
              data-testid="patrol-groups"
              rowKey="id"
              size="small"
              pagination={false}
              loading={groups.isPending}
              dataSource={groups.data ?? []}
              locale={{ emptyText: t('gate-console:patrols.noGroups') }}
              columns={[
                { key: 'name', title: t('gate-console:patrols.groupName'), dataIndex: 'name', width: 200 },
                { key: 'zones', title: t('gate-console:patrols.groupZones'), width: 260, render: (_, g) => g.zones.map((z) => <Tag key={z.id}>{z.name}</Tag>) },
                { key: 'members', title: t('gate-console:patrols.groupMembers'), render: (_, g) => g.members.map((m) => m.name).join(t('gate-console:listSeparator')) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {creating === 'zone' && <ZoneCreateModal communityId={communityId} onClose={() => setCreating(null)} />}
      {creating === 'group' && <PatrolGroupCreateModal communityId={communityId} onClose={() => setCreating(null)} />}
    </Space>
  );
}

function RoundsTable({ rounds, loading }: { rounds: readonly Round[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<Round>
      data-testid="patrol-rounds"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...rounds].reverse()}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('gate-console:patrols.noRounds') }}
      onRow={() => ({ 'data-testid': 'patrol-round' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'time', title: t('gate-console:patrols.time'), width: 110, render: (_, r) => `${clockOf(r.startedAt)}–${clockOf(r.endedAt)}` },
        { key: 'group', title: t('gate-console:patrols.group'), dataIndex: 'groupName', width: 120 },
        { key: 'zone', title: t('gate-console:patrols.zone'), dataIndex: 'zoneName', width: 70 },
        { key: 'checked', title: t('gate-console:patrols.checked'), dataIndex: 'checked', width: 90, align: 'right' },
        {
          key: 'fevers',
          title: t('gate-console:patrols.fevers'),
          width: 60,
          align: 'right',
          render: (_, r) => <span style={r.fevers ? { color: '#cf1322', fontWeight: 600 } : undefined}>{r.fevers}</span>,
        },
        {
          key: 'reminders',
          title: t('gate-console:patrols.reminders'),
          width: 150,
          render: (_, r) => t('gate-console:patrols.remindersText', { masks: r.remindersMasks, gatherings: r.remindersGatherings }),
        },
        { key: 'incidents', title: t('gate-console:patrols.incidents'), render: (_, r) => r.incidents ?? <Typography.Text type="secondary">{t('gate-console:patrols.noIncidents')}</Typography.Text> },
        { key: 'recorder', title: t('gate-console:patrols.recordedBy'), dataIndex: 'recordedByName', width: 170 },
      ]}
    />
  );
}
