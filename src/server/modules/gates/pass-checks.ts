import type { Executor } from '../../../db/kysely-types.ts';
import { fromBase64Url } from '../../../domain/gates/base64url.ts';
import type { SignatureCheck } from '../../../domain/gates/pass-token.ts';
import { nodeCheck } from '../../security/pass-keys.ts';
import { orgRepository } from '../org/org.repository.ts';
import { passesRepository } from './passes.repository.ts';
import { entrancesRepository, type EntranceRow } from './entrances.repository.ts';

const KEYS_TTL_MS = 60_000;
const MAX_REMEMBERED = 20_000;

/**
 * What checking scanned passes needs again and again, kept in memory: each
 * community's code and public keys (read again after a minute, or at once
 * when a token names a key not yet seen, e.g. the first pass ever issued),
 * and the outcome of signature checks already made — a signature over the
 * same bytes with the same key is valid or not forever, and the same person
 * passes a gate several times a day. Revocation is never cached: it is read
 * from the pass's row at every scan.
 */
export class PassChecks {
  private readonly communities = new Map<string, { code: string; keys: Record<string, Uint8Array>; readAt: number }>();
  private readonly signatures = new Map<string, boolean>();

  async community(db: Executor, communityId: string, keyId?: string): Promise<{ code: string; keys: Record<string, Uint8Array> }> {
    const known = this.communities.get(communityId);
    const fresh = known && Date.now() - known.readAt < KEYS_TTL_MS && (keyId === undefined || Object.hasOwn(known.keys, keyId));
    if (fresh) return known;
    const unit = await orgRepository.findById(db, communityId);
    const keys = Object.fromEntries((await passesRepository.keysOf(db, [communityId])).map((k) => [k.id, fromBase64Url(k.public_key)!]));
    const entry = { code: unit?.code ?? '', keys, readAt: Date.now() };
    this.communities.set(communityId, entry);
    return entry;
  }

  /** Node's Ed25519 check, remembering outcomes (oldest forgotten first). */
  readonly check: SignatureCheck = (signature, message, publicKey) => {
    const key = `${Buffer.from(publicKey).toString('base64')}|${Buffer.from(signature).toString('base64')}|${Buffer.from(message).toString('base64')}`;
    const remembered = this.signatures.get(key);
    if (remembered !== undefined) return remembered;
    const valid = nodeCheck(signature, message, publicKey);
    if (this.signatures.size >= MAX_REMEMBERED) this.signatures.delete(this.signatures.keys().next().value!);
    this.signatures.set(key, valid);
    return valid;
  };
}

/**
 * Entrances by id for the registration path. Only what never changes is read
 * from it (the community and its path); state and assignments are read fresh.
 */
export class EntranceCache {
  private readonly rows = new Map<string, EntranceRow>();

  async find(db: Executor, id: string): Promise<EntranceRow | undefined> {
    const known = this.rows.get(id);
    if (known) return known;
    const row = await entrancesRepository.find(db, id);
    if (row) {
      if (this.rows.size >= MAX_REMEMBERED) this.rows.delete(this.rows.keys().next().value!);
      this.rows.set(id, row);
    }
    return row;
  }
}
