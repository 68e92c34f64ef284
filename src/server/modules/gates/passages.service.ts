import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { canAnywhere, grantFor, prefixesFor, type Grant } from '../../../domain/access/scope.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import { maskIdNumber, maskPhone } from '../../../domain/access/mask.ts';
import { isWithin } from '../../../domain/org/org-path.ts';
import { passVerdict } from '../../../domain/gates/pass-verdict.ts';
import { readPassToken } from '../../../domain/gates/pass-token.ts';
import { isFever, isPlausibleTemperature, toTenths } from '../../../domain/gates/temperature.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate, shanghaiHour } from '../../../domain/local-date.ts';
import type { z } from 'zod';
import {
  PassageInput, type Alert, type FieldGate, type ItemResult, type PassageRow as PassageRowOut, type VisitorInput, type VisitorLookup,
} from '../../../contract/gates.ts';
import type { Locale } from '../../../contract/common.ts';
import type { Actor } from '../../actor.ts';
import { storeEach } from '../../batch-items.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { citizenIdFrom } from '../ledger/residents.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { describeEntrances, entranceStateAt } from './entrances.service.ts';
import { entrancesRepository, type EntranceRow } from './entrances.repository.ts';
import type { GateEvents } from './gate-events.ts';
import { passesRepository } from './passes.repository.ts';
import { passagesRepository, type AlertView, type VisitorRow } from './passages.repository.ts';
import { patrolsRepository } from './patrols.repository.ts';
import { EntranceCache, PassChecks } from './pass-checks.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import { GroupCommit } from '../../../db/group-commit.ts';
import { writeRegisterWorkbook } from './register-workbook.ts';

/** A phone's clock may run a little fast; a registration further in the future is a mistake. */
const CLOCK_SLACK_MS = 10 * 60_000;
/** A phone may stay offline for days; older registrations are refused rather than rewrite a closed day's register. */
const OLDEST_MS = 7 * 86_400_000;

export function alertOf(a: AlertView): Alert {
  return {
    id: a.id, communityId: a.community_id, entranceId: a.entrance_id, place: a.place ?? '', source: a.source as Alert['source'], name: a.name,
    temperature: a.temp_tenths / 10, raisedAt: a.raised_at, recordedByName: a.recorded_by_name, handledAt: a.handled_at,
    handledByName: a.handled_by_name, note: a.note,
  };
}

/** The grant that lets the actor register at this entrance, and whether only as an assignee. */
async function registrationGrant(db: Executor, actor: Actor, entrance: EntranceRow): Promise<Grant> {
  const manage = grantFor(actor, 'gate.manage', entrance.org_path);
  if (manage) return manage;
  // A volunteer's role may sit at the community or at one of its groups: either way the community is theirs.
  const register = actor.grants.find((g) => roleAllows(g.role, 'gate.register') && (isWithin(entrance.org_path, g.path) || isWithin(g.path, entrance.org_path)));
  if (!register) throw new AppError('NOT_FOUND', { field: 'entranceId' });
  if (!(await entrancesRepository.isAssigned(db, entrance.id, actor.userId))) throw new AppError('NOT_ASSIGNED', { field: 'entranceId' });
  return register;
}

/**
 * Registrations at gates (卡点登记): pass scans and visitors, sent from phones
 * in batches with ids the phones made, each stored once. A reading of 37.3 °C
 * or more raises an alert to the community's lead at once.
 */
