import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Declaration, DeclarationApprove, DeclarationInput, DeclarationQuery, DeclarationReceipt } from '../../../contract/observation.ts';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import { maskIdNumber, maskPhone } from '../../../domain/access/mask.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { citizenIdFrom } from '../ledger/residents.service.ts';
import { checkArrivalFields, insertArrival, insertPlan, originFor, type ArrivalFields } from './arrival-writes.ts';
import { communityFor, grantOn } from './arrivals.service.ts';
import type { ObservationEvents } from './observation-events.ts';
import { observationRepository, type DeclarationRow } from './observation.repository.ts';

/**
 * The limits that keep a flood of declarations from burying the review queue:
 * per address (one phone, one family) and per community. The same person
 * declaring again while waiting updates their declaration rather than
 * queueing a second one.
 */
export const DECLARATION_LIMITS = { perAddressTenMinutes: 5, perAddressDay: 20, perCommunityHour: 300, pendingPerCommunity: 500 } as const;

const REFERENCE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A short code the person can read out at the checkpoint: 8 letters and digits without look-alikes. */
function reference(): string {
  return [...randomBytes(8)].map((b) => REFERENCE_LETTERS[b % REFERENCE_LETTERS.length]).join('');
}

type DeclarationData = z.infer<typeof DeclarationInput>;

function declarationOf(d: DeclarationRow & { reviewed_by_name: string | null }, box: SensitiveBox, conflicting = 0): z.infer<typeof Declaration> {
  const data = JSON.parse(box.open(d.payload_sealed)) as DeclarationData;
  return {
    id: d.id, reference: d.reference, status: d.status as z.infer<typeof Declaration>['status'], category: data.category, name: d.name, idMasked: d.id_masked,
    phoneMasked: d.phone_masked, origin: d.origin_text, arrivedOn: d.arrived_on, transportKind: data.transportKind, transportRef: data.transportRef || null,
    stayKind: data.stayKind, stayPlace: data.stayPlace || null, employer: data.employer || null, reason: data.reason || null, symptoms: data.symptoms || null,
    temperature: data.temperature ?? null, lastTestOn: data.lastTestOn ?? null, receivedAt: d.received_at, repeats: d.repeats, conflicting,
    reviewedByName: d.reviewed_by_name, reviewedAt: d.reviewed_at, reviewNote: d.review_note, arrivalId: d.arrival_id,
  };
}

/**
 * Self-declaration (自主申报): a person arriving declares themself on a public
 * page reached from the QR code the community prints, with no account; staff
 * review each declaration before it enters the records.
 */
