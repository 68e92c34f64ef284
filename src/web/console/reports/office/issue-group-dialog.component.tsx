import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import './office.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../../contract/reports.ts';
import { uuidv7 } from '../../../../domain/ids.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { AnswerFields } from './answer-fields.component.tsx';
import { answerBody, type AnswerValues } from './office-format.ts';
import { useAnswerGroup, useCreateGroup } from './office.resource.ts';

interface Props {
  issues: Issue[];
  open: boolean;
  onClose: (done: boolean) => void;
}

type Values = AnswerValues & { title?: string };

/**
 * Groups similar issues under a title and answers them once. The group is
 * made first (with an id of ours, so a retry after a failed answer does not
 * make a second one), then answered.
 */
export function IssueGroupDialog({ issues, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateGroup();
  const answer = useAnswerGroup();
  const groupId = useRef<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    groupId.current = null;
    setProblem(null);
    form.resetFields();
  }, [open, form]);

  const submit = async (v: Values) => {
    setProblem(null);
    try {
      if (!groupId.current) {
        const id = uuidv7();
        await create.mutateAsync({ id, title: v.title!.trim(), issueIds: issues.map((i) => i.id) });
        groupId.current = id;
      }
    } catch (e) {
      setProblem(applyServerErrors(form, e, { issueIds: 'title' }));
      return;
    }
    try {
      await answer.mutateAsync({ groupId: groupId.current, body: answerBody(v) });
      message.success(t('reports-office:group.saved', { count: issues.length }));
      onClose(true);
    } catch (e) {
      setProblem(applyServerErrors(form, e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('reports-office:group.title', { count: issues.length })}
      onCancel={() => onClose(Boolean(groupId.current))}
      onOk={() => form.submit()}
      okText={t('reports-office:group.ok')}
      okButtonProps={{ loading: create.isPending || answer.isPending, 'data-testid': 'group-ok' }}
      destroyOnHidden
      width={680}
    >
      <div data-testid="group-dialog">
        <ul className="office-picked" data-testid="group-issues">
          {issues.map((i) => (
            <li key={i.id}>
              <Typography.Text type="secondary">
                {i.communityName} · {i.day}
              </Typography.Text>{' '}
              {i.text}
            </li>
          ))}
        </ul>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="group-problem" />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="title" label={t('reports-office:group.name')} rules={[{ required: true, whitespace: true, message: t('server:validation.required') }, { max: 200 }]}>
            <Input maxLength={200} placeholder={t('reports-office:group.namePlaceholder')} data-testid="group-title" disabled={Boolean(groupId.current)} />
          </Form.Item>
          <AnswerFields />
        </Form>
      </div>
    </Modal>
  );
}
