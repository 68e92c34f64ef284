/**
 * Row types as the repositories see them, identical on both databases:
 * instants are ISO-8601 UTC strings, calendar days YYYY-MM-DD strings, flags
 * 0/1 integers, JSON text. The drivers are set up (database.ts) to return
 * these shapes, so no repository converts per dialect.
 */
import type { OrgUnitsTable, UsersTable, RoleAssignmentsTable, SessionsTable, AuditEventsTable, LoginAttemptsTable } from './tables/foundation.ts';
import type { HouseholdsTable, ResidentsTable, MembershipsTable, ResidentCategoriesTable, ScreeningRoundsTable, ScreeningRoundGroupsTable, ScreeningVisitsTable } from './tables/ledger.ts';
import type { EntrancesTable, EntranceChangesTable, EntranceAssignmentsTable, PassKeysTable, PassesTable, PassStatusChangesTable, GateVisitorsTable, GatePassagesTable, PatrolZonesTable, PatrolGroupsTable, PatrolRoundsTable, GateAlertsTable } from './tables/gates.ts';
import type { ArrivalGroupsTable, SelfDeclarationsTable, DeclarationAttemptsTable, ArrivalsTable, LetterTemplatesTable, CommitmentLettersTable, ObservationPlansTable, ObservationChecksTable, ObservationAlertsTable } from './tables/observation.ts';
import type { ReportRulesTable, DailyReportsTable, IssueGroupsTable, ReportIssuesTable, IssueAnswersTable } from './tables/reports.ts';
import type { SendingOrgsTable, WorkTeamsTable, TeamMembersTable, VolunteerSignupsTable, AreaAssignmentsTable, CheckpointShiftsTable, DutiesTable, DutySwapsTable, DutyCheckInsTable, DutyAlertsTable, BriefingsTable, BriefingTasksTable, BriefingTaskAssigneesTable, HazardsTable, HazardUpdatesTable } from './tables/rosters.ts';

export type * from './tables/foundation.ts';
export type * from './tables/ledger.ts';
export type * from './tables/gates.ts';
export type * from './tables/observation.ts';
export type * from './tables/rosters.ts';
export type * from './tables/reports.ts';

/** Every table, as Kysely sees the database; the row types live in tables/, one file per migration. */
export interface DB {
  org_units: OrgUnitsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  login_attempts: LoginAttemptsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  memberships: MembershipsTable;
  resident_categories: ResidentCategoriesTable;
  screening_rounds: ScreeningRoundsTable;
  screening_round_groups: ScreeningRoundGroupsTable;
  screening_visits: ScreeningVisitsTable;
  entrances: EntrancesTable;
  entrance_changes: EntranceChangesTable;
  entrance_assignments: EntranceAssignmentsTable;
  pass_keys: PassKeysTable;
  passes: PassesTable;
  pass_status_changes: PassStatusChangesTable;
  gate_visitors: GateVisitorsTable;
  gate_passages: GatePassagesTable;
  patrol_zones: PatrolZonesTable;
  patrol_groups: PatrolGroupsTable;
  patrol_rounds: PatrolRoundsTable;
  gate_alerts: GateAlertsTable;
  arrival_groups: ArrivalGroupsTable;
  self_declarations: SelfDeclarationsTable;
  declaration_attempts: DeclarationAttemptsTable;
  arrivals: ArrivalsTable;
  letter_templates: LetterTemplatesTable;
  commitment_letters: CommitmentLettersTable;
  observation_plans: ObservationPlansTable;
  observation_checks: ObservationChecksTable;
  observation_alerts: ObservationAlertsTable;
  sending_orgs: SendingOrgsTable;
  work_teams: WorkTeamsTable;
  team_members: TeamMembersTable;
  volunteer_signups: VolunteerSignupsTable;
  area_assignments: AreaAssignmentsTable;
  checkpoint_shifts: CheckpointShiftsTable;
  duties: DutiesTable;
  duty_swaps: DutySwapsTable;
  duty_check_ins: DutyCheckInsTable;
  duty_alerts: DutyAlertsTable;
  briefings: BriefingsTable;
  briefing_tasks: BriefingTasksTable;
  briefing_task_assignees: BriefingTaskAssigneesTable;
  hazards: HazardsTable;
  hazard_updates: HazardUpdatesTable;
  report_rules: ReportRulesTable;
  daily_reports: DailyReportsTable;
  issue_groups: IssueGroupsTable;
  report_issues: ReportIssuesTable;
  issue_answers: IssueAnswersTable;
}
