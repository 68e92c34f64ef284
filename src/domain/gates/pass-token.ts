import { fromBase64Url, toBase64Url } from './base64url.ts';

/**
 * A resident pass (出入证) travels as a QR code holding a signed token:
 *
 *   LP1.<claims as base64url JSON>.<Ed25519 signature of those bytes, base64url>
 *
 * A phone at a gate checks it with no network, knowing only the community's
 * public keys. The claims carry what the volunteer needs to compare with the
 * person in front of them (a masked name, the group and address) and nothing
 * more: anyone can read a QR code.
 */
export const TOKEN_PREFIX = 'LP1';

export interface PassClaims {
  /** The pass's id. */
  p: string;
  /** The community's 12-digit code. */
  c: string;
  /** Holder: "h:" + household id, or "r:" + resident id. */
  h: string;
  /** Name as shown on the card, masked (张*根). */
  n: string;
  /** Group and address, e.g. 5组 3栋201. */
  a: string;
  /** First and last day of validity (Asia/Shanghai days, inclusive). */
  f: string;
  t: string;
  /** Which of the community's keys signed it. */
  k: string;
}

/** Signs bytes with a community key (Node's crypto on the server). */
export type Signer = (message: Uint8Array) => Uint8Array;
/** Checks an Ed25519 signature (Node's crypto on the server, noble on phones). */
export type SignatureCheck = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

const CLAIM_KEYS = ['p', 'c', 'h', 'n', 'a', 'f', 't', 'k'] as const;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The claims in a fixed key order, so one pass always gives the same token. */
export function signPass(claims: PassClaims, sign: Signer): string {
  const ordered: Record<string, string> = {};
  for (const k of CLAIM_KEYS) ordered[k] = claims[k];
  const payload = encoder.encode(JSON.stringify(ordered));
  return `${TOKEN_PREFIX}.${toBase64Url(payload)}.${toBase64Url(sign(payload))}`;
}

export type TokenProblem = 'malformed' | 'unknown_key' | 'forged';

export type ReadToken =
  | { ok: true; claims: PassClaims }
  | { ok: false; problem: TokenProblem; claims?: PassClaims };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function claimsFrom(payload: Uint8Array): PassClaims | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(payload));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  if (Object.keys(record).length !== CLAIM_KEYS.length) return null;
  for (const k of CLAIM_KEYS) if (typeof record[k] !== 'string') return null;
  const claims = record as unknown as PassClaims;
  if (!DAY.test(claims.f) || !DAY.test(claims.t) || !/^[hr]:/.test(claims.h)) return null;
  return claims;
}

/**
 * Reads a scanned text and checks its signature against the community keys
 * known to the device. Any change to any byte of the claims or the signature
 * makes it "forged"; text that is not a pass at all is "malformed".
 */
export function readPassToken(text: string, keys: Readonly<Record<string, Uint8Array>>, check: SignatureCheck): ReadToken {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) return { ok: false, problem: 'malformed' };
  const payload = fromBase64Url(parts[1]!);
  const signature = fromBase64Url(parts[2]!);
  if (!payload || !signature || signature.length !== 64) return { ok: false, problem: 'malformed' };
  const claims = claimsFrom(payload);
  if (!claims) return { ok: false, problem: 'malformed' };
  const key = Object.hasOwn(keys, claims.k) ? keys[claims.k] : undefined;
  if (!key) return { ok: false, problem: 'unknown_key', claims };
  let valid: boolean;
  try {
    valid = check(signature, payload, key);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, claims } : { ok: false, problem: 'forged', claims };
}
