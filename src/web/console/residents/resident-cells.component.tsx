import { Space, Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CategoryEntry, ResidentStatus } from '../../../contract/ledger.ts';

/** Each category its own colour, the same everywhere, so a column of tags can be scanned. */
const CATEGORY_COLORS: Record<string, string> = {
  living_alone: 'volcano',
  disabled: 'purple',
  chronic_illness: 'magenta',
  outside_worker: 'geekblue',
  returnee: 'cyan',
  floating: 'blue',
};

const STATUS_COLORS: Record<ResidentStatus, string | undefined> = { living: 'green', moved_out: undefined, deceased: undefined, merged: 'purple' };

/** A category with its certificate level, as "disabled (level 2)" reads in the user's language. */
export function categoryLabel(t: TFunction, c: Pick<CategoryEntry, 'category' | 'level'>): string {
  const name = t(`server:categories.${c.category}`);
  return c.level ? t('ledger:categoryWithLevel', { category: name, level: c.level }) : name;
}

export function CategoryTags({ categories }: { categories: readonly CategoryEntry[] }) {
  const { t } = useTranslation();
  if (categories.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {categories.map((c) => (
        <Tag key={c.category} color={CATEGORY_COLORS[c.category]}>
          {categoryLabel(t, c)}
        </Tag>
      ))}
    </Space>
  );
}

/** Free tags; a click filters the list by the tag when the list offers it. */
export function FreeTags({ tags, onPick }: { tags: readonly string[]; onPick?: (tag: string) => void }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((tag) =>
        onPick ? (
          <Tooltip key={tag} title={t('ledger:list.filterByTag')}>
            <Tag
              variant="outlined"
              style={{ cursor: 'pointer', borderStyle: 'dashed' }}
              onClick={(e) => {
                e.stopPropagation();
                onPick(tag);
              }}
            >
              #{tag}
            </Tag>
          </Tooltip>
        ) : (
          <Tag key={tag} variant="outlined" style={{ borderStyle: 'dashed' }}>
            #{tag}
          </Tag>
        ),
      )}
    </Space>
  );
}

/** 65+, derived from the birth date. */
export function ElderlyTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('server:categories.elderly')}>
      <Tag color="gold" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
        {t('ledger:elderlyTag')}
      </Tag>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: ResidentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`ledger:status.${status}`)}
    </Tag>
  );
}

/** A value that may be absent: a dash, never an empty cell that looks like a loading error. */
export const dash = '—';

/** Digits of equal width, so masked numbers line up in a column. */
export const tabular = { fontVariantNumeric: 'tabular-nums' } as const;
