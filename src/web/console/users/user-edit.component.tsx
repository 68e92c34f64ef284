import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../contract/users.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { useUpdateUser } from './users.resource.ts';

interface Values {
  displayName: string;
  mobile?: string;
}

/** Name and mobile. The stored mobile is only known masked, so the field starts empty: empty keeps it. */
export function UserEditModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser(user.id);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    update.mutate(
      { displayName: v.displayName.trim(), ...(v.mobile?.trim() ? { mobile: v.mobile.trim() } : {}) },
      { onSuccess: onClose, onError: (e) => setFormError(applyServerErrors(form, e)) },
    );
  };

  return (
    <Modal
      open
      title={t('console:users.editTitle', { name: user.displayName })}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ displayName: user.displayName }} style={{ marginTop: 16 }}>
        <Form.Item name="displayName" label={t('console:users.field.displayName')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('console:users.field.mobile')}
          extra={user.mobile ? t('console:users.mobileKeep', { masked: user.mobile }) : t('console:users.mobileRule')}
          rules={[{ pattern: /^1\d{10}$/, message: t('console:users.mobileRule') }]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
