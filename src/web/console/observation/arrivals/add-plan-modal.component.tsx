import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { useAddPlan } from '../observation.resource.ts';
import { PlanFields } from '../plan/plan-fields.component.tsx';
import { defaultPlan, planErrorRenames, planInputOf, type PlanValues } from '../plan/plan-values.ts';

/** Puts someone registered without a plan (or released and back) under observation. */
export function AddPlanModal({ arrivalId, communityId, name, onClose }: { arrivalId: string; communityId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const add = useAddPlan();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    add.mutate({ arrivalId, plan: planInputOf(v) }, { onSuccess: onClose, onError: (e) => setFormError(applyServerErrors(form, e, planErrorRenames(''))) });
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
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
