import { Alert, App, Button, Form, List, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { formatDate, grantTrail } from '../shared/format.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { RoleRows, toRoleAssigns, type RoleRowValue } from './role-rows.component.tsx';
import { useAddRole, useRemoveRole } from './users.resource.ts';

/** The roles a user holds now: each can be ended (kept in history), and one can be added. */
export function UserRoles({ user, me }: { user: UserSummary; me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveRole(user.id);
  const add = useAddRole(user.id);
  const [form] = Form.useForm<{ roles: RoleRowValue[] }>();
  const [formError, setFormError] = useState<string | null>(null);
  const isSystemAdmin = me.roles.some((r) => r.role === 'system_admin');

  const submit = async () => {
    const v = await form.validateFields();
    const [assign] = toRoleAssigns(v.roles);
    if (!assign) return;
    setFormError(null);
    add.mutate(assign, {
      onSuccess: () => {
        void message.success(t('console:users.roleAdded'));
        form.resetFields();
      },
      // The API names the fields `role.role` and `role.unitId`; the form has one row of `roles`.
      onError: (e) => setFormError(applyServerErrors(form, e, { 'role.role': 'roles.0.role', 'role.unitId': 'roles.0.unitId', role: 'roles.0.role', unitId: 'roles.0.unitId' })),
    });
  };

  return (
    <div>
      <Typography.Title level={5}>{t('console:users.rolesTitle')}</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={user.roles}
        locale={{ emptyText: t('console:users.noRoles') }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Popconfirm
                key="end"
                title={t('console:users.endRoleConfirm', { role: t(`server:roles.${r.role}`) })}
                description={t('console:users.endRoleNote')}
                onConfirm={() => remove.mutate(r.assignmentId, { onError: (e) => void message.error(e.message) })}
                okText={t('common:ok')}
                cancelText={t('common:cancel')}
              >
                <Button size="small" type="link" danger disabled={user.roles.length + user.otherRoleCount === 1} title={user.roles.length + user.otherRoleCount === 1 ? t('console:users.lastRole') : undefined}>
                  {t('console:users.endRole')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={t(`server:roles.${r.role}`)}
              description={
                <>
                  <div>{grantTrail(t, r)}</div>
                  <div>{t('console:overview.since', { date: formatDate(r.validFrom) })}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('console:users.addRole')}
      </Typography.Title>
      <Form form={form} initialValues={{ roles: [{}] }} requiredMark={false}>
        <RoleRows allowSystemAdmin={isSystemAdmin} single />
        <Button type="primary" ghost loading={add.isPending} onClick={() => void submit().catch(() => undefined)} data-testid="role-add">
          {t('console:users.addRoleSubmit')}
        </Button>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} />}
    </div>
  );
}
