import type { EntranceState } from './entrance-state.ts';
import { readPassToken, type PassClaims, type SignatureCheck } from './pass-token.ts';

/** Why a gate says no: each has its own words on the red screen. */
export const PASS_REFUSALS = [
  'sealed_entrance', 'malformed', 'other_community', 'unknown_key', 'forged', 'revoked', 'suspended', 'not_yet_valid', 'expired',
] as const;
export type PassRefusal = (typeof PASS_REFUSALS)[number];

/** Why a registration was turned back: the pass's reasons, or a fever (nobody at 37.3 °C or more goes through; the lead is called). */
export const PASSAGE_REFUSALS = [...PASS_REFUSALS, 'fever'] as const;
export type PassageRefusal = (typeof PASSAGE_REFUSALS)[number];

/** Refusals that mean the claims cannot be trusted: nothing read from them is kept. */
export function claimsUnverified(reason: PassRefusal): boolean {
  return reason === 'malformed' || reason === 'unknown_key' || reason === 'forged' || reason === 'other_community';
}

/** What a device knows when it checks a pass, all of it kept for offline use. */
export interface GateKnowledge {
  communityCode: string;
  /** The community's public keys by key id (raw 32 bytes). */
  keys: Readonly<Record<string, Uint8Array>>;
  /** Pass ids revoked or suspended, as of the last sync. */
  revoked: ReadonlySet<string>;
  suspended: ReadonlySet<string>;
}

export type PassVerdict =
  | { allowed: true; claims: PassClaims }
  | { allowed: false; reason: PassRefusal; claims?: PassClaims };

/**
 * Green or red for a scanned code at an entrance on a day (Asia/Shanghai).
 * The same function runs on the phone (offline, with what it last synced) and
 * on the server (with the pass's status at the time of the scan).
 */
export function passVerdict(text: string, gate: GateKnowledge, entrance: EntranceState, today: string, check: SignatureCheck): PassVerdict {
  if (entrance === 'sealed') return { allowed: false, reason: 'sealed_entrance' };
  const read = readPassToken(text, gate.keys, check);
  if (read.claims && read.claims.c !== gate.communityCode) return { allowed: false, reason: 'other_community', claims: read.claims };
  if (!read.ok) return { allowed: false, reason: read.problem, ...(read.claims ? { claims: read.claims } : {}) };
  const { claims } = read;
  if (gate.revoked.has(claims.p)) return { allowed: false, reason: 'revoked', claims };
  if (gate.suspended.has(claims.p)) return { allowed: false, reason: 'suspended', claims };
  if (today < claims.f) return { allowed: false, reason: 'not_yet_valid', claims };
  if (today > claims.t) return { allowed: false, reason: 'expired', claims };
  return { allowed: true, claims };
}
