import type { OrgKind } from '../org/org-kinds.ts';

/** The roles a user can hold, each at one org unit (the system administrator at the root). */
export const ROLES = [
  'system_admin',
  'city_admin',
  'district_admin',
  'street_admin',
  'community_admin',
  'grid_worker',
  'team_member',
  'checkpoint_volunteer',
  'enterprise_contact',
] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do; every service checks one of these before it acts. */
export const PERMISSIONS = [
  'org.read', 'org.manage', 'users.manage', 'users.reveal', 'audit.read',
  // The ledger: figures (counts only), read (lists, masked), write, reveal (full ID and phone, audited),
  // manage (imports, merges, screening rounds), health (visit answers), visit (record screening visits).
  'ledger.figures', 'ledger.read', 'ledger.write', 'ledger.reveal', 'ledger.manage', 'ledger.health', 'screening.visit',
  // Entrances and checkpoints: view (live counts), register (at the entrances one is assigned to), patrol (in one's
  // patrol group's zones), manage (entrances, passes, assignments, the register with names), alerts (receive and handle fevers).
  'gate.view', 'gate.register', 'gate.patrol', 'gate.manage', 'gate.alerts',
  // Outside personnel and returnees under observation: figures (counts), read (the community's lists, masked), write (register
  // arrivals, review self-declarations, plans, letters, release), check (record the checks one answers for), manage (the
  // letter template, alerts).
  'observation.figures', 'observation.read', 'observation.write', 'observation.check', 'observation.manage',
  // Teams, volunteers, areas, rosters and briefings: read (teams, areas, rosters with masked phones, the briefing), manage (teams
  // and replacements, volunteer review, areas, rosters, swaps, duty alerts, the briefing and hazards). One's own shifts, tasks and
  // check-ins need no permission: they are one's own.
  'team.read', 'team.manage',
  // Daily reports and issues: read (reports, issues, dashboards in scope), write (the community's own report and its work teams'),
  // team (a work team's report, by its members on the day), answer (the issues sent to one's office), manage (the office's rule for
  // the reports below it: fewest issues, deadline, answer time).
  'report.read', 'report.write', 'report.team', 'report.answer', 'report.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ADMIN: readonly Permission[] = ['org.read', 'org.manage', 'users.manage', 'users.reveal', 'audit.read', 'ledger.figures', 'gate.view', 'observation.figures', 'team.read', 'report.read'];
/** The offices above communities answer the issues sent up and set the rules for the reports. */
const OFFICE: readonly Permission[] = [...ADMIN, 'report.answer', 'report.manage'];
const FIELD: readonly Permission[] = ['org.read', 'team.read'];
const GATE_WORK: readonly Permission[] = ['gate.view', 'gate.register', 'gate.patrol'];
const OBSERVATION_WORK: readonly Permission[] = ['observation.figures', 'observation.read', 'observation.write', 'observation.check'];

/**
 * Offices above a community see figures; the street, which answers for its
 * communities day to day, may also open their (masked) lists. Personal data in
 * full, and health answers, stay with the community and its grid workers.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: [...OFFICE, 'ledger.read'],
  city_admin: OFFICE,
  district_admin: OFFICE,
  street_admin: [...OFFICE, 'ledger.read'],
  community_admin: [
    ...ADMIN, 'ledger.read', 'ledger.write', 'ledger.reveal', 'ledger.manage', 'ledger.health', 'screening.visit',
    ...GATE_WORK, 'gate.manage', 'gate.alerts', ...OBSERVATION_WORK, 'observation.manage', 'team.manage', 'report.write',
  ],
  grid_worker: [...FIELD, 'ledger.figures', 'ledger.read', 'ledger.write', 'ledger.reveal', 'ledger.health', 'screening.visit', ...GATE_WORK, ...OBSERVATION_WORK],
  team_member: [...FIELD, 'ledger.figures', 'ledger.read', 'ledger.health', 'screening.visit', ...GATE_WORK, ...OBSERVATION_WORK, 'report.read', 'report.team'],
  checkpoint_volunteer: [...FIELD, ...GATE_WORK],
  enterprise_contact: ['org.read'],
};

/** The levels at which each role can be granted; null is the root. */
export const ROLE_LEVELS: Record<Role, readonly (OrgKind | null)[]> = {
  system_admin: [null],
  city_admin: ['province', 'city'],
  district_admin: ['district'],
  street_admin: ['street'],
  community_admin: ['community'],
  grid_worker: ['group', 'grid'],
  team_member: ['community', 'group', 'grid'],
  checkpoint_volunteer: ['community', 'group', 'grid'],
  enterprise_contact: ['community'],
};

export function roleFitsLevel(role: Role, kind: OrgKind | null): boolean {
  return ROLE_LEVELS[role].includes(kind);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
