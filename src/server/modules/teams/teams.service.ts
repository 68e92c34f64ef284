import type { z } from 'zod';
import type { CommunityPerson, MemberAdd, MemberEnd, Membership, Replacement, SendingOrg, SendingOrgCreate, Team, TeamCreate } from '../../../contract/teams.ts';
import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { maskMobile } from '../../../domain/access/mask.ts';
import { gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';
import { replacementProblem, teamOn, type Membership as DomainMembership } from '../../../domain/rosters/teams.ts';
import type { Actor } from '../../actor.ts';
import { communityFor, grantOn, type Community } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { teamsRepository, type MemberView, type SendingOrgRow, type TeamRow } from './teams.repository.ts';

const orgOf = (o: SendingOrgRow & { unit_name: string }): SendingOrg => ({
  id: o.id, name: o.name, kind: o.kind as SendingOrg['kind'], unitId: o.unit_id, unitName: o.unit_name, contact: o.contact,
});

function membershipOf(m: MemberView, all: readonly MemberView[]): Membership {
  const replacedBy = all.find((x) => x.replaces_id === m.id);
  const replaces = m.replaces_id ? all.find((x) => x.id === m.replaces_id) : undefined;
  return {
    id: m.id, userId: m.user_id, name: m.name, mobile: maskMobile(m.mobile), role: m.role as Membership['role'], from: m.from_day, to: m.to_day,
    endReason: m.end_reason, replacedByName: replacedBy?.name ?? null, replacesName: replaces?.name ?? null, reason: m.reason,
  };
}

const domainOf = (m: MemberView): DomainMembership => ({ personId: m.user_id, from: m.from_day, to: m.to_day, role: m.role as DomainMembership['role'] });

/** The people of a community now: users holding a role at it or at one of its groups. */
export async function communityPeople(db: Executor, community: Pick<Community, 'path'>, userId?: string): Promise<CommunityPerson[]> {
  const rows = await teamsRepository.people(db, community.path, new Date().toISOString(), userId);
  const byUser = new Map<string, CommunityPerson>();
  for (const r of rows) {
    const p = byUser.get(r.user_id) ?? { userId: r.user_id, name: r.name, mobile: maskMobile(r.mobile), roles: [] };
    if (!p.roles.includes(r.role)) p.roles.push(r.role);
    byUser.set(r.user_id, p);
  }
  return [...byUser.values()];
}

/** One person of the community now, or undefined: one user's roles read, not the whole community's. */
export async function communityPerson(db: Executor, community: Pick<Community, 'path'>, userId: string): Promise<CommunityPerson | undefined> {
  return (await communityPeople(db, community, userId))[0];
}

/** Whether the user holds a role in the community now (a team member, area holder or person on duty must). */
async function assertInCommunity(db: Executor, community: Community, userId: string, field: string): Promise<void> {
  if (!(await communityPerson(db, community, userId))) throw new AppError('MEMBER_OUTSIDE_COMMUNITY', { field });
}

function assertDayInTeam(team: TeamRow, day: string, field: string): void {
  if (day < team.from_day || (team.to_day !== null && day >= team.to_day)) {
    // The message names the team's last day, as the pages show it (the row keeps the first day off).
    throw new AppError('DAY_OUTSIDE_TEAM', { field, params: { from: team.from_day, to: team.to_day ? addDays(team.to_day, -1) : '—' } });
  }
}

/**
 * Work teams stationed at a community (工作队) and the organisations that
 * send them (a city bureau, an enterprise's party members). Memberships are
 * dated; a replacement ends one member's time and begins another's on the
 * same day with a reason, so the team of any past day can be read back.
 */
export function teamsService({ db, dialect }: Database) {
  async function teamsView(community: Community, teams: readonly TeamRow[], day: string): Promise<Team[]> {
    const orgs = new Map((await teamsRepository.orgsFor(db, community.path)).map((o) => [o.id, o]));
    const members = await teamsRepository.membersOf(db, teams.map((t) => t.id));
    const out: Team[] = [];
    for (const t of teams) {
      const own = members.filter((m) => m.team_id === t.id);
      const org = orgs.get(t.sending_org_id) ?? (await teamsRepository.findOrg(db, t.sending_org_id))!;
      const onDay = new Set(teamOn(own.map(domainOf), day).map((m) => `${m.personId}|${m.from}`));
      out.push({
        id: t.id, communityId: t.community_id, communityName: community.name, name: t.name, kind: t.kind as Team['kind'], sendingOrg: orgOf(org),
        from: t.from_day, to: t.to_day, day,
        onDay: own.filter((m) => onDay.has(`${m.user_id}|${m.from_day}`)).map((m) => membershipOf(m, own)).sort((a, b) => (a.role === b.role ? 0 : a.role === 'leader' ? -1 : 1)),
        history: own.map((m) => membershipOf(m, own)),
      });
    }
    return out;
  }

  /** The team and its community, when the actor may manage it. */
  async function managedTeam(trx: Executor, actor: Actor, teamId: string) {
    const team = await teamsRepository.findTeam(trx, teamId);
    if (!team) throw new AppError('NOT_FOUND');
    const grant = grantOn(actor, 'team.manage', team.org_path);
    const community = await communityFor(trx, actor, team.community_id, 'team.manage');
    // The team's memberships are read after this: the same edit sent twice at once is judged after the first.
    await teamsRepository.lockTeam(trx, dialect, team.id);
    return { team, grant, community };
  }

  async function oneTeam(actor: Actor, teamId: string, day: string): Promise<Team> {
    const team = (await teamsRepository.findTeam(db, teamId))!;
    const community = await communityFor(db, actor, team.community_id, 'team.read');
    return (await teamsView(community, [team], day))[0]!;
  }

  return {
    async people(actor: Actor, communityId: string): Promise<CommunityPerson[]> {
      return communityPeople(db, await communityFor(db, actor, communityId, 'team.read'));
    },

    async orgs(actor: Actor, communityId: string): Promise<SendingOrg[]> {
      const community = await communityFor(db, actor, communityId, 'team.read');
      return (await teamsRepository.orgsFor(db, community.path)).map(orgOf);
    },

    /** Registered at a community or an office above it (the city registers 市残联 once for all its communities). */
    async createOrg(actor: Actor, input: z.infer<typeof SendingOrgCreate>): Promise<SendingOrg> {
      const unit = await orgRepository.findInScope(db, gatePrefixes(actor, 'team.manage'), input.unitId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
      const grant = grantOn(actor, 'team.manage', unit.path);
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        if (await teamsRepository.findOrgByName(trx, unit.id, input.name)) throw new AppError('SENDING_ORG_TAKEN', { field: 'name' });
        await teamsRepository.insertOrg(trx, {
          id, unit_id: unit.id, org_path: unit.path, name: input.name, kind: input.kind, contact: input.contact || null, created_by: actor.userId, created_at: new Date().toISOString(),
        });
        await recordAudit(trx, actor, grant, { action: 'teams.org_create', entityType: 'sending_org', entityId: id, path: unit.path, after: { name: input.name, kind: input.kind } });
      });
      return orgOf((await teamsRepository.findOrg(db, id))!);
    },

    async list(actor: Actor, query: { communityId: string; day?: string | undefined }): Promise<Team[]> {
      const community = await communityFor(db, actor, query.communityId, 'team.read');
      return teamsView(community, await teamsRepository.teamsOf(db, community.id), query.day ?? shanghaiDate());
    },

    async create(actor: Actor, input: z.infer<typeof TeamCreate>): Promise<Team> {
      const community = await communityFor(db, actor, input.communityId, 'team.manage');
      const grant = grantOn(actor, 'team.manage', community.path);
      if (input.to && input.to <= input.from) throw new AppError('DATE_ORDER', { field: 'to' });
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        const org = (await teamsRepository.orgsFor(trx, community.path)).find((o) => o.id === input.sendingOrgId);
        if (!org) throw new AppError('NOT_FOUND', { field: 'sendingOrgId' });
        if (await teamsRepository.findTeamByName(trx, community.id, input.name)) throw new AppError('TEAM_NAME_TAKEN', { field: 'name' });
        await teamsRepository.insertTeam(trx, {
          id, community_id: community.id, org_path: community.path, sending_org_id: org.id, name: input.name, kind: input.kind,
          from_day: input.from, to_day: input.to ?? null, created_by: actor.userId, created_at: new Date().toISOString(),
        });
        await recordAudit(trx, actor, grant, { action: 'teams.create', entityType: 'work_team', entityId: id, path: community.path, after: { name: input.name, org: org.name, from: input.from, to: input.to ?? null } });
      });
      return oneTeam(actor, id, input.from > shanghaiDate() ? input.from : shanghaiDate());
    },

    async addMember(actor: Actor, teamId: string, input: z.infer<typeof MemberAdd>): Promise<Team> {
      await db.transaction().execute(async (trx) => {
        const { team, grant, community } = await managedTeam(trx, actor, teamId);
        assertDayInTeam(team, input.from, 'from');
        await assertInCommunity(trx, community, input.userId, 'userId');
        const own = (await teamsRepository.membersOf(trx, [team.id])).filter((m) => m.user_id === input.userId);
        if (own.some((m) => m.to_day === null || m.to_day > input.from)) throw new AppError('MEMBER_ALREADY_ON_TEAM', { field: 'userId' });
        const id = uuidv7();
        await teamsRepository.insertMember(trx, {
          id, team_id: team.id, org_path: team.org_path, user_id: input.userId, role: input.role, from_day: input.from, to_day: team.to_day,
          replaces_id: null, reason: null, end_reason: null, created_by: actor.userId, created_at: new Date().toISOString(), ended_by: null, ended_at: null,
        });
        await recordAudit(trx, actor, grant, { action: 'teams.member_add', entityType: 'work_team', entityId: team.id, path: team.org_path, after: { userId: input.userId, role: input.role, from: input.from } });
      });
      return oneTeam(actor, teamId, input.from > shanghaiDate() ? input.from : shanghaiDate());
    },

    /** From `day` the outgoing member is off the team and the incoming one takes their place and role; both rows keep the reason. */
    async replace(actor: Actor, teamId: string, input: z.infer<typeof Replacement>): Promise<Team> {
      await db.transaction().execute(async (trx) => {
        const { team, grant, community } = await managedTeam(trx, actor, teamId);
        await assertInCommunity(trx, community, input.incomingUserId, 'incomingUserId');
        const members = await teamsRepository.membersOf(trx, [team.id]);
        const problem = replacementProblem(members.map(domainOf), input.outgoingUserId, input.incomingUserId, input.day);
        if (problem === 'beforeJoined') {
          const joined = members.filter((m) => m.user_id === input.outgoingUserId).map((m) => m.from_day).sort()[0]!;
          throw new AppError('REPLACEMENT_BEFORE_JOINED', { field: 'day', params: { from: joined } });
        }
        if (problem === 'notOnTeam') throw new AppError('MEMBER_NOT_ON_TEAM', { field: 'outgoingUserId' });
        if (problem === 'alreadyOnTeam') throw new AppError('MEMBER_ALREADY_ON_TEAM', { field: 'incomingUserId' });
        if (input.incomingUserId === input.outgoingUserId) throw new AppError('MEMBER_ALREADY_ON_TEAM', { field: 'incomingUserId' });
        assertDayInTeam(team, input.day, 'day');
        const leaving = members.find((m) => m.user_id === input.outgoingUserId && m.from_day <= input.day && (m.to_day === null || input.day < m.to_day))!;
        const now = new Date().toISOString();
        await teamsRepository.endMember(trx, leaving.id, { to_day: input.day, end_reason: input.reason, ended_by: actor.userId, ended_at: now });
        await teamsRepository.insertMember(trx, {
          id: uuidv7(), team_id: team.id, org_path: team.org_path, user_id: input.incomingUserId, role: leaving.role, from_day: input.day, to_day: leaving.to_day,
          replaces_id: leaving.id, reason: input.reason, end_reason: null, created_by: actor.userId, created_at: now, ended_by: null, ended_at: null,
        });
        await recordAudit(trx, actor, grant, {
          action: 'teams.replace', entityType: 'work_team', entityId: team.id, path: team.org_path,
          before: { userId: leaving.user_id }, after: { userId: input.incomingUserId, day: input.day, reason: input.reason },
        });
      });
      return oneTeam(actor, teamId, input.day);
    },

    /** A member leaves without a replacement (the team ends their time from `day`). */
    async endMember(actor: Actor, membershipId: string, input: z.infer<typeof MemberEnd>): Promise<Team> {
      const found = await teamsRepository.findMember(db, membershipId);
      if (!found) throw new AppError('NOT_FOUND');
      await db.transaction().execute(async (trx) => {
        const { team, grant } = await managedTeam(trx, actor, found.team_id);
        // As it is now that the team is held (a replacement may have ended it meanwhile).
        const member = (await teamsRepository.findMember(trx, membershipId))!;
        if (input.day <= member.from_day) throw new AppError('REPLACEMENT_BEFORE_JOINED', { field: 'day', params: { from: member.from_day } });
        if (member.to_day !== null && input.day >= member.to_day) throw new AppError('MEMBER_NOT_ON_TEAM', { field: 'day' });
        await teamsRepository.endMember(trx, member.id, { to_day: input.day, end_reason: input.reason, ended_by: actor.userId, ended_at: new Date().toISOString() });
        await recordAudit(trx, actor, grant, { action: 'teams.member_end', entityType: 'work_team', entityId: team.id, path: team.org_path, after: { userId: member.user_id, day: input.day, reason: input.reason } });
      });
      return oneTeam(actor, found.team_id, input.day);
    },
  };
}
