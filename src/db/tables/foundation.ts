/** Rows of the foundation (0001_foundation): the hierarchy, users and roles, sessions, audit, sign-in attempts. */

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
