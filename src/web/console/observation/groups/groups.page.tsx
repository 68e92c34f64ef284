import { UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { hasPermission } from '../../../shared/session.ts';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { asOf, stateChanges } from '../checks/checks-now.ts';
import { useGroups, type ObservationGroup } from '../observation.resource.ts';
import { useNow } from '../time/clock.ts';
import { DASH, FEVER_RED } from '../observation-format.ts';
import { todayCounts } from './group-today.ts';

/** Batches and convoys registered as one, with how far today's checks of their members have come. */
export function GroupsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  return (
    <ObservationFrame
      me={me}
      section="groups"
      extra={
        hasPermission(me, 'observation.write') && (
          <Link to={link('/observation/groups/new')}>
            <Button type="primary" icon={<UsergroupAddOutlined />} data-testid="group-new">
              {t('observation-console:groups.register')}
            </Button>
          </Link>
        )
      }
    >
      {(communityId) => <GroupList key={communityId} communityId={communityId} />}
    </ObservationFrame>
  );
}

function GroupList({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const groups = useGroups(communityId);
  // Today's counts as of now: an overdue check counts as one when its grace ends, not when the list is next fetched.
  const now = useNow((groups.data ?? []).flatMap((g) => stateChanges(g.today)));
  return (
    <>
      {groups.error && <Typography.Text type="danger">{groups.error.message}</Typography.Text>}
      <Table<ObservationGroup>
        rowKey="id"
        size="small"
        loading={groups.isPending}
        dataSource={groups.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="groups"
        locale={{ emptyText: t('observation-console:groups.none') }}
        onRow={(g) => ({ 'data-testid': 'group-row', 'data-name': g.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('observation-console:groups.name'), render: (_, g) => <Link to={link(`/observation/groups/${g.id}`)}>{g.name}</Link> },
          { key: 'kind', title: t('observation-console:groups.kind'), render: (_, g) => <Tag color={g.kind === 'convoy' ? 'geekblue' : 'cyan'}>{t(`observation:groupKind.${g.kind}`)}</Tag> },
          { key: 'members', title: t('observation-console:groups.members'), align: 'right', render: (_, g) => g.members.length },
          {
            key: 'today',
            title: t('observation-console:groups.today'),
            render: (_, g) => {
              const c = todayCounts(g.today.map((check) => asOf(check, now)));
              return (
                <span>
                  {t('observation-console:plan.checks', { done: c.done, total: c.total })}
                  {c.overdue > 0 && <Typography.Text strong style={{ color: FEVER_RED }}> · {t('observation-console:plan.overdue', { count: c.overdue })}</Typography.Text>}
                </span>
              );
            },
          },
          { key: 'employer', title: t('observation-console:field.employer'), render: (_, g) => g.employer ?? DASH },
          { key: 'origin', title: t('observation-console:field.origin'), dataIndex: 'origin' },
          { key: 'arrivedOn', title: t('observation-console:field.arrivedOn'), dataIndex: 'arrivedOn' },
          { key: 'transport', title: t('observation-console:field.transport'), render: (_, g) => [t(`observation:transportKind.${g.transportKind}`), g.transportRef].filter(Boolean).join(' ') },
          { key: 'stay', title: t('observation-console:field.stayPlace'), render: (_, g) => g.stayPlace ?? DASH },
        ]}
      />
    </>
  );
}
