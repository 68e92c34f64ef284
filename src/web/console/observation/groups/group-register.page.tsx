import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Form, Input, InputNumber, Radio, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { uuidv7 } from '../../../../domain/ids.ts';
import { ApiRequestError } from '../../../shared/api.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { CATEGORIES, idNumberRules, journeyOf, optionalText, phoneRules, temperatureRules, type JourneyValues } from '../arrivals/arrival-values.ts';
import { existingRecordOf, ExistingRecordNotice, type ExistingRecord } from '../arrivals/existing-record.component.tsx';
import { JourneyFields, StayFields } from '../arrivals/journey-fields.component.tsx';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { useCreateGroup } from '../observation.resource.ts';
import { PlanFields } from '../plan/plan-fields.component.tsx';
import { defaultPlan, planErrorRenames, planInputOf, type PlanValues } from '../plan/plan-values.ts';
import { shanghaiDay } from '../time/shanghai-time.ts';

interface MemberValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  transportRef?: string;
  temperature?: number | null;
}

interface Values extends JourneyValues {
  kind: 'batch' | 'convoy';
  name?: string;
  category?: 'outside' | 'returnee';
  members: MemberValues[];
  withPlan: boolean;
  plan: PlanValues;
}

/** Rows offered at first: a batch is usually a handful of people, a convoy a line of trucks. */
const FIRST_ROWS = 3;

/**
 * A batch (a company's workers) or a convoy (trucks with their drivers and
 * plates) registered once: the shared journey and stay, a row per member, and
 * one plan for all; each member gets their own record and checks.
 */
export function GroupRegisterPage({ me }: { me: Me }) {
  return <ObservationFrame me={me} section="groups">{(communityId) => <GroupForm key={communityId} communityId={communityId} />}</ObservationFrame>;
}

function GroupForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const link = useObservationLink();
  const [form] = Form.useForm<Values>();
  const create = useCreateGroup();
  const [clientId] = useState(uuidv7);
  const [formError, setFormError] = useState<string | null>(null);
  // A member already under observation or already registered on that day: their record, to open.
  const [existing, setExisting] = useState<ExistingRecord | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'batch';
  const withPlan = Form.useWatch('withPlan', form) ?? true;

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    setExisting(null);
    create.mutate(
      {
        id: clientId,
        communityId,
        kind: v.kind,
        name: v.name?.trim() ?? '',
        category: v.category!,
        ...journeyOf(v),
        members: v.members.map((m) => ({
          name: m.name?.trim() ?? '',
          idNumber: m.idNumber?.trim() ?? '',
          phone: m.phone?.trim() ?? '',
          transportRef: v.kind === 'convoy' ? optionalText(m.transportRef) : undefined,
          temperature: m.temperature ?? undefined,
        })),
        plan: v.withPlan ? planInputOf(v.plan) : undefined,
      },
      {
        onSuccess: (group) => {
          void message.success(t('observation-console:groups.done', { name: group.name, count: group.members.length }));
          void navigate(link(`/observation/groups/${group.id}`));
        },
        onError: (e) => {
          const found = existingRecordOf(e);
          // The refusal names the member by their row (`members.3.idNumber`): the notice says who.
          const row = /^members\.(\d+)\./.exec((e instanceof ApiRequestError && e.body.field) || '');
          const who = row ? v.members[Number(row[1])]?.name?.trim() : undefined;
          setExisting(found && who ? { ...found, message: t('observation-console:register.existingMember', { name: who, message: found.message }) } : found);
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
      data-testid="group-form"
      initialValues={{
        kind: 'batch',
        arrivedOn: shanghaiDay(),
        stayKind: 'workplace',
        members: Array.from({ length: FIRST_ROWS }, () => ({})),
        withPlan: true,
        plan: defaultPlan('workplace', '7'),
      }}
      onFinish={() => void submit()}
      style={{ maxWidth: 1180 }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
        <Link to={link('/observation/groups')}>
          <Button icon={<ArrowLeftOutlined />}>{t('observation-console:groups.back')}</Button>
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('observation-console:groups.registerTitle')}
        </Typography.Title>
      </div>
      <Card size="small" title={t('observation-console:groups.group')} style={{ marginBottom: 12 }}>
        <Space wrap size={16} align="start">
          <Form.Item name="kind" label={t('observation-console:groups.kind')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="group-kind" options={(['batch', 'convoy'] as const).map((k) => ({ value: k, label: t(`observation:groupKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('observation-console:groups.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }]} style={{ width: 340 }}>
            <Input maxLength={60} placeholder={t('observation-console:groups.nameHint')} data-testid="group-name" />
          </Form.Item>
          <Form.Item name="category" label={t('observation-console:field.category')} rules={[{ required: true, message: t('server:validation.arrivalCategory') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="group-category" options={CATEGORIES.map((c) => ({ value: c, label: t(`observation:category.${c}`) }))} />
          </Form.Item>
        </Space>
        <JourneyFields />
        <StayFields communityId={communityId} households={false} />
      </Card>
      <Card size="small" title={t('observation-console:groups.membersTitle')} style={{ marginBottom: 12 }}>
        <Form.List name="members" rules={[{ validator: (_, rows: unknown[]) => (rows?.length ? Promise.resolve() : Promise.reject(new Error(t('observation-console:groups.membersRequired')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={fields}
                data-testid="group-members"
                columns={[
                  { key: 'n', width: 40, render: (_, __, i) => i + 1 },
                  {
                    key: 'name',
                    title: t('observation-console:field.name'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('common:required') }]} style={{ margin: 0 }}>
                        <Input maxLength={40} data-testid="member-name" />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'idNumber',
                    title: t('observation-console:field.idNumber'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'idNumber']} normalize={(v: string) => v.toUpperCase()} validateTrigger={['onChange', 'onBlur']} rules={idNumberRules(t)} style={{ margin: 0 }}>
                        <Input maxLength={22} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="member-id-number" />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'phone',
                    title: t('observation-console:field.phone'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'phone']} rules={phoneRules(t)} style={{ margin: 0 }}>
                        <Input maxLength={20} data-testid="member-phone" />
                      </Form.Item>
                    ),
                  },
                  ...(kind === 'convoy'
                    ? [
                        {
                          key: 'plate',
                          title: t('observation-console:groups.plate'),
                          render: (_: unknown, f: { name: number }) => (
                            <Form.Item name={[f.name, 'transportRef']} style={{ margin: 0 }}>
                              <Input maxLength={40} data-testid="member-plate" />
                            </Form.Item>
                          ),
                        },
                      ]
                    : []),
                  {
                    key: 'temperature',
                    title: t('observation-console:field.temperature'),
                    width: 130,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'temperature']} rules={temperatureRules(t)} style={{ margin: 0 }}>
                        <InputNumber min={30} max={45} step={0.1} precision={1} style={{ width: 110 }} data-testid="member-temperature" />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'remove',
                    width: 48,
                    render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common:remove')} data-testid="member-remove" />,
                  },
                ]}
              />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }} data-testid="member-add">
                {t('observation-console:groups.addMember')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Card>
      <Card
        size="small"
        title={
          <Space>
            {t('observation-console:groups.plan')}
            <Form.Item name="withPlan" valuePropName="checked" noStyle>
              <Switch data-testid="group-with-plan" />
            </Form.Item>
          </Space>
        }
        style={{ marginBottom: 12 }}
      >
        {withPlan ? <PlanFields communityId={communityId} prefix={['plan']} /> : <Typography.Text type="secondary">{t('observation-console:register.noPlan')}</Typography.Text>}
      </Card>
      <ExistingRecordNotice existing={existing} style={{ marginBottom: 12 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="group-form-error" />}
      <Divider style={{ margin: '12px 0' }} />
      <Button type="primary" size="large" htmlType="submit" loading={create.isPending} data-testid="group-submit">
        {t('observation-console:groups.submit')}
      </Button>
    </Form>
  );
}
