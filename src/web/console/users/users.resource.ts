import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleAssign, UserCreate, UserSummary, UserUpdate } from '../../../contract/users.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { ROLE_LEVELS, ROLES } from '../../../domain/access/roles.ts';
import type { OrgKind } from '../../../domain/org/org-kinds.ts';
import { api, query } from '../../shared/api.ts';

export interface UserFilters {
  unitId?: string | undefined;
  q?: string | undefined;
  includeDisabled?: boolean | undefined;
}

export const userKeys = {
  all: ['users'] as const,
  list: (f: UserFilters) => ['users', 'list', f.unitId ?? '', f.q ?? '', Boolean(f.includeDisabled)] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export interface WithPassword {
  user: UserSummary;
  oneTimePassword: string;
}

export function useUsers(f: UserFilters) {
  return useQuery({
    queryKey: userKeys.list(f),
    queryFn: () => api<UserSummary[]>('GET', `/api/users${query({ unitId: f.unitId, q: f.q, includeDisabled: f.includeDisabled || undefined })}`),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.one(id ?? ''),
    queryFn: () => api<UserSummary>('GET', `/api/users/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

/** After a change: the detail from the answer, the lists read again. */
function useUserChange<V, R>(fn: (v: V) => Promise<R>, userOf: (r: R) => UserSummary) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      const user = userOf(r);
      qc.setQueryData(userKeys.one(user.id), user);
      return qc.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

const same = (u: UserSummary) => u;
const inner = (r: WithPassword) => r.user;

export const useCreateUser = () => useUserChange((body: UserCreate) => api<WithPassword>('POST', '/api/users', body), inner);

export const useUpdateUser = (id: string) => useUserChange((body: UserUpdate) => api<UserSummary>('PATCH', `/api/users/${id}`, body), same);

export const useAddRole = (id: string) => useUserChange((body: RoleAssign) => api<UserSummary>('POST', `/api/users/${id}/roles`, body), same);

/**
 * Ends a role. When it was the user's last role in the caller's area the API
 * ends it and then answers 404 (the user is out of sight): the lists are read
 * again either way.
 */
export function useRemoveRole(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => api<UserSummary>('DELETE', `/api/users/${id}/roles/${assignmentId}`),
    onSuccess: (user) => qc.setQueryData(userKeys.one(user.id), user),
    onSettled: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const useResetPassword = (id: string) => useUserChange(() => api<WithPassword>('POST', `/api/users/${id}/password-reset`), inner);

/** The full mobile number; the server records who looked. */
export function useRevealMobile(id: string) {
  return useMutation({ mutationFn: () => api<{ field: 'mobile'; value: string | null }>('POST', `/api/users/${id}/reveal`) });
}

/**
 * The roles that may be granted at a unit of this kind (ROLE_LEVELS). With no
 * unit chosen yet, every role that sits at some unit.
 */
export function rolesForKind(kind: OrgKind | undefined): Role[] {
  return ROLES.filter((r) => (kind ? ROLE_LEVELS[r].includes(kind) : !ROLE_LEVELS[r].includes(null)));
}
