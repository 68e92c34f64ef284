import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { canAnywhere, grantFor, prefixesFor, type Grant } from '../../../domain/access/scope.ts';
import { maskIdNumber, maskPhone } from '../../../domain/access/mask.ts';
import { isWithin } from '../../../domain/org/org-path.ts';
import { claimsUnverified, passVerdict } from '../../../domain/gates/pass-verdict.ts';
import { gateGrant } from '../../../domain/gates/gate-scope.ts';
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
import { describeEntrances, stateOfChangesAt } from './entrances.service.ts';
import { entrancesRepository, type EntranceRow } from './entrances.repository.ts';
import type { GateEvents } from './gate-events.ts';
import { passesRepository } from './passes.repository.ts';
import { passagesRepository, type AlertView, type VisitorRow } from './passages.repository.ts';
import { patrolsRepository } from './patrols.repository.ts';
import { EntranceCache, PassChecks } from './pass-checks.ts';
import { transientConflict, uniqueViolation } from '../../../db/dialect.ts';
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

/** The grant that lets the actor register at an entrance: the community's lead anywhere in it, others where they are assigned. */
function registrationGrant(actor: Actor, entrance: EntranceRow, assigned: boolean): Grant {
  const manage = grantFor(actor, 'gate.manage', entrance.org_path);
  if (manage) return manage;
  const register = gateGrant(actor, 'gate.register', entrance.org_path);
  if (!register) throw new AppError('NOT_FOUND', { field: 'entranceId' });
  if (!assigned) throw new AppError('NOT_ASSIGNED', { field: 'entranceId' });
  return register;
}

/**
 * Registrations at gates (卡点登记): pass scans and visitors, sent from phones
 * in batches with ids the phones made, each stored once. A reading of 37.3 °C
 * or more raises an alert to the community's lead at once.
 */
