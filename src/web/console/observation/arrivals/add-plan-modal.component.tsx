import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { useAddPlan } from '../observation.resource.ts';
import { PlanFields } from '../plan/plan-fields.component.tsx';
import { defaultPlan, planErrorRenames, planInputOf, type PlanValues } from '../plan/plan-values.ts';
import { existingRecordOf, ExistingRecordNotice, type ExistingRecord } from './existing-record.component.tsx';

interface Props {
  arrivalId: string;
  /** The arrival's own community: its workers answer for the checks, whatever community is picked. */
  communityId: string;
  name: string;
  onClose: () => void;
}

/** Puts someone registered without a plan (or released and back) under observation. */
export function AddPlanModal({ arrivalId, communityId, name, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const add = useAddPlan();
  const [formError, setFormError] = useState<string | null>(null);
  // Under observation in another record of theirs (another arrival): that one is worked on.
  const [existing, setExisting] = useState<ExistingRecord | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    setExisting(null);
    add.mutate(
      { arrivalId, plan: planInputOf(v) },
      {
        onSuccess: onClose,
        onError: (e) => {
          const found = existingRecordOf(e);
          setExisting(found);
          const rest = applyServerErrors(form, e, planErrorRenames(''));
          setFormError(found ? null : rest);
        },
      },
    );
  };
  return (
    <Modal
      open
      width={860}
      title={t('observation-console:plan.addTitle', { name })}
      okText={t('observation-console:plan.addOk')}
      cancelText={t('common:cancel')}
      confirmLoading={add.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'add-plan-ok' }}
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" initialValues={defaultPlan()} data-testid="add-plan-form">
        <PlanFields communityId={communityId} prefix={[]} />
      </Form>
      <ExistingRecordNotice existing={existing} />
      {formError && <Alert type="error" showIcon title={formError} data-testid="add-plan-error" />}
    </Modal>
  );
}
