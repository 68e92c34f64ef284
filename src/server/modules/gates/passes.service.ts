import { randomBytes } from 'node:crypto';
import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { grantFor, prefixesFor } from '../../../domain/access/scope.ts';
import { signPass, type PassClaims } from '../../../domain/gates/pass-token.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import type { z } from 'zod';
import type { PassCard, PassIssue, PassIssueResult, PassListQuery, PassStatusChange, PassSummary } from '../../../contract/gates.ts';
import type { Actor } from '../../actor.ts';
import { AppError, notFound } from '../../errors.ts';
import { newSigningKey, signerFor } from '../../security/pass-keys.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { passesRepository, type PassKeyRow, type PassView } from './passes.repository.ts';

/** A name as a pass card and its QR code show it: 张树根 → 张*根, 李明 → 李*. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function passSummary(p: PassView): PassSummary {
  return {
    id: p.id, communityId: p.community_id, holderKind: p.holder_kind as PassSummary['holderKind'], holderId: (p.household_id ?? p.resident_id)!,
    holderName: p.holder_name ?? '', groupName: p.group_name, address: p.address, idMasked: p.id_masked, people: Number(p.people),
    validFrom: p.valid_from, validTo: p.valid_to, status: p.status as PassSummary['status'], statusReason: p.status_reason, issuedAt: p.issued_at,
  };
}

export function claimsOf(p: PassView, communityCode: string): PassClaims {
  return {
    p: p.id, c: communityCode, h: `${p.holder_kind === 'household' ? 'h' : 'r'}:${p.household_id ?? p.resident_id}`,
    n: maskName(p.holder_name ?? ''), a: [p.group_name, p.address].filter(Boolean).join(' '), f: p.valid_from, t: p.valid_to, k: p.key_id,
  };
}

/**
 * Resident passes (出入证): issued per household or per person, signed with
 * the community's Ed25519 key so a phone at a gate can check them with no
 * network; suspended or revoked, which every phone learns at its next sync.
 */
