import type { z } from 'zod';
import type { AreaAssign, AreaCoverage, AreaEnd, MyArea } from '../../../contract/teams.ts';
import type { Database } from '../../../db/database.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import { communityFor, grantOn, type Community } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { figuresRepository } from '../ledger/figures.repository.ts';
import { communityPerson } from './teams.service.ts';
import { teamsRepository } from './teams.repository.ts';

/**
 * Areas (片区): residential groups assigned, with dates, to a team member or
 * grid worker, who then sees them first in the field app. The community sees
 * each group's responsible people on a day, and the groups nobody covers.
 * An area orders a person's work; what they may read is still their roles'.
 */
export function areasService({ db }: Database) {
  async function coverage(community: Community, day: string): Promise<AreaCoverage> {
    const groups = await teamsRepository.groupsOf(db, community.path, day);
    const areas = await teamsRepository.areasOf(db, community.id, day);
    const counts = new Map((await figuresRepository.groupCounts(db, community.path, day, '1000-01-01')).map((c) => [c.path, c]));
    const out = groups.map((g) => ({
      groupId: g.id,
      groupName: g.name,
      households: counts.get(g.path)?.households ?? 0,
      residents: counts.get(g.path)?.residents ?? 0,
      responsible: areas.filter((a) => a.group_id === g.id).map((a) => ({ id: a.id, groupId: a.group_id, userId: a.user_id, name: a.name, from: a.from_day, to: a.to_day })),
    }));
    return { communityId: community.id, day, groups: out, uncovered: out.filter((g) => g.responsible.length === 0).map((g) => g.groupId) };
  }

  return {
    async coverage(actor: Actor, query: { communityId: string; day?: string | undefined }): Promise<AreaCoverage> {
      return coverage(await communityFor(db, actor, query.communityId, 'team.read'), query.day ?? shanghaiDate());
    },

    async assign(actor: Actor, input: z.infer<typeof AreaAssign>): Promise<AreaCoverage> {
      const community = await communityFor(db, actor, input.communityId, 'team.manage');
      const grant = grantOn(actor, 'team.manage', community.path);
      const to = input.to ?? null;
      if (to !== null && to <= input.from) throw new AppError('DATE_ORDER', { field: 'to' });
      await db.transaction().execute(async (trx) => {
        if (!(await communityPerson(trx, community, input.userId))) throw new AppError('MEMBER_OUTSIDE_COMMUNITY', { field: 'userId' });
        const groups = await teamsRepository.groupsOf(trx, community.path, input.from);
        input.groupIds.forEach((id, i) => {
          if (!groups.some((g) => g.id === id)) throw new AppError('GROUP_NOT_IN_COMMUNITY', { field: `groupIds.${i}` });
        });
        const overlapping = await teamsRepository.areasOverlapping(trx, input.userId, input.groupIds, input.from, to);
        if (overlapping.length > 0) {
          const group = groups.find((g) => g.id === overlapping[0]!.group_id)!;
          throw new AppError('AREA_ALREADY_ASSIGNED', { field: `groupIds.${input.groupIds.indexOf(group.id)}`, params: { group: group.name } });
        }
        const now = new Date().toISOString();
        await teamsRepository.insertAreas(trx, [...new Set(input.groupIds)].map((groupId) => ({
          id: uuidv7(), community_id: community.id, group_id: groupId, org_path: groups.find((g) => g.id === groupId)!.path, user_id: input.userId,
          from_day: input.from, to_day: to, assigned_by: actor.userId, created_at: now, ended_by: null,
        })));
        await recordAudit(trx, actor, grant, { action: 'areas.assign', entityType: 'area', entityId: input.userId, path: community.path, after: { userId: input.userId, groups: input.groupIds.length, from: input.from, to } });
      });
      return coverage(community, input.from > shanghaiDate() ? input.from : shanghaiDate());
    },

    async end(actor: Actor, id: string, input: z.infer<typeof AreaEnd>): Promise<AreaCoverage> {
      const area = await teamsRepository.findArea(db, id);
      if (!area) throw new AppError('NOT_FOUND');
      const community = await communityFor(db, actor, area.community_id, 'team.manage');
      const grant = grantOn(actor, 'team.manage', community.path);
      if (input.day <= area.from_day) throw new AppError('DATE_ORDER', { field: 'day' });
      if (area.to_day !== null && input.day >= area.to_day) throw new AppError('DATE_ORDER', { field: 'day' });
      await db.transaction().execute(async (trx) => {
        await teamsRepository.endArea(trx, area.id, input.day, actor.userId);
        await recordAudit(trx, actor, grant, { action: 'areas.end', entityType: 'area', entityId: area.id, path: community.path, after: { userId: area.user_id, day: input.day } });
      });
      return coverage(community, shanghaiDate());
    },

    /** One's own groups today, whatever one's roles: the field app shows them first. */
    async mine(actor: Actor): Promise<MyArea> {
      const day = shanghaiDate();
      const rows = await teamsRepository.myAreas(db, actor.userId, day);
      const counts = new Map<string, { households: number; residents: number }>();
      for (const communityId of new Set(rows.map((r) => r.community_id))) {
        const path = rows.find((r) => r.community_id === communityId)!.group_path;
        const communityPath = path.slice(0, path.lastIndexOf('/', path.length - 2) + 1);
        for (const c of await figuresRepository.groupCounts(db, communityPath, day, '1000-01-01')) counts.set(c.path, c);
      }
      return {
        day,
        groups: rows.map((r) => ({
          groupId: r.group_id, groupName: r.group_name, communityId: r.community_id, communityName: r.community_name,
          households: counts.get(r.group_path)?.households ?? 0, residents: counts.get(r.group_path)?.residents ?? 0, from: r.from_day, to: r.to_day,
        })),
      };
    },
  };
}
