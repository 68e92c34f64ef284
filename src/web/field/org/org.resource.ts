import { useQuery } from '@tanstack/react-query';
import type { OrgUnit, OrgUnitDetail } from '../../../contract/org.ts';
import { api, query } from '../../shared/api.ts';

/** The top units of the user's area (no parent given) or the children of one unit. */
export function useOrgUnits(parentId?: string) {
  return useQuery({
    queryKey: ['org-units', parentId ?? 'top'],
    queryFn: () => api<OrgUnit[]>('GET', `/api/org-units${query({ parentId })}`),
  });
}

/** One unit with its ancestors; answers 404 NOT_FOUND outside the user's area. */
export function useOrgUnit(id: string) {
  return useQuery({
    queryKey: ['org-unit', id],
    queryFn: () => api<OrgUnitDetail>('GET', `/api/org-units/${encodeURIComponent(id)}`),
  });
}
