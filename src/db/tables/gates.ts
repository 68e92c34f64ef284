/** Rows of entrances and checkpoints (0003_gates). */

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
