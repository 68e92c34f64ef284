import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRejectDeclaration, type DeclarationItem } from '../observation.resource.ts';

/** Turns a declaration away with the reason kept (a test entry, someone not staying here, a duplicate). */
export function RejectModal({ declaration: d, onClose }: { declaration: DeclarationItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const reject = useRejectDeclaration();
  const submit = async () => {
    const { note } = await form.validateFields();
    reject.mutate(
      { declarationId: d.id, note: note.trim() },
      {
        onSuccess: () => {
          void message.success(t('observation-console:declarations.rejected', { name: d.name }));
          onClose();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('observation-console:declarations.rejectTitle', { name: d.name })}
      okText={t('observation-console:declarations.rejectOk')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'reject-ok' } as Record<string, string>) }}
      cancelText={t('common:cancel')}
      confirmLoading={reject.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }}>
        <Form.Item name="note" label={t('observation-console:declarations.rejectNote')} rules={[{ required: true, whitespace: true, message: t('observation-console:declarations.rejectNoteRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="reject-note" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
