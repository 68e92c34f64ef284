import type { Entrance, FieldGate } from '../../../contract/gates.ts';
import { fromBase64Url } from '../../../domain/gates/base64url.ts';
import { stateAt, type EntranceState } from '../../../domain/gates/entrance-state.ts';
import type { GateKnowledge } from '../../../domain/gates/pass-verdict.ts';

/** Reading the gate kit the phone keeps (`gate-kit.resource.ts` downloads it). Pure, no React. */
export type Community = FieldGate['communities'][number];
export type PatrolGroup = FieldGate['patrolGroups'][number];

/** The entrance's state now, from the changes the kit carries: a change planned for 07:00 takes effect then, synced or not. */
export function entranceStateNow(entrance: Entrance, now: Date = new Date()): EntranceState {
  const changes = [...(entrance.since ? [entrance.since] : []), ...entrance.planned];
  const found = stateAt(changes, now.toISOString());
  return found.since ? found.state : entrance.state;
}

/** The next planned change still to come, if any. */
export function nextChange(entrance: Entrance, now: Date = new Date()) {
  return entrance.planned.find((c) => c.cancelledAt === null && Date.parse(c.effectiveAt) > now.getTime()) ?? null;
}

/** The pass checker's knowledge of one community: keys decoded once, revocations as sets. */
export function knowledgeOf(community: Community): GateKnowledge {
  const keys: Record<string, Uint8Array> = {};
  for (const [id, raw] of Object.entries(community.keys)) {
    const bytes = fromBase64Url(raw);
    if (bytes) keys[id] = bytes;
  }
  return { communityCode: community.code, keys, revoked: new Set(community.revoked), suspended: new Set(community.suspended) };
}
