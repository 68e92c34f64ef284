import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Protection of sensitive values at rest (citizen ID numbers, later health
 * data): AES-256-GCM for the value, and an HMAC-SHA256 of the normalised
 * value so that an exact lookup needs no decryption. Both keys derive from one
 * master key: LINLI_KEY (base64, 32 bytes) or, failing that, the file
 * `linli.key` in the data directory, made on first start with mode 0600.
 * Several servers on one PostgreSQL must share LINLI_KEY.
 */
export interface SensitiveBox {
  seal(plain: string): string;
  open(sealed: string): string;
  lookupHash(normalised: string): string;
}

const FORMAT = 'v1';

export function loadMasterKey(opts: { dataDir: string; envKey?: string | undefined }): Buffer {
  if (opts.envKey) {
    const key = Buffer.from(opts.envKey, 'base64');
    if (key.length !== 32) throw new Error('LINLI_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).');
    return key;
  }
  const file = join(opts.dataDir, 'linli.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key.`);
    return key;
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process made it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadMasterKey(opts);
    throw e;
  }
  chmodSync(file, 0o600);
  return key;
}

export function sensitiveBox(master: Buffer): SensitiveBox {
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'linli:encrypt', 32));
  const macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'linli:lookup', 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      const [format, data] = sealed.split(':');
      if (format !== FORMAT || !data) throw new Error('not a sealed value');
      const raw = Buffer.from(data, 'base64');
      // The full 16-byte tag, always: Node would otherwise accept a truncated one.
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12), { authTagLength: 16 });
      if (raw.length < 28) throw new Error('sealed value too short');
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(normalised) {
      return createHmac('sha256', macKey).update(normalised).digest('base64url');
    },
  };
}
