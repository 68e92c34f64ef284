import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { uuidv7 } from '../../../../domain/ids.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { useRegisterArrival } from '../observation.resource.ts';
import { PlanFields } from '../plan/plan-fields.component.tsx';
import { defaultPlan, planErrorRenames, planInputOf, type PlanValues } from '../plan/plan-values.ts';
import { ShanghaiDayPicker } from '../time/shanghai-pickers.component.tsx';
import { dayOf, shanghaiDay } from '../time/shanghai-time.ts';
import { CATEGORIES, idNumberRules, journeyOf, optionalText, phoneRules, temperatureRules, type JourneyValues } from './arrival-values.ts';
import { existingRecordOf, ExistingRecordNotice, type ExistingRecord } from './existing-record.component.tsx';
import { JourneyFields, StayFields } from './journey-fields.component.tsx';

interface Values extends JourneyValues {
  category?: 'outside' | 'returnee';
  name?: string;
  idNumber?: string;
  phone?: string;
  householdId?: string;
  symptoms?: string;
  temperature?: number | null;
  lastTestOn?: Dayjs | null;
  withPlan: boolean;
  plan: PlanValues;
}

/** Staff register an outside worker or returnee, and may put them under observation at once. */
export function ArrivalRegisterPage({ me }: { me: Me }) {
  return <ObservationFrame me={me} section="arrivals">{(communityId) => <RegisterForm key={communityId} communityId={communityId} />}</ObservationFrame>;
}

function RegisterForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const link = useObservationLink();
  const [form] = Form.useForm<Values>();
  const register = useRegisterArrival();
  // Made once per form: a registration sent twice (a double click, a retry after a lost answer) is stored once.
  const [clientId] = useState(uuidv7);
  const [formError, setFormError] = useState<string | null>(null);
  const [existing, setExisting] = useState<ExistingRecord | null>(null);
  const withPlan = Form.useWatch('withPlan', form) ?? true;
  const today = shanghaiDate();

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    setExisting(null);
    register.mutate(
      {
        id: clientId,
        communityId,
        category: v.category!,
        name: v.name?.trim() ?? '',
        idNumber: v.idNumber?.trim() ?? '',
        phone: v.phone?.trim() ?? '',
        ...journeyOf(v),
        householdId: v.stayKind === 'household' ? v.householdId : undefined,
        symptoms: optionalText(v.symptoms),
        temperature: v.temperature ?? undefined,
        lastTestOn: v.lastTestOn ? dayOf(v.lastTestOn) : undefined,
        plan: v.withPlan ? planInputOf(v.plan) : undefined,
      },
      {
        onSuccess: (arrival) => {
          void message.success(t('observation-console:register.done', { name: arrival.name }));
          void navigate(link(`/observation/arrivals/${arrival.id}`));
        },
        onError: (e) => {
          // Already under observation here, or this arrival already registered: the existing record is the one to work on.
          const found = existingRecordOf(e);
          setExisting(found);
          const rest = applyServerErrors(form, e, planErrorRenames('plan.'));
          setFormError(found ? null : rest);
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark
      data-testid="arrival-form"
      initialValues={{ arrivedOn: shanghaiDay(), withPlan: true, plan: defaultPlan() }}
      onFinish={() => void submit()}
      // Another ID number typed: the "already under observation" notice was about the previous one.
      onValuesChange={(changed: Partial<Values>) => 'idNumber' in changed && setExisting(null)}
      style={{ maxWidth: 1080 }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
        <Link to={link('/observation/arrivals')}>
          <Button icon={<ArrowLeftOutlined />}>{t('observation-console:register.back')}</Button>
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('observation-console:register.title')}
        </Typography.Title>
      </div>
      <Card size="small" title={t('observation-console:register.person')} style={{ marginBottom: 12 }}>
        <Space wrap size={16} align="start">
          <Form.Item name="category" label={t('observation-console:field.category')} rules={[{ required: true, message: t('server:validation.arrivalCategory') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="arrival-category" options={CATEGORIES.map((c) => ({ value: c, label: t(`observation:category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('observation-console:field.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }]} style={{ width: 180 }}>
            <Input maxLength={40} autoComplete="off" data-testid="arrival-name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('observation-console:field.idNumber')} normalize={(v: string) => v.toUpperCase()} validateTrigger={['onChange', 'onBlur']} rules={idNumberRules(t)} style={{ width: 240 }}>
            <Input maxLength={22} autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="arrival-id-number" />
          </Form.Item>
          <Form.Item name="phone" label={t('observation-console:field.phone')} rules={phoneRules(t)} style={{ width: 200 }}>
            <Input maxLength={20} autoComplete="off" data-testid="arrival-phone" />
          </Form.Item>
        </Space>
        <ExistingRecordNotice existing={existing} />
      </Card>
      <Card size="small" title={t('observation-console:register.journey')} style={{ marginBottom: 12 }}>
        <JourneyFields />
        <StayFields communityId={communityId} households />
      </Card>
      <Card size="small" title={t('observation-console:register.health')} style={{ marginBottom: 12 }}>
        <Space wrap size={16} align="start">
          <Form.Item name="temperature" label={t('observation-console:field.temperature')} rules={temperatureRules(t)}>
            <InputNumber min={30} max={45} step={0.1} precision={1} suffix={t('gates:temperatureUnit')} style={{ width: 140 }} data-testid="arrival-temperature" />
          </Form.Item>
          <Form.Item name="symptoms" label={t('observation-console:field.symptoms')} style={{ width: 340 }}>
            <Input maxLength={200} placeholder={t('observation-console:field.symptomsHint')} data-testid="arrival-symptoms" />
          </Form.Item>
          <Form.Item name="lastTestOn" label={t('observation-console:field.lastTestOn')}>
            <ShanghaiDayPicker offsets={[0, -1]} disabledDate={(d) => dayOf(d) > today} data-testid="arrival-last-test" />
          </Form.Item>
        </Space>
      </Card>
      <Card
        size="small"
        title={
          <Space>
            {t('observation-console:register.plan')}
            <Form.Item name="withPlan" valuePropName="checked" noStyle>
              <Switch data-testid="arrival-with-plan" />
            </Form.Item>
          </Space>
        }
        style={{ marginBottom: 12 }}
      >
        {withPlan ? <PlanFields communityId={communityId} prefix={['plan']} /> : <Typography.Text type="secondary">{t('observation-console:register.noPlan')}</Typography.Text>}
      </Card>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="arrival-form-error" />}
      <Divider style={{ margin: '12px 0' }} />
      <Button type="primary" size="large" htmlType="submit" loading={register.isPending} data-testid="arrival-submit">
        {t('observation-console:register.submit')}
      </Button>
    </Form>
  );
}
