import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DuplicateGroup, ImportReport, ResidentCreate, ResidentDetail, ResidentMove, ResidentStatus, ResidentStatusChange, ResidentSummary, ResidentUpdate,
} from '../../../contract/ledger.ts';
import type { OrgUnit } from '../../../contract/org.ts';
import { api, ApiRequestError, query } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';
import { childrenQuery, rootsQuery } from '../org/org.resource.ts';

export interface ResidentFilters {
  unitId?: string | undefined;
  q?: string | undefined;
  category?: string | undefined;
  status?: ResidentStatus | undefined;
  tag?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** Every ledger query starts with 'residents', so one invalidation refreshes lists, details and duplicates. */
export const residentKeys = {
  all: ['residents'] as const,
  list: (f: ResidentFilters) => ['residents', 'list', f.unitId ?? '', f.q ?? '', f.category ?? '', f.status ?? '', f.tag ?? '', f.page ?? 1, f.pageSize ?? 0] as const,
  one: (id: string) => ['residents', 'one', id] as const,
  households: (q: string) => ['residents', 'households', q] as const,
  duplicates: (unitId: string) => ['residents', 'duplicates', unitId] as const,
};

const filterQuery = (f: ResidentFilters) =>
  query({ unitId: f.unitId, q: f.q?.trim(), category: f.category, status: f.status, tag: f.tag, page: f.page, pageSize: f.pageSize });

/** One page of the list; the previous page stays on screen while the next one loads (search while typing). */
export function useResidents(f: ResidentFilters) {
  return useQuery({
    queryKey: residentKeys.list(f),
    queryFn: () => api<{ items: ResidentSummary[]; total: number }>('GET', `/api/residents${filterQuery(f)}`),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: string | undefined | null) {
  return useQuery({
    queryKey: residentKeys.one(id ?? ''),
    queryFn: () => api<ResidentDetail>('GET', `/api/residents/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

/** A household found through its members: typing a name, pinyin initials or an address. */
export interface HouseholdHit {
  id: string;
  address: string;
  groupName: string;
  /** The members the search matched, with their relation. */
  matched: { name: string; relation: ResidentSummary['relation'] }[];
}

export function useHouseholdSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: residentKeys.households(text),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<HouseholdHit[]> => {
      const page = await api<{ items: ResidentSummary[] }>('GET', `/api/residents${query({ q: text, pageSize: 40 })}`);
      const byId = new Map<string, HouseholdHit>();
      for (const r of page.items) {
        if (!r.householdId) continue;
        const hit = byId.get(r.householdId) ?? { id: r.householdId, address: r.address ?? '', groupName: r.groupName ?? '', matched: [] };
        hit.matched.push({ name: r.name, relation: r.relation });
        byId.set(r.householdId, hit);
      }
      return [...byId.values()];
    },
  });
}

/**
 * The groups where the user may open a new household: the groups among the
 * top units of their area, and the groups of the communities there.
 */
export function useGroupsInArea() {
  const roots = useQuery(rootsQuery());
  const communities = (roots.data ?? []).filter((u) => u.current && u.kind === 'community');
  const children = useQueries({
    queries: communities.map((c) => childrenQuery(c.id, false)),
    combine: (results) => ({ data: results.map((r) => r.data), pending: results.some((r) => r.isPending) }),
  });
  const isGroup = (u: OrgUnit) => u.current && (u.kind === 'group' || u.kind === 'grid');
  const groups: { unit: OrgUnit; communityName: string | null }[] = [];
  for (const u of roots.data ?? []) if (isGroup(u)) groups.push({ unit: u, communityName: null });
  communities.forEach((c, i) => {
    for (const u of children.data[i] ?? []) if (isGroup(u)) groups.push({ unit: u, communityName: communities.length > 1 ? c.name : null });
  });
  return { groups, pending: roots.isPending || children.pending };
}

/** After a change: the person from the answer, every list read again. */
function useResidentChange<V>(fn: (v: V) => Promise<ResidentDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(residentKeys.one(r.id), r);
      return qc.invalidateQueries({ queryKey: residentKeys.all, predicate: (q) => q.queryKey[1] !== 'one' || q.queryKey[2] !== r.id });
    },
  });
}

export const useCreateResident = () => useResidentChange((body: ResidentCreate) => api<ResidentDetail>('POST', '/api/residents', body));

export const useUpdateResident = (id: string) =>
  useResidentChange((body: ResidentUpdate) => api<ResidentDetail>('PATCH', `/api/residents/${encodeURIComponent(id)}`, body));

export const useMoveResident = (id: string) =>
  useResidentChange((body: ResidentMove) => api<ResidentDetail>('POST', `/api/residents/${encodeURIComponent(id)}/move`, body));

export const useChangeStatus = (id: string) =>
  useResidentChange((body: ResidentStatusChange) => api<ResidentDetail>('POST', `/api/residents/${encodeURIComponent(id)}/status`, body));

/** Merges `id` into `intoId`; the answer is the record kept. */
export function useMergeResident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number; intoId: string }) =>
      api<ResidentDetail>('POST', `/api/residents/${encodeURIComponent(v.id)}/merge`, { version: v.version, intoId: v.intoId }),
    onSettled: () => qc.invalidateQueries({ queryKey: residentKeys.all }),
  });
}

/** The full ID number and phone of one person; the server records who looked. */
export function useRevealResident(id: string) {
  return useMutation({ mutationFn: () => api<{ idNumber: string; phone: string | null }>('POST', `/api/residents/${encodeURIComponent(id)}/reveal`) });
}

export function useDuplicates(unitId: string | undefined) {
  return useQuery({
    queryKey: residentKeys.duplicates(unitId ?? ''),
    queryFn: () => api<z.infer<typeof DuplicateGroup>[]>('GET', `/api/residents-duplicates${query({ unitId })}`),
    enabled: Boolean(unitId),
  });
}

export const exportUrl = (f: ResidentFilters, full: boolean) =>
  `/api/residents/export${query({ unitId: f.unitId, q: f.q?.trim(), category: f.category, status: f.status, tag: f.tag, full: full || undefined })}`;

export const templateUrl = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/resident-template`;

/**
 * Downloads a file from the API. Fetched rather than followed as a link, so a
 * refusal (no right, a unit out of reach) shows as a message instead of a
 * page of JSON. The name comes from the answer (filename*, in Chinese too).
 */
export async function download(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': i18n.language } });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: i18n.t('common:errors.network') });
  }
  if (!response.ok) throw await errorOf(response);
  const blob = await response.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function fileNameOf(disposition: string | null): string | null {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return (disposition && /filename="([^"]+)"/i.exec(disposition)?.[1]) ?? null;
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => '');
  let body: { code?: string; message?: string; field?: string } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    // A proxy's HTML page: the status says enough.
  }
  return new ApiRequestError(response.status, {
    code: body.code ?? (response.status === 413 ? 'FILE_TOO_LARGE' : 'INTERNAL'),
    message: body.message ?? i18n.t('common:errors.unexpected'),
    ...(body.field ? { field: body.field } : {}),
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server's default limit for an import (LINLI_IMPORT_MAX_MB); checked here too, so a big file is refused before it is sent. */
export const IMPORT_MAX_BYTES = 20 * 1_048_576;

/** Sends the sheet as the raw body: checked only (nothing written), or written. */
export async function runImport(communityId: string, file: File, mode: 'check' | 'commit', skipInvalid: boolean): Promise<ImportReport> {
  let response: Response;
  try {
    response = await fetch(`/api/communities/${encodeURIComponent(communityId)}/resident-import${query({ mode, skipInvalid: skipInvalid || undefined })}`, {
      method: 'POST',
      credentials: 'same-origin',
      body: file,
      headers: { 'content-type': XLSX_TYPE, 'accept-language': i18n.language },
    });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: i18n.t('common:errors.network') });
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as ImportReport;
}

export function useImport(communityId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; mode: 'check' | 'commit'; skipInvalid?: boolean }) => runImport(communityId ?? '', v.file, v.mode, v.skipInvalid ?? false),
    onSuccess: (report) => (report.written ? qc.invalidateQueries({ queryKey: residentKeys.all }) : undefined),
  });
}
