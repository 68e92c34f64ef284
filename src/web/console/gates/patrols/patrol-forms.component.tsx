import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { useAssignable, useCreatePatrolGroup, useCreateZone, usePatrolZones } from '../gates.resource.ts';

/** A patrol zone (zone B, the riverside): a name and where it runs. */
export function ZoneCreateModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const create = useCreateZone();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      { communityId, name: v.name.trim(), ...(v.description?.trim() ? { description: v.description.trim() } : {}) },
      {
        onSuccess: (z) => {
          void message.success(t('gate-console:patrols.zoneCreated', { name: z.name }));
          onClose();
        },
        onError: (e) => setFormError(applyServerErrors(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('gate-console:patrols.createZone')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'zone-submit' }}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }} data-testid="zone-form">
        <Form.Item name="name" label={t('gate-console:patrols.zoneName')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
          <Input maxLength={20} autoComplete="off" placeholder={t('gate-console:patrols.zoneNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('gate-console:patrols.zoneDescription')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}

interface GroupValues {
  name: string;
  zoneIds: string[];
  memberIds?: string[];
}

/** A patrol group: its name, the zones it walks and its members (from the community's gate people). */
export function PatrolGroupCreateModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GroupValues>();
  const zones = usePatrolZones(communityId);
  const people = useAssignable(communityId);
  const create = useCreatePatrolGroup();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      { communityId, name: v.name.trim(), zoneIds: v.zoneIds, memberIds: v.memberIds ?? [] },
      {
        onSuccess: (g) => {
          void message.success(t('gate-console:patrols.groupCreated', { name: g.name }));
          onClose();
        },
        onError: (e) => setFormError(applyServerErrors(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      width={560}
      title={t('gate-console:patrols.createGroup')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'patrol-group-submit' }}
    >
      <Form<GroupValues> form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }} data-testid="patrol-group-form">
        <Form.Item name="name" label={t('gate-console:patrols.groupName')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
          <Input maxLength={30} autoComplete="off" placeholder={t('gate-console:patrols.groupNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="zoneIds" label={t('gate-console:patrols.groupZones')} rules={[{ required: true, type: 'array', min: 1, message: t('gate-console:patrols.pickZones') }]}>
          <Checkbox.Group
            options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.name }))}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 8 }}
            data-testid="patrol-group-zones"
          />
        </Form.Item>
        <Form.Item name="memberIds" label={t('gate-console:patrols.groupMembers')}>
          <Select
            mode="multiple"
            loading={people.isPending}
            optionFilterProp="label"
            placeholder={t('gate-console:patrols.pickMembers')}
            options={(people.data ?? []).map((p) => ({
              value: p.userId,
              label: `${p.name} (${p.roles.map((r) => t(`server:roles.${r}`)).join(t('gate-console:listSeparator'))})`,
            }))}
            data-testid="patrol-group-members"
          />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
