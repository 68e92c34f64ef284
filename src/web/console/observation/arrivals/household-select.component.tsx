import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../observation.resource.ts';

interface Props {
  communityId: string;
  value?: string | undefined;
  onChange?: (id: string | undefined) => void;
  id?: string;
  status?: '' | 'error' | 'warning';
}

/** A household of the community's ledger, found by group, address or the head's name. */
export function HouseholdSelect({ communityId, value, onChange, id, status }: Props) {
  const { t } = useTranslation();
  const households = useHouseholds(communityId, true);
  return (
    <Select
      id={id}
      status={status}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={households.isPending}
      placeholder={t('observation-console:field.householdPick')}
      notFoundContent={households.error ? households.error.message : undefined}
      options={(households.data ?? []).map((h) => ({ value: h.id, label: [h.groupName, h.address, h.headName].filter(Boolean).join(' · ') }))}
      data-testid="arrival-household"
    />
  );
}
