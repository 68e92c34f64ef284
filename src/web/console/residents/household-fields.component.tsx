import { HomeOutlined, PlusOutlined } from '@ant-design/icons';
import { Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdTarget } from './resident-form.ts';
import { useGroupsInArea, useHouseholdSearch, type HouseholdHit } from './residents.resource.ts';

export type HouseholdMode = 'existing' | 'new';

export interface HouseholdValues {
  householdMode: HouseholdMode;
  household: { householdId?: string; groupId?: string; address?: string };
}

/** The form's household values as the API wants them. */
export function householdTarget(v: HouseholdValues): HouseholdTarget {
  return v.householdMode === 'existing'
    ? { householdId: v.household.householdId ?? '' }
    : { groupId: v.household.groupId ?? '', address: (v.household.address ?? '').trim() };
}

interface Props {
  /** A household to start with (registering a member from a household's page). */
  preset?: HouseholdHit | undefined;
  /** The person's current household: not a place to move to. */
  exclude?: string | null | undefined;
}

/**
 * Where a person lives: an existing household, found by typing a member's
 * name, pinyin initials or the address; or a new household at an address in
 * a group. The field names match the API's (`household.householdId` …) so its
 * errors land on the right field.
 */
export function HouseholdFields({ preset, exclude }: Props) {
  const { t } = useTranslation();
  const mode = Form.useWatch<HouseholdMode | undefined>('householdMode') ?? 'existing';
  return (
    <>
      <Form.Item name="householdMode" label={t('ledger:household.label')} style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'existing', label: <span data-testid="household-mode-existing"><HomeOutlined /> {t('ledger:household.existing')}</span> },
            { value: 'new', label: <span data-testid="household-mode-new"><PlusOutlined /> {t('ledger:household.new')}</span> },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item
          name={['household', 'householdId']}
          rules={[{ required: true, message: t('ledger:household.pick') }]}
          extra={t('ledger:household.searchHelp')}
        >
          <HouseholdSelect preset={preset} exclude={exclude} />
        </Form.Item>
      ) : (
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name={['household', 'groupId']} label={t('ledger:field.group')} style={{ flex: 1 }} rules={[{ required: true, message: t('common:required') }]}>
            <GroupSelect />
          </Form.Item>
          <Form.Item
            name={['household', 'address']}
            label={t('ledger:field.address')}
            style={{ flex: 1 }}
            extra={t('ledger:household.addressHelp')}
            rules={[{ required: true, whitespace: true, message: t('common:required') }]}
          >
            <Input maxLength={60} autoComplete="off" data-testid="household-address" />
          </Form.Item>
        </div>
      )}
    </>
  );
}

interface SelectProps {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
  status?: '' | 'error' | 'warning';
}

/** Households found through their members; the search runs as the user types. */
function HouseholdSelect({ value, onChange, id, preset, exclude }: SelectProps & Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useHouseholdSearch(q);
  const [chosen, setChosen] = useState<HouseholdHit | undefined>(preset);

  const hits = (found.data ?? []).filter((h) => h.id !== exclude);
  const all = chosen && !hits.some((h) => h.id === chosen.id) ? [chosen, ...hits] : hits;
  const options = all.map((h) => ({ value: h.id, label: `${h.groupName} ${h.address}`, hit: h }));

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      allowClear
      onChange={(v: string | undefined) => {
        setChosen(all.find((h) => h.id === v));
        onChange?.(v);
      }}
      placeholder={t('ledger:household.searchPlaceholder')}
      loading={found.isFetching}
      notFoundContent={q.trim() ? (found.isFetching ? t('common:loading') : t('ledger:household.noneFound')) : t('ledger:household.typeToSearch')}
      options={options}
      optionRender={(o) => {
        const h = (o.data as { hit: HouseholdHit }).hit;
        return (
          <div>
            <Typography.Text strong>{`${h.groupName} ${h.address}`}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.matched.map((m) => (m.relation ? t('ledger:nameWithRelation', { name: m.name, relation: t(`server:relations.${m.relation}`) }) : m.name)).join(t('ledger:listSeparator'))}
            </Typography.Text>
          </div>
        );
      }}
      data-testid="household-select"
    />
  );
}

/** The groups of the user's area where a new household may be opened. */
function GroupSelect({ value, onChange, id, status }: SelectProps) {
  const { t } = useTranslation();
  const { groups, pending } = useGroupsInArea();
  return (
    <Select
      id={id}
      status={status}
      value={value}
      onChange={onChange}
      loading={pending}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('ledger:household.pickGroup')}
      options={groups.map((g) => ({ value: g.unit.id, label: g.communityName ? `${g.communityName} ${g.unit.name}` : g.unit.name }))}
      data-testid="household-group"
    />
  );
}
