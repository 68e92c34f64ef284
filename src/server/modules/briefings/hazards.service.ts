import type { z } from 'zod';
import type { Hazard, HazardCreate, HazardKind, HazardQuery, HazardUpdate } from '../../../contract/briefings.ts';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { gateGrant } from '../../../domain/gates/gate-scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import type { Actor } from '../../actor.ts';
import { communityFor, workGrant } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hazardsRepository, type HazardFilter, type HazardView } from './hazards.repository.ts';

/** Hazards as the API shows them, each with its updates (oldest first). */
export async function hazardViews(db: Executor, filter: HazardFilter): Promise<Hazard[]> {
  const rows = await hazardsRepository.hazards(db, filter);
  const updates = await hazardsRepository.updates(db, rows.map((h) => h.id));
  return rows.map((h: HazardView) => ({
    id: h.id, communityId: h.community_id, kind: h.kind as z.infer<typeof HazardKind>, place: h.place, description: h.description,
    reportedByName: h.reported_by_name ?? '', reportedAt: h.reported_at, closedAt: h.closed_at,
    updates: updates.filter((u) => u.hazard_id === h.id).map((u) => ({ at: u.at, byName: u.by_name ?? '', note: u.note, closed: u.closed === 1 })),
  }));
}

/**
 * Hazards (险情): anyone working at the community (a grid worker who sees the
 * ditch flooding) logs one and adds updates; the community's lead closes it.
 * Nothing is deleted: the day's briefing shows what was open that day.
 */
export function hazardsService({ db }: Database) {
  async function one(id: string, communityId: string): Promise<Hazard> {
    return (await hazardViews(db, { communityIds: [communityId], ids: [id] }))[0]!;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof HazardQuery>): Promise<Hazard[]> {
      const community = await communityFor(db, actor, query.communityId, 'team.read');
      return hazardViews(db, { communityIds: [community.id], open: query.open });
    },

    async create(actor: Actor, input: z.infer<typeof HazardCreate>): Promise<Hazard> {
      const community = await communityFor(db, actor, input.communityId, 'team.read');
      // Logged by those who work there; the offices above read hazards, they do not log them.
      const grant = workGrant(actor, 'team.read', community.path);
      if (!grant) throw new AppError('NOT_FOUND', { field: 'communityId' });
      const id = input.id ?? uuidv7();
      // Sent again (a lost answer, a retry): the same hazard answers as stored; another one under the same id is refused.
      const resent = async (): Promise<Hazard | null> => {
        const same = input.id ? await hazardsRepository.find(db, input.id) : undefined;
        if (!same) return null;
        if (same.community_id !== community.id || same.kind !== input.kind || same.place !== input.place || same.description !== input.description) {
          throw new AppError('ID_CONFLICT', { field: 'id' });
        }
        return one(same.id, same.community_id);
      };
      const again = await resent();
      if (again) return again;
      const row = {
        id, community_id: community.id, org_path: community.path, kind: input.kind, place: input.place, description: input.description,
        reported_by: actor.userId, reported_at: new Date().toISOString(), closed_at: null, closed_by: null,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await hazardsRepository.insert(trx, row);
          await recordAudit(trx, actor, grant, {
            action: 'hazard.report', entityType: 'hazard', entityId: id, path: community.path, after: { kind: row.kind, place: row.place, description: row.description },
          });
        });
      } catch (e) {
        // The same report sent twice at once: the other copy was stored, answer with it.
        if (uniqueViolation(e) === 'hazards.id') return (await resent()) ?? Promise.reject(e);
        throw e;
      }
      return one(id, community.id);
    },

    /** An update to an open hazard; `close` (the lead's) closes it with this note. */
    async update(actor: Actor, id: string, input: z.infer<typeof HazardUpdate>): Promise<Hazard> {
      const hazard = await hazardsRepository.find(db, id);
      if (!hazard) throw new AppError('NOT_FOUND');
      // Followed by those who work there: an office above reads it, it does not write to it (and another community finds nothing).
      const grant = workGrant(actor, 'team.read', hazard.org_path);
      if (!grant) throw new AppError('NOT_FOUND');
      const manager = gateGrant(actor, 'team.manage', hazard.org_path);
      if (input.close && !manager) throw new AppError('FORBIDDEN', { field: 'close' });
      if (hazard.closed_at) throw new AppError('HAZARD_CLOSED');
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        // Closing takes the row (another close, or this update racing a close, finds it closed); an update locks it while open.
        const open = await hazardsRepository.close(trx, id, input.close ? actor.userId : null, input.close ? at : null);
        if (!open) throw new AppError('HAZARD_CLOSED');
        await hazardsRepository.insertUpdate(trx, { id: uuidv7(), hazard_id: id, at, by: actor.userId, note: input.note, closed: input.close ? 1 : 0 });
        await recordAudit(trx, actor, input.close ? manager : grant, {
          action: input.close ? 'hazard.close' : 'hazard.update', entityType: 'hazard', entityId: id, path: hazard.org_path, after: { note: input.note },
        });
      });
      return one(id, hazard.community_id);
    },
  };
}
