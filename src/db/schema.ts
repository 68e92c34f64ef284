/**
 * Row types as the repositories see them, identical on both databases:
 * instants are ISO-8601 UTC strings, calendar days YYYY-MM-DD strings, flags
 * 0/1 integers, JSON text. The drivers are set up (database.ts) to return
 * these shapes, so no repository converts per dialect.
 */
export interface OrgUnitsTable {
  id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  name: string;
  path: string;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  mobile: string | null;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  locale: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  org_unit_id: string | null;
  /** Copied from the unit when granted, so scope checks need no join. */
  org_path: string;
  valid_from: string;
  valid_to: string | null;
  granted_by: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_path: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface LoginAttemptsTable {
  key: string;
  window_start: string;
  attempts: number;
}

export interface HouseholdsTable {
  id: string;
  community_id: string;
  group_id: string;
  /** The group's (or grid's) path. */
  org_path: string;
  address: string;
  /** The address's last run of digits, for search by house or room number. */
  address_number: string;
  head_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResidentsTable {
  id: string;
  community_id: string;
  /** The path of the current (or, once gone, the last) household's group. */
  org_path: string;
  household_id: string | null;
  relation: string | null;
  name: string;
  /** The name without its first character, for search by given name. */
  name_rest: string;
  name_initials: string;
  name_pinyin: string;
  /** AES-GCM sealed citizen ID number (security/sensitive.ts). */
  id_sealed: string;
  /** Keyed hash of the full number: exact lookup and uniqueness. */
  id_hash: string;
  /** Keyed hash of the last 6 characters: search without exposing them. */
  id_tail6_hash: string;
  id_masked: string;
  id_last4: string;
  birth_date: string;
  sex: string;
  phone: string | null;
  phone_last4: string | null;
  status: string;
  status_since: string;
  merged_into: string | null;
  /** JSON array of free tags. */
  tags: string;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: string;
  resident_id: string;
  household_id: string;
  org_path: string;
  relation: string;
  valid_from: string;
  valid_to: string | null;
  end_reason: string | null;
}

export interface ResidentCategoriesTable {
  id: string;
  resident_id: string;
  category: string;
  level: number | null;
  valid_from: string;
  valid_to: string | null;
  /** The screening visit that found the person, if one did. */
  visit_id: string | null;
}

export interface ScreeningRoundsTable {
  id: string;
  community_id: string;
  org_path: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ScreeningRoundGroupsTable {
  round_id: string;
  group_id: string;
  org_path: string;
}

export interface ScreeningVisitsTable {
  id: string;
  round_id: string;
  household_id: string;
  org_path: string;
  visitor_id: string;
  visited_at: string;
  day: string;
  outcome: string;
  present_json: string;
  health_json: string;
  needs: string | null;
  note: string | null;
  created_at: string;
}

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
}

/* Entrances and checkpoints (0003_gates) */

export interface EntrancesTable {
  id: string;
  community_id: string;
  org_path: string;
  name: string;
  description: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface EntranceChangesTable {
  id: string;
  entrance_id: string;
  org_path: string;
  state: string;
  effective_at: string;
  decided_by: string | null;
  decided_at: string;
  note: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
}

export interface EntranceAssignmentsTable {
  entrance_id: string;
  user_id: string;
  org_path: string;
  assigned_by: string | null;
  assigned_at: string;
}

export interface PassKeysTable {
  id: string;
  community_id: string;
  /** Raw Ed25519 public key, base64url. */
  public_key: string;
  /** The private key, sealed (security/sensitive.ts). */
  private_sealed: string;
  created_at: string;
  retired_at: string | null;
}

export interface PassesTable {
  id: string;
  community_id: string;
  org_path: string;
  holder_kind: string;
  household_id: string | null;
  resident_id: string | null;
  valid_from: string;
  valid_to: string;
  status: string;
  status_reason: string | null;
  status_changed_at: string | null;
  key_id: string;
  issued_by: string | null;
  issued_at: string;
}

export interface PassStatusChangesTable {
  id: string;
  pass_id: string;
  status: string;
  reason: string | null;
  at: string;
  by: string | null;
}

export interface GateVisitorsTable {
  id: string;
  community_id: string;
  org_path: string;
  name: string;
  id_sealed: string | null;
  id_hash: string | null;
  id_masked: string | null;
  phone_sealed: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  from_place: string;
  first_seen_at: string;
}

export interface GatePassagesTable {
  id: string;
  entrance_id: string;
  community_id: string;
  org_path: string;
  day: string;
  at: string;
  /** Asia/Shanghai hour 0–23. */
  hour: number;
  direction: string;
  kind: string;
  /** 1 let through, 0 refused (integers: the same on both databases). */
  allowed: number;
  reason: string | null;
  device_allowed: number | null;
  pass_id: string | null;
  holder_name: string | null;
  holder_label: string | null;
  visitor_id: string | null;
  from_place: string | null;
  purpose: string | null;
  visiting: string | null;
  /** Tenths of a degree Celsius. */
  temp_tenths: number | null;
  health_code: string | null;
  recorded_by: string;
  created_at: string;
}

export interface PatrolZonesTable {
  id: string;
  community_id: string;
  org_path: string;
  name: string;
  description: string | null;
  created_at: string;
}

export interface PatrolGroupsTable {
  id: string;
  community_id: string;
  org_path: string;
  name: string;
  /** JSON arrays of ids. */
  zone_ids: string;
  member_ids: string;
  created_at: string;
}

export interface PatrolRoundsTable {
  id: string;
  group_id: string;
  zone_id: string;
  community_id: string;
  org_path: string;
  day: string;
  started_at: string;
  ended_at: string;
  checked: number;
  fevers: number;
  readings_json: string;
  reminders_masks: number;
  reminders_gatherings: number;
  incidents: string | null;
  recorded_by: string;
  created_at: string;
}

export interface GateAlertsTable {
  id: string;
  community_id: string;
  org_path: string;
  entrance_id: string | null;
  zone_id: string | null;
  source: string;
  source_id: string;
  name: string;
  temp_tenths: number;
  day: string;
  raised_at: string;
  recorded_by: string;
  handled_at: string | null;
  handled_by: string | null;
  note: string | null;
}

/* Outside personnel, returnees and their observation (0004_observation) */

export interface ArrivalGroupsTable {
  id: string;
  community_id: string;
  org_path: string;
  kind: string;
  name: string;
  category: string;
  origin_code: string;
  origin_text: string;
  route: string | null;
  arrived_on: string;
  transport_kind: string;
  transport_ref: string | null;
  stay_kind: string;
  stay_place: string | null;
  employer: string | null;
  reason: string | null;
  created_by: string;
  created_at: string;
}

export interface SelfDeclarationsTable {
  id: string;
  community_id: string;
  org_path: string;
  reference: string;
  status: string;
  payload_sealed: string;
  category: string;
  name: string;
  id_hash: string;
  id_masked: string;
  phone_masked: string;
  origin_text: string;
  arrived_on: string;
  repeats: number;
  received_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  arrival_id: string | null;
}

export interface DeclarationAttemptsTable {
  community_id: string;
  ip_hash: string;
  at: string;
}

export interface ArrivalsTable {
  id: string;
  community_id: string;
  org_path: string;
  category: string;
  name: string;
  id_sealed: string;
  id_hash: string;
  id_masked: string;
  phone_sealed: string;
  phone_masked: string;
  origin_code: string;
  origin_text: string;
  route: string | null;
  arrived_on: string;
  transport_kind: string;
  transport_ref: string | null;
  stay_kind: string;
  household_id: string | null;
  stay_place: string | null;
  employer: string | null;
  reason: string | null;
  symptoms: string | null;
  temp_tenths: number | null;
  last_test_on: string | null;
  group_id: string | null;
  source: string;
  declaration_id: string | null;
  registered_by: string;
  registered_day: string;
  created_at: string;
}

export interface LetterTemplatesTable {
  community_id: string;
  org_path: string;
  title: string;
  body: string;
  updated_by: string;
  updated_at: string;
}

export interface CommitmentLettersTable {
  id: string;
  arrival_id: string;
  community_id: string;
  org_path: string;
  title: string;
  body: string;
  signature: string;
  signed_at: string;
  witnessed_by: string;
  digest: string;
  created_at: string;
}

export interface ObservationPlansTable {
  id: string;
  arrival_id: string;
  community_id: string;
  org_path: string;
  person_hash: string;
  kind: string;
  place: string | null;
  start_at: string;
  start_day: string;
  days: number;
  release_day: string;
  /** JSON array of HH:MM. */
  temperature_times: string;
  /** JSON array of day numbers (1 = the first day). */
  test_days: string;
  test_time: string;
  worker_id: string;
  created_by: string;
  created_at: string;
  released_at: string | null;
  released_day: string | null;
  released_by: string | null;
  release_outcome: string | null;
  release_note: string | null;
}

export interface ObservationChecksTable {
  id: string;
  plan_id: string;
  arrival_id: string;
  community_id: string;
  org_path: string;
  worker_id: string;
  kind: string;
  day: string;
  day_number: number;
  due_at: string;
  overdue_at: string;
  cancelled: number;
  overdue_alerted: number;
  reading_id: string | null;
  done_at: string | null;
  temp_tenths: number | null;
  test_result: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
}

export interface ObservationAlertsTable {
  id: string;
  community_id: string;
  org_path: string;
  kind: string;
  arrival_id: string;
  plan_id: string;
  check_id: string | null;
  name: string;
  temp_tenths: number | null;
  day: string;
  raised_at: string;
  handled_at: string | null;
  handled_by: string | null;
  note: string | null;
}
