import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entrance } from '../../../../contract/gates.ts';
import { ENTRANCE_STATES, type EntranceState } from '../../../../domain/gates/entrance-state.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { EntranceStateTag } from '../entrance-state-tag.component.tsx';
import { addDays, shanghaiInstant, whenOf } from '../gate-format.ts';
import { usePlanChange } from '../gates.resource.ts';

interface Values {
  state: EntranceState;
  timing: 'now' | 'later';
  at?: Dayjs | null;
  note?: string;
}

const WALL_CLOCK = 'YYYY-MM-DD HH:mm';
/** The usual decision: from 07:00 tomorrow, when the morning shift takes over. */
const tomorrowMorning = () => dayjs(`${addDays(shanghaiDate(), 1)} 07:00`, WALL_CLOCK);

/**
 * One decision for the chosen entrances: a state, now or from a time ("seal
 * these 14 from 07:00 tomorrow"), with a note kept in each one's history.
 */
export function EntrancePlanModal({ entrances, onClose, onDone }: { entrances: readonly Entrance[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const plan = usePlanChange();
  const [formError, setFormError] = useState<string | null>(null);
  const state = Form.useWatch('state', form);
  const timing = Form.useWatch('timing', form) ?? 'later';
  const at = Form.useWatch('at', form);
  const effectiveAt = timing === 'later' && at ? shanghaiInstant(at.format(WALL_CLOCK)) : undefined;

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    plan.mutate(
      { entranceIds: entrances.map((e) => e.id), state: v.state, ...(effectiveAt ? { effectiveAt } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(
            effectiveAt
              ? t('gate-console:plan.plannedDone', { count: entrances.length, when: whenOf(t, effectiveAt), state: t(`gates:states.${v.state}`) })
              : t('gate-console:plan.nowDone', { count: entrances.length, state: t(`gates:states.${v.state}`) }),
          );
          onDone();
        },
        onError: (e) => setFormError(applyServerErrors(form, e, { effectiveAt: 'at' })),
      },
    );
  };

  return (
    <Modal
      open
      width={560}
      title={t('gate-console:plan.title', { count: entrances.length })}
      okText={t('gate-console:plan.submit')}
      cancelText={t('common:cancel')}
      confirmLoading={plan.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'plan-submit' }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: entrances.map((e) => e.name).join(t('gate-console:listSeparator')) }} data-testid="plan-entrances">
        {entrances.map((e) => e.name).join(t('gate-console:listSeparator'))}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ timing: 'later', at: tomorrowMorning() }} data-testid="plan-form">
        <Form.Item name="state" label={t('gate-console:plan.state')} rules={[{ required: true, message: t('gate-console:plan.stateRequired') }]}>
          <Radio.Group buttonStyle="solid" size="large" data-testid="plan-state">
            {ENTRANCE_STATES.map((s) => (
              <Radio.Button key={s} value={s} data-state={s}>
                {t(`gates:states.${s}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="timing" label={t('gate-console:plan.when')}>
          <Radio.Group
            data-testid="plan-timing"
            options={[
              { value: 'now', label: t('gate-console:plan.now') },
              { value: 'later', label: t('gate-console:plan.later') },
            ]}
          />
        </Form.Item>
        {timing === 'later' && (
          <Space align="start" wrap>
            <Form.Item
              name="at"
              rules={[
                { required: true, message: t('gate-console:plan.atRequired') },
                {
                  validator: async (_, value: Dayjs | null | undefined) => {
                    if (value && Date.parse(shanghaiInstant(value.format(WALL_CLOCK))) <= Date.now()) throw new Error(t('gate-console:plan.atPast'));
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={WALL_CLOCK}
                style={{ width: 220 }}
                data-testid="plan-at"
                disabledDate={(d) => d.format('YYYY-MM-DD') < shanghaiDate()}
              />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('at', tomorrowMorning())} data-testid="plan-tomorrow">
              {t('gate-console:plan.tomorrowMorning')}
            </Button>
          </Space>
        )}
        <Form.Item name="note" label={t('gate-console:plan.note')}>
          <Input maxLength={200} placeholder={t('gate-console:plan.notePlaceholder')} data-testid="plan-note" />
        </Form.Item>
      </Form>
      {state && (
        <Alert
          type="info"
          showIcon
          data-testid="plan-summary"
          title={
            <span>
              {effectiveAt
                ? t('gate-console:plan.summaryLater', { count: entrances.length, when: whenOf(t, effectiveAt) })
                : t('gate-console:plan.summaryNow', { count: entrances.length })}{' '}
              <EntranceStateTag state={state} />
            </span>
          }
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
