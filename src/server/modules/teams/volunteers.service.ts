import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  VOLUNTEER_CONSENT_VERSION, type Volunteer, type VolunteerApprove, type VolunteerPage, type VolunteerQuery, type VolunteerReceipt, type VolunteerSignup,
} from '../../../contract/teams.ts';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { maskMobile } from '../../../domain/access/mask.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import { communityFor, grantOn } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, oneTimePassword } from '../../security/password.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertUser } from '../users/users.service.ts';
import { volunteersRepository as repo, type VolunteerRow, type VolunteerView } from './volunteers.repository.ts';

/**
 * What keeps a flood of sign-ups from burying the review queue: per address
 * (one phone, one family's connection) and per community. Only new sign-ups
 * count; a resend or an update of one's waiting sign-up adds nothing.
 */
export const VOLUNTEER_LIMITS = { perAddressTenMinutes: 5, perAddressDay: 20, pendingPerCommunity: 300 } as const;

const REFERENCE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A short code the person can quote when they call the community: 8 letters and digits without look-alikes. */
function reference(): string {
  return [...randomBytes(8)].map((b) => REFERENCE_LETTERS[b % REFERENCE_LETTERS.length]).join('');
}

type Signup = z.infer<typeof VolunteerSignup>;
type Receipt = z.infer<typeof VolunteerReceipt>;
type VolunteerOut = z.infer<typeof Volunteer>;
type Status = VolunteerOut['status'];

const receiptOf = (r: VolunteerRow): Receipt => ({ id: r.id, reference: r.reference, status: r.status as Status });
const phoneHash = (box: SensitiveBox, mobile: string) => box.lookupHash(`phone:${mobile}`);

function volunteerOf(v: VolunteerView): VolunteerOut {
  return {
    id: v.id, communityId: v.community_id, name: v.name, mobile: v.mobile_masked, skills: JSON.parse(v.skills) as VolunteerOut['skills'],
    availability: v.availability, consentAt: v.consent_at, consentVersion: v.consent_version, status: v.status as Status, reference: v.reference,
    createdAt: v.created_at, reviewedAt: v.reviewed_at, reviewedByName: v.reviewed_by_name, note: v.note, userId: v.user_id, username: v.username,
    role: v.role as VolunteerOut['role'],
  };
}

/**
 * Volunteer sign-up and review: a person signs up on the
 * community's public page with no account, agreeing to the use of their
 * data; the community reviews the queue and approves a volunteer into a
 * field app user with a role, or declines. Mobiles are sealed like every
 * other phone: the list shows them masked, the full number is an audited
 * reveal.
 */
