import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeError } from '../teams-form-errors.ts';
import { useCreateOrg, type SendingOrg } from '../teams.resource.ts';

const KINDS: readonly SendingOrg['kind'][] = ['bureau', 'enterprise', 'other'];

interface Values {
  name: string;
  kind: SendingOrg['kind'];
  contact?: string;
}

/** Registers a body that sends people to the community: a city bureau, an enterprise's party members, another body. */
export function OrgFormModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      { unitId: communityId, name: v.name.trim(), kind: v.kind, contact: v.contact?.trim() || undefined },
      {
        onSuccess: (org) => {
          void message.success(t('teams-console:orgs.created', { name: org.name }));
          onClose();
        },
        onError: (e) => setFormError(placeError(form, e, { SENDING_ORG_TAKEN: 'name' })),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:orgs.createTitle')}
      okText={t('teams-console:orgs.createOk')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'org-ok' } as Record<string, string>}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'bureau' }} data-testid="org-form" style={{ marginTop: 12 }}>
        <Form.Item name="name" label={t('teams-console:orgs.name')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input maxLength={60} placeholder={t('teams-console:orgs.namePlaceholder')} data-testid="org-name" autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('teams-console:orgs.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={KINDS.map((k) => ({ value: k, label: <span data-testid={`org-kind-${k}`}>{t(`teams:sendingKinds.${k}`)}</span> }))}
          />
        </Form.Item>
        <Form.Item name="contact" label={t('teams-console:orgs.contact')}>
          <Input maxLength={60} placeholder={t('teams-console:orgs.contactPlaceholder')} data-testid="org-contact" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