export function passagesService({ db }: Database, box: SensitiveBox, events: GateEvents) {
  const checks = new PassChecks();
  const entrances = new EntranceCache();
  // One group at a time: two groups at once could each hold a row the other is inserting (one phone's queue sent twice at once) and deadlock.
  const writes = new GroupCommit(db);
  async function visitorFor(trx: Executor, communityId: string, communityPath: string, input: VisitorInput, at: string): Promise<VisitorRow> {
    const citizenId = input.idNumber ? citizenIdFrom({ idNumber: input.idNumber }, 'visitor.idNumber') : null;
    const idHash = citizenId ? box.lookupHash(citizenId.value) : null;
    const phoneHash = input.phone ? box.lookupHash(`phone:${input.phone}`) : null;
    const found = (idHash ? await passagesRepository.visitorByIdHash(trx, communityId, idHash) : undefined)
      ?? (phoneHash && !idHash ? await passagesRepository.visitorByPhoneHash(trx, communityId, phoneHash) : undefined);
    if (found) {
      const set = {
        name: input.name, from_place: input.fromPlace, visits: found.visits + 1, last_seen_at: at > found.last_seen_at ? at : found.last_seen_at,
        ...(phoneHash ? { phone_hash: phoneHash, phone_sealed: box.seal(input.phone!), phone_masked: maskPhone(input.phone!) } : {}),
      };
      await passagesRepository.updateVisitor(trx, found.id, set);
      return { ...found, ...set };
    }
    const row: VisitorRow = {
      id: uuidv7(), community_id: communityId, org_path: communityPath, name: input.name,
      id_sealed: citizenId ? box.seal(citizenId.value) : null, id_hash: idHash, id_masked: citizenId ? maskIdNumber(citizenId.value) : null,
      phone_sealed: input.phone ? box.seal(input.phone) : null, phone_hash: phoneHash, phone_masked: input.phone ? maskPhone(input.phone) : null,
      from_place: input.fromPlace, visits: 1, first_seen_at: at, last_seen_at: at,
    };
    await passagesRepository.insertVisitor(trx, row);
    return row;
  }

  /** The server's verdict on a scanned pass: the pass's status at the time of the scan, not at the time of the sync. */
  async function verdictOf(trx: Executor, entrance: EntranceRow, token: string, at: string) {
    const keyId = readPassToken(token, {}, checks.check).claims?.k;
    const { code, keys } = await checks.community(trx, entrance.community_id, keyId);
    const claims = readPassToken(token, keys, checks.check).claims;
    const pass = claims && claims.c === code ? await passesRepository.find(trx, claims.p) : undefined;
    const inactiveThen = pass && pass.community_id === entrance.community_id && pass.status !== 'active' && pass.status_changed_at !== null && pass.status_changed_at <= at;
    const verdict = passVerdict(token, {
      communityCode: code, keys,
      revoked: new Set(inactiveThen && pass.status === 'revoked' ? [pass.id] : []),
      suspended: new Set(inactiveThen && pass.status === 'suspended' ? [pass.id] : []),
    }, 'checkpoint', shanghaiDate(new Date(at)), checks.check);
    return { verdict, passId: pass?.community_id === entrance.community_id ? pass.id : null };
  }

  async function storePassage(actor: Actor, input: PassageInput): Promise<Omit<ItemResult, 'id'>> {
    let raised: Alert | null = null;
    let communityId = '';
    // A repeat is found when the work fails (the primary key refusing the insert, or a check that no longer passes, such as an
    // assignment ended since the first send), not by a look before every new item: repeats are rare, new items are not.
    const repeatOr = async (error: unknown): Promise<Omit<ItemResult, 'id'>> => {
      const same = await passagesRepository.find(db, input.id);
      if (!same) throw error;
      if (same.entrance_id !== input.entranceId || same.recorded_by !== actor.userId) throw new AppError('ID_CONFLICT', { field: 'id' });
      return { result: 'already_stored', ...(same.kind === 'pass' ? { allowed: same.allowed === 1, ...(same.reason ? { reason: same.reason as never } : {}) } : {}) };
    };
    const result = await writes.run(async (trx): Promise<Omit<ItemResult, 'id'>> => {
      const entrance = await entrances.find(trx, input.entranceId);
      if (!entrance) throw new AppError('NOT_FOUND', { field: 'entranceId' });
      const grant = await registrationGrant(trx, actor, entrance);
      communityId = entrance.community_id;
      const atMs = Date.parse(input.at);
      if (Number.isNaN(atMs) || atMs > Date.now() + CLOCK_SLACK_MS || atMs < Date.now() - OLDEST_MS) throw new AppError('DATE_ORDER', { field: 'at' });
      const at = new Date(atMs).toISOString();
      if ((await entranceStateAt(trx, entrance.id, at)) === 'sealed') throw new AppError('ENTRANCE_SEALED', { field: 'entranceId' });
      if (input.temperature !== undefined && !isPlausibleTemperature(input.temperature)) throw new AppError('TEMPERATURE_MISREAD', { field: 'temperature' });
      const tenths = input.temperature === undefined ? null : toTenths(input.temperature);

      let allowed = true;
      let reason: string | null = null;
      let holderName: string | null;
      let holderLabel: string | null = null;
      let passId: string | null = null;
      let visitor: VisitorRow | null = null;
      if (input.kind === 'pass') {
        const checked = await verdictOf(trx, entrance, input.token!, at);
        allowed = checked.verdict.allowed;
        reason = checked.verdict.allowed ? null : checked.verdict.reason;
        passId = checked.passId;
        // The register shows the holder as the card does (masked name, group and address); the pass id leads to the rest.
        holderName = checked.verdict.claims?.n ?? null;
        holderLabel = checked.verdict.claims?.a ?? null;
      } else {
        visitor = await visitorFor(trx, entrance.community_id, entrance.org_path, input.visitor!, at);
        holderName = visitor.name;
      }
      // A fever is let in by nobody: whatever the pass says, the person waits for the lead.
      const fever = tenths !== null && isFever(tenths / 10);
      await passagesRepository.insert(trx, {
        id: input.id, entrance_id: entrance.id, community_id: entrance.community_id, org_path: entrance.org_path, day: shanghaiDate(new Date(atMs)), at,
        hour: shanghaiHour(new Date(atMs)),
        direction: input.direction, kind: input.kind, allowed: allowed ? 1 : 0, reason,
        device_allowed: input.deviceVerdict ? (input.deviceVerdict.allowed ? 1 : 0) : null, pass_id: passId, holder_name: holderName, holder_label: holderLabel,
        visitor_id: visitor?.id ?? null, from_place: input.visitor?.fromPlace ?? null, purpose: input.visitor?.purpose ?? null, visiting: input.visitor?.visiting || null,
        temp_tenths: tenths, health_code: input.healthCode ?? null, recorded_by: actor.userId, created_at: new Date().toISOString(),
      });
      if (fever) {
        const alert = {
          id: uuidv7(), community_id: entrance.community_id, org_path: entrance.org_path, entrance_id: entrance.id, zone_id: null, source: 'passage', source_id: input.id,
          name: holderName ?? '', temp_tenths: tenths, day: shanghaiDate(new Date(atMs)), raised_at: new Date().toISOString(), recorded_by: actor.userId,
          handled_at: null, handled_by: null, note: null,
        };
        await passagesRepository.insertAlert(trx, alert);
        // Read back as every list shows it (the recorder's display name), so the live alert and the view agree.
        raised = alertOf((await passagesRepository.alerts(trx, [entrance.org_path], { ids: [alert.id] }))[0]!);
      }
      await recordAudit(trx, actor, grant, {
        action: 'gate.passage', entityType: 'entrance', entityId: entrance.id, path: entrance.org_path,
        after: { passageId: input.id, kind: input.kind, direction: input.direction, allowed, reason, fever, passId, visitorId: visitor?.id ?? null },
      });
      return { result: 'stored', ...(input.kind === 'pass' ? { allowed, ...(reason ? { reason: reason as never } : {}) } : {}), ...(fever ? { alert: true } : {}) };
    }).catch((e: unknown) => {
      if (e instanceof AppError || uniqueViolation(e) === 'gate_passages.id') return repeatOr(uniqueViolation(e) ? new AppError('ID_CONFLICT', { field: 'id' }) : e);
      throw e;
    });
    if (communityId) {
      if (raised) events.alert(communityId, raised);
      if (result.result === 'stored') events.changed(communityId);
    }
    return result;
  }

  async function managedCommunity(actor: Actor, communityId: string) {
    const community = await orgRepository.findById(db, communityId);
    if (!community || !grantFor(actor, 'gate.manage', community.path)) throw new AppError('NOT_FOUND', { field: 'communityId' });
    return community;
  }

  return {
    async store(actor: Actor, items: readonly unknown[], locale: Locale): Promise<ItemResult[]> {
      if (!canAnywhere(actor, 'gate.register')) throw new AppError('FORBIDDEN');
      return storeEach(items, PassageInput, locale, (input) => storePassage(actor, input), { together: true });
    },

    /** A returning visitor found by ID number or phone, so the second registration takes seconds. */
    async lookupVisitor(actor: Actor, query: { communityId: string; idNumber?: string | undefined; phone?: string | undefined }): Promise<z.infer<typeof VisitorLookup>> {
      const community = await orgRepository.findById(db, query.communityId);
      const reaches = community && actor.grants.some((g) => roleAllows(g.role, 'gate.register') && (isWithin(community.path, g.path) || isWithin(g.path, community.path)));
      if (!community || !reaches) throw new AppError('NOT_FOUND', { field: 'communityId' });
      const id = query.idNumber?.trim().toUpperCase();
      const phone = query.phone?.replace(/\s/g, '');
      const found = id ? await passagesRepository.visitorByIdHash(db, community.id, box.lookupHash(id))
        : phone ? await passagesRepository.visitorByPhoneHash(db, community.id, box.lookupHash(`phone:${phone}`)) : undefined;
      if (!found) return { visitor: null };
      const last = await passagesRepository.lastVisitOf(db, found.id);
      return {
        visitor: {
          id: found.id, name: found.name, idMasked: found.id_masked, phoneMasked: found.phone_masked, fromPlace: found.from_place,
          lastPurpose: last?.purpose ?? null, lastVisiting: last?.visiting ?? null, lastSeenAt: found.last_seen_at, visits: found.visits,
        },
      };
    },

    /** The day's register (登记簿) of a community or one checkpoint: names and masked identities, for its managers. */
    async register(actor: Actor, query: { communityId: string; entranceId?: string | undefined; day?: string | undefined }): Promise<PassageRowOut[]> {
      const community = await managedCommunity(actor, query.communityId);
      const rows = await passagesRepository.register(db, community.id, query.day ?? shanghaiDate(), query.entranceId);
      return rows.map((r) => ({
        id: r.id, entranceId: r.entrance_id, entranceName: r.entrance_name, at: r.at, direction: r.direction as 'in' | 'out', kind: r.kind as 'pass' | 'visitor',
        allowed: r.allowed === 1, reason: r.reason as PassageRowOut['reason'], deviceDisagreed: r.device_allowed !== null && r.device_allowed !== r.allowed,
        name: r.visitor_name ?? r.holder_name ?? '', label: r.holder_label, idMasked: r.id_masked, phoneMasked: r.phone_masked, fromPlace: r.from_place,
        purpose: r.purpose, visiting: r.visiting, temperature: r.temp_tenths === null ? null : r.temp_tenths / 10, healthCode: r.health_code as PassageRowOut['healthCode'],
        fever: r.temp_tenths !== null && r.temp_tenths >= 373, recordedByName: r.recorded_by_name,
      }));
    },

    /** The day's register as .xlsx: a sheet per checkpoint (the one asked for, or every entrance with registrations or a checkpoint that day). */
    async registerWorkbook(actor: Actor, query: { communityId: string; entranceId?: string | undefined; day?: string | undefined }, locale: Locale): Promise<{ file: Buffer; name: string }> {
      const community = await managedCommunity(actor, query.communityId);
      const day = query.day ?? shanghaiDate();
      const rows = await this.register(actor, { ...query, day });
      const all = await describeEntrances(db, await entrancesRepository.list(db, [community.path], community.id));
      const entrances = query.entranceId
        ? all.filter((e) => e.id === query.entranceId)
        : all.filter((e) => e.state === 'checkpoint' || rows.some((r) => r.entranceId === e.id));
      if (query.entranceId && entrances.length === 0) throw new AppError('NOT_FOUND', { field: 'entranceId' });
      const file = await writeRegisterWorkbook(locale, { community: community.name, day }, entrances, rows);
      return { file, name: `${community.name}-${entrances.length === 1 ? `${entrances[0]!.name}-` : ''}${day}.xlsx` };
    },

    async alerts(actor: Actor, query: { communityId?: string | undefined; open?: 'true' | 'false' | undefined; day?: string | undefined }): Promise<Alert[]> {
      const prefixes = prefixesFor(actor, 'gate.alerts');
      if (prefixes.length === 0) throw new AppError('FORBIDDEN');
      return (await passagesRepository.alerts(db, prefixes, { communityId: query.communityId, open: query.open === 'true', day: query.day })).map(alertOf);
    },

    async handleAlert(actor: Actor, id: string, note: string): Promise<Alert> {
      const communityId = await db.transaction().execute(async (trx) => {
        const alert = await passagesRepository.findAlert(trx, id);
        const grant = alert ? grantFor(actor, 'gate.alerts', alert.org_path) : null;
        if (!alert || !grant) throw notFound();
        if (alert.handled_at !== null) throw new AppError('ALERT_HANDLED');
        const at = new Date().toISOString();
        if (await passagesRepository.handleAlert(trx, id, actor.userId, at, note) !== 1) throw new AppError('ALERT_HANDLED');
        await recordAudit(trx, actor, grant, { action: 'gate.alert.handle', entityType: 'gate_alert', entityId: id, path: alert.org_path, after: { note } });
        return alert.community_id;
      });
      events.changed(communityId);
      const [view] = await passagesRepository.alerts(db, ['/'], { ids: [id] });
      return alertOf(view!);
    },

    /** What a gate phone keeps for offline work: its entrances, the community keys and the passes to refuse. */
    async fieldGate(actor: Actor): Promise<FieldGate> {
      if (!canAnywhere(actor, 'gate.register') && !canAnywhere(actor, 'gate.patrol')) throw new AppError('FORBIDDEN');
      const managed = prefixesFor(actor, 'gate.manage');
      const assigned = await entrancesRepository.entrancesOf(db, actor.userId);
      const registerPaths = actor.grants.filter((g) => roleAllows(g.role, 'gate.register')).map((g) => g.path);
      const rows = [
        ...(managed.length ? await entrancesRepository.list(db, managed) : []),
        ...(await entrancesRepository.byIds(db, assigned)).filter((e) => registerPaths.some((p) => isWithin(e.org_path, p) || isWithin(p, e.org_path))),
      ].filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i);
      const groups = (await patrolsRepository.groupsOfMember(db, actor.userId, managed))
        .filter((g) => (JSON.parse(g.member_ids) as string[]).includes(actor.userId) || managed.some((p) => isWithin(g.org_path, p)));
      const communityIds = [...new Set([...rows.map((r) => r.community_id), ...groups.map((g) => g.community_id)])];
      const communities = await Promise.all(communityIds.map((id) => orgRepository.findById(db, id)));
      const keys = await passesRepository.keysOf(db, communityIds);
      const inactive = await passesRepository.inactive(db, communityIds);
      const zones = await patrolsRepository.zonesOf(db, groups.map((g) => g.community_id));
      return {
        communities: communities.filter((c) => c !== undefined).map((c) => ({
          id: c.id, code: c.code, name: c.name,
          keys: Object.fromEntries(keys.filter((k) => k.community_id === c.id).map((k) => [k.id, k.public_key])),
          revoked: inactive.filter((p) => p.community_id === c.id && p.status === 'revoked').map((p) => p.id),
          suspended: inactive.filter((p) => p.community_id === c.id && p.status === 'suspended').map((p) => p.id),
        })),
        entrances: await describeEntrances(db, rows),
        patrolGroups: groups.map((g) => ({
          id: g.id, communityId: g.community_id, name: g.name,
          zones: (JSON.parse(g.zone_ids) as string[]).map((z) => zones.find((x) => x.id === z)).filter((z) => z !== undefined).map((z) => ({ id: z.id, name: z.name })),
        })),
        receivesAlerts: canAnywhere(actor, 'gate.alerts'),
        syncedAt: new Date().toISOString(),
      };
    },
  };
}
