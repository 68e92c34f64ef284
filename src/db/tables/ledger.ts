/** Rows of the household ledger (0002_ledger): households, residents, memberships, categories, screening rounds and visits. */

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
