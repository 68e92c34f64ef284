import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { IssueKind, IssueTopic } from '../../../../contract/reports.ts';
import { emptyIssue } from './report-write-model.ts';

interface Props {
  /** The Form.List's name in its form. */
  name: string;
  disabled?: boolean;
  /** Test ids begin with this, so the correction's rows are told from the draft's. */
  testId: string;
}

/** Issues and suggestions being written: kind, topic and text per row, rows added and removed. */
export function IssueRowsEditor({ name, disabled = false, testId }: Props) {
  const { t } = useTranslation();
  const kinds = IssueKind.options.map((k) => ({ value: k, label: t(`server:issueKinds.${k}`) }));
  const topics = IssueTopic.options.map((k) => ({ value: k, label: t(`server:issueTopics.${k}`) }));
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 4 }} data-testid={`${testId}-row`} data-index={index}>
              <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 8 }}>
                <Select options={kinds} style={{ width: 90 }} disabled={disabled} aria-label={t('reports-console:issues.kind')} data-testid={`${testId}-kind`} />
              </Form.Item>
              <Form.Item name={[field.name, 'topic']} style={{ marginBottom: 8 }}>
                <Select options={topics} style={{ width: 150 }} disabled={disabled} aria-label={t('reports-console:issues.topic')} data-testid={`${testId}-topic`} />
              </Form.Item>
              <Form.Item name={[field.name, 'text']} style={{ marginBottom: 8, flex: 1 }}>
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={500}
                  disabled={disabled}
                  placeholder={t('reports-console:issues.textPlaceholder')}
                  style={{ width: 'min(560px, 50vw)' }}
                  data-testid={`${testId}-text`}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={disabled}
                onClick={() => remove(field.name)}
                aria-label={t('reports-console:issues.remove')}
                data-testid={`${testId}-remove`}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} disabled={disabled || fields.length >= 20} onClick={() => add(emptyIssue())} data-testid={`${testId}-add`}>
            {t('reports-console:issues.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
