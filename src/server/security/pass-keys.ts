import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { SignatureCheck, Signer } from '../../domain/gates/pass-token.ts';
import type { SensitiveBox } from './sensitive.ts';

/**
 * A community's pass-signing keys (Ed25519). The public half is handed to
 * every gate phone; the private half is stored sealed with the master key and
 * never leaves the server.
 */
export interface NewKey {
  /** Raw 32-byte public key, base64url (a JWK "x"). */
  publicKey: string;
  /** The private key (JWK "d"), sealed. */
  privateSealed: string;
}

export function newSigningKey(box: SensitiveBox): NewKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: jwk.x!, privateSealed: box.seal(jwk.d!) };
}

export function signerFor(box: SensitiveBox, key: { public_key: string; private_sealed: string }): Signer {
  const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.public_key, d: box.open(key.private_sealed) }, format: 'jwk' });
  return (message) => new Uint8Array(sign(null, message, privateKey));
}

const publicKeys = new Map<string, KeyObject>();

/** Node's own Ed25519 check: the same answer as the phones' noble check, faster for a server syncing thousands. */
export const nodeCheck: SignatureCheck = (signature, message, publicKey) => {
  const x = Buffer.from(publicKey).toString('base64url');
  let key = publicKeys.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    publicKeys.set(x, key);
  }
  return verify(null, message, key, signature);
};
