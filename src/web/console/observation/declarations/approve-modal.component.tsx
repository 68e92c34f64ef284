import { Alert, Form, Input, Modal, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { existingRecordOf, ExistingRecordNotice, type ExistingRecord } from '../arrivals/existing-record.component.tsx';
import { HouseholdSelect } from '../arrivals/household-select.component.tsx';
import { useApproveDeclaration, type ArrivalDetail, type DeclarationItem } from '../observation.resource.ts';
import { PlanFields } from '../plan/plan-fields.component.tsx';
import { defaultPlan, planErrorRenames, planInputOf, type PlanValues } from '../plan/plan-values.ts';

interface Values {
  householdId?: string;
  stayPlace?: string;
  withPlan: boolean;
  plan: PlanValues;
}

/**
 * Enters a declaration into the records: the household of the ledger the
 * person stays with (matched by staff from the declared address) or the
 * place, and optionally the observation plan straight away.
 */
interface Props {
  communityId: string;
  declaration: DeclarationItem;
  onClose: () => void;
  /** Told the record made, so the queue can point at it. */
  onApproved: (arrival: ArrivalDetail) => void;
}

export function ApproveModal({ communityId, declaration: d, onClose, onApproved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const approve = useApproveDeclaration();
  const [formError, setFormError] = useState<string | null>(null);
  const [existing, setExisting] = useState<ExistingRecord | null>(null);
  const withPlan = Form.useWatch('withPlan', form) ?? true;
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    setExisting(null);
    approve.mutate(
      { declarationId: d.id, householdId: v.householdId, stayPlace: v.stayPlace?.trim() || undefined, plan: v.withPlan ? planInputOf(v.plan) : undefined },
      {
        onSuccess: (arrival) => {
          onApproved(arrival);
          onClose();
        },
        onError: (e) => {
          // Already under observation, or this arrival already registered: the existing record is the one to work on.
          const found = existingRecordOf(e);
          setExisting(found);
          const rest = applyServerErrors(form, e, planErrorRenames('plan.'));
          setFormError(found ? null : rest);
        },
      },
    );
  };
  return (
    <Modal
      open
      width={880}
      title={t('observation-console:declarations.approveTitle', { name: d.name })}
      okText={t('observation-console:declarations.approveOk')}
      cancelText={t('common:cancel')}
      confirmLoading={approve.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'approve-ok' }}
      mask={{ closable: false }}
    >
      <Form<Values> form={form} layout="vertical" data-testid="approve-form" initialValues={{ stayPlace: d.stayPlace ?? undefined, withPlan: true, plan: defaultPlan() }}>
        <Typography.Paragraph type="secondary">{t('observation-console:declarations.approveHint')}</Typography.Paragraph>
        <Space wrap size={16} align="start">
          {d.stayKind === 'household' || d.stayKind === 'other' ? (
            <Form.Item name="householdId" label={t('observation-console:field.household')} extra={t('observation-console:field.householdHint')} style={{ width: 360 }}>
              <HouseholdSelect communityId={communityId} />
            </Form.Item>
          ) : null}
          <Form.Item name="stayPlace" label={t('observation-console:field.stayPlace')} style={{ width: 360 }}>
            <Input maxLength={200} data-testid="approve-stay-place" />
          </Form.Item>
        </Space>
        <Space style={{ marginBottom: 12 }}>
          <Form.Item name="withPlan" valuePropName="checked" noStyle>
            <Switch data-testid="approve-with-plan" />
          </Form.Item>
          <Typography.Text strong>{t('observation-console:register.plan')}</Typography.Text>
        </Space>
        {withPlan && <PlanFields communityId={communityId} prefix={['plan']} />}
      </Form>
      <ExistingRecordNotice existing={existing} style={{ marginBottom: 12 }} />
      {formError && <Alert type="error" showIcon title={formError} data-testid="approve-error" />}
    </Modal>
  );
}
