import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail, ResidentUpdate } from '../../../contract/ledger.ts';
import { RELATIONS, type Relation } from '../../../domain/residents/resident-sheet.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { CategoryFields, TagsField } from './category-fields.component.tsx';
import { ChangeErrorAlert, type ChangeError } from './change-error.component.tsx';
import { dash } from './resident-cells.component.tsx';
import { fromCategoryEntries, PHONE_PATTERN, toCategoryEntries, type CategoryValues } from './resident-form.ts';
import { useUpdateResident } from './residents.resource.ts';

interface Values extends CategoryValues {
  name: string;
  phone?: string;
  relation?: Relation;
  tags?: string[];
  note?: string;
}

interface Props {
  resident: ResidentDetail;
  /** The full phone, when it was revealed: then it can be corrected or cleared; otherwise only replaced. */
  phone: string | null | undefined;
  onClose: () => void;
  onReload: () => void;
}

/** Name, phone, relation, categories, tags and note; sent with the version read, so a concurrent change is not overwritten. */
export function ResidentEditModal({ resident: r, phone, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateResident(r.id);
  const [error, setError] = useState<ChangeError | null>(null);
  const phoneKnown = phone !== undefined;
  const living = r.status === 'living' && r.household !== null;

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const typedPhone = v.phone?.replace(/\s/g, '') ?? '';
    const body: ResidentUpdate = {
      version: r.version,
      name: v.name.trim(),
      categories: toCategoryEntries(v),
      tags: (v.tags ?? []).map((s) => s.trim()).filter(Boolean),
      note: v.note?.trim() ? v.note.trim() : null,
      ...(living && v.relation ? { relation: v.relation } : {}),
      // Unknown (masked) phone left blank: unchanged. Known phone cleared: removed.
      ...(typedPhone ? { phone: typedPhone } : phoneKnown && phone ? { phone: null } : {}),
    };
    update.mutate(body, {
      onSuccess: onClose,
      onError: (e) => {
        const stale = e instanceof ApiRequestError && e.code === 'CHANGED_CONCURRENTLY';
        const left = stale ? e.message : applyServerErrors(form, e);
        if (left) setError({ message: left, stale });
      },
    });
  };

  return (
    <Modal
      open
      width={640}
      title={t('ledger:edit.title', { name: r.name })}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'resident-edit-submit' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={{ name: r.name, phone: phone ?? '', relation: r.relation ?? undefined, tags: r.tags, note: r.note ?? '', ...fromCategoryEntries(r.categories) }}
        data-testid="resident-edit-form"
      >
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="name" label={t('ledger:field.name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
          {living && (
            <Form.Item name="relation" label={t('ledger:field.relation')} style={{ width: 180 }} rules={[{ required: true, message: t('server:validation.relation') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={RELATIONS.map((x) => ({ value: x, label: t(`server:relations.${x}`) }))} />
            </Form.Item>
          )}
        </div>
        <Form.Item
          name="phone"
          label={t('ledger:field.phone')}
          extra={phoneKnown || !r.phoneMasked ? t('ledger:form.phoneHelp') : t('ledger:edit.phoneMaskedHelp', { masked: r.phoneMasked ?? dash })}
          rules={[{ pattern: PHONE_PATTERN, transform: (s?: string) => s?.replace(/\s/g, ''), message: t('server:validation.phone') }]}
        >
          <Input maxLength={20} autoComplete="off" inputMode="tel" style={{ maxWidth: 260 }} placeholder={phoneKnown ? undefined : (r.phoneMasked ?? undefined)} />
        </Form.Item>
        <CategoryFields />
        <TagsField />
        <Form.Item name="note" label={t('ledger:field.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <ChangeErrorAlert error={error} onReload={onReload} />
    </Modal>
  );
}
