/**
 * The field app's offline queue (IndexedDB): every capture is kept on the phone, keyed by its SHA-256, until the
 * server has recorded it and the app has verified that. A capture of the same bytes twice is one item (the key),
 * so nothing is uploaded twice; a capture is never dropped before it is verified.
 */

import type { QueueItem } from './item.ts';

export type { QueueItem, QueueStatus } from './item.ts';

export interface OutboxMessage {
  readonly id: string;
  readonly method: 'POST';
  readonly path: string;
  readonly body: unknown;
  readonly label: string;
}

const DB = 'enforcement-field';
const ITEMS = 'captures';
const OUTBOX = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(ITEMS, { keyPath: 'sha256' });
      request.result.createObjectStore(OUTBOX, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => {
      db.close();
      resolve(request.result);
    };
    tx.onerror = () => reject(tx.error);
  });
}

/** Adds a capture unless one with the same bytes is queued already: false then. */
export async function enqueue(item: QueueItem): Promise<boolean> {
  const existing = await run<QueueItem | undefined>(ITEMS, 'readonly', (s) => s.get(item.sha256));
  if (existing) return false;
  await run(ITEMS, 'readwrite', (s) => s.add(item));
  return true;
}

export function saveItem(item: QueueItem): Promise<IDBValidKey> {
  return run(ITEMS, 'readwrite', (s) => s.put(item));
}

export async function items(): Promise<QueueItem[]> {
  const all = await run<QueueItem[]>(ITEMS, 'readonly', (s) => s.getAll());
  return all.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
}

export function post(message: OutboxMessage): Promise<IDBValidKey> {
  return run(OUTBOX, 'readwrite', (s) => s.put(message));
}

export function outbox(): Promise<OutboxMessage[]> {
  return run<OutboxMessage[]>(OUTBOX, 'readonly', (s) => s.getAll());
}

export function sent(id: string): Promise<undefined> {
  return run(OUTBOX, 'readwrite', (s) => s.delete(id));
}

/** SHA-256 in lower-case hex, on the device (SubtleCrypto). */
export async function sha256Hex(data: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
