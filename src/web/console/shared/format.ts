import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { RoleGrant } from '../../../contract/auth.ts';
import type { OrgCrumb } from '../../../contract/org.ts';

/** 2020-02-13 14:05:09, in the browser's time zone, 24h. */
export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dayjs(instant).format('YYYY-MM-DD HH:mm:ss') : '';
}

/** 2020-02-13 from an instant or a local date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayjs(value).format('YYYY-MM-DD');
}

export const today = (): string => dayjs().format('YYYY-MM-DD');

export const CRUMB_SEPARATOR = ' › ';

/** 湖南省 › 株洲市 › … › 大海组 */
export function trail(units: readonly Pick<OrgCrumb, 'name'>[]): string {
  return units.map((u) => u.name).join(CRUMB_SEPARATOR);
}

/** “网格员 · 大海组”; the system administrator has no unit. */
export function roleLabel(t: TFunction, grant: Pick<RoleGrant, 'role' | 'unit'>): string {
  const role = t(`server:roles.${grant.role}`);
  return grant.unit ? `${role} · ${grant.unit.name}` : role;
}

/** The full place of a role: its unit's ancestors and the unit. */
export function grantTrail(t: TFunction, grant: Pick<RoleGrant, 'unit'>): string {
  return grant.unit ? trail([...grant.unit.ancestors, grant.unit]) : t('console:scope.wholeSystem');
}
