import { CATEGORIES, type Category } from './resident-sheet.ts';
import { ELDERLY_AGE } from './age.ts';

/**
 * Ledger figures as the reports give them ("16 groups, 387 households, 1,637
 * people; 400 aged 65 or more"), added up from group level to any unit above.
 */
export type FigureCategory = Category | 'elderly';
export const FIGURE_CATEGORIES: readonly FigureCategory[] = ['elderly', ...CATEGORIES];

export interface Figures {
  groups: number;
  households: number;
  residents: number;
  categories: Record<FigureCategory, number>;
}

/** Counts of one group (its path), as the database gives them. */
export interface GroupCounts {
  path: string;
  households: number;
  residents: number;
  categories: Partial<Record<FigureCategory, number>>;
  /** False for a group dissolved on the day: its people count, the group does not. */
  inForce?: boolean;
}

export function emptyFigures(): Figures {
  return { groups: 0, households: 0, residents: 0, categories: Object.fromEntries(FIGURE_CATEGORIES.map((c) => [c, 0])) as Record<FigureCategory, number> };
}

function add(into: Figures, g: GroupCounts): void {
  if (g.inForce !== false) into.groups += 1;
  into.households += g.households;
  into.residents += g.residents;
  for (const c of FIGURE_CATEGORIES) into.categories[c] += g.categories[c] ?? 0;
}

/**
 * The figures of a unit and of each of its children: group counts under
 * `path` are added to the child whose path they lie under. A household lies
 * in one group, so sums of groups are exact at every level.
 */
export function rollUp(path: string, childPaths: readonly string[], groups: readonly GroupCounts[]): { total: Figures; children: Map<string, Figures> } {
  const total = emptyFigures();
  const children = new Map(childPaths.map((p) => [p, emptyFigures()]));
  for (const g of groups) {
    if (!g.path.startsWith(path)) continue;
    add(total, g);
    const rest = g.path.slice(path.length);
    const child = rest ? `${path}${rest.slice(0, rest.indexOf('/') + 1)}` : null;
    const into = child ? children.get(child) : undefined;
    if (into) add(into, g);
  }
  return { total, children };
}

/** Residents born on or before this day are 65 or more on `day` (born 29 February: a year older on 1 March). */
export function elderlyBornBy(day: string): string {
  // On 29 February the same day 65 years back may not exist: the 28th is the last one that counts.
  const monthDay = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4);
  return `${String(Number(day.slice(0, 4)) - ELDERLY_AGE).padStart(4, '0')}${monthDay}`;
}
