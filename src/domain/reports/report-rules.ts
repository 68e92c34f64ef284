import { addDays, shanghaiInstant } from '../local-date.ts';

/**
 * The office's rule for the daily reports below it: the fewest issues or
 * suggestions a report carries, the deadline, and how long an issue may wait
 * for an answer before it is flagged at both ends.
 */
export interface ReportRules {
  minIssues: number;
  /** Local time (Asia/Shanghai), "HH:MM", on the report's day or the next. */
  deadlineTime: string;
  deadlineNextDay: boolean;
  answerHours: number;
}

/** The city office's rule in the reports: at least two issues or suggestions a day; answered within a day. */
export const DEFAULT_RULES: ReportRules = { minIssues: 2, deadlineTime: '20:00', deadlineNextDay: false, answerHours: 24 };

/** The rule of the nearest office up the chain that set one (`chain` top down, the community last). */
export function rulesFor<T extends { path: string }>(chain: readonly string[], set: readonly (T & ReportRules)[]): (T & ReportRules) | null {
  for (const path of [...chain].reverse()) {
    const found = set.find((r) => r.path === path);
    if (found) return found;
  }
  return null;
}

/** When a report of `day` is due, as an instant. */
export function deadlineAt(day: string, rules: Pick<ReportRules, 'deadlineTime' | 'deadlineNextDay'>): string {
  return new Date(shanghaiInstant(rules.deadlineNextDay ? addDays(day, 1) : day, rules.deadlineTime)).toISOString();
}

/** When an issue sent at `sentAt` is flagged if still unanswered. */
export function flagAt(sentAt: string, answerHours: number): string {
  return new Date(Date.parse(sentAt) + answerHours * 3_600_000).toISOString();
}

export function isFlagged(issue: { status: string; flagAt: string }, now: string): boolean {
  return issue.status === 'open' && issue.flagAt <= now;
}

/** Why a report cannot be submitted as it is, or null: too few issues, a day not begun. */
export function submitProblem(input: { day: string; issues: number }, rules: Pick<ReportRules, 'minIssues'>, today: string): { code: 'REPORT_DAY_IN_FUTURE' } | { code: 'REPORT_TOO_FEW_ISSUES'; min: number } | null {
  if (input.day > today) return { code: 'REPORT_DAY_IN_FUTURE' };
  if (input.issues < rules.minIssues) return { code: 'REPORT_TOO_FEW_ISSUES', min: rules.minIssues };
  return null;
}
