import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Member } from './ledger.resource.ts';

/** 65+, living alone, disabled (level 2)…: what a grid worker must know before knocking; short, so a row keeps to two lines. */
export function CategoryTags({ member }: { member: Member }) {
  const { t } = useTranslation();
  if (!member.elderly && member.categories.length === 0) return null;
  return (
    <span className="field-tags" data-testid="category-tags">
      {member.elderly && (
        <Tag color="warning" fill="outline">
          {t('field:ledger.elderlyTag')}
        </Tag>
      )}
      {member.categories.map((c) => (
        <Tag key={c.category} color={c.category === 'living_alone' || c.category === 'disabled' ? 'danger' : 'primary'} fill="outline">
          {c.level
            ? t('field:ledger.disabledLevel', { category: t(`server:categories.${c.category}`), level: c.level })
            : t(`server:categories.${c.category}`)}
        </Tag>
      ))}
    </span>
  );
}
