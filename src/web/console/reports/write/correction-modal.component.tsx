import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../../domain/ids.ts';
import { ApiRequestError } from '../../../shared/api.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { IssueRowsEditor } from './issue-rows-editor.component.tsx';
import { draftBody, keepsAttemptId, type IssueRow } from './report-write-model.ts';
import { useCorrectReport, type ReportDay } from './report-write.resource.ts';

interface Values {
  reason?: string;
  narrative?: string;
  extra?: IssueRow[];
}

/**
 * A correction of a submitted report: a new version with its reason, the
 * narrative as it should now read, and issues sent in addition (the ones
 * already sent stay, with their answers).
 */
export function CorrectionModal({ report, onClose }: { report: ReportDay; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const correct = useCorrectReport();
  const [formError, setFormError] = useState<string | null>(null);
  const attemptId = useRef<string | null>(null);

  const send = async () => {
    const v = await form.validateFields();
    setFormError(null);
    attemptId.current ??= uuidv7();
    const body = draftBody({ narrative: v.narrative, issues: v.extra ?? [] }, false);
    correct.mutate(
      { reportId: report.id!, id: attemptId.current, reason: (v.reason ?? '').trim(), narrative: body.narrative, issues: body.issues },
      {
        onSuccess: (r) => {
          void message.success(t('reports-console:correct.done', { version: r.version ?? '' }));
          onClose();
        },
        onError: (e) => {
          if (!(e instanceof ApiRequestError && keepsAttemptId(e.status))) attemptId.current = null;
          // The server names the correction's rows `issues`; this form calls them `extra`.
          const rename: Record<string, string> = {};
          if (e instanceof ApiRequestError) for (const d of [e.body, ...(e.body.details ?? [])]) if (d.field?.startsWith('issues')) rename[d.field] = d.field.replace(/^issues/, 'extra');
          setFormError(applyServerErrors(form, e, rename));
        },
      },
    );
  };

  return (
    <Modal
      open
      width={820}
      title={t('reports-console:correct.title', { version: report.version ?? '' })}
      okText={t('reports-console:correct.ok')}
      cancelText={t('common:cancel')}
      confirmLoading={correct.isPending}
      onOk={() => void send().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'report-correct-ok' } as Record<string, string>}
    >
      <div data-testid="report-correct-modal">
      <Typography.Paragraph type="secondary">{t('reports-console:correct.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ narrative: report.narrative, extra: [] }}>
        <Form.Item name="reason" label={t('reports-console:correct.reason')} rules={[{ required: true, whitespace: true, message: t('reports-console:correct.reasonRequired') }]}>
          <Input maxLength={500} placeholder={t('reports-console:correct.reasonPlaceholder')} data-testid="report-correct-reason" />
        </Form.Item>
        <Form.Item name="narrative" label={t('reports-console:draft.narrative')} rules={[{ required: true, whitespace: true, message: t('reports-console:correct.narrativeRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="report-correct-narrative" />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('reports-console:correct.extra')}
        </Typography.Text>
        <IssueRowsEditor name="extra" testId="report-correct-issue" />
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} data-testid="report-correct-error" />}
      </div>
    </Modal>
  );
}
