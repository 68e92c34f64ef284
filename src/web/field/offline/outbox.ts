import { useMemo, useSyncExternalStore } from 'react';
import type { VisitInput } from '../../../contract/ledger.ts';
import { useMe } from '../../shared/session.ts';

/**
 * Visits recorded on the phone and not yet stored by the server. They live in
 * IndexedDB (not localStorage, which a browser may clear under pressure and
 * which other code rewrites whole), so a visit survives a closed app, a flat
 * battery or a restart until the server has it. Each keeps the id the phone
 * made, so sending it twice stores it once.
 *
 * Items belong to the user who recorded them: a colleague signing in on the
 * same phone neither sees nor sends them (the server would record the visit
 * under the wrong name). They stay until their owner signs in again.
 */
export interface OutboxItem {
  /** The visit's id. */
  id: string;
  userId: string;
  visit: VisitInput;
  /** What the outbox page shows even if the ledger on the phone no longer has the household. */
  label: { address: string; groupName: string; roundName: string };
  status: 'waiting' | 'refused';
  /** Why the server refused it, in the user's language; `field` points at the part to correct. */
  refusal?: { code: string; message: string; field?: string };
  savedAt: string;
}

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

async function readAll(): Promise<OutboxItem[]> {
  const db = await openDb();
  return new Promise<OutboxItem[]>((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
    request.onsuccess = () => resolve(request.result as OutboxItem[]);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}

/* The in-memory copy the screens read; every change goes to IndexedDB first. */

interface Snapshot {
  loaded: boolean;
  /** Set when the phone's storage cannot be opened: nothing can be kept offline. */
  failed: boolean;
  items: readonly OutboxItem[];
}

let snapshot: Snapshot = { loaded: false, failed: false, items: [] };
const listeners = new Set<() => void>();
let loading: Promise<void> | undefined;

function publish(next: Partial<Snapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

const byTime = (a: OutboxItem, b: OutboxItem) => a.savedAt.localeCompare(b.savedAt);

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

/** Adds or replaces a visit; resolves once it is safely stored on the phone. */
export async function putOutboxItem(item: OutboxItem): Promise<void> {
  await loadOutbox();
  await write((store) => store.put(item));
  publish({ items: [...snapshot.items.filter((i) => i.id !== item.id), item].sort(byTime) });
}

export async function removeOutboxItems(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await write((store) => {
    for (const id of ids) store.delete(id);
  });
  const gone = new Set(ids);
  publish({ items: snapshot.items.filter((i) => !gone.has(i.id)) });
}

/** Marks visits refused, each with the server's reason. */
export async function refuseOutboxItems(refusals: ReadonlyMap<string, NonNullable<OutboxItem['refusal']>>): Promise<void> {
  if (refusals.size === 0) return;
  const changed = snapshot.items.filter((i) => refusals.has(i.id)).map((i): OutboxItem => ({ ...i, status: 'refused', refusal: refusals.get(i.id)! }));
  await write((store) => {
    for (const item of changed) store.put(item);
  });
  publish({ items: snapshot.items.map((i) => changed.find((c) => c.id === i.id) ?? i) });
}

/** The items of one user, oldest first (a snapshot: read again after a change). */
export function outboxItemsOf(userId: string): OutboxItem[] {
  return snapshot.items.filter((i) => i.userId === userId);
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** The whole outbox as the screens see it; filter by user with `useMemo` (the array is only replaced on change). */
export function useOutboxSnapshot(): Snapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** The signed-in user's items, oldest first. */
export function useMyOutbox(): { loaded: boolean; failed: boolean; items: OutboxItem[] } {
  const { loaded, failed, items } = useOutboxSnapshot();
  const userId = useMe().data?.id;
  const mine = useMemo(() => items.filter((i) => i.userId === userId), [items, userId]);
  return { loaded, failed, items: mine };
}
