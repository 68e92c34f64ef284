import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The one-time password, shown this once: it is never stored in clear and cannot be shown again. */
export function OneTimePasswordModal({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('console:otp.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="otp-done">
          {t('console:otp.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('console:otp.once')} style={{ margin: '12px 0 16px' }} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'u', label: t('console:users.field.username'), children: username },
          {
            key: 'p',
            label: t('console:otp.password'),
            children: (
              <Typography.Text code copyable={{ text: password, tooltips: [t('common:copy'), t('common:copied')] }} style={{ fontSize: 18 }} data-testid="one-time-password">
                {password}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('console:otp.hint')}
      </Typography.Paragraph>
    </Modal>
  );
}
