import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../contract/auth.ts';
import type { OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate } from '../../../contract/org.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import { canNest, ORG_KINDS, type OrgKind } from '../../../domain/org/org-kinds.ts';
import { api, query } from '../../shared/api.ts';

/** Every org query starts with 'org', so one invalidation refreshes the tree, tables and details. */
export const orgKeys = {
  all: ['org'] as const,
  roots: () => ['org', 'roots'] as const,
  children: (parentId: string, includeDissolved: boolean) => ['org', 'children', parentId, includeDissolved] as const,
  unit: (id: string) => ['org', 'unit', id] as const,
  search: (q: string) => ['org', 'search', q] as const,
  byPath: (path: string) => ['org', 'path', path] as const,
};

/** The top units of the user's area. */
export const rootsQuery = () =>
  queryOptions({ queryKey: orgKeys.roots(), queryFn: () => api<OrgUnit[]>('GET', '/api/org-units') });

export const childrenQuery = (parentId: string, includeDissolved: boolean) =>
  queryOptions({
    queryKey: orgKeys.children(parentId, includeDissolved),
    queryFn: () => api<OrgUnit[]>('GET', `/api/org-units${query({ parentId, includeDissolved: includeDissolved || undefined })}`),
  });

export const unitQuery = (id: string) =>
  queryOptions({ queryKey: orgKeys.unit(id), queryFn: () => api<OrgUnitDetail>('GET', `/api/org-units/${encodeURIComponent(id)}`) });

export function useOrgUnit(id: string | undefined) {
  return useQuery({ ...unitQuery(id ?? ''), enabled: Boolean(id) });
}

export function useOrgSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: orgKeys.search(text),
    queryFn: () => api<OrgUnit[]>('GET', `/api/org-units${query({ q: text })}`),
    enabled: text.length > 0,
  });
}

/**
 * A unit known only by its path (audit events carry paths): found by a search
 * on its own code, then read with its ancestors. Null when it cannot be read.
 */
export function useUnitByPath(path: string | null | undefined) {
  const code = path?.split('/').filter(Boolean).pop();
  return useQuery({
    queryKey: orgKeys.byPath(path ?? ''),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<OrgUnitDetail | null> => {
      const found = await api<OrgUnit[]>('GET', `/api/org-units${query({ q: code })}`);
      const unit = found.find((u) => u.path === path);
      return unit ? api<OrgUnitDetail>('GET', `/api/org-units/${unit.id}`) : null;
    },
  });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUnitCreate) => api<OrgUnitDetail>('POST', '/api/org-units', body),
    onSuccess: (unit) => {
      qc.setQueryData(orgKeys.unit(unit.id), unit);
      return qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

export function useUpdateUnit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUnitUpdate) => api<OrgUnit>('PATCH', `/api/org-units/${id}`, body),
    onSuccess: (unit) => {
      // The answer is the unit itself; its ancestors and permissions are unchanged by an edit.
      qc.setQueryData<OrgUnitDetail>(orgKeys.unit(unit.id), (old) => (old ? { ...old, ...unit } : old));
      return qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

/** The kinds a new unit may have under a parent of this kind (null: at the top). */
export function allowedChildKinds(parentKind: OrgKind | null): OrgKind[] {
  return ORG_KINDS.filter((k) => canNest(k, parentKind));
}

export const isDissolved = (u: Pick<OrgUnit, 'validTo' | 'current'>): boolean => u.validTo !== null && !u.current;

const isSystemAdmin = (me: Me) => me.roles.some((r) => r.role === 'system_admin');

/**
 * Rename, dissolve, restore: the server decides (a unit is changed only from
 * above it: a community administrator edits its groups, not the community).
 */
export function canEditUnit(_me: Me, unit: OrgUnitDetail): boolean {
  return unit.canEdit;
}

/** Whether the user may create units at the top (the system administrator only). */
export const canCreateTopUnits = isSystemAdmin;

/**
 * The index in a chain of crumbs (top down) from which the user may open
 * units: the units above their own area answer "not found".
 */
export function firstReadable(me: Me, chain: readonly { id: string }[]): number {
  if (isSystemAdmin(me)) return 0;
  const mine = new Set(me.roles.filter((r) => r.unit && roleAllows(r.role, 'org.read')).map((r) => r.unit!.id));
  const i = chain.findIndex((c) => mine.has(c.id));
  return i === -1 ? chain.length : i;
}

/** An example of a valid code for a new unit, to show next to the field. */
export function codeExample(kind: OrgKind, parent: { code: string; childCount: number } | null): string {
  const p = parent?.code ?? '';
  // The next number after the children already there (dissolved ones keep their codes).
  const next = (parent?.childCount ?? 0) + 1;
  switch (kind) {
    case 'province':
      return '430000';
    case 'city':
      return p ? `${p.slice(0, 2)}0100` : '110100';
    case 'district':
      return `${p.slice(0, 4)}01`;
    case 'street':
    case 'community':
      return `${p}${String(next).padStart(3, '0')}`;
    case 'group':
    case 'grid':
      return `${p}-${String(next).padStart(2, '0')}`;
  }
}
