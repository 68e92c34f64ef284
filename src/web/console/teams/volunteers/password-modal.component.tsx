import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Approved } from './volunteers.resource.ts';

/**
 * The new account's one-time password, shown this once: the server keeps only
 * its hash. The dialog closes only by its button, so a stray click does not
 * lose it before it was handed over.
 */
export function OneTimePasswordModal({ approved, onClose }: { approved: Approved; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const v = approved.volunteer;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(t('teams-console:password.copyText', { username: v.username, password: approved.oneTimePassword }));
      void message.success(t('common:copied'));
    } catch {
      // A plain-HTTP address has no clipboard: the password stays selectable on screen.
    }
  };
  return (
    <Modal
      open
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      title={t('teams-console:password.title', { name: v.name })}
      footer={
        <Button type="primary" onClick={onClose} data-testid="password-close">
          {t('teams-console:password.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('teams-console:password.once')} style={{ marginBottom: 16 }} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'username', label: t('teams-console:volunteers.username'), children: <Typography.Text strong data-testid="password-username">{v.username}</Typography.Text> },
          { key: 'role', label: t('teams-console:volunteers.role'), children: v.role ? t(`teams:volunteerRoles.${v.role}`) : '—' },
          {
            key: 'password',
            label: t('teams-console:password.password'),
            children: (
              <Typography.Text code strong style={{ fontSize: 20, letterSpacing: 1 }} data-testid="one-time-password">
                {approved.oneTimePassword}
              </Typography.Text>
            ),
          },
        ]}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 16 }}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="password-copy">
          {t('teams-console:password.copy')}
        </Button>
        <Typography.Text type="secondary">{t('teams-console:password.hint')}</Typography.Text>
      </div>
    </Modal>
  );
}
