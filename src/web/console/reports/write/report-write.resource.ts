import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DraftWrite, IssueDraft, ReportDay } from '../../../../contract/reports.ts';
import type { Team } from '../../../../contract/teams.ts';
import { api, query } from '../../../shared/api.ts';

export type { ReportDay, Team };

/**
 * Every query of the writing pages starts with 'reports-write', so a change
 * announced by the live stream refreshes whatever shows it.
 */
export const writeKeys = {
  all: ['reports-write'] as const,
  community: (communityId: string) => ['reports-write', 'day', communityId] as const,
  day: (communityId: string, day: string, teamId: string | undefined) => ['reports-write', 'day', communityId, day, teamId ?? ''] as const,
  teams: (communityId: string, day: string) => ['reports-write', 'teams', communityId, day] as const,
  report: (id: string) => ['reports-write', 'report', id] as const,
};

const enc = encodeURIComponent;

export function useReportDay(communityId: string | undefined, day: string, teamId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: writeKeys.day(communityId ?? '', day, teamId),
    queryFn: () => api<ReportDay>('GET', `/api/reports/day${query({ communityId, day, teamId })}`),
    enabled: enabled && Boolean(communityId),
    // Figures are filled live until submission: a day read a while ago is read again on return.
    staleTime: 5_000,
  });
}

/** The work teams of a community on a day (with who is on them that day). */
export function useCommunityTeams(communityId: string | undefined, day: string) {
  return useQuery({
    queryKey: writeKeys.teams(communityId ?? '', day),
    queryFn: () => api<Team[]>('GET', `/api/teams${query({ communityId, day })}`),
    enabled: Boolean(communityId),
    staleTime: 60_000,
  });
}

/** One version of a report, for its print view. */
export function useReport(id: string) {
  return useQuery({ queryKey: writeKeys.report(id), queryFn: () => api<ReportDay>('GET', `/api/reports/${enc(id)}`), enabled: Boolean(id) });
}

/**
 * What the server answers is the day as it now stands: shown at once, without
 * reading it again. A draft's save answered late never hides the submission
 * that followed it.
 */
function keep(qc: QueryClient, report: ReportDay) {
  const key = writeKeys.day(report.community.id, report.day, report.team?.id);
  const shown = qc.getQueryData<ReportDay>(key);
  if (shown?.state === 'submitted' && report.state !== 'submitted') return;
  qc.setQueryData(key, report);
}

export function useSaveDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof DraftWrite>) => api<ReportDay>('PUT', '/api/reports/draft', body),
    onSuccess: (r) => keep(qc, r),
  });
}

export function useSubmitReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof DraftWrite> & { id: string }) => api<ReportDay>('POST', '/api/reports/submit', body),
    onSuccess: (r) => keep(qc, r),
  });
}

export interface CorrectionBody {
  /** The current version being corrected. */
  reportId: string;
  /** The client's id of the new version. */
  id: string;
  reason: string;
  narrative: string;
  issues: IssueDraft[];
}

export function useCorrectReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, ...body }: CorrectionBody) => api<ReportDay>('POST', `/api/reports/${enc(reportId)}/corrections`, body),
    onSuccess: (r) => keep(qc, r),
  });
}

export const reportWorkbookUrl = (id: string) => `/api/reports/${enc(id)}/export.xlsx`;
