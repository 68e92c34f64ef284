import type { PassageInput } from '../../../contract/gates.ts';
import { nobleCheck } from '../../../domain/gates/ed25519-check.ts';
import type { EntranceState } from '../../../domain/gates/entrance-state.ts';
import { passVerdict, type GateKnowledge, type PassVerdict } from '../../../domain/gates/pass-verdict.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { isFever } from '../../../domain/gates/temperature.ts';

/**
 * A scanned code checked on the phone with no network: the same verdict
 * function as the server's, with the keys and revocations of the last sync,
 * today's Asia/Shanghai date and the entrance's state now.
 */
export function checkScan(text: string, knowledge: GateKnowledge | null, state: EntranceState, now: Date = new Date()): PassVerdict {
  // No knowledge of the entrance's community (a kit from before it was assigned): nothing can be verified.
  if (!knowledge) return state === 'sealed' ? { allowed: false, reason: 'sealed_entrance' } : { allowed: false, reason: 'unknown_key' };
  return passVerdict(text, knowledge, state, shanghaiDate(now), nobleCheck);
}

/**
 * A code held in front of the camera is read several times a second. The same
 * text seen again within `windowMs` of its last sighting is the same person,
 * not a new passage: a pass kept in view is registered once, and again only
 * after it has been out of view for a moment.
 */
export class RepeatFilter {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly windowMs = 3000) {}

  /** True for a new sighting, false for a repeat; either way the sighting is remembered. */
  isNew(text: string, nowMs: number): boolean {
    for (const [t, at] of this.lastSeen) if (nowMs - at > this.windowMs) this.lastSeen.delete(t);
    const fresh = !this.lastSeen.has(text);
    this.lastSeen.set(text, nowMs);
    return fresh;
  }

  /** Forgets a text, so it counts as new when seen next (a scan that could not be registered). */
  forget(text: string): void {
    this.lastSeen.delete(text);
  }

  forgetAll(): void {
    this.lastSeen.clear();
  }
}

/** A pass scan as the outbox sends it, with what the phone showed. */
export function passageOfScan(scan: {
  id: string;
  entranceId: string;
  at: string;
  direction: PassageInput['direction'];
  token: string;
  verdict: PassVerdict;
  temperature: number | null;
}): PassageInput {
  return {
    id: scan.id,
    entranceId: scan.entranceId,
    at: scan.at,
    direction: scan.direction,
    kind: 'pass',
    token: scan.token.trim().slice(0, 1000),
    // What the screen showed: red for a fever whatever the pass says.
    deviceVerdict: !scan.verdict.allowed ? { allowed: false, reason: scan.verdict.reason }
      : scan.temperature !== null && isFever(scan.temperature) ? { allowed: false, reason: 'fever' } : { allowed: true },
    ...(scan.temperature === null ? {} : { temperature: scan.temperature }),
  };
}