export function passagesService({ db, dialect }: Database, box: SensitiveBox, events: GateEvents) {
  const checks = new PassChecks();
  const entrances = new EntranceCache();
  async function visitorFor(trx: Executor, communityId: string, communityPath: string, input: VisitorInput, at: string): Promise<VisitorRow> {
    const citizenId = input.idNumber ? citizenIdFrom({ idNumber: input.idNumber }, 'visitor.idNumber') : null;
    const idHash = citizenId ? box.lookupHash(citizenId.value) : null;
    const phoneHash = input.phone ? box.lookupHash(`phone:${input.phone}`) : null;
    // By ID number the same person; by phone alone only with the same name, since a family may share a phone.
    const found = idHash ? await passagesRepository.visitorByIdHash(trx, communityId, idHash)
      : phoneHash ? await passagesRepository.visitorByPhoneHash(trx, communityId, phoneHash, input.name) : undefined;
    if (found) {
      const set: Partial<VisitorRow> = {
        ...(found.name !== input.name ? { name: input.name } : {}),
        ...(found.from_place !== input.fromPlace ? { from_place: input.fromPlace } : {}),
        ...(phoneHash && phoneHash !== found.phone_hash ? { phone_hash: phoneHash, phone_sealed: box.seal(input.phone!), phone_masked: maskPhone(input.phone!) } : {}),
      };
      if (Object.keys(set).length > 0) await passagesRepository.updateVisitor(trx, found.id, set);
      return { ...found, ...set };
    }
    const row: VisitorRow = {
      id: uuidv7(), community_id: communityId, org_path: communityPath, name: input.name,
      id_sealed: citizenId ? box.seal(citizenId.value) : null, id_hash: idHash, id_masked: citizenId ? maskIdNumber(citizenId.value) : null,
      phone_sealed: input.phone ? box.seal(input.phone) : null, phone_hash: phoneHash, phone_masked: input.phone ? maskPhone(input.phone) : null,
      from_place: input.fromPlace, first_seen_at: at,
    };
    await passagesRepository.insertVisitor(trx, row);
    return row;
  }

  /**
   * The server's verdict on a scanned pass: the pass's status at the time of
   * the scan (from its history), not at the time of the sync. What the token
   * says of its holder is kept only when its signature holds.
   */
  async function verdictOf(trx: Executor, entrance: EntranceRow, token: string, at: string) {
    const keyId = readPassToken(token, {}, checks.check).claims?.k;
    const { code, keys } = await checks.community(trx, entrance.community_id, keyId);
    const read = readPassToken(token, keys, checks.check);
    const pass = read.ok && read.claims.c === code ? await passesRepository.find(trx, read.claims.p) : undefined;
    const ours = pass !== undefined && pass.community_id === entrance.community_id;
    const statusThen = ours ? await passesRepository.statusAt(trx, pass.id, at) : null;
    const verdict = passVerdict(token, {
      communityCode: code, keys,
      // No status yet at that time (a phone's clock a little behind the issue) is the status it was issued with: active.
      revoked: new Set(ours && statusThen === 'revoked' ? [pass.id] : []),
      suspended: new Set(ours && statusThen === 'suspended' ? [pass.id] : []),
    }, 'checkpoint', shanghaiDate(new Date(at)), checks.check);
    const trusted = verdict.allowed || !claimsUnverified(verdict.reason);
    return { verdict, claims: trusted ? verdict.claims : undefined, passId: trusted && ours ? pass.id : null };
  }

  /** Another transaction holding a row this one needs (PostgreSQL chose this one to give way, or SQLite was busy): the item is tried again. */
  async function storePassage(actor: Actor, input: PassageInput, attempt = 1): Promise<Omit<ItemResult, 'id'>> {
    try {
      return await storePassageOnce(actor, input);
    } catch (e) {
      if (attempt < 3 && transientConflict(e)) return storePassage(actor, input, attempt + 1);
      throw e;
    }
  }

  async function storePassageOnce(actor: Actor, input: PassageInput): Promise<Omit<ItemResult, 'id'>> {
    let raised: Alert | null = null;
    let communityId = '';
    // A repeat is found when the work fails (the primary key refusing the insert, or a check that no longer passes, such as an
    // assignment ended since the first send), not by a look before every new item: repeats are rare, new items are not.
    const repeatOr = async (error: unknown): Promise<Omit<ItemResult, 'id'>> => {
      const same = await passagesRepository.find(db, input.id);
      if (!same) throw error;
      // The same item, not another one under the same id: an edit after a lost answer must not vanish as "already stored".
      const sameContent = same.entrance_id === input.entranceId && same.recorded_by === actor.userId && Date.parse(same.at) === Date.parse(input.at)
        && same.direction === input.direction && same.kind === input.kind && same.temp_tenths === (input.temperature === undefined ? null : toTenths(input.temperature));
      if (!sameContent) throw new AppError('ID_CONFLICT', { field: 'id' });
      return { result: 'already_stored', ...(same.kind === 'pass' ? { allowed: same.allowed === 1, ...(same.reason ? { reason: same.reason as never } : {}) } : {}) };
    };
    const result = await db.transaction().execute(async (trx): Promise<Omit<ItemResult, 'id'>> => {
      const entrance = await entrances.find(trx, input.entranceId);
      if (!entrance) throw new AppError('NOT_FOUND', { field: 'entranceId' });
      const grant = registrationGrant(actor, entrance, grantFor(actor, 'gate.manage', entrance.org_path) !== null || await entrancesRepository.isAssigned(trx, entrance.id, actor.userId));
      communityId = entrance.community_id;
      const atMs = Date.parse(input.at);
      if (Number.isNaN(atMs) || atMs > Date.now() + CLOCK_SLACK_MS || atMs < Date.now() - OLDEST_MS) throw new AppError('DATE_ORDER', { field: 'at' });
      const at = new Date(atMs).toISOString();
      if (stateOfChangesAt(await entrancesRepository.statesOf(trx, entrance.id), at) === 'sealed') throw new AppError('ENTRANCE_SEALED', { field: 'entranceId' });
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
        holderName = checked.claims?.n ?? null;
        holderLabel = checked.claims?.a ?? null;
      } else {
        visitor = await visitorFor(trx, entrance.community_id, entrance.org_path, input.visitor!, at);
        holderName = visitor.name;
      }
      // A fever is let through by nobody: whatever the pass says, the person waits for the lead.
      const fever = tenths !== null && isFever(tenths / 10);
      if (fever && allowed) {
        allowed = false;
        reason = 'fever';
      }
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
      return storeEach(items, PassageInput, locale, (input) => storePassage(actor, input), { concurrency: dialect === 'postgres' ? 4 : 1 });
    },

    /** A returning visitor found by ID number or phone, so the second registration takes seconds. Audited when found. */
    async lookupVisitor(actor: Actor, query: { communityId: string; idNumber?: string | undefined; phone?: string | undefined }): Promise<z.infer<typeof VisitorLookup>> {
      const community = await orgRepository.findById(db, query.communityId);
      const grant = community ? gateGrant(actor, 'gate.register', community.path) : null;
      if (!community || !grant) throw new AppError('NOT_FOUND', { field: 'communityId' });
      // Normalised as registration normalises them: spaces typed in the middle do not make another person.
      const id = query.idNumber?.replace(/\s/g, '').toUpperCase();
      const phone = query.phone?.replace(/\s/g, '');
      const found = id ? await passagesRepository.visitorByIdHash(db, community.id, box.lookupHash(id))
        : phone ? await passagesRepository.visitorByPhoneHash(db, community.id, box.lookupHash(`phone:${phone}`)) : undefined;
      if (!found) return { visitor: null };
      const { visits, last } = await passagesRepository.visitsOf(db, found.id);
      await recordAudit(db, actor, grant, { action: 'gate.visitor.lookup', entityType: 'gate_visitor', entityId: found.id, path: community.path, after: { by: id ? 'idNumber' : 'phone' } });
      return {
        visitor: {
          id: found.id, name: found.name, idMasked: found.id_masked, phoneMasked: found.phone_masked, fromPlace: found.from_place,
          lastPurpose: last?.purpose ?? null, lastVisiting: last?.visiting ?? null, lastSeenAt: last?.at ?? found.first_seen_at, visits,
        },
      };
    },

    /** The day's register (登记簿) of a community or one checkpoint: names and masked identities, for its managers. */
    async register(actor: Actor, query: { communityId: string; entranceId?: string | undefined; day?: string | undefined }): Promise<PassageRowOut[]> {
      const community = await managedCommunity(actor, query.communityId);
      const rows = await passagesRepository.register(db, community.id, query.day ?? shanghaiDate(), query.entranceId);
      return rows.map((r) => ({
        id: r.id, entranceId: r.entrance_id, entranceName: r.entrance_name, at: r.at, direction: r.direction as 'in' | 'out', kind: r.kind as 'pass' | 'visitor',
        allowed: r.allowed === 1, reason: r.reason as PassageRowOut['reason'],
        deviceDisagreed: r.device_allowed !== null && r.device_allowed !== r.allowed,
        // The name as registered at the time (a visitor's record may be corrected later).
        name: r.holder_name ?? r.visitor_name ?? '', label: r.holder_label, idMasked: r.id_masked, phoneMasked: r.phone_masked, fromPlace: r.from_place,
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
      const rows = [
        ...(managed.length ? await entrancesRepository.list(db, managed) : []),
        ...(await entrancesRepository.byIds(db, assigned)).filter((e) => gateGrant(actor, 'gate.register', e.org_path) !== null),
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
