import { ReloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { CheckChip } from '../arrivals/check-chip.component.tsx';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { useChecks, useWorkers, type Check, type CheckList } from '../observation.resource.ts';
import { CHECK_STATE_COLOR, dateTimeOf, DASH } from '../observation-format.ts';
import { useChecksNow } from './checks-now.ts';

const LISTS: readonly CheckList[] = ['due', 'overdue', 'done'];
const NO_CHECKS: readonly Check[] = [];

/** The community's checks: today's still to do, every open plan's missed ones, today's done; for everyone or one worker. */
export function ChecksPage({ me }: { me: Me }) {
  return <ObservationFrame me={me} section="checks">{(communityId) => <CheckLists key={communityId} communityId={communityId} />}</ObservationFrame>;
}

function CheckLists({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const [list, setList] = useState<CheckList>('due');
  const [workerId, setWorkerId] = useState<string | undefined>();
  const workers = useWorkers(communityId);
  const checks = useChecks(communityId, list, workerId);
  // Each row's state as of now: a due check turns overdue on screen when its grace ends; the live stream then moves it to its list.
  const rows = useChecksNow(checks.data ?? NO_CHECKS);
  const workerName = new Map((workers.data ?? []).map((w) => [w.userId, w.name]));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<CheckList>
          value={list}
          onChange={setList}
          options={LISTS.map((l) => ({ value: l, label: <span data-testid={`checks-list-${l}`}>{t(`observation-console:checks.lists.${l}`)}</span> }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={workerId}
          onChange={(v: string | undefined) => setWorkerId(v)}
          placeholder={t('observation-console:checks.allWorkers')}
          options={(workers.data ?? []).map((w) => ({ value: w.userId, label: w.name }))}
          style={{ width: 240 }}
          data-testid="checks-worker"
        />
        <Button icon={<ReloadOutlined />} loading={checks.isFetching} onClick={() => void checks.refetch()} data-testid="checks-refresh">
          {t('observation-console:checks.refresh')}
        </Button>
        {checks.data && <Typography.Text type="secondary">{t('observation-console:checks.count', { count: checks.data.length })}</Typography.Text>}
      </Space>
      {checks.error && <Typography.Text type="danger">{checks.error.message}</Typography.Text>}
      <Table<Check>
        rowKey="id"
        size="small"
        loading={checks.isFetching && !checks.data}
        dataSource={rows}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="checks"
        data-list={list}
        data-fresh={String(!checks.isPlaceholderData && !checks.isFetching)}
        locale={{ emptyText: t(`observation-console:checks.empty.${list}`) }}
        onRow={(c) => ({ 'data-testid': 'check-row', 'data-name': c.name, 'data-state': c.state }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('observation-console:field.name'), render: (_, c) => <Link to={link(`/observation/arrivals/${c.arrivalId}`)}>{c.name}</Link> },
          { key: 'group', title: t('observation-console:field.group'), render: (_, c) => c.groupName ?? DASH },
          { key: 'place', title: t('observation-console:plan.place'), render: (_, c) => c.place ?? DASH },
          { key: 'kind', title: t('observation-console:checks.kind'), render: (_, c) => t(`observation:checkKind.${c.kind}`) },
          { key: 'day', title: t('observation-console:plan.day'), render: (_, c) => `${t('observation:dayN', { n: c.dayNumber })} · ${c.day}` },
          { key: 'due', title: t('observation-console:checks.dueAt'), render: (_, c) => dateTimeOf(c.dueAt) },
          { key: 'state', title: t('observation-console:checks.state'), render: (_, c) => <Tag color={CHECK_STATE_COLOR[c.state]}>{t(`observation:checkState.${c.state}`)}</Tag> },
          { key: 'reading', title: t('observation-console:checks.reading'), render: (_, c) => (c.state === 'done' ? <CheckChip check={c} /> : DASH) },
          { key: 'worker', title: t('observation-console:plan.worker'), render: (_, c) => workerName.get(c.workerId) ?? DASH },
          { key: 'recorded', title: t('observation-console:checks.recordedBy'), render: (_, c) => c.recordedByName ?? DASH },
        ]}
      />
    </Space>
  );
}
