/**
 * wink's word → index table for its 87,593 lexemes, kept in a Map behind an object's face.
 *
 * wink-nlp reads and extends the table as a plain object (`hash[word]`, `hash[word] = n` for a
 * word it has not seen), which is how the package builds it. An object with 87k keys is V8's
 * slowest shape to make: every key is internalised into the string table and the dictionary is
 * ~6 MB, half the interpreter's heap; building it took ~65 ms of a short CLI command, and the
 * CLI's start-up snapshot (scripts/snapshot.mjs) paid again to rebuild it on every start. A Map
 * holds the same pairs in ~2 MB, is built in half the time and is restored from a snapshot as a
 * block. The Proxy answers every way an object is read (get, set, `in`, keys, descriptors), so
 * wink sees the object it expects; wink-model.test.ts checks every word against the package's own.
 */

/** The table for `list`: lexemeIndex(['a', 'b']).b → 1; an unknown word reads as undefined. */
export function lexemeIndex(list: readonly unknown[]): Record<string, number> {
  const map = new Map<string | symbol, number>();
  for (let k = 0; k < list.length; k++) map.set(list[k] as string, k);
  const descriptor = (value: number) => ({ value, writable: true, enumerable: true, configurable: true });
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_t, key) => map.get(key),
    set: (_t, key, value: number) => (map.set(key, value), true),
    has: (_t, key) => map.has(key),
    deleteProperty: (_t, key) => (map.delete(key), true),
    ownKeys: () => [...map.keys()],
    getOwnPropertyDescriptor: (_t, key) => (map.has(key) ? descriptor(map.get(key)!) : undefined),
    defineProperty: (_t, key, d) => (map.set(key, d.value as number), true),
  });
}
