import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRejectVolunteer, type Volunteer } from './volunteers.resource.ts';

/** Turns a sign-up away with the reason kept (a duplicate, someone outside the community, a test entry). */
export function RejectVolunteerModal({ volunteer: v, onClose }: { volunteer: Volunteer; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const reject = useRejectVolunteer();
  const submit = async () => {
    const { note } = await form.validateFields();
    reject.mutate(
      { volunteerId: v.id, note: note.trim() },
      {
        onSuccess: () => {
          void message.success(t('teams-console:volunteers.rejected', { name: v.name }));
          onClose();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:volunteers.rejectTitle', { name: v.name })}
      okText={t('teams-console:volunteers.rejectOk')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'volunteer-reject-ok' } as Record<string, string>) }}
      cancelText={t('common:cancel')}
      confirmLoading={reject.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }}>
        <Form.Item name="note" label={t('teams-console:volunteers.rejectNote')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="volunteer-reject-note" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
