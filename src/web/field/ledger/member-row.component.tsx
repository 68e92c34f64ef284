import { List } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryTags } from './category-tags.component.tsx';
import type { Household, Member } from './ledger.resource.ts';

interface Props {
  member: Member;
  household: Household;
  onClick: () => void;
}

/** One person found: name, sex and age, tags; then where they live and the masked ID (the last 4 are what people quote). */
export function MemberRow({ member, household, onClick }: Props) {
  const { t } = useTranslation();
  return (
    <List.Item onClick={onClick} data-testid="search-hit" data-household={household.id}>
      <div className="field-person">
        <div className="field-person-line">
          <strong className="field-person-name">{member.name}</strong>
          <span className="field-muted">
            {t(`server:sexes.${member.sex}`)} · {t('field:ledger.age', { age: member.age })}
          </span>
          <CategoryTags member={member} />
        </div>
        <div className="field-person-where">
          <span>{household.groupName}</span>
          <span>{household.address}</span>
          <span className="field-mono">{member.idMasked}</span>
        </div>
      </div>
    </List.Item>
  );
}

/** A household found by its address: the address, its group and who lives there. */
export function HouseholdRow({ household, onClick, extra }: { household: Household; onClick: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <List.Item onClick={onClick} data-testid="household-row" data-household={household.id} extra={extra}>
      <div className="field-person">
        <div className="field-person-line">
          <strong className="field-person-name">{household.address}</strong>
          <span className="field-muted">{household.groupName}</span>
        </div>
        <div className="field-person-where">
          <span>{t('field:ledger.people', { count: household.members.length })}</span>
          <span>{household.members.map((m) => m.name).join(t('screening:listSeparator'))}</span>
        </div>
      </div>
    </List.Item>
  );
}