export function declarationsService({ db }: Database, box: SensitiveBox, events: ObservationEvents) {
  async function publicCommunity(communityId: string) {
    const unit = await db.selectFrom('org_units as c').leftJoin('org_units as s', 's.id', 'c.parent_id')
      .select(['c.id', 'c.path', 'c.name', 'c.kind', 'c.valid_to', 's.name as street_name']).where('c.id', '=', communityId).executeTakeFirst();
    if (!unit || unit.kind !== 'community' || (unit.valid_to !== null && unit.valid_to <= shanghaiDate())) throw new AppError('NOT_FOUND');
    return unit;
  }

  /**
   * The attempt is written (and committed) first and then counted with the
   * others: requests arriving together all see each other, so a burst in
   * parallel cannot slip past the limit as a read-then-write would let it.
   */
  async function limit(communityId: string, ipHash: string, now: number): Promise<void> {
    await observationRepository.addAttempt(db, communityId, ipHash, new Date(now).toISOString());
    const since = (ms: number) => new Date(now - ms).toISOString();
    if (await observationRepository.attemptsSince(db, { ipHash }, since(10 * 60_000)) > DECLARATION_LIMITS.perAddressTenMinutes) throw new AppError('DECLARATION_LIMIT');
    if (await observationRepository.attemptsSince(db, { ipHash }, since(86_400_000)) > DECLARATION_LIMITS.perAddressDay) throw new AppError('DECLARATION_LIMIT');
    if (await observationRepository.attemptsSince(db, { communityId }, since(3_600_000)) > DECLARATION_LIMITS.perCommunityHour) throw new AppError('DECLARATION_QUEUE_FULL');
    if (await observationRepository.countPending(db, communityId) >= DECLARATION_LIMITS.pendingPerCommunity) throw new AppError('DECLARATION_QUEUE_FULL');
  }

  return {
    async page(communityId: string) {
      const unit = await publicCommunity(communityId);
      return { communityName: unit.name, streetName: unit.street_name };
    },

    async declare(communityId: string, input: DeclarationData, ip: string): Promise<z.infer<typeof DeclarationReceipt>> {
      const unit = await publicCommunity(communityId);
      const now = Date.now();
      const ipHash = box.lookupHash(`ip:${ip}`);
      // Counted before the checks: a flood of bad declarations uses up the address's allowance too.
      await limit(unit.id, ipHash, now);
      checkArrivalFields(input);
      const citizenId = citizenIdFrom({ idNumber: input.idNumber });
      const origin = originFor(input.originCode);
      const idHash = box.lookupHash(citizenId.value);
      const payload = box.seal(JSON.stringify({ ...input, idNumber: citizenId.value }));
      const receivedAt = new Date(now).toISOString();
      const result = await db.transaction().execute(async (trx) => {
        // Declared again while waiting (a correction, or an impatient second try) from the same phone: one entry in the queue, the
        // latest details. Another phone with the same ID number does not overwrite it (anyone may know someone's number): it queues
        // separately and both show as conflicting.
        const waiting = (await observationRepository.pendingDeclarationsOf(trx, unit.id, idHash))
          .find((w) => (JSON.parse(box.open(w.payload_sealed)) as DeclarationData).phone === input.phone);
        if (waiting) {
          await observationRepository.updateDeclaration(trx, waiting.id, {
            payload_sealed: payload, category: input.category, name: input.name, id_masked: maskIdNumber(citizenId.value)!, phone_masked: maskPhone(input.phone)!,
            origin_text: origin.text, arrived_on: input.arrivedOn, repeats: waiting.repeats + 1,
          });
          return { reference: waiting.reference, receivedAt: waiting.received_at, id: waiting.id };
        }
        const row = {
          id: uuidv7(), community_id: unit.id, org_path: unit.path, reference: reference(), status: 'pending', payload_sealed: payload, category: input.category,
          name: input.name, id_hash: idHash, id_masked: maskIdNumber(citizenId.value)!, phone_masked: maskPhone(input.phone)!, origin_text: origin.text,
          arrived_on: input.arrivedOn, repeats: 0, received_at: receivedAt, reviewed_by: null, reviewed_at: null, review_note: null, arrival_id: null,
        };
        await observationRepository.insertDeclaration(trx, row);
        return { reference: row.reference, receivedAt, id: row.id };
      }).then(async (r) => {
        await recordAudit(db, null, null, { action: 'observation.declare', entityType: 'self_declaration', entityId: r.id, path: unit.path, after: { reference: r.reference } });
        return r;
      }).catch((e: unknown) => {
        // A reference drawn twice (one in a billion): the person sends again.
        if (uniqueViolation(e)) throw new AppError('CHANGED_CONCURRENTLY');
        throw e;
      });
      events.changed(unit.id);
      return { reference: result.reference, receivedAt: result.receivedAt };
    },

    async list(actor: Actor, query: z.infer<typeof DeclarationQuery>): Promise<{ items: z.infer<typeof Declaration>[]; nextCursor: string | null }> {
      const unit = await communityFor(db, actor, query.communityId, 'observation.read');
      const [at, id] = query.before ? query.before.split('|') : [];
      const rows = await observationRepository.declarations(db, unit.id, query.status, at && id ? { at, id } : null, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const pending = await observationRepository.pendingCountsByPerson(db, unit.id, page.filter((d) => d.status === 'pending').map((d) => d.id_hash));
      const items = page.map((d) => declarationOf(d, box, d.status === 'pending' ? (pending.get(d.id_hash) ?? 1) - 1 : 0));
      const last = rows.length > query.limit ? rows[query.limit - 1]! : null;
      return { items, nextCursor: last ? `${last.received_at}|${last.id}` : null };
    },

    /** Enters a declaration into the records as an arrival (optionally with its plan). */
    async approve(actor: Actor, id: string, input: z.infer<typeof DeclarationApprove>) {
      const d = await observationRepository.findDeclaration(db, id);
      if (!d) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'observation.write', d.org_path);
      if (d.status !== 'pending') throw new AppError('DECLARATION_REVIEWED');
      const unit = await communityFor(db, actor, d.community_id, 'observation.write');
      const data = JSON.parse(box.open(d.payload_sealed)) as DeclarationData;
      const fields: ArrivalFields = {
        ...data, householdId: input.householdId, stayPlace: input.stayPlace || data.stayPlace,
        stayKind: input.householdId ? 'household' : data.stayKind,
      };
      let arrivalId = '';
      await db.transaction().execute(async (trx) => {
        const row = await insertArrival(trx, box, actor, unit, fields, { source: 'self', declarationId: d.id });
        arrivalId = row.id;
        if (!(await observationRepository.updateDeclaration(trx, d.id, { status: 'approved', reviewed_by: actor.userId, reviewed_at: new Date().toISOString(), arrival_id: row.id }))) {
          throw new AppError('DECLARATION_REVIEWED');
        }
        await recordAudit(trx, actor, grant, { action: 'observation.declaration.approve', entityType: 'self_declaration', entityId: d.id, path: d.org_path, after: { arrivalId: row.id } });
        if (input.plan) await insertPlan(trx, actor, grant, row, input.plan);
      });
      events.changed(d.community_id);
      return arrivalId;
    },

    async reject(actor: Actor, id: string, note: string): Promise<z.infer<typeof Declaration>> {
      const d = await observationRepository.findDeclaration(db, id);
      if (!d) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'observation.write', d.org_path);
      await db.transaction().execute(async (trx) => {
        if (!(await observationRepository.updateDeclaration(trx, d.id, { status: 'rejected', reviewed_by: actor.userId, reviewed_at: new Date().toISOString(), review_note: note }))) {
          throw new AppError('DECLARATION_REVIEWED');
        }
        await recordAudit(trx, actor, grant, { action: 'observation.declaration.reject', entityType: 'self_declaration', entityId: d.id, path: d.org_path, after: { note } });
      });
      events.changed(d.community_id);
      return declarationOf((await observationRepository.findDeclaration(db, id))!, box);
    },
  };
}
