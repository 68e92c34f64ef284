import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '../../../domain/residents/resident-sheet.ts';

const LEVELS = [1, 2, 3, 4];

/**
 * The typed categories (65+ is derived from the birth date, so it is not
 * offered) and, for a disabled person, the certificate level 1–4.
 */
export function CategoryFields() {
  const { t } = useTranslation();
  const chosen = Form.useWatch<Category[] | undefined>('categories') ?? [];
  return (
    <div style={{ display: 'flex', gap: 12 }}>
      <Form.Item name="categories" label={t('ledger:field.categories')} style={{ flex: 1 }} extra={t('ledger:form.elderlyDerived')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ledger:form.noCategory')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`server:categories.${c}`) }))}
          data-testid="resident-categories"
        />
      </Form.Item>
      {chosen.includes('disabled') && (
        <Form.Item name="disabilityLevel" label={t('ledger:field.disabilityLevel')} style={{ width: 140 }}>
          <Select
            allowClear
            placeholder={t('ledger:form.levelUnknown')}
            options={LEVELS.map((l) => ({ value: l, label: t('ledger:levelN', { level: l }) }))}
            data-testid="resident-disability-level"
          />
        </Form.Item>
      )}
    </div>
  );
}

/** Free tags, typed and kept as written (at most 10, 20 characters each, as the API allows). */
export function TagsField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="tags"
      label={t('ledger:field.tags')}
      extra={t('ledger:form.tagsHelp')}
      rules={[
        { type: 'array', max: 10, message: t('ledger:form.tagsMax') },
        {
          validator: (_, v: string[] | undefined) =>
            (v ?? []).some((s) => s.trim().length > 20) ? Promise.reject(new Error(t('server:validation.tagTooLong'))) : Promise.resolve(),
        },
      ]}
    >
      <Select mode="tags" tokenSeparators={[',', ' ', '\uff0c', '\u3001']} open={false} suffixIcon={null} placeholder={t('ledger:form.tagsPlaceholder')} data-testid="resident-tags" />
    </Form.Item>
  );
}
