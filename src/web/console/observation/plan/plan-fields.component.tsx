import { Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { LONGEST_PLAN_DAYS } from '../../../../domain/observation/schedule.ts';
import { useWorkers } from '../observation.resource.ts';
import { ClockPicker, ShanghaiDateTimePicker, ShanghaiDayPicker } from '../time/shanghai-pickers.component.tsx';
import { isBeforeThisMinute } from '../time/shanghai-time.ts';
import { clockTimesValid, lengthDays, normaliseClock, type PlanLength } from './plan-values.ts';

const KINDS = ['home', 'centralised', 'workplace'] as const;
const LENGTHS: readonly PlanLength[] = ['7', '14', 'custom', 'lastDay'];
/** Offered clock times for temperature checks; others can be typed. */
const CLOCKS = Array.from({ length: 17 }, (_, i) => `${String(i + 6).padStart(2, '0')}:00`);

interface Props {
  communityId: string;
  /** Where the plan sits in the form: ['plan'] inside a registration, [] for a plan on its own. */
  prefix: string[];
}

/**
 * The fields of an observation plan: kind and place, start, length (7, 14,
 * as many days as set, or until a day), the temperature times, the test days
 * and time, and the worker who answers for the checks.
 */
export function PlanFields({ communityId, prefix }: Props) {
  const { t } = useTranslation();
  const name = (field: string) => [...prefix, field];
  const workers = useWorkers(communityId);
  const length = (Form.useWatch(name('length')) as PlanLength | undefined) ?? '14';
  const days = Form.useWatch(name('days')) as number | null | undefined;
  const startAt = Form.useWatch(name('startAt')) as Dayjs | null | undefined;
  const span = lengthDays({ length, days }) ?? LONGEST_PLAN_DAYS;
  const today = shanghaiDate();
  // The picker's time is a Shanghai wall-clock time, whatever the browser's zone.
  const startsBeforeNow = Boolean(startAt && isBeforeThisMinute(startAt));

  return (
    <div data-testid="plan-fields">
      <Space wrap size={16} align="start">
        <Form.Item name={name('kind')} label={t('observation-console:plan.kind')} rules={[{ required: true, message: t('server:validation.planKind') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="plan-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`observation:planKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name={name('place')} label={t('observation-console:plan.place')} style={{ width: 320 }}>
          <Input maxLength={200} placeholder={t('observation-console:plan.placeHint')} data-testid="plan-place" />
        </Form.Item>
      </Space>
      <Space wrap size={16} align="start">
        <Form.Item name={name('startAt')} label={t('observation-console:plan.startAt')} extra={t('observation-console:plan.startAtHint')}>
          <ShanghaiDateTimePicker placeholder={t('observation-console:plan.now')} data-testid="plan-start" />
        </Form.Item>
        {startsBeforeNow && (
          <Form.Item name={name('pastChecks')} valuePropName="checked" label=" " colon={false} extra={t('observation-console:plan.pastChecksHint')}>
            <Checkbox data-testid="plan-past-checks">{t('observation-console:plan.pastChecks')}</Checkbox>
          </Form.Item>
        )}
      </Space>
      <Space wrap size={16} align="start">
        <Form.Item name={name('length')} label={t('observation-console:plan.length')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="plan-length"
            options={LENGTHS.map((l) => ({ value: l, label: t(`observation-console:plan.lengths.${l}`) }))}
          />
        </Form.Item>
        {length === 'custom' && (
          <Form.Item name={name('days')} label={t('observation-console:plan.days')} rules={[{ required: true, message: t('server:validation.planDays') }]}>
            <InputNumber min={1} max={LONGEST_PLAN_DAYS} precision={0} suffix={t('observation-console:plan.daysUnit')} data-testid="plan-days" />
          </Form.Item>
        )}
        {length === 'lastDay' && (
          <Form.Item name={name('lastDay')} label={t('observation-console:plan.lastDay')} rules={[{ required: true, message: t('common:required') }]}>
            <ShanghaiDayPicker offsets={[7, 14]} disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="plan-last-day" />
          </Form.Item>
        )}
      </Space>
      <Space wrap size={16} align="start">
        <Form.Item
          name={name('temperatureTimes')}
          label={t('observation-console:plan.temperatureTimes')}
          normalize={(v: string[]) => [...new Set((v ?? []).map(normaliseClock))].sort()}
          rules={[
            { validator: (_, v: string[] = []) => (clockTimesValid(v) ? Promise.resolve() : Promise.reject(new Error(t('server:validation.clockTime')))) },
            { type: 'array', max: 6, message: t('server:validation.tooMany') },
          ]}
          style={{ minWidth: 260 }}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} options={CLOCKS.map((c) => ({ value: c, label: c }))} data-testid="plan-times" />
        </Form.Item>
        <Form.Item name={name('testDays')} label={t('observation-console:plan.testDays')} style={{ minWidth: 240 }}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('observation-console:plan.noTests')}
            options={Array.from({ length: span }, (_, i) => ({ value: i + 1, label: t('observation:dayN', { n: i + 1 }) }))}
            data-testid="plan-test-days"
          />
        </Form.Item>
        <Form.Item name={name('testTime')} label={t('observation-console:plan.testTime')}>
          <ClockPicker minuteStep={5} data-testid="plan-test-time" />
        </Form.Item>
      </Space>
      <Form.Item name={name('workerId')} label={t('observation-console:plan.worker')} rules={[{ required: true, message: t('observation-console:plan.workerRequired') }]} style={{ maxWidth: 320 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={workers.isPending}
          placeholder={t('observation-console:plan.workerPick')}
          options={(workers.data ?? []).map((w) => ({ value: w.userId, label: w.name }))}
          data-testid="plan-worker"
        />
      </Form.Item>
    </div>
  );
}
