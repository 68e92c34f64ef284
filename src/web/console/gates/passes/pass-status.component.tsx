import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PassSummary } from '../../../../contract/gates.ts';
import { useSetPassStatus } from '../gates.resource.ts';

export type PassAction = 'suspend' | 'reactivate' | 'revoke';
const TARGET = { suspend: 'suspended', reactivate: 'active', revoke: 'revoked' } as const;

/** What a pass's status may become from where it is; a revoked pass stays revoked. */
export function actionsFor(status: PassSummary['status']): PassAction[] {
  switch (status) {
    case 'active':
      return ['suspend', 'revoke'];
    case 'suspended':
      return ['reactivate', 'revoke'];
    case 'revoked':
      return [];
  }
}

/**
 * Suspends, reactivates or revokes a pass, with the reason kept beside it.
 * Revoking is final (a lost card stays refused even when found), so it says so
 * in red before it is done.
 */
export function PassStatusModal({ pass, action, onClose }: { pass: PassSummary; action: PassAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const change = useSetPassStatus();
  const reasonRequired = action !== 'reactivate';

  const submit = async () => {
    const { reason } = await form.validateFields();
    change.mutate(
      { passId: pass.id, status: TARGET[action], ...(reason?.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(t(`gate-console:passes.status.done.${action}`, { name: pass.holderName }));
          onClose();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };

  return (
    <Modal
      open
      title={t(`gate-console:passes.status.title.${action}`, { name: pass.holderName })}
      okText={t(`gate-console:passes.status.ok.${action}`)}
      okButtonProps={{ danger: action === 'revoke', 'data-testid': 'pass-status-ok' }}
      cancelText={t('common:cancel')}
      confirmLoading={change.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {[pass.groupName, pass.address, pass.idMasked].filter(Boolean).join(' · ')}
      </Typography.Paragraph>
      {action === 'revoke' && <Alert type="error" showIcon title={t('gate-console:passes.status.revokeFinal')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('gate-console:passes.status.reason')}
          rules={reasonRequired ? [{ required: true, whitespace: true, message: t('gate-console:passes.status.reasonRequired') }] : []}
        >
          <Input maxLength={100} placeholder={t(`gate-console:passes.status.placeholder.${action}`)} data-testid="pass-status-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