export function volunteersService({ db, dialect }: Database, box: SensitiveBox) {
  /** A community in force, by its id on the public page; anything else (a group, a street, dissolved, unknown) is not found. */
  async function openCommunity(id: string) {
    const unit = await repo.publicCommunity(db, id);
    if (!unit || unit.kind !== 'community' || (unit.valid_to !== null && unit.valid_to <= shanghaiDate())) throw new AppError('NOT_FOUND');
    return unit;
  }

  /** Whether one more sign-up from the address, into the community, would pass a limit. */
  async function full(trx: Executor, communityId: string, ipHash: string, now: number): Promise<boolean> {
    const since = (ms: number) => new Date(now - ms).toISOString();
    return (await repo.fromAddressSince(trx, ipHash, since(10 * 60_000))) >= VOLUNTEER_LIMITS.perAddressTenMinutes
      || (await repo.fromAddressSince(trx, ipHash, since(86_400_000))) >= VOLUNTEER_LIMITS.perAddressDay
      || (await repo.pendingIn(trx, communityId)) >= VOLUNTEER_LIMITS.pendingPerCommunity;
  }

  /** The stored sign-up of a resend (same id), or an id clash with someone else's sign-up. */
  async function resent(id: string, communityId: string, mobileHash: string): Promise<Receipt | null> {
    const row = await repo.find(db, id);
    if (!row) return null;
    if (row.community_id !== communityId || row.mobile_hash !== mobileHash) throw new AppError('ID_CONFLICT', { field: 'id' });
    return receiptOf(row);
  }

  /** The sign-up under review, with the reviewer's grant: another community's, or a non-reviewer's, looks absent. */
  async function reviewable(actor: Actor, id: string) {
    const row = await repo.find(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return { row, grant: grantOn(actor, 'team.manage', row.org_path) };
  }

  async function view(id: string): Promise<VolunteerOut> {
    return volunteerOf((await repo.find(db, id))!);
  }

  return {
    async page(communityId: string): Promise<z.infer<typeof VolunteerPage>> {
      const unit = await openCommunity(communityId);
      return { communityId: unit.id, communityName: unit.name, streetName: unit.street_name ?? '', consentVersion: VOLUNTEER_CONSENT_VERSION };
    },

    async signUp(communityId: string, input: Signup, ip: string): Promise<Receipt> {
      const unit = await openCommunity(communityId);
      if (input.consentVersion !== VOLUNTEER_CONSENT_VERSION) throw new AppError('VALIDATION_FAILED', { field: 'consentVersion' });
      const mobileHash = phoneHash(box, input.mobile);
      const again = await resent(input.id, unit.id, mobileHash);
      if (again) return again;
      const now = Date.now();
      const at = new Date(now).toISOString();
      const details = {
        name: input.name, mobile_sealed: box.seal(input.mobile), mobile_masked: maskMobile(input.mobile)!, skills: JSON.stringify([...new Set(input.skills)]),
        availability: input.availability, consent_version: input.consentVersion, consent_at: at,
      };

      const ipHash = box.lookupHash(`ip:${ip}`);
      try {
        return await db.transaction().execute(async (trx) => {
          await repo.lockSignups(trx, dialect, ipHash, unit.id);
          // Signing up again while waiting (a correction, a second try): one line per person in the queue, with the latest details.
          const waiting = await repo.pendingOf(trx, unit.id, mobileHash);
          if (waiting && (await repo.update(trx, waiting.id, details))) {
            await recordAudit(trx, null, null, { action: 'volunteers.signup_update', entityType: 'volunteer_signup', entityId: waiting.id, path: unit.path, after: { reference: waiting.reference } });
            return receiptOf(waiting);
          }
          // Only new sign-ups count against the limits: a resend or an update adds nothing to the queue.
          if (await full(trx, unit.id, ipHash, now)) throw new AppError('VOLUNTEER_LIMIT');
          const row: VolunteerRow = {
            id: input.id, community_id: unit.id, org_path: unit.path, reference: reference(), mobile_hash: mobileHash, ip_hash: ipHash, status: 'pending',
            reviewed_by: null, reviewed_at: null, note: null, user_id: null, role: null, created_at: at, ...details,
          };
          await repo.insert(trx, row);
          await recordAudit(trx, null, null, { action: 'volunteers.signup', entityType: 'volunteer_signup', entityId: row.id, path: unit.path, after: { reference: row.reference } });
          return receiptOf(row);
        });
      } catch (e) {
        // The same id sent twice at once: the other copy was stored, answer with it.
        if (uniqueViolation(e) === 'volunteer_signups.id') return (await resent(input.id, unit.id, mobileHash))!;
        // A reference drawn twice (one in a billion): the person sends again.
        if (uniqueViolation(e)) throw new AppError('CHANGED_CONCURRENTLY');
        throw e;
      }
    },

    /** The community's sign-ups, newest first, mobiles masked. Personal data: for the community that reviews them. */
    async list(actor: Actor, query: z.infer<typeof VolunteerQuery>): Promise<VolunteerOut[]> {
      const unit = await communityFor(db, actor, query.communityId, 'team.manage');
      return (await repo.list(db, unit.id, query.status)).map(volunteerOf);
    },

    /** The full mobile number, to call the person; the reveal is audited. */
    async reveal(actor: Actor, id: string): Promise<{ mobile: string }> {
      const { row, grant } = await reviewable(actor, id);
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, grant, { action: 'volunteers.reveal', entityType: 'volunteer_signup', entityId: id, path: row.org_path, after: { field: 'mobile' } }));
      return { mobile: box.open(row.mobile_sealed) };
    },

    async reject(actor: Actor, id: string, note: string): Promise<VolunteerOut> {
      const { row, grant } = await reviewable(actor, id);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.update(trx, id, { status: 'rejected', reviewed_by: actor.userId, reviewed_at: new Date().toISOString(), note }))) {
          throw new AppError('VOLUNTEER_REVIEWED');
        }
        await recordAudit(trx, actor, grant, { action: 'volunteers.reject', entityType: 'volunteer_signup', entityId: id, path: row.org_path, before: { status: row.status }, after: { status: 'rejected', note } });
      });
      return view(id);
    },

    /**
     * Approves a volunteer: their field app account (their name and mobile, the role at the community, a one-time password
     * to change at first sign-in) and the approval are stored in one transaction, so neither exists without the other.
     * A mobile that is already a user's is refused (MOBILE_TAKEN): nothing is linked to an existing account.
     */
    async approve(actor: Actor, id: string, input: z.infer<typeof VolunteerApprove>): Promise<{ volunteer: VolunteerOut; oneTimePassword: string }> {
      const { row, grant } = await reviewable(actor, id);
      if (row.status !== 'pending') throw new AppError('VOLUNTEER_REVIEWED');
      const password = oneTimePassword();
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        // The sign-up is held first (still pending): a second reviewer at the same moment waits here, then finds it decided.
        if (!(await repo.update(trx, row.id, { status: 'pending' }))) throw new AppError('VOLUNTEER_REVIEWED');
        const userId = await insertUser(trx, actor, {
          username: input.username, displayName: row.name, mobile: box.open(row.mobile_sealed), roles: [{ role: input.role, unitId: row.community_id }],
        }, hash);
        await markApproved(trx, actor, row, userId, input.role);
        await recordAudit(trx, actor, grant, {
          action: 'volunteers.approve', entityType: 'volunteer_signup', entityId: id, path: row.org_path,
          before: { status: row.status }, after: { status: 'approved', userId, username: input.username, role: input.role },
        });
      });
      return { volunteer: await view(id), oneTimePassword: password };
    },

    /** Checks the actor may print the community's public page (the QR code poster). */
    async linkFor(actor: Actor, communityId: string): Promise<string> {
      return (await communityFor(db, actor, communityId, 'team.manage')).id;
    },
  };
}

/** The approval itself, only while the sign-up is still pending: a second reviewer at the same moment rolls the account back. */
async function markApproved(trx: Executor, actor: Actor, row: VolunteerRow, userId: string, role: string): Promise<void> {
  const set = { status: 'approved', reviewed_by: actor.userId, reviewed_at: new Date().toISOString(), user_id: userId, role };
  if (!(await repo.update(trx, row.id, set))) throw new AppError('VOLUNTEER_REVIEWED');
}
