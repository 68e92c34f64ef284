import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import type { SignatureCheck } from './pass-token.ts';

// Synchronous SHA-512 for noble: phones on a local network address have no crypto.subtle (not a secure context).
ed.hashes.sha512 = sha512;

/** Ed25519 verification in plain JavaScript, for browsers; the server uses Node's crypto. */
export const nobleCheck: SignatureCheck = (signature, message, publicKey) => ed.verify(signature, message, publicKey);
