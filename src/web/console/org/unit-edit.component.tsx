import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../../contract/org.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { useUpdateUnit } from './org.resource.ts';

interface Props {
  unit: OrgUnitDetail;
  onClose: () => void;
}

export function RenameModal({ unit, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const update = useUpdateUnit(unit.id);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    const { name } = await form.validateFields();
    update.mutate(
      { name: name.trim() },
      {
        onSuccess: () => {
          void message.success(t('console:org.renamed'));
          onClose();
        },
        onError: (e) => setFormError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('console:org.renameTitle', { name: unit.name })}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ name: unit.name }} style={{ marginTop: 16 }}>
        <Form.Item name="name" label={t('console:org.field.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('console:org.renameNote')}</Typography.Paragraph>
      {formError && <Typography.Text type="danger">{formError}</Typography.Text>}
    </Modal>
  );
}

/** Dissolving keeps the unit and its history; it only stops being in force from the chosen day. */
export function DissolveModal({ unit, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ validTo: Dayjs }>();
  const update = useUpdateUnit(unit.id);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    const { validTo } = await form.validateFields();
    update.mutate(
      { validTo: validTo.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('console:org.dissolved', { name: unit.name }));
          onClose();
        },
        onError: (e) => setFormError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('console:org.dissolveTitle', { name: unit.name })}
      okText={t('console:org.dissolve')}
      okButtonProps={{ danger: true }}
      cancelText={t('common:cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('console:org.dissolveWarning')} style={{ margin: '16px 0' }} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ validTo: dayjs() }}>
        <Form.Item
          name="validTo"
          label={t('console:org.dissolveDate')}
          rules={[
            { required: true, message: t('common:required') },
            {
              validator: (_, v: Dayjs | undefined) =>
                !v || v.format('YYYY-MM-DD') > unit.validFrom ? Promise.resolve() : Promise.reject(new Error(t('console:org.dissolveAfterStart', { date: unit.validFrom }))),
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d) => d.format('YYYY-MM-DD') <= unit.validFrom} />
        </Form.Item>
      </Form>
      {formError && <Typography.Text type="danger">{formError}</Typography.Text>}
    </Modal>
  );
}
