import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { OneTimePasswordModal } from './one-time-password.component.tsx';
import { RoleRows, toRoleAssigns, type RoleRowValue } from './role-rows.component.tsx';
import { useCreateUser, type WithPassword } from './users.resource.ts';

interface Values {
  username: string;
  displayName: string;
  mobile?: string;
  roles: RoleRowValue[];
}

interface Props {
  me: Me;
  /** The unit to start the first role row with (the unit filtered on). */
  unitId?: string | undefined;
  onClose: () => void;
  onCreated: (userId: string) => void;
}

/** A new account with one or more roles; the answer carries the one-time password, shown once. */
export function UserCreateModal({ me, unitId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const [id] = useState(uuidv7);
  const [formError, setFormError] = useState<string | null>(null);
  const [made, setMade] = useState<WithPassword | null>(null);
  const isSystemAdmin = me.roles.some((r) => r.role === 'system_admin');

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      {
        id,
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        mobile: v.mobile?.trim() ? v.mobile.trim() : null,
        roles: toRoleAssigns(v.roles),
      },
      { onSuccess: setMade, onError: (e) => setFormError(applyServerErrors(form, e)) },
    );
  };

  if (made) {
    return (
      <OneTimePasswordModal
        username={made.user.username}
        password={made.oneTimePassword}
        onClose={() => {
          onClose();
          onCreated(made.user.id);
        }}
      />
    );
  }

  return (
    <Modal
      open
      width={640}
      title={t('console:users.createTitle')}
      okText={t('common:create')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ roles: [{ unitId }] }}
        style={{ marginTop: 16 }}
        data-testid="user-form"
      >
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="username"
            label={t('console:users.field.username')}
            style={{ flex: 1 }}
            extra={t('console:users.usernameRule')}
            rules={[
              { required: true, message: t('common:required') },
              { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('console:users.usernameRule') },
            ]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
          <Form.Item name="displayName" label={t('console:users.field.displayName')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
        </div>
        <Form.Item
          name="mobile"
          label={t('console:users.field.mobileOptional')}
          extra={t('console:users.mobileRule')}
          rules={[{ pattern: /^1\d{10}$/, message: t('console:users.mobileRule') }]}
        >
          <Input autoComplete="off" maxLength={11} inputMode="numeric" style={{ maxWidth: 260 }} />
        </Form.Item>
        <Typography.Text strong>{t('console:users.field.roles')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('console:users.rolesHint')}
        </Typography.Paragraph>
        <RoleRows allowSystemAdmin={isSystemAdmin} />
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
