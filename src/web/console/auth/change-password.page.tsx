import { App, Alert, Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useChangePassword, useLogout } from '../../shared/session.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { AuthShell } from './auth-shell.component.tsx';
import { useState } from 'react';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const MIN_LENGTH = 8;

/**
 * Sets one's own password. `forced`: after a one-time password, nothing else
 * opens until this is done (the API refuses everything else).
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const form = <ChangePasswordForm forced={forced} />;
  if (forced) {
    return (
      <AuthShell title={t('console:password.forcedTitle')} subtitle={t('console:password.forcedText')}>
        {form}
      </AuthShell>
    );
  }
  return (
    <Card title={t('console:account.changePassword')} style={{ maxWidth: 480 }}>
      {form}
    </Card>
  );
}

function ChangePasswordForm({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const logout = useLogout();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (v: Values) => {
    setFormError(null);
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('console:password.changed'));
          form.resetFields();
          if (!forced) void navigate('/');
        },
        onError: (e) => setFormError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} size={forced ? 'large' : 'middle'}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="currentPassword"
        label={forced ? t('console:password.currentOneTime') : t('console:password.current')}
        rules={[{ required: true, message: t('common:required') }]}
      >
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('console:password.new')}
        extra={t('console:password.rule', { min: MIN_LENGTH })}
        rules={[
          { required: true, message: t('common:required') },
          { min: MIN_LENGTH, message: t('console:password.tooShort', { min: MIN_LENGTH }) },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error(t('console:password.sameAsCurrent'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('console:password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common:required') },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('console:password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block={forced} loading={change.isPending} data-testid="password-submit">
          {t('console:password.submit')}
        </Button>
        {forced && (
          <Button type="link" block data-testid="sign-out" onClick={() => logout.mutate()}>
            {t('common:signOut')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
