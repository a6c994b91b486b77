import { describe, expect, it } from 'vitest';
import { newKey, readOutbox, writeOutbox, type KeyValueStore } from '../../web/src/lib/outbox.ts';

/** localStorage's contract over a Map (the page's storage is a boundary: it may hold anything). */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('the outbox as stored', () => {
  it('keeps each song’s messages apart and in order, and forgets an emptied outbox', () => {
    const store = memoryStore();
    const a = { key: newKey(), text: 'first words', stored: false, createdAt: '2026-01-01T00:00:00.000Z' };
    const b = { key: newKey(), text: 'second words', stored: true, createdAt: '2026-01-01T00:00:01.000Z' };
    writeOutbox(store, 'song-1', [a, b]);
    writeOutbox(store, 'song-2', [b]);
    expect(readOutbox(store, 'song-1')).toEqual([a, b]);
    expect(readOutbox(store, 'song-2')).toEqual([b]);
    writeOutbox(store, 'song-1', []);
    expect(store.data.has('innerchord.outbox.song-1')).toBe(false);
    expect(readOutbox(store, 'song-1')).toEqual([]);
  });

  it('skips an unreadable entry without losing the others, and survives garbage', () => {
    const store = memoryStore();
    const good = { key: newKey(), text: 'kept', stored: false, createdAt: 'x' };
    store.setItem('innerchord.outbox.s', JSON.stringify([good, { key: 'short', text: 'x', stored: false }, { text: 'no key' }, null, 7]));
    expect(readOutbox(store, 's')).toEqual([good]);
    store.setItem('innerchord.outbox.s', '{not json');
    expect(readOutbox(store, 's')).toEqual([]);
  });

  it('makes v4 UUID keys, also where crypto.randomUUID is missing (plain http on a LAN address)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    // mulberry32, seeded: a stand-in for getRandomValues that repeats the same keys on every run.
    let seed = 7;
    const next = () => {
      let t = (seed = (seed + 0x6d2b79f5) | 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
    const seeded = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => { const b = a as unknown as Uint8Array; for (let i = 0; i < b.length; i++) b[i] = next() & 0xff; return a; } };
    const keys = new Set(Array.from({ length: 50 }, () => newKey(seeded as Crypto)));
    expect(keys.size, 'seed 7').toBe(50);
    for (const k of keys) expect(k).toMatch(uuid);
    expect(newKey()).toMatch(uuid);
  });
});
