import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../../domain/ids.ts';
import { placeError } from '../teams-form-errors.ts';
import { useCreateHazard, useUpdateHazard, type Hazard, type HazardKind } from './briefing.resource.ts';

export const HAZARD_KINDS: readonly HazardKind[] = ['rainstorm', 'flooding', 'wind', 'heat', 'fire', 'structure', 'other'];

/** A hazard logged to be followed until it is closed: a rainstorm coming, a ditch flooding, a tent loose. */
export function HazardFormModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: HazardKind; place: string; description: string }>();
  const [id] = useState(() => uuidv7());
  const create = useCreateHazard();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      { id, communityId, kind: v.kind, place: v.place.trim(), description: v.description.trim() },
      {
        onSuccess: () => {
          void message.success(t('teams-console:hazards.created'));
          onClose();
        },
        onError: (e) => setFormError(placeError(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:hazards.createTitle')}
      okText={t('teams-console:hazards.createOk')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'hazard-ok' } as Record<string, string>) }}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }} data-testid="hazard-form">
        <Form.Item name="kind" label={t('teams-console:hazards.kind')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <Select options={HAZARD_KINDS.map((k) => ({ value: k, label: t(`teams:hazardKinds.${k}`) }))} placeholder={t('teams-console:hazards.kindPick')} data-testid="hazard-kind" />
        </Form.Item>
        <Form.Item name="place" label={t('teams-console:hazards.place')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input maxLength={100} placeholder={t('teams-console:hazards.placePlaceholder')} data-testid="hazard-place" />
        </Form.Item>
        <Form.Item name="description" label={t('teams-console:hazards.description')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount data-testid="hazard-description" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}

/** Adds what was done or seen since (sandbags laid, water going down), and closes the hazard when it is over. */
export function HazardUpdateModal({ hazard, closing, onClose }: { hazard: Hazard; closing: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string; close: boolean }>();
  const update = useUpdateHazard();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    update.mutate(
      { hazardId: hazard.id, note: v.note.trim(), close: v.close },
      {
        onSuccess: () => {
          void message.success(t(v.close ? 'teams-console:hazards.closed' : 'teams-console:hazards.updated'));
          onClose();
        },
        onError: (e) => setFormError(placeError(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:hazards.updateTitle', { kind: t(`teams:hazardKinds.${hazard.kind}`), place: hazard.place })}
      okText={t('teams-console:hazards.updateOk')}
      cancelText={t('common:cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'hazard-update-ok' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ close: closing }} style={{ marginTop: 12 }}>
        <Form.Item name="note" label={t('teams-console:hazards.note')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('teams-console:hazards.notePlaceholder')} data-testid="hazard-note" autoFocus />
        </Form.Item>
        <Form.Item name="close" valuePropName="checked">
          <Checkbox data-testid="hazard-close">{t('teams-console:hazards.closeToo')}</Checkbox>
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
