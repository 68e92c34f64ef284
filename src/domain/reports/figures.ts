import { ancestorPaths } from '../org/org-path.ts';

/**
 * A community's figures of a day, as its daily report gives them. Every
 * figure is a count, so the figures of a street, a district or a city are
 * the sums of its communities' — exactly, as long as each community is
 * counted once (which `rollUp` guarantees by placing it under one child).
 */
export const FIGURE_KEYS = [
  'households', 'householdsScreened', 'visits', 'roundHouseholds', 'roundHouseholdsScreened',
  'passages', 'passagesRefused', 'visitors', 'peopleChecked', 'fevers',
  'outsideWorkers', 'returnees', 'underObservation', 'checksDue', 'checksDone', 'checksOverdue',
  'duties', 'dutiesCheckedIn', 'tasks', 'tasksDone',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type DayFigures = Record<FigureKey, number>;

/** Fever from 37.3 °C, in the tenths of a degree the records keep. */
export const FEVER_TENTHS = 373;

export function noFigures(): DayFigures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as DayFigures;
}

export function addInto(into: DayFigures, f: Partial<DayFigures>): DayFigures {
  for (const k of FIGURE_KEYS) into[k] += f[k] ?? 0;
  return into;
}

export function sumFigures(list: readonly Partial<DayFigures>[]): DayFigures {
  return list.reduce<DayFigures>((into, f) => addInto(into, f), noFigures());
}

/** A share in whole percent (0 when there is nothing to share), e.g. screening coverage or duties checked in. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/**
 * Sums things kept per community (figures, counts of reports) into each child
 * of a unit and into the unit's total. A community under no child (the unit is
 * the community itself) counts in the total only.
 */
export function rollUp<T extends object>(
  childPaths: readonly string[],
  communities: readonly { path: string; value: T }[],
  add: (into: T, value: T) => void,
  empty: () => T,
): { total: T; byChild: Map<string, T> } {
  const byChild = new Map(childPaths.map((p) => [p, empty()]));
  const total = empty();
  for (const c of communities) {
    add(total, c.value);
    const child = [...ancestorPaths(c.path), c.path].find((p) => byChild.has(p));
    if (child) add(byChild.get(child)!, c.value);
  }
  return { total, byChild };
}
