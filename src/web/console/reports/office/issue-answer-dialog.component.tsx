import { Alert, App, Descriptions, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../../contract/reports.ts';
import { ApiRequestError } from '../../../shared/api.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { AnswerFields } from './answer-fields.component.tsx';
import { answerBody, type AnswerValues } from './office-format.ts';
import { useAnswerIssue } from './office.resource.ts';
import { IssueAnswers } from './issue-answers.component.tsx';

interface Props {
  issue: Issue | null;
  onClose: () => void;
}

/** Answers one issue: what it says, its earlier answers, then the new status with the measure taken or the reason for declining. */
export function IssueAnswerDialog({ issue, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useAnswerIssue();
  const [problem, setProblem] = useState<{ title: string; text: string } | null>(null);

  useEffect(() => {
    if (!issue) return;
    form.resetFields();
    setProblem(null);
    answer.reset();
    // Only when another issue is opened; the mutation's identity changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [issue?.id, form]);

  const submit = async (v: AnswerValues) => {
    if (!issue) return;
    setProblem(null);
    try {
      await answer.mutateAsync({ issueId: issue.id, body: answerBody(v) });
      message.success(t('reports-office:answer.saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'ISSUE_NOT_ADDRESSED') {
        setProblem({ title: t('reports-office:answer.notAddressed'), text: e.message });
        return;
      }
      const left = applyServerErrors(form, e);
      if (left) setProblem({ title: t('reports-office:answer.failed'), text: left });
    }
  };

  return (
    <Modal
      open={Boolean(issue)}
      title={t('reports-office:answer.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('reports-office:answer.ok')}
      okButtonProps={{ loading: answer.isPending, 'data-testid': 'answer-ok' }}
      destroyOnHidden
      width={640}
    >
      {issue && (
        <div data-testid="answer-dialog">
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('reports-office:issues.community')}>
              {issue.communityName}
              {issue.teamName ? ` · ${issue.teamName}` : ''} · {issue.day}
            </Descriptions.Item>
            <Descriptions.Item label={`${t(`server:issueKinds.${issue.kind}`)} · ${t(`server:issueTopics.${issue.topic}`)}`}>{issue.text}</Descriptions.Item>
          </Descriptions>
          {issue.answers.length > 0 && <IssueAnswers issue={issue} />}
          {problem && <Alert type="error" showIcon title={problem.title} description={problem.text} style={{ marginBottom: 12 }} data-testid="answer-problem" />}
          <Form form={form} layout="vertical" onFinish={submit}>
            <AnswerFields />
          </Form>
        </div>
      )}
    </Modal>
  );
}
