import { fromBase64Url } from '../../src/domain/gates/base64url.ts';
import { nobleCheck } from '../../src/domain/gates/ed25519-check.ts';
import { passVerdict } from '../../src/domain/gates/pass-verdict.ts';

/**
 * Bundled for the browser by the gates benchmark: the phone's own check of a
 * scanned pass (the same modules the field app uses), timed in Chromium.
 */
export type TimeVerdicts = (token: string, communityCode: string, keys: Record<string, string>, revoked: string[], today: string, n: number) => { ms: number[]; allowed: boolean };

const timeVerdicts: TimeVerdicts = (token, communityCode, keys, revoked, today, n) => {
  const gate = {
    communityCode,
    keys: Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, fromBase64Url(v)!])),
    revoked: new Set(revoked),
    suspended: new Set<string>(),
  };
  const ms: number[] = [];
  let allowed = false;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    allowed = passVerdict(token, gate, 'checkpoint', today, nobleCheck).allowed;
    ms.push(performance.now() - t0);
  }
  return { ms, allowed };
};

(globalThis as unknown as { timeVerdicts: TimeVerdicts }).timeVerdicts = timeVerdicts;
