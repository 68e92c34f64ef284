import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { ItemResult } from '../../../contract/gates.ts';
import type { Check, CheckReadingInput } from '../../../contract/observation.ts';
import { outboxChannel } from '../offline/outbox-channel.ts';
import { putOutboxRecord, useMyOutboxRecords, type OutboxRecord } from '../offline/outbox-store.ts';
import { CHECKS_KEY } from './observation.resource.ts';
import { noteAnswers } from './reading-answers.ts';

/**
 * Readings of observation checks in the phone's outbox: the same store and
 * sending rules as visits and gate registrations (`offline/`). A reading is
 * kept on the phone before anything else happens, then sent with the id the
 * phone made, so one sent twice is stored once.
 */
export const READING_CHANNEL = 'observation-reading';
const READINGS = [READING_CHANNEL] as const;

export interface ReadingItem extends OutboxRecord {
  channel: typeof READING_CHANNEL;
  reading: CheckReadingInput;
  /** What the lists and the outbox page show, even once the check has left the lists on the phone. */
  label: { name: string; kind: Check['kind']; dueAt: string; place: string | null; groupName: string | null };
}

/** The checks the server now has show as done at once, in every list kept on the phone, before the lists are read again. */
function markDone(client: QueryClient, items: readonly ReadingItem[]): void {
  const byCheck = new Map(items.map((i) => [i.reading.checkId, i.reading]));
  const done = (c: Check): Check => {
    const r = byCheck.get(c.id)!;
    return { ...c, state: 'done', doneAt: r.at, temperature: r.temperature ?? null, testResult: r.testResult ?? null, note: r.note ?? null };
  };
  client.setQueriesData<Check[]>({ queryKey: [CHECKS_KEY] }, (old) => (old?.some((c) => byCheck.has(c.id)) ? old.map((c) => (byCheck.has(c.id) ? done(c) : c)) : old));
}

export const readingChannel = outboxChannel<ReadingItem, ItemResult>({
  channel: READING_CHANNEL,
  path: '/api/observation/readings',
  // A worker with a convoy and a batch records some sixty readings a day; the server takes up to 500 per request.
  batch: 200,
  body: (items) => ({ items: items.map((i) => i.reading) }),
  afterStored: (client, done) => {
    noteAnswers(done.map(({ item, answer }) => ({ checkId: item.reading.checkId, result: answer.result, alert: answer.alert === true })));
    markDone(client, done.map((d) => d.item));
    void client.invalidateQueries({ queryKey: [CHECKS_KEY] });
    void client.invalidateQueries({ queryKey: ['observation'] });
  },
});

/** Refusals a new value cannot fix (the person released, the check done or unknown, the phone's clock): only discarding helps. */
const UNFIXABLE_FIELDS = ['checkId', 'at', 'id'];

/** Whether a refused reading can be corrected on the phone (a misread temperature can; a released person cannot). */
export function isFixable(item: ReadingItem): boolean {
  return item.status === 'refused' && !UNFIXABLE_FIELDS.includes(item.refusal?.field ?? '');
}

/**
 * Keeps a reading on the phone: new, or one already there corrected under the
 * same id (a refused one, or a waiting one with a typo, while no upload
 * runs); resolves once it is safely stored. A corrected reading keeps its
 * place in the queue.
 */
export function keepReading(item: Omit<ReadingItem, 'channel' | 'status' | 'savedAt' | 'refusal'> & { savedAt?: string }): Promise<void> {
  return putOutboxRecord({ ...item, channel: READING_CHANNEL, status: 'waiting', savedAt: item.savedAt ?? new Date().toISOString() } satisfies ReadingItem);
}

/** The signed-in user's readings still on the phone, oldest first. */
export function useReadingOutbox(): { loaded: boolean; failed: boolean; items: ReadingItem[] } {
  const { loaded, failed, items } = useMyOutboxRecords(READINGS);
  return { loaded, failed, items: items as ReadingItem[] };
}

/**
 * Whether an upload of readings runs at this moment, for a decision taken
 * after a dialog (the state seen at the last render may be old by then).
 */
export function useUploadRunning(): () => boolean {
  const { running } = readingChannel.useSyncState();
  const ref = useRef(running);
  useEffect(() => {
    ref.current = running;
  }, [running]);
  return useCallback(() => ref.current, []);
}
