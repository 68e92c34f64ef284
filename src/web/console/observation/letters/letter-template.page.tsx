import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { fillLetter } from '../../../../domain/observation/letter.ts';
import { hasPermission } from '../../../shared/session.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { ObservationFrame } from '../observation-frame.component.tsx';
import { useDeclarePage, useLetterTemplate, useSaveTemplate, type TemplateItem } from '../observation.resource.ts';
import { dateTimeOf } from '../observation-format.ts';

const PLACEHOLDERS = ['name', 'idNumber', 'community', 'date'] as const;
/** A masked ID number as letters show it. */
const SAMPLE_ID = '430***********1234';

/**
 * The community's commitment letter: its title and text with
 * placeholders filled in for each person when they sign. A default text
 * stands until the community writes its own; letters already signed keep
 * the text they were signed with.
 */
export function LetterTemplatePage({ me }: { me: Me }) {
  return <ObservationFrame me={me} section="letter">{(communityId) => <TemplateEditor key={communityId} me={me} communityId={communityId} />}</ObservationFrame>;
}

function TemplateEditor({ me, communityId }: { me: Me; communityId: string }) {
  const template = useLetterTemplate(communityId);
  if (template.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (template.error) return <Alert type="error" showIcon title={template.error.message} />;
  return <TemplateForm me={me} communityId={communityId} template={template.data} />;
}

function TemplateForm({ me, communityId, template }: { me: Me; communityId: string; template: TemplateItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const save = useSaveTemplate();
  const [formError, setFormError] = useState<string | null>(null);
  const canEdit = hasPermission(me, 'observation.manage');
  const title = Form.useWatch('title', form) ?? template.title;
  const body = Form.useWatch('body', form) ?? template.body;
  const community = useDeclarePage(communityId).data?.communityName;
  // The preview fills the placeholders as a signing would: an example person, this community, today.
  const sample = { name: t('observation-console:template.sampleName'), idNumber: SAMPLE_ID, community: community ?? '', date: shanghaiDate() };

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    save.mutate(
      { communityId, title: v.title.trim(), body: v.body.trim() },
      {
        onSuccess: (saved) => {
          form.setFieldsValue({ title: saved.title, body: saved.body });
          void message.success(t('observation-console:template.saved'));
        },
        onError: (e) => setFormError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 16 }} data-testid="letter-template" data-default={String(template.isDefault)}>
      <Card
        size="small"
        title={
          <Space>
            {t('observation-console:template.title')}
            {template.isDefault ? (
              <Tag color="orange" data-testid="template-default">
                {t('observation-console:template.default')}
              </Tag>
            ) : (
              <Tag color="green" data-testid="template-own">
                {t('observation-console:template.own', { when: dateTimeOf(template.updatedAt) })}
              </Tag>
            )}
          </Space>
        }
      >
        <Form form={form} layout="vertical" initialValues={{ title: template.title, body: template.body }} disabled={!canEdit} onFinish={() => void submit()}>
          <Form.Item name="title" label={t('observation-console:template.letterTitle')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
            <Input maxLength={60} data-testid="template-title" />
          </Form.Item>
          <Form.Item name="body" label={t('observation-console:template.body')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
            <Input.TextArea autoSize={{ minRows: 12, maxRows: 28 }} maxLength={5000} showCount data-testid="template-body" />
          </Form.Item>
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
          {canEdit ? (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="template-save">
              {t('common:save')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('observation-console:template.readOnly')}</Typography.Text>
          )}
        </Form>
      </Card>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('observation-console:template.placeholders')}>
          <Space orientation="vertical" size={4}>
            {PLACEHOLDERS.map((p) => (
              <span key={p}>
                <Typography.Text code>{`{${p}}`}</Typography.Text> {t(`observation-console:template.placeholder.${p}`)}
              </span>
            ))}
            <Typography.Text type="secondary">{t('observation-console:template.signedStay')}</Typography.Text>
          </Space>
        </Card>
        <Card size="small" title={t('observation-console:template.preview')} data-testid="template-preview">
          <Typography.Title level={5} style={{ textAlign: 'center' }}>
            {title}
          </Typography.Title>
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{fillLetter(body ?? '', sample)}</div>
        </Card>
      </Space>
    </div>
  );
}
