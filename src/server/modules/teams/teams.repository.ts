import { sql, type Insertable, type Selectable } from 'kysely';
import type { DialectName } from '../../../db/database.ts';
import { underAny } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { AreaAssignmentsTable, SendingOrgsTable, TeamMembersTable, WorkTeamsTable } from '../../../db/schema.ts';
import { ancestorPaths } from '../../../domain/org/org-path.ts';

export type SendingOrgRow = Selectable<SendingOrgsTable>;
export type TeamRow = Selectable<WorkTeamsTable>;
export type MemberRow = Selectable<TeamMembersTable>;
export type AreaRow = Selectable<AreaAssignmentsTable>;
export type MemberView = MemberRow & { name: string; mobile: string | null };
export type AreaView = AreaRow & { name: string };

/** The advisory lock space (first key) of a work team's memberships. */
const LOCK_TEAM = 6004;

/** All SQL about sending organisations, work teams, their members and areas. */
export const teamsRepository = {
  /**
   * Holds a team's memberships to the end of the transaction, so an edit's checks (already on the team, still on it to
   * be replaced) and its writes are one step: the same edit sent twice at once is judged after the first. PostgreSQL
   * takes an advisory lock; SQLite's transactions already run one at a time on its single connection.
   */
  async lockTeam(trx: Executor, dialect: DialectName, teamId: string): Promise<void> {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_TEAM)}, hashtext(${teamId}))`.execute(trx);
  },

  /** Users holding any role at the community or one of its groups at the instant `at`, with those roles. */
  async people(db: Executor, communityPath: string, at: string, userId?: string): Promise<{ user_id: string; name: string; mobile: string | null; role: string }[]> {
    let q = db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.display_name as name', 'u.mobile', 'r.role'])
      .where((eb) => underAny(eb, 'r.org_path', [communityPath]))
      .where('r.valid_from', '<=', at)
      .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>', at)]))
      .where('u.disabled_at', 'is', null);
    if (userId) q = q.where('r.user_id', '=', userId);
    return q.orderBy('u.display_name').execute();
  },

  async usersByIds(db: Executor, ids: readonly string[]): Promise<{ id: string; display_name: string; mobile: string | null }[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('users').select(['id', 'display_name', 'mobile']).where('id', 'in', [...new Set(ids)]).execute();
  },

  /* Sending organisations */

  /** Organisations registered at the community or at an office above it. */
  async orgsFor(db: Executor, communityPath: string): Promise<(SendingOrgRow & { unit_name: string })[]> {
    return db
      .selectFrom('sending_orgs as o')
      .innerJoin('org_units as u', 'u.id', 'o.unit_id')
      .selectAll('o')
      .select('u.name as unit_name')
      .where('o.org_path', 'in', [...ancestorPaths(communityPath), communityPath])
      .orderBy('o.name')
      .execute();
  },

  async findOrg(db: Executor, id: string): Promise<(SendingOrgRow & { unit_name: string }) | undefined> {
    return db.selectFrom('sending_orgs as o').innerJoin('org_units as u', 'u.id', 'o.unit_id').selectAll('o').select('u.name as unit_name').where('o.id', '=', id).executeTakeFirst();
  },

  async findOrgByName(db: Executor, unitId: string, name: string): Promise<SendingOrgRow | undefined> {
    return db.selectFrom('sending_orgs').selectAll().where('unit_id', '=', unitId).where('name', '=', name).executeTakeFirst();
  },

  async insertOrg(db: Executor, row: Insertable<SendingOrgsTable>): Promise<void> {
    await db.insertInto('sending_orgs').values(row).execute();
  },

  /* Teams and members */

  async teamsOf(db: Executor, communityId: string): Promise<TeamRow[]> {
    return db.selectFrom('work_teams').selectAll().where('community_id', '=', communityId).orderBy('from_day').orderBy('name').execute();
  },

  async findTeam(db: Executor, id: string): Promise<TeamRow | undefined> {
    return db.selectFrom('work_teams').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findTeamByName(db: Executor, communityId: string, name: string): Promise<TeamRow | undefined> {
    return db.selectFrom('work_teams').selectAll().where('community_id', '=', communityId).where('name', '=', name).executeTakeFirst();
  },

  async insertTeam(db: Executor, row: Insertable<WorkTeamsTable>): Promise<void> {
    await db.insertInto('work_teams').values(row).execute();
  },

  async membersOf(db: Executor, teamIds: readonly string[]): Promise<MemberView[]> {
    if (teamIds.length === 0) return [];
    return db
      .selectFrom('team_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .selectAll('m')
      .select(['u.display_name as name', 'u.mobile'])
      .where('m.team_id', 'in', [...teamIds])
      .orderBy('m.from_day')
      .orderBy('m.created_at')
      .execute();
  },

  async findMember(db: Executor, id: string): Promise<MemberRow | undefined> {
    return db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertMember(db: Executor, row: Insertable<TeamMembersTable>): Promise<void> {
    await db.insertInto('team_members').values(row).execute();
  },

  async endMember(db: Executor, id: string, set: { to_day: string; end_reason: string; ended_by: string; ended_at: string }): Promise<void> {
    await db.updateTable('team_members').set(set).where('id', '=', id).execute();
  },

  /** The teams a user is on during `day` (any community): for "my tasks". */
  async teamsOfUserOn(db: Executor, userId: string, day: string): Promise<string[]> {
    const rows = await db
      .selectFrom('team_members')
      .select('team_id')
      .where('user_id', '=', userId)
      .where('from_day', '<=', day)
      .where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>', day)]))
      .execute();
    return rows.map((r) => r.team_id);
  },

  /* Areas */

  /** Groups and grids of the community in force on `day`. */
  async groupsOf(db: Executor, communityPath: string, day: string): Promise<{ id: string; name: string; path: string }[]> {
    return db
      .selectFrom('org_units')
      .select(['id', 'name', 'path'])
      .where('kind', 'in', ['group', 'grid'])
      .where((eb) => underAny(eb, 'path', [communityPath]))
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
      .orderBy('path')
      .execute();
  },

  async areasOf(db: Executor, communityId: string, day: string): Promise<AreaView[]> {
    return db
      .selectFrom('area_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .selectAll('a')
      .select('u.display_name as name')
      .where('a.community_id', '=', communityId)
      .where('a.from_day', '<=', day)
      .where((eb) => eb.or([eb('a.to_day', 'is', null), eb('a.to_day', '>', day)]))
      .orderBy('a.from_day')
      .execute();
  },

  /** A person's assignments to these groups that are in force on `from` or begin later. */
  async areasOverlapping(db: Executor, userId: string, groupIds: readonly string[], from: string, to: string | null): Promise<AreaRow[]> {
    let q = db
      .selectFrom('area_assignments')
      .selectAll()
      .where('user_id', '=', userId)
      .where('group_id', 'in', [...groupIds])
      .where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>', from)]));
    if (to !== null) q = q.where('from_day', '<', to);
    return q.execute();
  },

  async findArea(db: Executor, id: string): Promise<AreaRow | undefined> {
    return db.selectFrom('area_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertAreas(db: Executor, rows: readonly Insertable<AreaAssignmentsTable>[]): Promise<void> {
    if (rows.length > 0) await db.insertInto('area_assignments').values([...rows]).execute();
  },

  async endArea(db: Executor, id: string, day: string, by: string): Promise<void> {
    await db.updateTable('area_assignments').set({ to_day: day, ended_by: by }).where('id', '=', id).execute();
  },

  /** The groups a user answers for on `day`, with their community. */
  async myAreas(db: Executor, userId: string, day: string) {
    return db
      .selectFrom('area_assignments as a')
      .innerJoin('org_units as g', 'g.id', 'a.group_id')
      .innerJoin('org_units as c', 'c.id', 'a.community_id')
      .select(['a.group_id', 'g.name as group_name', 'g.path as group_path', 'a.community_id', 'c.name as community_name', 'a.from_day', 'a.to_day'])
      .where('a.user_id', '=', userId)
      .where('a.from_day', '<=', day)
      .where((eb) => eb.or([eb('a.to_day', 'is', null), eb('a.to_day', '>', day)]))
      .orderBy('g.path')
      .execute();
  },
};
