import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Issue, IssueAnswerWrite, IssueGroup, IssueGroupCreate, LevelDay, ReportDay, ReportRules, RulesAnswer } from '../../../../contract/reports.ts';
import { api, query } from '../../../shared/api.ts';
import { inboxQuery, type InboxFilter } from './office-format.ts';

export type { Issue, LevelDay, ReportDay, RulesAnswer };
export type AnswerBody = z.input<typeof IssueAnswerWrite>;

/**
 * Every query of the offices' pages starts with 'reports-office': a report
 * arriving, an answer or a new rule refreshes whatever shows it.
 */
export const officeKeys = {
  all: ['reports-office'] as const,
  level: (orgId: string | undefined, day: string) => ['reports-office', 'level', orgId ?? '', day] as const,
  report: (communityId: string, day: string, teamId: string | null) => ['reports-office', 'report', communityId, day, teamId ?? ''] as const,
  issues: (f: InboxFilter) => ['reports-office', 'issues', f] as const,
  rules: (orgId: string) => ['reports-office', 'rules', orgId] as const,
};

const id = encodeURIComponent;

/** A level's day: its units below and their communities' reports; no unit asks the server for the reader's own. */
export function useLevel(orgId: string | undefined, day: string) {
  return useQuery({
    queryKey: officeKeys.level(orgId, day),
    queryFn: () => api<LevelDay>('GET', `/api/reports/level${query({ orgId, day })}`),
    placeholderData: keepPreviousData,
  });
}

/** One community's (or work team's) report of the day as it stands: the current version, the draft, or nothing yet. */
export function useReportDay(target: { communityId: string; day: string; teamId: string | null } | null) {
  return useQuery({
    queryKey: officeKeys.report(target?.communityId ?? '', target?.day ?? '', target?.teamId ?? null),
    queryFn: () => api<ReportDay>('GET', `/api/reports/day${query({ communityId: target!.communityId, day: target!.day, teamId: target!.teamId })}`),
    enabled: Boolean(target),
  });
}

export function useIssues(filter: InboxFilter) {
  return useQuery({
    queryKey: officeKeys.issues(filter),
    queryFn: () => api<Issue[]>('GET', `/api/issues${query(inboxQuery(filter))}`),
    enabled: Boolean(filter.orgId),
    placeholderData: keepPreviousData,
  });
}

export function useRules(orgId: string | undefined) {
  return useQuery({
    queryKey: officeKeys.rules(orgId ?? ''),
    queryFn: () => api<RulesAnswer>('GET', `/api/reports/rules${query({ orgId })}`),
    enabled: Boolean(orgId),
  });
}

/** A mutation that refreshes every office query once it is done. */
function useOfficeMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: officeKeys.all }) });
}

export const useAnswerIssue = () => useOfficeMutation((v: { issueId: string; body: AnswerBody }) => api<Issue>('POST', `/api/issues/${id(v.issueId)}/answers`, v.body));
export const useCreateGroup = () => useOfficeMutation((body: z.input<typeof IssueGroupCreate>) => api<IssueGroup>('POST', '/api/issues/groups', body));
export const useAnswerGroup = () => useOfficeMutation((v: { groupId: string; body: AnswerBody }) => api<IssueGroup>('POST', `/api/issues/groups/${id(v.groupId)}/answers`, v.body));
export const useSaveRules = () => useOfficeMutation((v: { orgId: string; body: ReportRules }) => api<RulesAnswer>('PUT', `/api/reports/rules/${id(v.orgId)}`, v.body));

/** The export's address: the browser downloads it with the session cookie. */
export const levelExportUrl = (orgId: string, day: string): string => `/api/reports/level/export.xlsx${query({ orgId, day })}`;
