import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMasterKey, sensitiveBox } from './sensitive.ts';

describe('sensitive values at rest', () => {
  it('makes a key file once, readable by the owner only, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-key-'));
    const first = loadMasterKey({ dataDir: dir });
    expect(statSync(join(dir, 'linli.key')).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ dataDir: dir }).equals(first)).toBe(true);
  });

  it('takes LINLI_KEY instead, and refuses a key of the wrong size', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadMasterKey({ dataDir: '/nonexistent', envKey: key }).length).toBe(32);
    expect(() => loadMasterKey({ dataDir: '/nonexistent', envKey: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });

  it('seals and opens a value, never the same ciphertext twice, and detects tampering', () => {
    const box = sensitiveBox(Buffer.alloc(32, 1));
    const a = box.seal('43021119500307123X');
    const b = box.seal('43021119500307123X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('430211');
    expect(box.open(a)).toBe('43021119500307123X');
    const tampered = a.slice(0, -4) + (a.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box.open(tampered)).toThrow();
    expect(() => sensitiveBox(Buffer.alloc(32, 2)).open(a)).toThrow();
  });

  it('hashes for exact lookup: the same value the same way, under one key only', () => {
    const box = sensitiveBox(Buffer.alloc(32, 1));
    expect(box.lookupHash('43021119500307123X')).toBe(box.lookupHash('43021119500307123X'));
    expect(box.lookupHash('43021119500307123X')).not.toBe(sensitiveBox(Buffer.alloc(32, 2)).lookupHash('43021119500307123X'));
  });
});
