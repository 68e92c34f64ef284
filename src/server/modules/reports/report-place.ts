import type { Executor } from '../../../db/kysely-types.ts';
import type { RulesAnswer } from '../../../contract/reports.ts';
import { gateGrant } from '../../../domain/gates/gate-scope.ts';
import { addDays, isInForce } from '../../../domain/local-date.ts';
import { deadlineAt } from '../../../domain/reports/report-rules.ts';
import type { Actor } from '../../actor.ts';
import { communityFor, type Community } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { orgRepository } from '../org/org.repository.ts';
import { teamsRepository } from '../teams/teams.repository.ts';
import { rulesAtPath } from './report-rules.service.ts';

/** Who reports (a community, or a work team at it), for which day, to which office, under which rule. */
export interface ReportPlace {
  community: Community;
  team: { id: string; name: string; fromDay: string; toDay: string | null } | null;
  /** 'community' or the team's id: reports of a day are kept apart by it. */
  subject: string;
  day: string;
  sendsTo: { id: string; name: string; path: string };
  rules: RulesAnswer;
  deadlineAt: string;
}

/**
 * The office a report's issues go to: a community's to its street, a work
 * team's to the city office that dispatched and manages the teams. Where the
 * hierarchy has no such level, the nearest unit above.
 */
async function officeFor(db: Executor, communityPath: string, team: boolean) {
  const above = await orgRepository.ancestorsOf(db, communityPath);
  const wanted = team ? ['city', 'province'] : ['street'];
  const office = [...above].reverse().find((u) => wanted.includes(u.kind)) ?? above[above.length - 1];
  if (!office) throw new AppError('NOT_FOUND', { field: 'communityId' });
  return { id: office.id, name: office.name, path: office.path };
}

export async function reportPlace(db: Executor, actor: Actor, q: { communityId: string; teamId?: string | undefined; day: string }): Promise<ReportPlace> {
  const community = await communityFor(db, actor, q.communityId, 'report.read');
  let team: ReportPlace['team'] = null;
  if (q.teamId) {
    const row = await teamsRepository.findTeam(db, q.teamId);
    if (!row || row.community_id !== community.id) throw new AppError('NOT_FOUND', { field: 'teamId' });
    team = { id: row.id, name: row.name, fromDay: row.from_day, toDay: row.to_day };
  }
  const sendsTo = await officeFor(db, community.path, team !== null);
  // The office reported to sets the rule: a work team's report follows the city office's, not the street's.
  const rules = await rulesAtPath(db, team ? sendsTo.path : community.path);
  return { community, team, subject: team?.id ?? 'community', day: q.day, sendsTo, rules, deadlineAt: deadlineAt(q.day, rules) };
}

/**
 * Why the actor may not write this report, or null: the community's own
 * report is written by its staff (report.write); a work team's report by the
 * team's members on that day (report.team) or by the community's staff.
 * Offices above read reports but do not write them.
 */
export async function writeRefusal(db: Executor, actor: Actor, place: ReportPlace): Promise<AppError | null> {
  const staff = gateGrant(actor, 'report.write', place.community.path) !== null;
  if (!place.team) return staff ? null : new AppError('FORBIDDEN');
  if (!isInForce(place.day, place.team.fromDay, place.team.toDay)) {
    return new AppError('DAY_OUTSIDE_TEAM', { field: 'day', params: { from: place.team.fromDay, to: place.team.toDay ? addDays(place.team.toDay, -1) : '—' } });
  }
  if (staff) return null;
  if (!gateGrant(actor, 'report.team', place.community.path)) return new AppError('FORBIDDEN');
  const teams = await teamsRepository.teamsOfUserOn(db, actor.userId, place.day);
  return teams.includes(place.team.id) ? null : new AppError('NOT_ON_TEAM_THAT_DAY', { field: 'teamId' });
}

/** The grant a report is written under, for the audit trail. */
export function writerGrant(actor: Actor, place: Pick<ReportPlace, 'community'>) {
  return gateGrant(actor, 'report.write', place.community.path) ?? gateGrant(actor, 'report.team', place.community.path);
}
