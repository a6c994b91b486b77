/**
 * The browser's outbox, as stored: per song, the messages the server has not answered yet, in the
 * order they were written. Each carries the Idempotency-Key it is always sent with, so sending it
 * again (after a reload, a dropped connection, from a second tab) can never store it twice.
 * Pure over a Storage-like object, so it is tested without a browser.
 */

/** One message on its way: `stored` once the server acknowledged it (the answer may still be due). */
export interface Outgoing {
  key: string;
  text: string;
  stored: boolean;
  createdAt: string;
}

/** The part of `Storage` the outbox uses (localStorage in the page, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'innerchord.outbox.';

const isOutgoing = (x: unknown): x is Outgoing => {
  const o = x as Partial<Outgoing> | null;
  return typeof o === 'object' && o !== null && typeof o.key === 'string' && o.key.length >= 8 && typeof o.text === 'string' && o.text.length > 0 && typeof o.stored === 'boolean';
};

/** The song's outbox; an unreadable entry is skipped, never the whole list (storage is a boundary too). */
export function readOutbox(store: KeyValueStore, songId: string): Outgoing[] {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(PREFIX + songId) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(raw) ? raw.filter(isOutgoing).map((o) => ({ key: o.key, text: o.text, stored: o.stored, createdAt: String(o.createdAt ?? '') })) : [];
}

/** Replace the song's outbox (an empty one is removed). Throws when storage is full or refused. */
export function writeOutbox(store: KeyValueStore, songId: string, items: readonly Outgoing[]): void {
  if (items.length === 0) store.removeItem(PREFIX + songId);
  else store.setItem(PREFIX + songId, JSON.stringify(items));
}

/** A fresh key: a v4 UUID (crypto.randomUUID needs a secure context; a LAN address over http is not one). */
export function newKey(crypto: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
