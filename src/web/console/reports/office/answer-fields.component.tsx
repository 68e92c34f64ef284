import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { AnswerStatus } from '../../../../contract/reports.ts';
import type { AnswerValues } from './office-format.ts';

/** Status, measure and reason of an answer: a measure unless declined, a reason when declined (as the server requires). */
export function AnswerFields() {
  const { t } = useTranslation();
  const status = Form.useWatch<AnswerValues['status']>('status', Form.useFormInstance());
  const declined = status === 'declined';
  return (
    <>
      <Form.Item name="status" label={t('reports-office:answer.status')} rules={[{ required: true, message: t('server:validation.answerStatus') }]}>
        <Radio.Group data-testid="answer-status">
          {AnswerStatus.options.map((s) => (
            <Radio.Button key={s} value={s}>
              <span data-testid={`answer-status-${s}`}>{t(`server:issueStatuses.${s}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="measure"
        label={t('reports-office:answer.measure')}
        rules={[{ required: !declined, whitespace: true, message: t('server:validation.measureRequired') }, { max: 1000 }]}
        extra={declined ? t('reports-office:answer.measureOptional') : undefined}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('reports-office:answer.measurePlaceholder')} data-testid="answer-measure" />
      </Form.Item>
      {declined && (
        <Form.Item name="reason" label={t('reports-office:answer.reason')} rules={[{ required: true, whitespace: true, message: t('server:validation.declineReason') }, { max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="answer-reason" />
        </Form.Item>
      )}
    </>
  );
}
