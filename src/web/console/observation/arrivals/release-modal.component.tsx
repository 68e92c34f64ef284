import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../contract/observation.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { useRelease } from '../observation.resource.ts';

interface Values {
  outcome: 'completed' | 'transferred';
  note?: string;
}

/**
 * Ends an observation with a record: completed (from the release day on) or
 * transferred earlier with a note. The server's refusal (too early, a note
 * missing) shows on the field it concerns.
 */
export function ReleaseModal({ plan, name, onClose }: { plan: Plan; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const release = useRelease();
  const [formError, setFormError] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    release.mutate(
      { planId: plan.id, outcome: v.outcome, note: v.note?.trim() || undefined },
      { onSuccess: onClose, onError: (e) => setFormError(applyServerErrors(form, e)) },
    );
  };
  return (
    <Modal
      open
      title={t('observation-console:release.title', { name })}
      okText={t('observation-console:release.ok')}
      cancelText={t('common:cancel')}
      confirmLoading={release.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'release-ok' }}
    >
      <Typography.Paragraph type="secondary">{t('observation-console:release.hint', { day: plan.releaseDay })}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ outcome: 'completed' }} data-testid="release-form">
        <Form.Item name="outcome" label={t('observation-console:release.outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="release-outcome"
            options={(['completed', 'transferred'] as const).map((o) => ({ value: o, label: t(`observation:releaseOutcome.${o}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('observation-console:release.note')}
          rules={outcome === 'transferred' ? [{ required: true, whitespace: true, message: t('observation-console:release.noteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('observation-console:release.notePlaceholder')} data-testid="release-note" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
