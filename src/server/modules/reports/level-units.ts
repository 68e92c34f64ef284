import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { ancestorPaths } from '../../../domain/org/org-path.ts';
import { rollUp } from '../../../domain/reports/figures.ts';
import type { Actor } from '../../actor.ts';
import { gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { prefixesFor } from '../../../domain/access/scope.ts';
import { AppError } from '../../errors.ts';
import { orgRepository, type OrgUnitRow } from '../org/org.repository.ts';

export interface Unit {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
}

/** A level: the unit, its children in force on the day, and every community under it then (the unit itself, if a community). */
export interface Level {
  unit: Unit;
  children: Unit[];
  communities: (Unit & { childPath: string | null })[];
}

const toUnit = (u: OrgUnitRow): Unit => ({ id: u.id, name: u.name, kind: u.kind, path: u.path, parentId: u.parent_id });

/** The unit the reader asked for, or their highest one; out of scope looks absent. */
export async function levelUnit(db: Executor, actor: Actor, orgId: string | undefined): Promise<OrgUnitRow> {
  const prefixes = gatePrefixes(actor, 'report.read');
  if (prefixes.length === 0) throw new AppError('FORBIDDEN');
  const unit = orgId
    ? await orgRepository.findInScope(db, prefixes, orgId)
    : (await orgRepository.findByPaths(db, prefixesFor(actor, 'report.read')))[0];
  if (!unit) throw new AppError('NOT_FOUND', { field: 'orgId' });
  // A grid worker's or team member's reach is their community: they read its level, not their group's.
  if (unit.kind === 'group' || unit.kind === 'grid') {
    const community = (await orgRepository.ancestorsOf(db, unit.path)).find((a) => a.kind === 'community');
    if (community) return community;
  }
  return unit;
}

export async function levelOf(db: Executor, unit: OrgUnitRow, day: string): Promise<Level> {
  const inForce = (rows: OrgUnitRow[]) => rows.filter((u) => u.valid_from <= day && (u.valid_to === null || u.valid_to > day));
  if (unit.kind === 'community') return { unit: toUnit(unit), children: [], communities: [{ ...toUnit(unit), childPath: null }] };
  const children = inForce(await db.selectFrom('org_units').selectAll().where('parent_id', '=', unit.id).orderBy('path').execute());
  const communities = inForce(await db.selectFrom('org_units').selectAll().where('kind', '=', 'community')
    .where((eb) => underAny(eb, 'path', [unit.path])).orderBy('path').execute());
  const childPaths = new Set(children.map((c) => c.path));
  return {
    unit: toUnit(unit),
    children: children.filter((c) => c.kind !== 'group' && c.kind !== 'grid').map(toUnit),
    communities: communities.map((c) => ({ ...toUnit(c), childPath: [...ancestorPaths(c.path), c.path].find((p) => childPaths.has(p)) ?? null })),
  };
}

/** Sums per-community values into the level's children and total: each community counted once. */
export function sumLevel<T extends object>(level: Level, valueOf: (communityId: string) => T, add: (into: T, v: T) => void, empty: () => T) {
  const { total, byChild } = rollUp(level.children.map((c) => c.path), level.communities.map((c) => ({ path: c.path, value: valueOf(c.id) })), add, empty);
  return { total, children: level.children.map((c) => ({ unit: c, value: byChild.get(c.path)! })) };
}
