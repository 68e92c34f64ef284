import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { RoundSummary } from '../../../contract/ledger.ts';
import { hasPermission } from '../../shared/session.ts';
import { RoundCreateModal } from './round-create.component.tsx';
import { RoundStatus, VisitProgress } from './round-progress.component.tsx';
import { useRounds } from './screening.resource.ts';

/** The screening rounds of the user's area, open ones first, with how far each has come. */
export function RoundsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  const list = [...(rounds.data ?? [])].sort((a, b) => Number(a.closed) - Number(b.closed) || b.startsOn.localeCompare(a.startsOn));

  return (
    <Card
      title={t('screening:nav.screening')}
      extra={
        hasPermission(me, 'ledger.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
            {t('screening:rounds.create')}
          </Button>
        )
      }
    >
      {rounds.isError && <Typography.Paragraph type="danger">{rounds.error.message}</Typography.Paragraph>}
      <Table<RoundSummary>
        data-testid="rounds"
        rowKey="id"
        size="middle"
        loading={rounds.isPending}
        dataSource={list}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('screening:rounds.none') }}
        onRow={(r) => ({ onClick: () => void navigate(`/screening/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': 'round-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('screening:rounds.name'),
            render: (_, r) => <Link to={`/screening/${r.id}`} onClick={(e) => e.stopPropagation()}>{r.name}</Link>,
          },
          { key: 'community', title: t('screening:rounds.community'), dataIndex: 'communityName', width: 140 },
          {
            key: 'dates',
            title: t('screening:rounds.dates'),
            width: 220,
            render: (_, r) => (r.endsOn ? t('screening:rounds.dateRange', { from: r.startsOn, to: r.endsOn }) : t('screening:rounds.dateFrom', { from: r.startsOn })),
          },
          {
            key: 'groups',
            title: t('screening:rounds.groups'),
            width: 110,
            render: (_, r) => (
              <Tooltip title={r.groups.map((g) => g.name).join(t('screening:listSeparator'))}>
                <span>{t('screening:rounds.groupCount', { count: r.groups.length })}</span>
              </Tooltip>
            ),
          },
          { key: 'progress', title: t('screening:rounds.progress'), width: 300, render: (_, r) => <VisitProgress done={r.visited} of={r.households} /> },
          { key: 'status', title: t('screening:rounds.status'), width: 90, render: (_, r) => <RoundStatus closed={r.closed} /> },
        ]}
      />
      {creating && (
        <RoundCreateModal
          me={me}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void navigate(`/screening/${id}`);
          }}
        />
      )}
    </Card>
  );
}
