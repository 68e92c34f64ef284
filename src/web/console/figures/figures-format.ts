import type { TFunction } from 'i18next';
import type { FiguresAnswer } from '../../../contract/ledger.ts';
import { FIGURE_CATEGORIES, type FigureCategory } from '../../../domain/residents/figures.ts';
import i18n from '../../shared/i18n.ts';

export type Figures = FiguresAnswer['total'];
export type FigureChild = FiguresAnswer['children'][number];

/** The categories in the order the reports list them: the elderly first. */
export const CATEGORY_ORDER: readonly FigureCategory[] = FIGURE_CATEGORIES;

/** 1,637: thousands separators in the language shown. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN').format(n);
}

export const categoryCount = (f: Figures, c: FigureCategory): number => f.categories[c] ?? 0;

/**
 * What a unit's groups are called in its headline: a community of grids
 * counts grids; above a community the two kinds may mix.
 */
export type GroupWord = 'groups' | 'grids' | 'groupsOrGrids';

export function groupWordFor(unitKind: string, children: readonly Pick<FigureChild, 'kind'>[]): GroupWord {
  if (unitKind === 'grid') return 'grids';
  if (unitKind === 'group') return 'groups';
  if (unitKind === 'community') return children.length > 0 && children.every((c) => c.kind === 'grid') ? 'grids' : 'groups';
  return 'groupsOrGrids';
}

/** “16 个居民小组，387 户，1,637 人；65 岁以上 297 人”, as the reports put it. */
export function headline(t: TFunction, f: Figures, word: GroupWord): string {
  const part = (key: string, count: number) => t(`screening:figures.headline.${key}`, { count, n: formatCount(count) });
  return t('screening:figures.headline.sentence', {
    groups: part(word, f.groups),
    households: part('households', f.households),
    residents: part('residents', f.residents),
    elderly: part('elderly', categoryCount(f, 'elderly')),
  });
}

/** Adds up the children's figures, for the table's total row. */
export function sumFigures(list: readonly Figures[]): Figures {
  const out: Figures = { groups: 0, households: 0, residents: 0, categories: Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) };
  for (const f of list) {
    out.groups += f.groups;
    out.households += f.households;
    out.residents += f.residents;
    for (const c of CATEGORY_ORDER) out.categories[c] = (out.categories[c] ?? 0) + categoryCount(f, c);
  }
  return out;
}

/** `a − b`, field by field: what the unit counts beyond its current children (people still filed under a dissolved group). */
export function difference(a: Figures, b: Figures): Figures | null {
  const d: Figures = {
    groups: a.groups - b.groups,
    households: a.households - b.households,
    residents: a.residents - b.residents,
    categories: Object.fromEntries(CATEGORY_ORDER.map((c) => [c, categoryCount(a, c) - categoryCount(b, c)])),
  };
  const any = d.groups !== 0 || d.households !== 0 || d.residents !== 0 || CATEGORY_ORDER.some((c) => d.categories[c] !== 0);
  return any ? d : null;
}
