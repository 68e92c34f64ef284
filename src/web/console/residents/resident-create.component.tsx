import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { uuidv7 } from '../../../domain/ids.ts';
import { RELATIONS, type Relation } from '../../../domain/residents/resident-sheet.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { CategoryFields, TagsField } from './category-fields.component.tsx';
import { HouseholdFields, householdTarget, type HouseholdValues } from './household-fields.component.tsx';
import { IdNumberFields } from './id-number-fields.component.tsx';
import { PHONE_PATTERN, toCategoryEntries, type CategoryValues } from './resident-form.ts';
import { useCreateResident, type HouseholdHit } from './residents.resource.ts';

interface Values extends HouseholdValues, CategoryValues {
  relation: Relation;
  name: string;
  idNumber: string;
  phone?: string;
  tags?: string[];
  note?: string;
}

interface Props {
  /** Registering a member of a known household (from a person's page). */
  household?: HouseholdHit | undefined;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/**
 * Registers one person in a household. The id is made here once per form, so
 * a double click or a retry after a lost answer stores the person once.
 */
export function ResidentCreateDrawer({ household, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident();
  const [id] = useState(uuidv7);
  const [formError, setFormError] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    setExistingId(null);
    create.mutate(
      {
        id,
        household: householdTarget(v),
        relation: v.relation,
        name: v.name.trim(),
        idNumber: v.idNumber.trim(),
        phone: v.phone?.trim() ? v.phone.trim() : null,
        categories: toCategoryEntries(v),
        tags: (v.tags ?? []).map((s) => s.trim()).filter(Boolean),
        note: v.note?.trim() ? v.note.trim() : null,
      },
      {
        onSuccess: (r) => {
          void message.success(t('ledger:form.created', { name: r.name }));
          onClose();
          onCreated(r.id);
        },
        onError: (e) => {
          // The person is already in the ledger: point to the record instead of making a second one.
          if (e instanceof ApiRequestError && e.code === 'DUPLICATE_ID' && e.body.ref?.type === 'resident') setExistingId(e.body.ref.id);
          setFormError(applyServerErrors(form, e));
        },
      },
    );
  };

  return (
    <Drawer
      open
      size={640}
      title={t('ledger:form.createTitle')}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => void submit().catch(() => undefined)} data-testid="resident-create-submit">
            {t('ledger:form.register')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ householdMode: 'existing', household: { householdId: household?.id }, categories: [], tags: [] }}
        // A new household starts with its head, most of the time.
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.householdMode === 'new' && !form.getFieldValue('relation')) form.setFieldValue('relation', 'head');
        }}
        data-testid="resident-form"
      >
        <HouseholdFields preset={household} />
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="name" label={t('ledger:field.name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
            <Input maxLength={30} autoComplete="off" data-testid="resident-name-input" />
          </Form.Item>
          <Form.Item name="relation" label={t('ledger:field.relation')} style={{ width: 180 }} rules={[{ required: true, message: t('server:validation.relation') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={RELATIONS.map((r) => ({ value: r, label: t(`server:relations.${r}`) }))} data-testid="resident-relation" />
          </Form.Item>
        </div>
        <IdNumberFields />
        {existingId && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('ledger:form.alreadyRegistered')}
            action={
              <Link to={`/residents/${existingId}`} onClick={onClose} data-testid="resident-duplicate-link">
                {t('ledger:form.openExisting')}
              </Link>
            }
          />
        )}
        <Form.Item
          name="phone"
          label={t('ledger:field.phone')}
          extra={t('ledger:form.phoneHelp')}
          rules={[{ pattern: PHONE_PATTERN, transform: (s?: string) => s?.replace(/\s/g, ''), message: t('server:validation.phone') }]}
        >
          <Input maxLength={20} autoComplete="off" inputMode="tel" style={{ maxWidth: 260 }} data-testid="resident-phone" />
        </Form.Item>
        <CategoryFields />
        <TagsField />
        <Form.Item name="note" label={t('ledger:field.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Drawer>
  );
}
