import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { hasPermission } from '../../shared/session.ts';
import { formatDateTime } from '../shared/format.ts';
import { OneTimePasswordModal } from './one-time-password.component.tsx';
import { UserEditModal } from './user-edit.component.tsx';
import { UserRoles } from './user-roles.component.tsx';
import { useResetPassword, useRevealMobile, useUpdateUser, useUser } from './users.resource.ts';

interface Props {
  id: string;
  me: Me;
  onClose: () => void;
}

/** One user: details, the audited reveal of the mobile number, account actions, roles. */
export function UserDetailDrawer({ id, me, onClose }: Props) {
  const { t } = useTranslation();
  const user = useUser(id);
  return (
    <Drawer
      open
      size={600}
      onClose={onClose}
      destroyOnHidden
      title={
        user.data ? (
          <Space>
            {user.data.displayName}
            {user.data.disabled ? <Tag>{t('console:users.disabled')}</Tag> : <Tag color="green">{t('console:users.active')}</Tag>}
          </Space>
        ) : (
          t('console:users.detailTitle')
        )
      }
    >
      {user.isPending && <Skeleton active />}
      {user.isError && <Result status="warning" title={user.error.message} />}
      {user.data && <UserBody user={user.data} me={me} />}
    </Drawer>
  );
}

function UserBody({ user, me }: { user: UserSummary; me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUser(user.id);
  const reset = useResetPassword(user.id);
  const [editing, setEditing] = useState(false);
  const [otp, setOtp] = useState<string | null>(null);
  const self = user.id === me.id;
  const canChange = user.manageable;

  const toggle = () =>
    update.mutate(
      { disabled: !user.disabled },
      {
        onSuccess: (u) => void message.success(u.disabled ? t('console:users.disabledDone') : t('console:users.enabledDone')),
        onError: (e) => void message.error(e.message),
      },
    );

  const resetPassword = () =>
    reset.mutate(undefined, { onSuccess: (r) => setOtp(r.oneTimePassword), onError: (e) => void message.error(e.message) });

  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      {!canChange && (
        <Alert
          type="info"
          showIcon
          title={t('console:users.notManageable')}
          description={user.otherRoleCount > 0 ? t('console:users.otherRoles', { count: user.otherRoleCount }) : undefined}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 130 } }}
        items={[
          { key: 'username', label: t('console:users.field.username'), children: user.username },
          { key: 'displayName', label: t('console:users.field.displayName'), children: user.displayName },
          { key: 'mobile', label: t('console:users.field.mobile'), children: <MobileField user={user} me={me} /> },
          { key: 'locale', label: t('common:language.label'), children: t(`common:language.${user.locale}`) },
          { key: 'createdAt', label: t('console:users.field.createdAt'), children: formatDateTime(user.createdAt) },
        ]}
      />
      {canChange && (
        <Space wrap>
          <Button onClick={() => setEditing(true)}>{t('console:users.edit')}</Button>
          <Popconfirm
            title={t('console:users.resetConfirm', { name: user.displayName })}
            description={t('console:users.resetNote')}
            onConfirm={resetPassword}
            okText={t('common:ok')}
            cancelText={t('common:cancel')}
          >
            <Button loading={reset.isPending} data-testid="user-reset-password">
              {t('console:users.resetPassword')}
            </Button>
          </Popconfirm>
          {!self && (
            <Popconfirm
              title={user.disabled ? t('console:users.enableConfirm', { name: user.displayName }) : t('console:users.disableConfirm', { name: user.displayName })}
              description={user.disabled ? undefined : t('console:users.disableNote')}
              onConfirm={toggle}
              okText={t('common:ok')}
              cancelText={t('common:cancel')}
            >
              <Button danger={!user.disabled} loading={update.isPending} data-testid="user-toggle-disabled">
                {user.disabled ? t('console:users.enable') : t('console:users.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <UserRoles user={user} me={me} />
      {editing && <UserEditModal user={user} onClose={() => setEditing(false)} />}
      {otp && <OneTimePasswordModal username={user.username} password={otp} onClose={() => setOtp(null)} />}
    </Space>
  );
}

/** Masked by default; the full number is fetched on request, and the request is audited. */
function MobileField({ user, me }: { user: UserSummary; me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reveal = useRevealMobile(user.id);
  if (!user.mobile) return <Typography.Text type="secondary">{t('console:users.noMobile')}</Typography.Text>;
  if (reveal.data) {
    return (
      <Space orientation="vertical" size={2}>
        <Typography.Text copyable data-testid="revealed-mobile">
          {reveal.data.value ?? '—'}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('console:users.revealedNote')}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={2}>
      <Space>
        <span>{user.mobile}</span>
        {hasPermission(me, 'users.reveal') && (
          <Button
            size="small"
            type="link"
            loading={reveal.isPending}
            onClick={() => reveal.mutate(undefined, { onError: (e) => void message.error(e.message) })}
            data-testid="reveal-mobile"
          >
            {t('console:users.reveal')}
          </Button>
        )}
      </Space>
      {hasPermission(me, 'users.reveal') && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('console:users.revealNote')}
        </Typography.Text>
      )}
    </Space>
  );
}
