import { Alert, App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entrance } from '../../../../contract/gates.ts';
import { ENTRANCE_STATES, type EntranceState } from '../../../../domain/gates/entrance-state.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { useCreateEntrance, useEditEntrance } from '../gates.resource.ts';

interface Values {
  name: string;
  description?: string;
  state?: EntranceState;
  sortOrder?: number;
}

interface Props {
  communityId: string;
  /** The entrance to edit; none to add one. */
  entrance?: Entrance | undefined;
  onClose: () => void;
}

/** Adds an entrance (with its first state) or renames one, describes where it is, and orders the list. */
export function EntranceFormModal({ communityId, entrance, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateEntrance();
  const edit = useEditEntrance();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    const onError = (e: Error) => setFormError(applyServerErrors(form, e));
    const description = v.description?.trim() ?? '';
    if (entrance) {
      edit.mutate(
        { entranceId: entrance.id, name: v.name.trim(), description: description || null, ...(v.sortOrder !== undefined ? { sortOrder: v.sortOrder } : {}) },
        { onSuccess: () => (void message.success(t('gate-console:entrances.saved', { name: v.name.trim() })), onClose()), onError },
      );
    } else {
      create.mutate(
        { communityId, name: v.name.trim(), ...(description ? { description } : {}), state: v.state ?? 'open' },
        { onSuccess: (e) => (void message.success(t('gate-console:entrances.created', { name: e.name })), onClose()), onError },
      );
    }
  };

  return (
    <Modal
      open
      title={entrance ? t('gate-console:entrances.editTitle', { name: entrance.name }) : t('gate-console:entrances.createTitle')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending || edit.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'entrance-form-submit' }}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        style={{ marginTop: 12 }}
        data-testid="entrance-form"
        initialValues={entrance ? { name: entrance.name, description: entrance.description ?? '', sortOrder: entrance.sortOrder } : { state: 'open' }}
      >
        <Form.Item name="name" label={t('gate-console:entrances.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
          <Input maxLength={30} autoComplete="off" placeholder={t('gate-console:entrances.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('gate-console:entrances.description')}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('gate-console:entrances.descriptionPlaceholder')} />
        </Form.Item>
        {entrance ? (
          <Form.Item name="sortOrder" label={t('gate-console:entrances.sortOrder')}>
            <InputNumber min={0} max={999} precision={0} />
          </Form.Item>
        ) : (
          <Form.Item name="state" label={t('gate-console:entrances.firstState')}>
            <Radio.Group buttonStyle="solid" options={ENTRANCE_STATES.map((s) => ({ value: s, label: t(`gates:states.${s}`) }))} optionType="button" />
          </Form.Item>
        )}
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
