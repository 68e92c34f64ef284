import { useMemo, useSyncExternalStore } from 'react';
import { useMe } from '../../shared/session.ts';

/**
 * Everything recorded on the phone and not yet stored by the server: screening
 * visits, gate registrations, patrol rounds. Each kind is a channel with its
 * own payload and its own endpoint (`outbox-channel.ts`); they share this one
 * store. Items live in IndexedDB (not localStorage, which a browser may clear
 * under pressure and which other code rewrites whole), so they survive a
 * closed app, a flat battery or a restart until the server has them. Each
 * keeps the id the phone made, so sending it twice stores it once.
 *
 * Items belong to the user who recorded them: a colleague signing in on the
 * same phone neither sees nor sends them (the server would record them under
 * the wrong name). They stay until their owner signs in again.
 */
export type OutboxStatus = 'waiting' | 'refused';

/** Why the server refused an item, in the user's language; `field` points at the part to correct. */
export interface OutboxRefusal {
  code: string;
  message: string;
  field?: string;
}

/** What every kept item has; each channel adds its payload and a label to show. */
export interface OutboxRecord {
  id: string;
  userId: string;
  /** The channel the item goes through; visits saved before there were channels have none. */
  channel?: string;
  status: OutboxStatus;
  refusal?: OutboxRefusal;
  savedAt: string;
}

/** Visits were the first and only kind, so an item without a channel is a visit. */
export const VISIT_CHANNEL = 'visit';
export const channelOf = (record: OutboxRecord): string => record.channel ?? VISIT_CHANNEL;

const DB_NAME = 'linli-field';
const STORE = 'outbox';

let dbPromise: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        dbPromise = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch((e: unknown) => {
    dbPromise = undefined;
    throw e;
  });
  return dbPromise;
}

/** Runs one transaction and resolves once it is committed (written to disk), not merely requested. */
async function write(change: (store: IDBObjectStore) => void): Promise<void> {
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    change(tx.objectStore(STORE));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

async function readAll(): Promise<OutboxRecord[]> {
  const db = await openDb();
  return new Promise<OutboxRecord[]>((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
    request.onsuccess = () => resolve(request.result as OutboxRecord[]);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}

/* The in-memory copy the screens read; every change goes to IndexedDB first. */

export interface OutboxSnapshot {
  loaded: boolean;
  /** Set when the phone's storage cannot be opened: nothing can be kept offline. */
  failed: boolean;
  items: readonly OutboxRecord[];
}

let snapshot: OutboxSnapshot = { loaded: false, failed: false, items: [] };
const listeners = new Set<() => void>();
let loading: Promise<void> | undefined;
/** Counts this tab's own changes, so a read of the storage started before one of them is not shown over it. */
let changes = 0;

function publish(next: Partial<OutboxSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

/**
 * Another tab of the app on this phone (the same storage, its own copy in
 * memory) is told of each change and reads the storage again: a reading
 * recorded in one tab shows as waiting in the other, one sent from there
 * leaves this one.
 */
const otherTabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('linli-field-outbox');

function changed(): void {
  changes += 1;
  otherTabs?.postMessage('changed');
}

async function reloadFromStorage(): Promise<void> {
  if (!snapshot.loaded || snapshot.failed) return;
  for (;;) {
    const before = changes;
    const items = await readAll().catch(() => null);
    if (!items) return;
    if (before === changes) {
      publish({ items: items.sort(byTime) });
      return;
    }
  }
}

if (otherTabs) otherTabs.onmessage = () => void reloadFromStorage();

const byTime = (a: OutboxRecord, b: OutboxRecord) => a.savedAt.localeCompare(b.savedAt);

/** Reads the outbox from the phone's storage once; later calls wait for the same read. */
export function loadOutbox(): Promise<void> {
  loading ??= readAll().then(
    (items) => publish({ loaded: true, failed: false, items: items.sort(byTime) }),
    () => {
      loading = undefined;
      publish({ loaded: true, failed: true });
    },
  );
  return loading;
}

/** Adds or replaces an item; resolves once it is safely stored on the phone. */
export async function putOutboxRecord(item: OutboxRecord): Promise<void> {
  await loadOutbox();
  await write((store) => store.put(item));
  changed();
  publish({ items: [...snapshot.items.filter((i) => i.id !== item.id), item].sort(byTime) });
}

export async function removeOutboxItems(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await write((store) => {
    for (const id of ids) store.delete(id);
  });
  const gone = new Set(ids);
  changed();
  publish({ items: snapshot.items.filter((i) => !gone.has(i.id)) });
}

/** Marks items refused, each with the server's reason. */
export async function refuseOutboxItems(refusals: ReadonlyMap<string, OutboxRefusal>): Promise<void> {
  if (refusals.size === 0) return;
  const refused = snapshot.items.filter((i) => refusals.has(i.id)).map((i): OutboxRecord => ({ ...i, status: 'refused', refusal: refusals.get(i.id)! }));
  await write((store) => {
    for (const item of refused) store.put(item);
  });
  changed();
  publish({ items: snapshot.items.map((i) => refused.find((c) => c.id === i.id) ?? i) });
}

/** One user's items of some channels, oldest first (a snapshot: read again after a change). */
export function outboxRecordsOf(userId: string, channels: readonly string[]): OutboxRecord[] {
  return snapshot.items.filter((i) => i.userId === userId && channels.includes(channelOf(i)));
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** The whole outbox, every user and channel; the array is only replaced on change. */
export function useOutboxStore(): OutboxSnapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** The signed-in user's items of some channels, oldest first; `channels` should be a constant. */
export function useMyOutboxRecords(channels: readonly string[]): { loaded: boolean; failed: boolean; items: OutboxRecord[] } {
  const { loaded, failed, items } = useOutboxStore();
  const userId = useMe().data?.id;
  const key = channels.join(',');
  // The channels are compared by value, so a list written inline does not filter again on each render.
  const mine = useMemo(() => items.filter((i) => i.userId === userId && key.split(',').includes(channelOf(i))), [items, userId, key]);
  return { loaded, failed, items: mine };
}

/** How many items of every channel the signed-in user still has on this phone (to warn before signing out). */
export function useMyOutboxCount(): number {
  const { items } = useOutboxStore();
  const userId = useMe().data?.id;
  return useMemo(() => items.filter((i) => i.userId === userId).length, [items, userId]);
}