export function passesService({ db }: Database, box: SensitiveBox) {
  const signers = new Map<string, ReturnType<typeof signerFor>>();

  async function signingKey(trx: Executor, communityId: string): Promise<PassKeyRow> {
    const current = (await passesRepository.keysOf(trx, [communityId])).filter((k) => k.retired_at === null).at(-1);
    if (current) return current;
    const made = newSigningKey(box);
    // A short key id keeps the QR code small; 8 random bytes will not collide in practice.
    const row = { id: `k${randomBytes(6).toString('base64url')}`, community_id: communityId, public_key: made.publicKey, private_sealed: made.privateSealed, created_at: new Date().toISOString(), retired_at: null };
    await passesRepository.insertKey(trx, row);
    return row;
  }

  async function managedCommunity(actor: Actor, communityId: string, field = 'communityId') {
    const community = await orgRepository.findInScope(db, prefixesFor(actor, 'gate.manage'), communityId);
    if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND', { field });
    return { community, grant: grantFor(actor, 'gate.manage', community.path)! };
  }

  async function signer(keyId: string) {
    let s = signers.get(keyId);
    if (!s) {
      const key = await passesRepository.findKey(db, keyId);
      if (!key) throw new Error(`pass key ${keyId} missing`);
      s = signerFor(box, key);
      signers.set(keyId, s);
    }
    return s;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof PassListQuery>): Promise<PassSummary[]> {
      const { community } = await managedCommunity(actor, query.communityId);
      const group = query.groupId ? await orgRepository.findInScope(db, [community.path], query.groupId) : undefined;
      if (query.groupId && !group) throw new AppError('NOT_FOUND', { field: 'groupId' });
      const rows = await passesRepository.list(db, [community.path], { communityId: community.id, groupPath: group?.path, status: query.status, text: query.q?.trim() || undefined });
      return rows.map(passSummary);
    },

    async issue(actor: Actor, input: PassIssue): Promise<z.infer<typeof PassIssueResult>> {
      const { community, grant } = await managedCommunity(actor, input.communityId);
      if (input.validTo < input.validFrom) throw new AppError('DATE_ORDER', { field: 'validTo' });
      const groups = input.groupIds ?? [];
      for (const [i, id] of groups.entries()) {
        const g = await orgRepository.findInScope(db, [community.path], id);
        if (!g || (g.kind !== 'group' && g.kind !== 'grid')) throw new AppError('NOT_FOUND', { field: `groupIds.${i}` });
      }
      const holders = input.holderIds ?? [];
      return db.transaction().execute(async (trx) => {
        const candidates = input.holderKind === 'household'
          ? await passesRepository.householdsOf(trx, groups, holders, community.id)
          : await passesRepository.residentsOf(trx, groups, holders, community.id);
        const found = new Set(candidates.map((c) => c.id));
        holders.forEach((id, i) => {
          if (!found.has(id)) throw new AppError('NOT_FOUND', { field: `holderIds.${i}` });
        });
        const held = await passesRepository.holdersWithPass(trx, input.holderKind, [...found], input.validFrom);
        const key = await signingKey(trx, community.id);
        const at = new Date().toISOString();
        const rows = candidates.filter((c) => !held.has(c.id)).map((c) => ({
          id: uuidv7(), community_id: community.id, org_path: c.org_path, holder_kind: input.holderKind,
          household_id: input.holderKind === 'household' ? c.id : null, resident_id: input.holderKind === 'resident' ? c.id : null,
          valid_from: input.validFrom, valid_to: input.validTo, status: 'active', status_reason: null, status_changed_at: null,
          key_id: key.id, issued_by: actor.userId || null, issued_at: at,
        }));
        await passesRepository.insert(trx, rows);
        await recordAudit(trx, actor, grant, {
          action: 'gate.pass.issue', entityType: 'community', entityId: community.id, path: community.path,
          after: { holderKind: input.holderKind, issued: rows.length, alreadyHeld: held.size, groupIds: groups, validFrom: input.validFrom, validTo: input.validTo },
        });
        return { issued: rows.length, alreadyHeld: held.size };
      });
    },

    async setStatus(actor: Actor, id: string, change: z.infer<typeof PassStatusChange>): Promise<PassSummary> {
      await db.transaction().execute(async (trx) => {
        const pass = await passesRepository.find(trx, id);
        const grant = pass ? grantFor(actor, 'gate.manage', pass.org_path) : null;
        if (!pass || !grant) throw notFound();
        // Revoking is final: a lost card stays refused even if found again; issue a new pass instead.
        if (pass.status === 'revoked') throw new AppError('PASS_REVOKED');
        if (pass.status === change.status) return;
        const at = new Date().toISOString();
        if (await passesRepository.setStatus(trx, id, pass.status, change.status, change.reason || null, at, actor.userId || null) !== 1) throw new AppError('CHANGED_CONCURRENTLY');
        await recordAudit(trx, actor, grant, {
          action: 'gate.pass.status', entityType: 'pass', entityId: id, path: pass.org_path,
          before: { status: pass.status }, after: { status: change.status, reason: change.reason ?? null },
        });
      });
      const [view] = await passesRepository.viewsByIds(db, [id]);
      return passSummary(view!);
    },

    /** Cards to print: the chosen passes, or a group's, or the whole community's active ones, each with its signed token. */
    async cards(actor: Actor, query: { communityId: string; ids?: string | undefined; groupId?: string | undefined }): Promise<PassCard[]> {
      const { community } = await managedCommunity(actor, query.communityId);
      let views: PassView[];
      if (query.ids) {
        const ids = [...new Set(query.ids.split(',').map((s) => s.trim()).filter(Boolean))];
        views = (await passesRepository.viewsByIds(db, ids)).filter((v) => v.community_id === community.id);
      } else {
        const group = query.groupId ? await orgRepository.findInScope(db, [community.path], query.groupId) : undefined;
        if (query.groupId && !group) throw new AppError('NOT_FOUND', { field: 'groupId' });
        views = await passesRepository.list(db, [community.path], { communityId: community.id, groupPath: group?.path, status: 'active' });
      }
      const out: PassCard[] = [];
      for (const v of views) {
        out.push({ ...passSummary(v), communityName: community.name, token: signPass(claimsOf(v, community.code), await signer(v.key_id)) });
      }
      return out;
    },

    /** The token of one pass (the QR code the server draws). */
    async token(actor: Actor, id: string): Promise<string> {
      const [view] = await passesRepository.viewsByIds(db, [id]);
      if (!view || !grantFor(actor, 'gate.manage', view.org_path)) throw notFound();
      const community = await orgRepository.findById(db, view.community_id);
      return signPass(claimsOf(view, community!.code), await signer(view.key_id));
    },
  };
}
