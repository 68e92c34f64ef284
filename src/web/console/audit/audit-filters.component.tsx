import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { ACTION_KINDS, type AuditFilters } from './audit.resource.ts';

interface Values {
  actor?: string;
  unitId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Person, unit, kind of action and days; applied on “search”. */
export function AuditFiltersBar({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) =>
    onApply({
      actor: v.actor?.trim() || undefined,
      unitId: v.unitId || undefined,
      action: v.action || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form<Values> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 12 }}>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('console:audit.actorPlaceholder')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="unitId">
        <UnitTreeSelect placeholder={t('console:audit.allUnits')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          placeholder={t('console:audit.allKinds')}
          style={{ width: 180 }}
          options={ACTION_KINDS.map((k) => ({ value: k, label: t(`console:audit.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} placeholder={[t('console:audit.from'), t('console:audit.to')]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common:search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('common:reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
