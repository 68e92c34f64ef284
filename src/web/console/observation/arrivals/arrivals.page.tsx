import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { hasPermission } from '../../../shared/session.ts';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { useArrivals, type ArrivalStatus, type ArrivalSummary } from '../observation.resource.ts';
import { DASH } from '../observation-format.ts';
import { orDash, PlanCell } from './plan-cell.component.tsx';

const STATUSES: readonly ArrivalStatus[] = ['observing', 'released', 'none', 'all'];

/** Outside workers and returnees of the community, filtered by observation status and searched by name, ID or phone. */
export function ArrivalsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  return (
    <ObservationFrame
      me={me}
      section="arrivals"
      extra={
        hasPermission(me, 'observation.write') && (
          <Link to={link('/observation/arrivals/new')}>
            <Button type="primary" icon={<UserAddOutlined />} data-testid="arrival-new">
              {t('observation-console:arrivals.register')}
            </Button>
          </Link>
        )
      }
    >
      {(communityId) => <ArrivalList key={communityId} communityId={communityId} />}
    </ObservationFrame>
  );
}

function ArrivalList({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ArrivalStatus) : 'observing';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const arrivals = useArrivals({ communityId, status, q: q || undefined });
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<ArrivalStatus>
          value={status}
          onChange={(v) => set('status', v)}
          options={STATUSES.map((s) => ({ value: s, label: <span data-testid={`arrivals-status-${s}`}>{t(`observation:listStatus.${s}`)}</span> }))}
        />
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set('q', v.trim())}
          placeholder={t('observation-console:arrivals.searchPlaceholder')}
          enterButton={<SearchOutlined />}
          style={{ width: 320 }}
          data-testid="arrivals-search"
        />
        {arrivals.data && <Typography.Text type="secondary">{t('observation-console:arrivals.count', { count: arrivals.data.length })}</Typography.Text>}
      </Space>
      {arrivals.error && <Typography.Text type="danger">{arrivals.error.message}</Typography.Text>}
      <Table<ArrivalSummary>
        rowKey="id"
        size="small"
        loading={arrivals.isFetching && !arrivals.data}
        dataSource={arrivals.data ?? []}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        scroll={{ x: 1060 }}
        data-testid="arrivals"
        data-fresh={String(!arrivals.isPlaceholderData && !arrivals.isFetching)}
        onRow={(a) => ({ 'data-testid': 'arrival-row', 'data-name': a.name, 'data-id': a.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('observation-console:field.name'),
            fixed: 'left',
            width: 100,
            render: (_, a) => (
              <div>
                <Link to={link(`/observation/arrivals/${a.id}`)} data-testid="arrival-open">
                  {a.name}
                </Link>
                <div>
                  <Tag color={a.category === 'returnee' ? 'purple' : 'cyan'} style={{ marginTop: 2 }}>
                    {t(`observation:category.${a.category}`)}
                  </Tag>
                </div>
              </div>
            ),
          },
          {
            key: 'id',
            width: 140,
            title: `${t('observation-console:field.idNumber')} / ${t('observation-console:field.phone')}`,
            render: (_, a) => <Lines first={a.idMasked} second={a.phoneMasked} tabular />,
          },
          { key: 'origin', title: t('observation-console:field.origin'), dataIndex: 'origin', width: 120 },
          {
            key: 'arrival',
            width: 130,
            title: `${t('observation-console:field.arrivedOn')} / ${t('observation-console:field.transport')}`,
            render: (_, a) => <Lines first={a.arrivedOn} second={[t(`observation:transportKind.${a.transportKind}`), a.transportRef].filter(Boolean).join(' ')} />,
          },
          {
            key: 'stay',
            width: 160,
            title: `${t('observation-console:field.stayPlace')} / ${t('observation-console:field.employer')}`,
            render: (_, a) => <Lines first={orDash(a.stayPlace)} second={a.employer} />,
          },
          { key: 'group', title: t('observation-console:field.group'), width: 120, render: (_, a) => (a.groupId ? <Link to={link(`/observation/groups/${a.groupId}`)}>{a.groupName}</Link> : DASH) },
          { key: 'plan', title: t('observation-console:field.plan'), width: 220, render: (_, a) => <PlanCell plan={a.plan} /> },
          {
            key: 'letter',
            width: 70,
            title: t('observation-console:field.letter'),
            render: (_, a) => (a.letterSigned ? <Tag color="green">{t('observation-console:letter.signed')}</Tag> : <Tag>{t('observation-console:letter.notSigned')}</Tag>),
          },
        ]}
      />
    </Space>
  );
}

/** Two facts in one cell, the second smaller: keeps the list narrow enough to show the plan without scrolling. */
function Lines({ first, second, tabular }: { first: string; second?: string | null | undefined; tabular?: boolean }) {
  return (
    <div style={{ lineHeight: 1.35, fontVariantNumeric: tabular ? 'tabular-nums' : undefined }}>
      <div>{first}</div>
      {second && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {second}
        </Typography.Text>
      )}
    </div>
  );
}
