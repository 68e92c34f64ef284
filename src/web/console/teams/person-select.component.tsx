import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeople, type CommunityPerson } from './teams.resource.ts';

interface Props {
  communityId: string;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  /** People who cannot be picked here (already on the team that day). */
  exclude?: readonly string[];
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** The name with the masked mobile and the roles held, so two people of one name can be told apart. */
function personLabel(p: CommunityPerson, roleName: (role: string) => string, separator: string) {
  return (
    <span data-testid="person-option" data-name={p.name}>
      {p.name}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        {[p.mobile, p.roles.map(roleName).join(separator)].filter(Boolean).join(' · ')}
      </Typography.Text>
    </span>
  );
}

/** Picks people of the community (users with a role there now), searched by name. */
export function PersonSelect({ communityId, value, onChange, multiple, exclude = [], placeholder, id, ...rest }: Props) {
  const { t } = useTranslation();
  const people = usePeople(communityId);
  const roleName = (role: string) => t(`server:roles.${role}`, { defaultValue: role });
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'name' }}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      loading={people.isPending}
      status={people.isError ? 'error' : undefined}
      placeholder={people.isError ? people.error.message : (placeholder ?? t('teams-console:person.pick'))}
      notFoundContent={people.isPending ? undefined : t('teams-console:person.none')}
      options={(people.data ?? []).filter((p) => !exclude.includes(p.userId)).map((p) => ({ value: p.userId, name: p.name, label: personLabel(p, roleName, t('teams:listSeparator')) }))}
      optionLabelProp="name"
      data-testid={rest['data-testid']}
    />
  );
}
