import { Alert, App, Button, Descriptions, Drawer, Form, InputNumber, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRules, RulesAnswer } from '../../../../contract/reports.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { ClockPicker } from '../../observation/time/shanghai-pickers.component.tsx';
import { useRules, useSaveRules } from './office.resource.ts';

interface Props {
  unit: { id: string; name: string; kind: string };
  /** The user may set the rule of this office (report.manage, and the unit is an office). */
  canEdit: boolean;
}

/** The rule the level's reports follow, whose it is (this office's, one above, or the defaults), and a form to set this office's own. */
export function OfficeRule({ unit, canEdit }: Props) {
  const { t } = useTranslation();
  const rules = useRules(unit.id);
  const [open, setOpen] = useState(false);
  const r = rules.data;
  if (!r) return null;
  const whose = !r.setBy ? t('reports-office:rule.defaults') : r.setBy.id === unit.id ? t('reports-office:rule.own') : t('reports-office:rule.inherited', { office: r.setBy.name });
  return (
    <>
      <Space wrap size={4} data-testid="office-rule" data-set-by={r.setBy?.name ?? ''}>
        <Typography.Text type="secondary">{t('reports-office:rule.summary', { count: r.minIssues, time: r.deadlineTime, day: t(r.deadlineNextDay ? 'reports-office:rule.nextDay' : 'reports-office:rule.sameDay'), hours: r.answerHours })}</Typography.Text>
        <Typography.Text type="secondary">· {whose}</Typography.Text>
        {canEdit && (
          <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="office-rule-edit">
            {t('reports-office:rule.edit')}
          </Button>
        )}
      </Space>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('reports-office:rule.title', { name: unit.name })} size={460} destroyOnHidden>
        <RuleForm unitId={unit.id} rules={r} whose={whose} onDone={() => setOpen(false)} />
      </Drawer>
    </>
  );
}

type Values = Omit<ReportRules, 'deadlineTime'> & { deadlineTime: dayjs.Dayjs | null };

function RuleForm({ unitId, rules, whose, onDone }: { unitId: string; rules: RulesAnswer; whose: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRules();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    form.setFieldsValue({ ...rules, deadlineTime: dayjs(`2000-01-01T${rules.deadlineTime}`) });
  }, [rules, form]);

  const submit = async (v: Values) => {
    setProblem(null);
    try {
      await save.mutateAsync({ orgId: unitId, body: { minIssues: v.minIssues, deadlineTime: v.deadlineTime!.format('HH:mm'), deadlineNextDay: v.deadlineNextDay, answerHours: v.answerHours } });
      message.success(t('reports-office:rule.saved'));
      onDone();
    } catch (e) {
      setProblem(applyServerErrors(form, e));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="rule-form">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('reports-office:rule.now')}>{whose}</Descriptions.Item>
      </Descriptions>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form.Item name="minIssues" label={t('reports-office:rule.minIssues')} rules={[{ required: true, message: t('server:validation.required') }]} extra={t('reports-office:rule.minIssuesHint')}>
        <InputNumber min={0} max={10} precision={0} data-testid="rule-min-issues" />
      </Form.Item>
      <Form.Item label={t('reports-office:rule.deadline')} required>
        <Space>
          <Form.Item name="deadlineNextDay" noStyle>
            <Radio.Group
              optionType="button"
              options={[
                { value: false, label: t('reports-office:rule.sameDay') },
                { value: true, label: t('reports-office:rule.nextDay') },
              ]}
            />
          </Form.Item>
          <Form.Item name="deadlineTime" noStyle rules={[{ required: true, message: t('server:validation.clockTime') }]}>
            <ClockPicker allowClear={false} data-testid="rule-deadline-time" />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="answerHours" label={t('reports-office:rule.answerHours')} rules={[{ required: true, message: t('server:validation.required') }]} extra={t('reports-office:rule.answerHoursHint')}>
        <InputNumber min={1} max={720} precision={0} suffix={t('reports-office:rule.hours')} data-testid="rule-answer-hours" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rule-save">
        {t('reports-office:rule.save')}
      </Button>
    </Form>
  );
}
