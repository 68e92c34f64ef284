import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { Letter, LetterTemplate } from '../../../contract/observation.ts';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { fillLetter } from '../../../domain/observation/letter.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { communityFor, grantOn } from './arrivals.service.ts';
import { observationRepository } from './observation.repository.ts';

const CLOCK_SLACK_MS = 10 * 60_000;

/** What a signature is bound to: changing any of it changes the digest printed on the page. */
export function letterDigest(l: { title: string; body: string; signature: string; signed_at: string }): string {
  return createHash('sha256').update([l.title, l.body, l.signature, l.signed_at].join('\n')).digest('hex');
}

/**
 * Commitment letters (承诺书): each community's template (a default until it
 * writes its own), filled with the person's details, signed with a finger on
 * the phone in front of a witness, and then kept as it was: the database
 * refuses changes to a signed letter.
 */
export function lettersService({ db }: Database) {
  async function template(communityId: string, locale: Locale) {
    const own = await observationRepository.findTemplate(db, communityId);
    return own
      ? { title: own.title, body: own.body, isDefault: false, updatedAt: own.updated_at }
      : { title: translate(locale, 'letter.title'), body: translate(locale, 'letter.body'), isDefault: true, updatedAt: null };
  }

  return {
    async template(actor: Actor, communityId: string, locale: Locale): Promise<z.infer<typeof LetterTemplate>> {
      const unit = await communityFor(db, actor, communityId, 'observation.read');
      return { communityId: unit.id, ...(await template(unit.id, locale)) };
    },

    async saveTemplate(actor: Actor, communityId: string, input: { title: string; body: string }, locale: Locale): Promise<z.infer<typeof LetterTemplate>> {
      const unit = await communityFor(db, actor, communityId, 'observation.manage');
      const grant = grantOn(actor, 'observation.manage', unit.path);
      await db.transaction().execute(async (trx) => {
        await observationRepository.saveTemplate(trx, { community_id: unit.id, org_path: unit.path, title: input.title, body: input.body, updated_by: actor.userId, updated_at: new Date().toISOString() });
        await recordAudit(trx, actor, grant, { action: 'observation.letter_template', entityType: 'org_unit', entityId: unit.id, path: unit.path, after: input });
      });
      return { communityId: unit.id, ...(await template(unit.id, locale)) };
    },

    /** The letter as the person will sign it: the template filled with their details and the day of signing (today unless said). */
    async draft(actor: Actor, arrivalId: string, locale: Locale, day = shanghaiDate()): Promise<{ title: string; body: string }> {
      const arrival = await observationRepository.findArrival(db, arrivalId);
      if (!arrival) throw new AppError('NOT_FOUND');
      grantOn(actor, 'observation.read', arrival.org_path);
      const unit = await db.selectFrom('org_units').select('name').where('id', '=', arrival.community_id).executeTakeFirstOrThrow();
      const t = await template(arrival.community_id, locale);
      return { title: t.title, body: fillLetter(t.body, { name: arrival.name, idNumber: arrival.id_masked, community: unit.name, date: day }) };
    },

    async sign(
      actor: Actor, arrivalId: string, input: { signature: string; signedAt?: string | undefined; shown: { title: string; body: string } }, locale: Locale,
    ): Promise<z.infer<typeof Letter>> {
      const arrival = await observationRepository.findArrival(db, arrivalId);
      if (!arrival) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'observation.write', arrival.org_path);
      if (arrival.letter_id) throw new AppError('LETTER_SIGNED');
      const signedMs = input.signedAt ? Date.parse(input.signedAt) : Date.now();
      if (signedMs > Date.now() + CLOCK_SLACK_MS || signedMs < Date.parse(arrival.created_at) - CLOCK_SLACK_MS) throw new AppError('DATE_ORDER', { field: 'signedAt' });
      const draft = await this.draft(actor, arrivalId, locale, shanghaiDate(new Date(signedMs)));
      if (draft.title !== input.shown.title || draft.body !== input.shown.body) throw new AppError('LETTER_CHANGED', { field: 'shown' });
      const row = {
        id: uuidv7(), arrival_id: arrival.id, community_id: arrival.community_id, org_path: arrival.org_path, title: draft.title, body: draft.body,
        signature: input.signature, signed_at: new Date(signedMs).toISOString(), witnessed_by: actor.userId, digest: '', created_at: new Date().toISOString(),
      };
      row.digest = letterDigest(row);
      await db.transaction().execute(async (trx) => {
        await observationRepository.insertLetter(trx, row);
        await recordAudit(trx, actor, grant, { action: 'observation.letter.sign', entityType: 'arrival', entityId: arrival.id, path: arrival.org_path, after: { letterId: row.id, digest: row.digest } });
      }).catch((e: unknown) => {
        throw uniqueViolation(e) ? new AppError('LETTER_SIGNED') : e;
      });
      return this.letter(actor, row.id);
    },

    async letter(actor: Actor, id: string): Promise<z.infer<typeof Letter>> {
      const l = await observationRepository.findLetter(db, id);
      if (!l) throw new AppError('NOT_FOUND');
      grantOn(actor, 'observation.read', l.org_path);
      return {
        id: l.id, arrivalId: l.arrival_id, communityName: l.community_name, name: l.name, idMasked: l.id_masked, title: l.title, body: l.body,
        signature: l.signature, signedAt: l.signed_at, witnessedByName: l.witnessed_by_name, digest: l.digest,
      };
    },
  };
}
