import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { nobleCheck } from './ed25519-check.ts';
import { passVerdict, type GateKnowledge } from './pass-verdict.ts';
import { readPassToken, signPass, type PassClaims } from './pass-token.ts';
import { nodeCheck, newSigningKey, signerFor } from '../../server/security/pass-keys.ts';
import { sensitiveBox } from '../../server/security/sensitive.ts';

const box = sensitiveBox(Buffer.alloc(32, 3));
const key = newSigningKey(box);
const sign = signerFor(box, { public_key: key.publicKey, private_sealed: key.privateSealed });
const keys = { k1: fromBase64Url(key.publicKey)! };
const claims: PassClaims = {
  p: '0190a1b2-0000-7000-8000-000000000001', c: '430211003017', h: 'h:0190a1b2-0000-7000-8000-0000000000aa',
  n: '张*根', a: '5组 3栋201', f: '2026-11-01', t: '2026-12-31', k: 'k1',
};
const token = signPass(claims, sign);
const gate: GateKnowledge = { communityCode: '430211003017', keys, revoked: new Set(), suspended: new Set() };

function withClaims(changed: Partial<PassClaims>): string {
  const [prefix, , signature] = token.split('.');
  const payload = new TextEncoder().encode(JSON.stringify({ ...claims, ...changed }));
  return `${prefix}.${toBase64Url(payload)}.${signature}`;
}

describe('pass tokens', () => {
  it('verify with the community key, the same on the server (Node) and on phones (noble)', () => {
    expect(readPassToken(token, keys, nodeCheck)).toEqual({ ok: true, claims });
    expect(readPassToken(token, keys, nobleCheck)).toEqual({ ok: true, claims });
    // One pass, one token: printing it again gives the same QR code.
    expect(signPass(claims, sign)).toBe(token);
  });

  it.each(Object.keys(claims) as (keyof PassClaims)[])('refuse a token whose "%s" was changed after signing', (field) => {
    const altered = withClaims({ [field]: field === 'f' || field === 't' ? '2027-01-31' : field === 'h' ? 'h:someone-else' : `${claims[field]}x` });
    for (const check of [nodeCheck, nobleCheck]) {
      const read = readPassToken(altered, { ...keys, k1x: keys.k1 }, check);
      expect(read.ok).toBe(false);
      expect(read.ok ? null : read.problem).toBe('forged');
    }
  });

  it('refuse a changed signature, a token signed by another key, and text that is not a pass', () => {
    const [prefix, payload, signature] = token.split('.');
    const sig = fromBase64Url(signature!)!;
    sig[10] = sig[10]! ^ 1;
    expect(readPassToken(`${prefix}.${payload}.${toBase64Url(sig)}`, keys, nodeCheck)).toMatchObject({ ok: false, problem: 'forged' });
    const otherBox = newSigningKey(box);
    const forged = signPass(claims, signerFor(box, { public_key: otherBox.publicKey, private_sealed: otherBox.privateSealed }));
    expect(readPassToken(forged, keys, nobleCheck)).toMatchObject({ ok: false, problem: 'forged' });
    for (const text of ['', 'hello', 'https://example.com/?a=b.c.d', `LP2.${payload}.${signature}`, `LP1.${payload}`, `LP1.!!.${signature}`, `LP1.${toBase64Url(new TextEncoder().encode('[1,2]'))}.${signature}`]) {
      expect(readPassToken(text, keys, nodeCheck)).toMatchObject({ ok: false, problem: 'malformed' });
    }
    expect(readPassToken(signPass({ ...claims, k: 'k9' }, sign), keys, nodeCheck)).toMatchObject({ ok: false, problem: 'unknown_key' });
  });
});

describe('gate verdicts', () => {
  const at = (today: string, changes: Partial<GateKnowledge> = {}, state: 'checkpoint' | 'sealed' = 'checkpoint') =>
    passVerdict(token, { ...gate, ...changes }, state, today, nobleCheck);

  it('let a valid pass through on each day of its validity, and say why otherwise', () => {
    expect(at('2026-11-01')).toMatchObject({ allowed: true });
    expect(at('2026-12-31')).toMatchObject({ allowed: true });
    expect(at('2026-10-31')).toMatchObject({ allowed: false, reason: 'not_yet_valid' });
    expect(at('2027-01-01')).toMatchObject({ allowed: false, reason: 'expired' });
    expect(at('2026-11-20', { revoked: new Set([claims.p]) })).toMatchObject({ allowed: false, reason: 'revoked' });
    expect(at('2026-11-20', { suspended: new Set([claims.p]) })).toMatchObject({ allowed: false, reason: 'suspended' });
    expect(at('2026-11-20', { communityCode: '430211003018' })).toMatchObject({ allowed: false, reason: 'other_community' });
    expect(at('2026-11-20', {}, 'sealed')).toMatchObject({ allowed: false, reason: 'sealed_entrance' });
    expect(passVerdict(withClaims({ t: '2030-01-01' }), gate, 'checkpoint', '2026-11-20', nobleCheck)).toMatchObject({ allowed: false, reason: 'forged' });
  });
});
