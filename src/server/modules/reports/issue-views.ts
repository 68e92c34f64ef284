import type { Executor } from '../../../db/kysely-types.ts';
import type { Issue, IssueStatus } from '../../../contract/reports.ts';
import { groupBy } from '../../../domain/group-by.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import type { Grant, Scope } from '../../../domain/access/scope.ts';
import { isFlagged } from '../../../domain/reports/report-rules.ts';
import { issuesRepository, type IssueView } from './issues.repository.ts';

/** Issues as the pages show them: with every answer, newest first, whether flagged now, and whether the reader may answer. */
export async function issuesWithAnswers(db: Executor, scope: Scope, rows: readonly IssueView[], now: string): Promise<Issue[]> {
  const answers = await issuesRepository.answersOf(db, rows.map((r) => r.id));
  const byIssue = groupBy(answers, (a) => a.issue_id);
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    communityId: r.community_id,
    communityName: r.community_name,
    teamName: r.team_name ?? null,
    day: r.day,
    kind: r.kind as Issue['kind'],
    topic: r.topic as Issue['topic'],
    text: r.text,
    to: { id: r.to_org_id, name: r.to_name },
    status: r.status as IssueStatus,
    sentAt: r.sent_at,
    flagAt: r.flag_at,
    flagged: isFlagged({ status: r.status, flagAt: r.flag_at }, now),
    group: r.group_id ? { id: r.group_id, title: r.group_title ?? '' } : null,
    answers: (byIssue.get(r.id) ?? []).map((a) => ({
      status: a.status as Issue['answers'][number]['status'],
      measure: a.measure, reason: a.reason, byName: a.display_name, officeName: a.office_name, at: a.answered_at, groupTitle: a.group_title ?? null,
    })),
    canAnswer: answerGrant(scope, r.to_org_path) !== null,
  }));
}

/** The office an issue was sent to answers it, not the offices above or below it: one answer, from the office asked. */
export function answerGrant(scope: Scope, officePath: string): Grant | null {
  return scope.grants.find((g) => g.path === officePath && roleAllows(g.role, 'report.answer')) ?? null;
}

/** The offices whose issues the reader answers: where they hold report.answer. */
export function answeringOffices(scope: Scope): string[] {
  return scope.grants.filter((g) => roleAllows(g.role, 'report.answer')).map((g) => g.path);
}
