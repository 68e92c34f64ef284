import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../shared/session.ts';
import { AuthShell } from './auth-shell.component.tsx';

interface Values {
  username: string;
  password: string;
}

/** Sign in with a username or a mobile number. */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  return (
    <AuthShell title={t('console:login.title')} subtitle={t('console:login.subtitle')}>
      {login.isError && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<Values>
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(v) => login.mutate({ username: v.username.trim(), password: v.password })}
      >
        <Form.Item name="username" label={t('console:login.username')} rules={[{ required: true, whitespace: true, message: t('console:login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('console:login.usernamePlaceholder')} />
        </Form.Item>
        <Form.Item name="password" label={t('console:login.password')} rules={[{ required: true, message: t('console:login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit" style={{ marginTop: 8 }}>
          {t('console:login.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
