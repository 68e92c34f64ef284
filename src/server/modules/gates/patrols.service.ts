import type { z } from 'zod';
import type { Database } from '../../../db/database.ts';
import { grantFor, prefixesFor } from '../../../domain/access/scope.ts';
import { ROLES, roleAllows } from '../../../domain/access/roles.ts';
import { gateGrant, gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { emptyHours, hoursCovered } from '../../../domain/gates/hours.ts';
import { isFever, isPlausibleTemperature, toTenths } from '../../../domain/gates/temperature.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Locale } from '../../../contract/common.ts';
import {
  PatrolRoundInput, type Alert, type ItemResult, type PatrolCoverage, type PatrolGroup, type PatrolGroupCreate, type PatrolZone, type PatrolZoneCreate,
} from '../../../contract/gates.ts';
import type { Actor } from '../../actor.ts';
import { storeEach } from '../../batch-items.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { entrancesRepository } from './entrances.repository.ts';
import type { GateEvents } from './gate-events.ts';
import { alertOf } from './passages.service.ts';
import { passagesRepository } from './passages.repository.ts';
import { patrolsRepository, type PatrolGroupRow } from './patrols.repository.ts';

const PATROL_ROLES = ROLES.filter((r) => roleAllows(r, 'gate.patrol'));
const CLOCK_SLACK_MS = 10 * 60_000;
/** As for registrations: a phone may stay offline for days, not for weeks. */
const OLDEST_MS = 7 * 86_400_000;
/** A patrol round is a walk of a zone, not a day's shift. */
const LONGEST_ROUND_MS = 12 * 3_600_000;

/**
 * Patrols (流动巡查): a patrol group walks its zones (B 区, C 区), takes
 * temperatures, reminds people of masks and gatherings and notes incidents.
 * Rounds come from phones like gate registrations: batches, ids made by the
 * phone, each stored once; a fever raises the same alert as at a gate.
 */
export function patrolsService({ db }: Database, events: GateEvents) {
  async function community(actor: Actor, id: string, permission: 'gate.view' | 'gate.manage') {
    const unit = await orgRepository.findInScope(db, permission === 'gate.view' ? gatePrefixes(actor, permission) : prefixesFor(actor, permission), id);
    if (!unit || unit.kind !== 'community') throw new AppError('NOT_FOUND', { field: 'communityId' });
    return unit;
  }

  async function groupViews(rows: readonly PatrolGroupRow[], withNames = true): Promise<z.infer<typeof PatrolGroup>[]> {
    const zones = await patrolsRepository.zonesOf(db, [...new Set(rows.map((g) => g.community_id))]);
    const users = rows.length ? await entrancesRepository.usersWithRoles(db, rows[0]!.org_path, PATROL_ROLES, new Date().toISOString()) : [];
    return rows.map((g) => ({
      id: g.id, communityId: g.community_id, name: g.name,
      zones: (JSON.parse(g.zone_ids) as string[]).flatMap((id) => zones.filter((z) => z.id === id).map((z) => ({ id: z.id, name: z.name }))),
      members: withNames ? (JSON.parse(g.member_ids) as string[]).map((id) => ({ userId: id, name: users.find((u) => u.user_id === id)?.name ?? '' })) : [],
    }));
  }

  async function storeRound(actor: Actor, input: PatrolRoundInput): Promise<Omit<ItemResult, 'id'>> {
    const raised: Alert[] = [];
    let communityId = '';
    const result = await db.transaction().execute(async (trx): Promise<Omit<ItemResult, 'id'>> => {
      const same = await patrolsRepository.findRound(trx, input.id);
      if (same) {
        if (same.group_id !== input.groupId || same.recorded_by !== actor.userId) throw new AppError('ID_CONFLICT', { field: 'id' });
        return { result: 'already_stored' };
      }
      const group = await patrolsRepository.findGroup(trx, input.groupId);
      const grant = group ? grantFor(actor, 'gate.manage', group.org_path) ?? gateGrant(actor, 'gate.patrol', group.org_path) : null;
      if (!group || !grant) throw new AppError('NOT_FOUND', { field: 'groupId' });
      if (!grantFor(actor, 'gate.manage', group.org_path) && !(JSON.parse(group.member_ids) as string[]).includes(actor.userId)) {
        throw new AppError('NOT_IN_PATROL_GROUP', { field: 'groupId' });
      }
      if (!(JSON.parse(group.zone_ids) as string[]).includes(input.zoneId)) throw new AppError('ZONE_NOT_IN_GROUP', { field: 'zoneId' });
      const started = Date.parse(input.startedAt);
      const ended = Date.parse(input.endedAt);
      if (started > Date.now() + CLOCK_SLACK_MS || started < Date.now() - OLDEST_MS) throw new AppError('DATE_ORDER', { field: 'startedAt' });
      if (ended < started || ended > Date.now() + CLOCK_SLACK_MS || ended - started > LONGEST_ROUND_MS) throw new AppError('DATE_ORDER', { field: 'endedAt' });
      input.readings.forEach((r, i) => {
        if (!isPlausibleTemperature(r.temperature)) throw new AppError('TEMPERATURE_MISREAD', { field: `readings.${i}.temperature` });
      });
      communityId = group.community_id;
      const fevers = input.readings.filter((r) => isFever(r.temperature));
      const day = shanghaiDate(new Date(started));
      await patrolsRepository.insertRound(trx, {
        id: input.id, group_id: group.id, zone_id: input.zoneId, community_id: group.community_id, org_path: group.org_path, day,
        started_at: new Date(started).toISOString(), ended_at: new Date(ended).toISOString(),
        checked: input.readings.length + (input.checkedWithoutReading ?? 0), fevers: fevers.length,
        readings_json: JSON.stringify(input.readings.map((r) => ({ t: toTenths(r.temperature), code: r.healthCode ?? null }))),
        reminders_masks: input.remindersMasks, reminders_gatherings: input.remindersGatherings, incidents: input.incidents || null,
        recorded_by: actor.userId, created_at: new Date().toISOString(),
      });
      for (const f of fevers) {
        const alert = {
          id: uuidv7(), community_id: group.community_id, org_path: group.org_path, entrance_id: null, zone_id: input.zoneId, source: 'patrol', source_id: input.id,
          name: f.name ?? '', temp_tenths: toTenths(f.temperature), day, raised_at: new Date().toISOString(), recorded_by: actor.userId,
          handled_at: null, handled_by: null, note: null,
        };
        await passagesRepository.insertAlert(trx, alert);
        raised.push(alertOf((await passagesRepository.alerts(trx, [group.org_path], { ids: [alert.id] }))[0]!));
      }
      await recordAudit(trx, actor, grant, {
        action: 'gate.patrol', entityType: 'patrol_group', entityId: group.id, path: group.org_path,
        after: { roundId: input.id, zoneId: input.zoneId, checked: input.readings.length + (input.checkedWithoutReading ?? 0), fevers: fevers.length },
      });
      return { result: 'stored', ...(fevers.length ? { alert: true } : {}) };
    });
    for (const a of raised) events.alert(communityId, a);
    if (result.result === 'stored') events.changed(communityId);
    return result;
  }

  return {
    async zones(actor: Actor, communityId: string): Promise<z.infer<typeof PatrolZone>[]> {
      const unit = await community(actor, communityId, 'gate.view');
      return (await patrolsRepository.zonesOf(db, [unit.id])).map((z) => ({ id: z.id, communityId: z.community_id, name: z.name, description: z.description }));
    },

    async createZone(actor: Actor, input: z.infer<typeof PatrolZoneCreate>): Promise<z.infer<typeof PatrolZone>> {
      const unit = await community(actor, input.communityId, 'gate.manage');
      const row = { id: uuidv7(), community_id: unit.id, org_path: unit.path, name: input.name, description: input.description || null, created_at: new Date().toISOString() };
      await db.transaction().execute(async (trx) => {
        if ((await patrolsRepository.zonesOf(trx, [unit.id])).some((z) => z.name === input.name)) throw new AppError('ZONE_NAME_TAKEN', { field: 'name' });
        await patrolsRepository.insertZone(trx, row);
        await recordAudit(trx, actor, grantFor(actor, 'gate.manage', unit.path), { action: 'gate.zone.create', entityType: 'patrol_zone', entityId: row.id, path: unit.path, after: { name: row.name } });
      });
      return { id: row.id, communityId: unit.id, name: row.name, description: row.description };
    },

    async groups(actor: Actor, communityId: string): Promise<z.infer<typeof PatrolGroup>[]> {
      const unit = await community(actor, communityId, 'gate.view');
      // Who patrols is the community's to know; the offices above see the groups and their zones.
      return groupViews(await patrolsRepository.groupsOf(db, unit.id), grantFor(actor, 'gate.manage', unit.path) !== null);
    },

    async createGroup(actor: Actor, input: z.infer<typeof PatrolGroupCreate>): Promise<z.infer<typeof PatrolGroup>> {
      const unit = await community(actor, input.communityId, 'gate.manage');
      const zones = new Set((await patrolsRepository.zonesOf(db, [unit.id])).map((z) => z.id));
      input.zoneIds.forEach((id, i) => {
        if (!zones.has(id)) throw new AppError('NOT_FOUND', { field: `zoneIds.${i}` });
      });
      const eligible = new Set((await entrancesRepository.usersWithRoles(db, unit.path, PATROL_ROLES, new Date().toISOString())).map((u) => u.user_id));
      input.memberIds.forEach((id, i) => {
        if (!eligible.has(id)) throw new AppError('NOT_FOUND', { field: `memberIds.${i}` });
      });
      const row = {
        id: uuidv7(), community_id: unit.id, org_path: unit.path, name: input.name, zone_ids: JSON.stringify([...new Set(input.zoneIds)]),
        member_ids: JSON.stringify([...new Set(input.memberIds)]), created_at: new Date().toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await patrolsRepository.insertGroup(trx, row);
        await recordAudit(trx, actor, grantFor(actor, 'gate.manage', unit.path), {
          action: 'gate.patrol_group.create', entityType: 'patrol_group', entityId: row.id, path: unit.path, after: { name: row.name, zoneIds: input.zoneIds, memberIds: input.memberIds },
        });
      });
      return (await groupViews([row]))[0]!;
    },

    async storeRounds(actor: Actor, items: readonly unknown[], locale: Locale): Promise<ItemResult[]> {
      if (prefixesFor(actor, 'gate.patrol').length === 0) throw new AppError('FORBIDDEN');
      return storeEach(items, PatrolRoundInput, locale, (input) => storeRound(actor, input));
    },

    /** Which zones were patrolled in which hours of a day, and the day's rounds. */
    async coverage(actor: Actor, query: { communityId: string; day?: string | undefined }): Promise<z.infer<typeof PatrolCoverage>> {
      const unit = await community(actor, query.communityId, 'gate.view');
      const day = query.day ?? shanghaiDate();
      const zones = await patrolsRepository.zonesOf(db, [unit.id]);
      const rounds = await patrolsRepository.roundsOfDay(db, unit.id, day);
      // Incidents are free text and may name people: for the community, not for the offices above.
      const details = grantFor(actor, 'gate.manage', unit.path) !== null;
      return {
        day,
        zones: zones.map((z) => {
          const own = rounds.filter((r) => r.zone_id === z.id);
          const hours = emptyHours();
          for (const r of own) for (const h of hoursCovered(r.started_at, r.ended_at, day)) hours[h]! += 1;
          return {
            id: z.id, name: z.name, hours, rounds: own.length, checked: own.reduce((s, r) => s + r.checked, 0), fevers: own.reduce((s, r) => s + r.fevers, 0),
            lastAt: own.at(-1)?.ended_at ?? null,
          };
        }),
        rounds: rounds.map((r) => ({
          id: r.id, groupName: r.group_name, zoneId: r.zone_id, zoneName: r.zone_name, startedAt: r.started_at, endedAt: r.ended_at, checked: r.checked, fevers: r.fevers,
          remindersMasks: r.reminders_masks, remindersGatherings: r.reminders_gatherings,
          incidents: details ? r.incidents : null, recordedByName: details ? r.recorded_by_name : '',
        })),
      };
    },
  };
}
