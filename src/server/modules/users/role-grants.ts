import type { Executor } from '../../../db/kysely-types.ts';
import type { Grant } from '../../../domain/access/scope.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { ancestorPaths } from '../../../domain/org/org-path.ts';
import type { RoleGrant } from '../../../contract/auth.ts';
import { toCrumb } from '../org/org.service.ts';
import { orgRepository, type OrgUnitRow } from '../org/org.repository.ts';
import type { AssignmentRow } from './users.repository.ts';

export const toGrant = (a: AssignmentRow): Grant => ({
  assignmentId: a.id,
  role: a.role as Role,
  unitId: a.org_unit_id,
  path: a.org_path,
});

/**
 * Describes assignments for display: each with its unit and the unit's
 * ancestors, read in one query for all of them (no query per row).
 */
export async function describeAssignments(db: Executor, rows: readonly AssignmentRow[]): Promise<Map<string, RoleGrant>> {
  const paths = new Set<string>();
  for (const r of rows) {
    if (r.org_unit_id === null) continue;
    paths.add(r.org_path);
    for (const p of ancestorPaths(r.org_path)) paths.add(p);
  }
  const units = new Map<string, OrgUnitRow>();
  for (const u of await orgRepository.findRowsByPaths(db, [...paths])) units.set(u.path, u);
  const described = new Map<string, RoleGrant>();
  for (const r of rows) {
    const unit = units.get(r.org_path);
    described.set(r.id, {
      assignmentId: r.id,
      role: r.role as Role,
      unit:
        r.org_unit_id !== null && unit
          ? {
              id: unit.id,
              name: unit.name,
              kind: toCrumb(unit).kind,
              code: unit.code,
              ancestors: ancestorPaths(r.org_path).flatMap((p) => {
                const a = units.get(p);
                return a ? [toCrumb(a)] : [];
              }),
            }
          : null,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    });
  }
  return described;
}
