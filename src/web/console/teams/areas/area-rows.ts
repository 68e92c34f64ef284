import type { AreaCoverage } from '../../../../contract/teams.ts';

export type AreaRow = AreaCoverage['groups'][number] & { uncovered: boolean };

/** The community's groups with the uncovered ones first (red at the top of the table), each part in the server's order. */
export function areaRows(coverage: Pick<AreaCoverage, 'groups' | 'uncovered'>): AreaRow[] {
  const uncovered = new Set(coverage.uncovered);
  const rows = coverage.groups.map((g) => ({ ...g, uncovered: uncovered.has(g.groupId) || g.responsible.length === 0 }));
  return [...rows.filter((r) => r.uncovered), ...rows.filter((r) => !r.uncovered)];
}

/** Each person with the groups they answer for on the day, for the summary beside the table. */
export function byPerson(coverage: Pick<AreaCoverage, 'groups'>): { userId: string; name: string; groups: string[] }[] {
  const people = new Map<string, { userId: string; name: string; groups: string[] }>();
  for (const g of coverage.groups) {
    for (const a of g.responsible) {
      const entry = people.get(a.userId) ?? { userId: a.userId, name: a.name, groups: [] };
      entry.groups.push(g.groupName);
      people.set(a.userId, entry);
    }
  }
  return [...people.values()].sort((a, b) => b.groups.length - a.groups.length || a.name.localeCompare(b.name));
}
