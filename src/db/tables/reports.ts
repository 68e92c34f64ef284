/** Rows of daily reports and their issues (0006_reports). */

export interface ReportRulesTable {
  org_id: string;
  org_path: string;
  min_issues: number;
  deadline_time: string;
  deadline_next_day: number;
  answer_hours: number;
  updated_by: string | null;
  updated_at: string;
}

export interface DailyReportsTable {
  id: string;
  community_id: string;
  org_path: string;
  /** 'community', or the id of the work team reporting. */
  subject: string;
  team_id: string | null;
  day: string;
  /** 0 the draft; 1, 2, … submitted versions. */
  version: number;
  current: number;
  narrative: string;
  /** JSON: the draft's issues before they are sent. */
  draft_issues: string;
  /** JSON ReportFigures, frozen at submission; null for a draft. */
  figures: string | null;
  figures_at: string | null;
  to_org_id: string;
  min_issues: number | null;
  deadline_at: string | null;
  late: number;
  correction_reason: string | null;
  supersedes_id: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  /** What a retried submission with the same id must repeat. */
  content_hash: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IssueGroupsTable {
  id: string;
  to_org_id: string;
  to_org_path: string;
  title: string;
  created_by: string | null;
  created_at: string;
}

export interface ReportIssuesTable {
  id: string;
  report_id: string;
  community_id: string;
  org_path: string;
  subject: string;
  day: string;
  position: number;
  kind: string;
  topic: string;
  text: string;
  to_org_id: string;
  to_org_path: string;
  status: string;
  sent_at: string;
  flag_at: string;
  answered_at: string | null;
  group_id: string | null;
}

export interface IssueAnswersTable {
  id: string;
  issue_id: string;
  status: string;
  measure: string | null;
  reason: string | null;
  office_id: string;
  group_id: string | null;
  answered_by: string;
  answered_at: string;
}
