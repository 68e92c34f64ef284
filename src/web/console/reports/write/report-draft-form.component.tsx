import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../../domain/ids.ts';
import { shanghaiDateTime } from '../../../../domain/local-date.ts';
import { ApiRequestError } from '../../../shared/api.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { IssueRowsEditor } from './issue-rows-editor.component.tsx';
import { draftBody, errorPlace, formValuesOf, issueCounter, keepsAttemptId, sameDraft, type DraftValues } from './report-write-model.ts';
import { useSaveDraft, useSubmitReport, type ReportDay } from './report-write.resource.ts';

/** A draft is saved by itself this long after typing stops. */
const AUTOSAVE_MS = 2500;

interface Props {
  report: ReportDay;
  /** A refusal about the day goes to the day picker, above this form. */
  onDayError: (message: string | null) => void;
  /** Read the day again (another desk submitted it meanwhile). */
  onStale: () => void;
}

/**
 * The narrative and the issues of a report not yet submitted. It is rendered
 * anew for each report opened (keyed by its parent), so a refresh of the day
 * (live figures, an answer arriving) never overwrites what is being typed.
 */
export function ReportDraftForm({ report, onDayError, onStale }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<DraftValues>();
  // Two of them: the button's save shows its own progress and errors; the quiet one only "saved at".
  const save = useSaveDraft();
  const quiet = useSaveDraft();
  const submit = useSubmitReport();
  const [issuesError, setIssuesError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const initial = useRef(formValuesOf(report));
  const lastSaved = useRef(draftBody(initial.current, true));
  const latest = useRef<DraftValues>(initial.current);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attemptId = useRef<string | null>(null);
  const counter = issueCounter(Form.useWatch('issues', form), report.rules.minIssues);
  const where = { communityId: report.community.id, day: report.day, ...(report.team ? { teamId: report.team.id } : {}) };
  const disabled = !report.canWrite;

  const quietSave = () => {
    timer.current = undefined;
    const body = draftBody(latest.current, true);
    if (disabled || sameDraft(body, lastSaved.current)) return;
    quiet.mutate(
      { ...where, ...body },
      {
        onSuccess: () => {
          lastSaved.current = body;
          setSavedAt(shanghaiDateTime(new Date()).slice(11));
        },
      },
    );
  };
  // Leaving the report (another day, another page) saves what was typed since the last save.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        quietSave();
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on leaving only; quietSave reads refs
    [],
  );

  const onChange = (changed: DraftValues, all: DraftValues) => {
    latest.current = all;
    if (changed.issues) setIssuesError(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(quietSave, AUTOSAVE_MS);
  };

  const showError = (e: unknown) => {
    if (!(e instanceof ApiRequestError)) return setFormError(e instanceof Error ? e.message : String(e));
    const place = errorPlace(e.code);
    if (place === 'issues') return setIssuesError(e.body.message);
    if (place === 'day') {
      // The day is picked at the top of the page, perhaps out of sight: the message shows there and for a moment here.
      onDayError(e.body.message);
      return void message.error(e.body.message);
    }
    if (e.code === 'REPORT_FROZEN') onStale();
    // The list as a whole (too many rows) has no field of its own on screen: its message goes on the issues block.
    const onList = [e.body, ...(e.body.details ?? [])].find((d) => d.field === 'issues');
    if (onList) setIssuesError(onList.message);
    const left = applyServerErrors(form, e, { issues: 'issuesBlock' });
    setFormError(left === onList?.message ? null : left);
  };

  const clearErrors = () => {
    setIssuesError(null);
    setFormError(null);
    onDayError(null);
  };

  const saveNow = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    clearErrors();
    const body = draftBody(form.getFieldsValue(true) as DraftValues, false);
    save.mutate(
      { ...where, ...body },
      {
        onSuccess: () => {
          lastSaved.current = draftBody(form.getFieldsValue(true) as DraftValues, true);
          setSavedAt(shanghaiDateTime(new Date()).slice(11));
          void message.success(t('reports-console:draft.saved'));
        },
        onError: showError,
      },
    );
  };

  const submitNow = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    clearErrors();
    // One id for this attempt and its retries: a retry after a lost answer is stored once.
    attemptId.current ??= uuidv7();
    const body = draftBody(form.getFieldsValue(true) as DraftValues, false);
    submit.mutate(
      { ...where, ...body, id: attemptId.current },
      {
        onSuccess: (r) => {
          attemptId.current = null;
          void message.success(t('reports-console:draft.submitted', { version: r.version ?? 1 }));
        },
        onError: (e) => {
          if (!(e instanceof ApiRequestError && keepsAttemptId(e.status))) attemptId.current = null;
          showError(e);
        },
      },
    );
  };

  const askSubmit = () =>
    void modal.confirm({
      title: t('reports-console:draft.confirmTitle'),
      content: t('reports-console:draft.confirmText', { count: counter.count }),
      okText: t('reports-console:draft.submit'),
      cancelText: t('common:cancel'),
      onOk: submitNow,
      okButtonProps: { 'data-testid': 'report-submit-ok' } as Record<string, string>,
    });

  return (
    <Form<DraftValues> form={form} layout="vertical" initialValues={initial.current} onValuesChange={onChange} disabled={disabled} data-testid="report-draft-form">
      {disabled && <Alert type="info" showIcon title={t('reports-console:draft.readOnly')} style={{ marginBottom: 12 }} />}
      <Form.Item name="narrative" label={t('reports-console:draft.narrative')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount placeholder={t('reports-console:draft.narrativePlaceholder')} data-testid="report-narrative" />
      </Form.Item>
      <div className={issuesError ? 'report-issues-block report-issues-block-error' : 'report-issues-block'} data-testid="report-issues-block">
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('reports-console:issues.title')}</Typography.Text>
          <Tag color={counter.enough ? 'green' : 'orange'} data-testid="report-issue-counter" data-count={counter.count} data-min={counter.min}>
            {t('reports-console:issues.counter', { count: counter.count, min: counter.min })}
          </Tag>
        </Space>
        <IssueRowsEditor name="issues" disabled={disabled} testId="report-issue" />
        {issuesError && (
          <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }} data-testid="report-issues-error">
            {issuesError}
          </Typography.Text>
        )}
      </div>
      {formError && <Alert type="error" showIcon title={formError} style={{ margin: '12px 0' }} data-testid="report-form-error" />}
      <Space style={{ marginTop: 16 }} wrap>
        <Button icon={<SaveOutlined />} loading={save.isPending} onClick={saveNow} data-testid="report-save">
          {t('reports-console:draft.save')}
        </Button>
        <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={askSubmit} data-testid="report-submit">
          {t('reports-console:draft.submit')}
        </Button>
        <Typography.Text type="secondary" data-testid="report-autosave">
          {quiet.isPending ? t('reports-console:draft.saving') : savedAt ? t('reports-console:draft.savedAt', { time: savedAt }) : t('reports-console:draft.autosave')}
        </Typography.Text>
      </Space>
    </Form>
  );
}
