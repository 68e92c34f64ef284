import type { ItemResult, PassageInput, PatrolRoundInput } from '../../../contract/gates.ts';
import { outboxChannel } from '../offline/outbox-channel.ts';
import { putOutboxRecord, useMyOutboxRecords, type OutboxRecord } from '../offline/outbox-store.ts';
import { GATE_KIT_KEY } from './gate-kit.resource.ts';
import { noteServerVerdicts } from './server-verdicts.ts';

/**
 * Gate registrations and patrol rounds in the phone's outbox: the same store
 * and the same sending rules as screening visits (`offline/`), each with its
 * own endpoint. Saved before anything else happens, so a registration made in
 * the rain with no signal is never lost.
 */
export const PASSAGE_CHANNEL = 'passage';
export const PATROL_CHANNEL = 'patrol';
export const GATE_CHANNELS = [PASSAGE_CHANNEL, PATROL_CHANNEL] as const;
const KIT_AFTER_SYNC_MS = 15_000;

export interface PassageItem extends OutboxRecord {
  channel: typeof PASSAGE_CHANNEL;
  passage: PassageInput;
  /** What the outbox page shows: where, who (a pass's masked name, a visitor's name), and the pass's group and address. */
  label: { entranceName: string; name: string; detail: string | null };
}

export interface PatrolItem extends OutboxRecord {
  channel: typeof PATROL_CHANNEL;
  round: PatrolRoundInput;
  label: { groupName: string; zoneName: string };
}

export type GateItem = PassageItem | PatrolItem;

export const passageChannel = outboxChannel<PassageItem, ItemResult>({
  channel: PASSAGE_CHANNEL,
  path: '/api/gates/passages',
  // A gate phone offline for a shift may hold hundreds; the server takes up to 500 per request.
  batch: 200,
  body: (items) => ({ items: items.map((i) => i.passage) }),
  afterStored: (client, done) => {
    noteServerVerdicts(done);
    // A sync brings the revocations made meanwhile too, not only the minute's refresh (at most every 15 s at a busy gate).
    const kit = client.getQueryState(GATE_KIT_KEY);
    if (!kit || Date.now() - kit.dataUpdatedAt > KIT_AFTER_SYNC_MS) void client.invalidateQueries({ queryKey: GATE_KIT_KEY });
  },
});

export const patrolChannel = outboxChannel<PatrolItem, ItemResult>({
  channel: PATROL_CHANNEL,
  path: '/api/gates/patrol-rounds',
  batch: 100,
  body: (items) => ({ items: items.map((i) => i.round) }),
});

/** Keeps a registration on the phone; resolves once it is safely stored (then it is sent by itself). */
export function keepPassage(item: Omit<PassageItem, 'channel' | 'status' | 'savedAt'>): Promise<void> {
  return putOutboxRecord({ ...item, channel: PASSAGE_CHANNEL, status: 'waiting', savedAt: new Date().toISOString() } satisfies PassageItem);
}

/** Keeps a finished patrol round on the phone. */
export function keepPatrolRound(item: Omit<PatrolItem, 'channel' | 'status' | 'savedAt'>): Promise<void> {
  return putOutboxRecord({ ...item, channel: PATROL_CHANNEL, status: 'waiting', savedAt: new Date().toISOString() } satisfies PatrolItem);
}

/** The signed-in user's gate registrations and patrol rounds still on the phone, oldest first. */
export function useGateOutbox(): { loaded: boolean; failed: boolean; items: GateItem[] } {
  const { loaded, failed, items } = useMyOutboxRecords(GATE_CHANNELS);
  return { loaded, failed, items: items as GateItem[] };
}
