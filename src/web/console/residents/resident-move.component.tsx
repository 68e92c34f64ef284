import { DatePicker, Form, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '../../../contract/ledger.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { RELATIONS, type Relation } from '../../../domain/residents/resident-sheet.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { ChangeErrorAlert, type ChangeError } from './change-error.component.tsx';
import { HouseholdFields, householdTarget, type HouseholdValues } from './household-fields.component.tsx';
import { useChangeStatus, useMoveResident } from './residents.resource.ts';

/** Days of the work are Shanghai days (as the server counts them), whatever the browser's time zone. */
const today = () => dayjs(shanghaiDate());
const notAfterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > shanghaiDate();

/**
 * The days a move or a departure may be dated: not in the future, and not
 * before the person joined their present household (a period cannot end
 * before it began).
 */
function outsidePeriod(r: ResidentDetail) {
  const since = (r.status === 'living' ? r.memberships.find((m) => m.to === null)?.from : r.statusSince) ?? r.birthDate;
  return (d: Dayjs) => notAfterToday(d) || d.format('YYYY-MM-DD') < since;
}

/** A change refused because the record changed meanwhile says so; others go on their fields. */
function onChangeError(form: Parameters<typeof applyServerErrors>[0], setError: (e: ChangeError) => void) {
  return (e: Error) => {
    const stale = e instanceof ApiRequestError && e.code === 'CHANGED_CONCURRENTLY';
    const left = stale ? e.message : applyServerErrors(form, e);
    if (left) setError({ message: left, stale });
  };
}

interface Props {
  resident: ResidentDetail;
  onClose: () => void;
  onReload: () => void;
}

interface MoveValues extends HouseholdValues {
  relation: Relation;
  on: Dayjs;
}

/** Moves the person to another household from a day; the old membership ends, its history stays. */
export function ResidentMoveModal({ resident: r, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveResident(r.id);
  const [error, setError] = useState<ChangeError | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    move.mutate(
      { version: r.version, household: householdTarget(v), relation: v.relation, on: v.on.format('YYYY-MM-DD') },
      { onSuccess: onClose, onError: onChangeError(form, setError) },
    );
  };

  return (
    <Modal
      open
      width={600}
      title={t('ledger:move.title', { name: r.name })}
      okText={t('ledger:move.ok')}
      cancelText={t('common:cancel')}
      confirmLoading={move.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'resident-move-submit' }}
    >
      {r.household && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('ledger:move.from', { address: `${r.groupName ?? ''} ${r.household.address}`.trim() })}
        </Typography.Paragraph>
      )}
      <Form<MoveValues> form={form} layout="vertical" initialValues={{ householdMode: 'existing', household: {}, on: today() }} data-testid="resident-move-form">
        <HouseholdFields exclude={r.householdId} />
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="relation" label={t('ledger:move.relation')} style={{ flex: 1 }} rules={[{ required: true, message: t('server:validation.relation') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={RELATIONS.map((x) => ({ value: x, label: t(`server:relations.${x}`) }))} data-testid="resident-move-relation" />
          </Form.Item>
          <Form.Item name="on" label={t('ledger:move.on')} style={{ flex: 1 }} rules={[{ required: true, message: t('common:required') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={outsidePeriod(r)} allowClear={false} />
          </Form.Item>
        </div>
      </Form>
      <ChangeErrorAlert error={error} onReload={onReload} />
    </Modal>
  );
}

interface StatusValues {
  status: 'moved_out' | 'deceased';
  on: Dayjs;
}

/** Moved out of the community or deceased, from a day: the person leaves the household and current lists; the record stays. */
export function ResidentStatusModal({ resident: r, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StatusValues>();
  const change = useChangeStatus(r.id);
  const [error, setError] = useState<ChangeError | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    change.mutate({ version: r.version, status: v.status, on: v.on.format('YYYY-MM-DD') }, { onSuccess: onClose, onError: onChangeError(form, setError) });
  };

  return (
    <Modal
      open
      width={520}
      title={t('ledger:statusChange.title', { name: r.name })}
      okText={t('ledger:statusChange.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'resident-status-submit' }}
      cancelText={t('common:cancel')}
      confirmLoading={change.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<StatusValues> form={form} layout="vertical" style={{ marginTop: 16 }} initialValues={{ on: today() }} data-testid="resident-status-form">
        <Form.Item name="status" label={t('ledger:statusChange.what')} rules={[{ required: true, message: t('common:required') }]}>
          <Radio.Group
            options={[
              { value: 'moved_out', label: t('ledger:status.moved_out') },
              { value: 'deceased', label: t('ledger:status.deceased') },
            ]}
          />
        </Form.Item>
        <Form.Item name="on" label={t('ledger:statusChange.on')} rules={[{ required: true, message: t('common:required') }]}>
          <DatePicker disabledDate={outsidePeriod(r)} allowClear={false} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('ledger:statusChange.explain')}
      </Typography.Paragraph>
      <ChangeErrorAlert error={error} onReload={onReload} />
    </Modal>
  );
}
