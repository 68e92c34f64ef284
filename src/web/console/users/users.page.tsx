import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { grantTrail, roleLabel } from '../shared/format.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { useUrlParams } from '../../shared/url-params.ts';
import { UserDetailDrawer } from './user-detail.component.tsx';
import { UserCreateModal } from './user-form.component.tsx';
import { useUsers } from './users.resource.ts';

/** The people holding roles in the user's area; filters and the open user live in the URL. */
export function UsersPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, set] = useUrlParams({ replace: true });
  const unitId = params.get('unitId') ?? undefined;
  const q = params.get('q') ?? undefined;
  const includeDisabled = params.get('disabled') === '1';
  const openId = params.get('user') ?? undefined;
  const [creating, setCreating] = useState(false);
  const users = useUsers({ unitId, q, includeDisabled });

  return (
    <Card
      title={t('console:nav.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
          {t('console:users.create')}
        </Button>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <UnitTreeSelect value={unitId} onChange={(v) => set({ unitId: v })} placeholder={t('console:users.allUnits')} style={{ width: 260 }} />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('console:users.searchPlaceholder')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 280 }}
        />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
          <Switch size="small" checked={includeDisabled} onChange={(on) => set({ disabled: on ? '1' : undefined })} />
          <Typography.Text>{t('console:users.includeDisabled')}</Typography.Text>
        </label>
      </Space>
      {users.isError && <Typography.Paragraph type="danger">{users.error.message}</Typography.Paragraph>}
      <Table<UserSummary>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('console:users.total', { count: n }), hideOnSinglePage: true }}
        onRow={(u) => ({ onClick: () => set({ user: u.id }), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('console:users.none') }}
        columns={[
          { key: 'username', title: t('console:users.field.username'), dataIndex: 'username', width: 140 },
          { key: 'displayName', title: t('console:users.field.displayName'), dataIndex: 'displayName', width: 200 },
          { key: 'mobile', title: t('console:users.field.mobile'), width: 130, render: (_, u) => u.mobile ?? <Typography.Text type="secondary">—</Typography.Text> },
          {
            key: 'roles',
            title: t('console:users.field.roles'),
            render: (_, u) => (
              <Space size={[4, 4]} wrap>
                {u.roles.map((r) => (
                  <Tooltip key={r.assignmentId} title={grantTrail(t, r)}>
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>{roleLabel(t, r)}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('console:users.field.status'),
            width: 100,
            render: (_, u) => (u.disabled ? <Tag>{t('console:users.disabled')}</Tag> : <Tag color="green">{t('console:users.active')}</Tag>),
          },
        ]}
      />
      {creating && <UserCreateModal me={me} unitId={unitId} onClose={() => setCreating(false)} onCreated={(id) => set({ user: id })} />}
      {openId && <UserDetailDrawer id={openId} me={me} onClose={() => set({ user: undefined })} />}
    </Card>
  );
}
