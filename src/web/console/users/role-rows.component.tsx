import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LEVELS, type Role } from '../../../domain/access/roles.ts';
import type { OrgKind } from '../../../domain/org/org-kinds.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { rolesForKind } from './users.resource.ts';

/** One role row in a form: `roles[i] = { unitId, role, kind }` (kind only to fit the role list). */
export interface RoleRowValue {
  unitId?: string;
  role?: Role;
  kind?: OrgKind;
}

interface Props {
  /** Offer the system administrator role (held at no unit); only a system administrator may grant it. */
  allowSystemAdmin: boolean;
  /** One fixed row (adding a role to an existing user) instead of a list that grows. */
  single?: boolean;
}

/** The `roles` Form.List: for each row, a unit in the user's area and a role that fits its level. */
export function RoleRows({ allowSystemAdmin, single = false }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <RoleRow key={field.key} name={field.name} allowSystemAdmin={allowSystemAdmin} onRemove={!single && fields.length > 1 ? () => remove(field.name) : undefined} />
          ))}
          {!single && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
              {t('console:users.addRoleRow')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

function RoleRow({ name, allowSystemAdmin, onRemove }: { name: number; allowSystemAdmin: boolean; onRemove: (() => void) | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['roles', name, 'kind'], form) as OrgKind | undefined;
  const role = Form.useWatch(['roles', name, 'role'], form) as Role | undefined;
  const atRoot = role === 'system_admin';
  const roles: Role[] = [...rolesForKind(kind), ...(allowSystemAdmin && !kind ? (['system_admin'] as Role[]) : [])];

  const pickUnit = (unit: { kind: OrgKind } | undefined) => {
    form.setFieldValue(['roles', name, 'kind'], unit?.kind);
    // A role that does not fit the new level is cleared rather than sent to be refused.
    if (role && unit && !ROLE_LEVELS[role].includes(unit.kind)) form.setFieldValue(['roles', name, 'role'], undefined);
  };

  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
      <Form.Item
        name={[name, 'unitId']}
        style={{ flex: 1, minWidth: 0, marginBottom: 12 }}
        rules={[{ required: !atRoot, message: t('console:users.unitRequired') }]}
      >
        <UnitTreeSelect
          placeholder={atRoot ? t('console:scope.wholeSystem') : t('console:users.pickUnit')}
          onUnit={pickUnit}
          disabled={atRoot}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name={[name, 'kind']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'role']} style={{ width: 180, marginBottom: 12 }} rules={[{ required: true, message: t('console:users.roleRequired') }]}>
        <Select
          placeholder={t('console:users.pickRole')}
          options={roles.map((r) => ({ value: r, label: t(`server:roles.${r}`) }))}
          notFoundContent={t('console:users.noRoleFits')}
        />
      </Form.Item>
      {onRemove && <Button type="text" icon={<DeleteOutlined />} aria-label={t('common:remove')} onClick={onRemove} />}
    </div>
  );
}

/** The API's body for the rows of the form. */
export function toRoleAssigns(rows: readonly RoleRowValue[]): { role: Role; unitId: string | null }[] {
  return rows.map((r) => ({ role: r.role!, unitId: r.role === 'system_admin' ? null : (r.unitId ?? null) }));
}
