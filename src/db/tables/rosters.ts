/** Rows of teams, volunteers, areas, rosters and briefings (0005_rosters). */

export interface SendingOrgsTable {
  id: string;
  unit_id: string;
  org_path: string;
  name: string;
  kind: string;
  contact: string | null;
  created_by: string | null;
  created_at: string;
}

export interface WorkTeamsTable {
  id: string;
  community_id: string;
  org_path: string;
  sending_org_id: string;
  name: string;
  kind: string;
  from_day: string;
  to_day: string | null;
  created_by: string | null;
  created_at: string;
}

export interface TeamMembersTable {
  id: string;
  team_id: string;
  org_path: string;
  user_id: string;
  role: string;
  from_day: string;
  to_day: string | null;
  replaces_id: string | null;
  reason: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: string;
  ended_by: string | null;
  ended_at: string | null;
}

export interface VolunteerSignupsTable {
  id: string;
  community_id: string;
  org_path: string;
  reference: string;
  name: string;
  mobile_sealed: string;
  mobile_hash: string;
  mobile_masked: string;
  skills: string;
  availability: string;
  consent_version: string;
  consent_at: string;
  ip_hash: string;
  status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  note: string | null;
  user_id: string | null;
  role: string | null;
  created_at: string;
}

export interface AreaAssignmentsTable {
  id: string;
  community_id: string;
  group_id: string;
  org_path: string;
  user_id: string;
  from_day: string;
  to_day: string | null;
  assigned_by: string | null;
  created_at: string;
  ended_by: string | null;
}

export interface CheckpointShiftsTable {
  id: string;
  entrance_id: string;
  org_path: string;
  start_time: string;
  end_time: string;
  minimum: number;
  sort_order: number;
}

export interface DutiesTable {
  id: string;
  entrance_id: string;
  community_id: string;
  org_path: string;
  user_id: string;
  day: string;
  start_time: string;
  end_time: string;
  created_by: string | null;
  created_at: string;
}

export interface DutySwapsTable {
  id: string;
  community_id: string;
  org_path: string;
  duty_id: string;
  counter_duty_id: string | null;
  from_user_id: string;
  to_user_id: string;
  reason: string;
  status: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  shift_json: string;
}

export interface DutyCheckInsTable {
  id: string;
  entrance_id: string;
  community_id: string;
  org_path: string;
  user_id: string;
  duty_id: string;
  at: string;
  received_at: string;
}

export interface DutyAlertsTable {
  id: string;
  community_id: string;
  org_path: string;
  entrance_id: string;
  day: string;
  start_time: string;
  end_time: string;
  minimum: number;
  checked_in: number;
  raised_at: string;
  handled_at: string | null;
  handled_by: string | null;
  note: string | null;
}

export interface BriefingsTable {
  id: string;
  community_id: string;
  org_path: string;
  day: string;
  notes: string;
  written_by: string | null;
  updated_at: string;
}

export interface BriefingTasksTable {
  id: string;
  community_id: string;
  org_path: string;
  day: string;
  text: string;
  group_ids: string;
  created_by: string | null;
  created_at: string;
  done_at: string | null;
  done_by: string | null;
  done_note: string | null;
  done_tick_id: string | null;
  cancelled_at: string | null;
}

export interface BriefingTaskAssigneesTable {
  id: string;
  task_id: string;
  user_id: string | null;
  team_id: string | null;
}

export interface HazardsTable {
  id: string;
  community_id: string;
  org_path: string;
  kind: string;
  place: string;
  description: string;
  reported_by: string | null;
  reported_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface HazardUpdatesTable {
  id: string;
  hazard_id: string;
  at: string;
  by: string | null;
  note: string;
  closed: number;
}
