/** Rows of outside personnel, returnees and their observation (0004_observation). */

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
