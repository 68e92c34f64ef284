import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { AuditEvent } from '../../../contract/audit.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { ROLES } from '../../../domain/access/roles.ts';
import { api, query } from '../../shared/api.ts';

export interface AuditFilters {
  actor?: string | undefined;
  unitId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The kinds of action the filter offers; the API matches them as prefixes. */
export const ACTION_KINDS = ['org', 'users', 'auth', 'sensitive'] as const;

const PAGE = 50;

/** Newest first, one page at a time through the API's cursor. */
export function useAuditEvents(f: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', f.actor ?? '', f.unitId ?? '', f.action ?? '', f.from ?? '', f.to ?? ''],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api<{ items: AuditEvent[]; nextCursor: string | null }>('GET', `/api/audit-events${query({ ...f, cursor: pageParam, limit: PAGE })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}

/** “users.role_grant” → 分配角色; an action the console does not know is shown as recorded. */
export function actionLabel(t: TFunction, action: string): string {
  const label: unknown = t(`console:audit.actions.${action}`, { returnObjects: true, defaultValue: '' });
  return typeof label === 'string' && label ? label : action;
}

/** “grid_worker@/43/…/” → the role and the path of its unit. */
export function parseActorRole(value: string | null): { role: Role | null; path: string | null; raw: string | null } {
  if (!value) return { role: null, path: null, raw: null };
  const at = value.indexOf('@');
  const role = (at === -1 ? value : value.slice(0, at)) as Role;
  return { role: ROLES.includes(role) ? role : null, path: at === -1 ? null : value.slice(at + 1), raw: value };
}

/** A few words naming what the event is about, taken from what it recorded. */
export function entityName(e: AuditEvent): string | null {
  for (const side of [e.after, e.before]) {
    if (side && typeof side === 'object') {
      const o = side as Record<string, unknown>;
      const name = o.name ?? o.displayName ?? o.username;
      if (typeof name === 'string') return name;
    }
  }
  return null;
}
