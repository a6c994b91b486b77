/**
 * wink's 87,593 lexemes and their word → index table, packed: the words as one string with an
 * offsets array, the table as open addressing over an Int32Array (~3 MB in all, three blocks).
 *
 * The package builds a list of 87k strings and an object with 87k keys: V8's slowest shape to
 * make (every key internalised, a ~6 MB dictionary) — ~65 ms of a short CLI command — and,
 * kept in the CLI's start-up snapshot (scripts/snapshot.mjs), ~9 MB that every start copies and
 * rebuilds object by object. Packed, the snapshot carries three flat blocks instead.
 *
 * wink reads and extends both as an array and an object (`list[i]`, `list.push(w)`,
 * `list.length`, `hash[w]`, `hash[w] = i` for a word it has not seen), so each is a Proxy that
 * answers exactly those (and enumeration, for deep comparison); words added at run time go to a
 * small overflow. wink-model.test.ts checks every word against the package's own model.
 */

/** FNV-1a over UTF-16 code units: fast, and spreads English words well enough for linear probing. */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `list` packed: lexemes(['a', 'b']).hash.b → 1, .list[1] → 'b'; unknown words read as undefined. */
export function lexemes(list: readonly string[]): { list: string[]; hash: Record<string, number> } {
  const n = list.length;
  const text = list.join('');
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) offsets[k + 1] = offsets[k]! + list[k]!.length;
  let size = 1;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let k = 0; k < n; k++) {
    let slot = hashOf(list[k]!) & mask;
    while (table[slot] !== -1 && !matches(table[slot]!, list[k]!)) slot = (slot + 1) & mask;
    // A repeated word keeps its last index, as assigning into an object would.
    table[slot] = k;
  }
  function matches(k: number, word: string): boolean {
    return offsets[k + 1]! - offsets[k]! === word.length && text.startsWith(word, offsets[k]!);
  }
  const wordAt = (k: number) => text.slice(offsets[k]!, offsets[k + 1]!);
  function find(word: string): number | undefined {
    for (let slot = hashOf(word) & mask; table[slot] !== -1; slot = (slot + 1) & mask) if (matches(table[slot]!, word)) return table[slot];
    return undefined;
  }

  // What wink adds while reading (words it has never seen) lives beside the packed part.
  const added: string[] = [];
  const addedIndex = new Map<string, number>();
  const lookup = (key: string | symbol) => (typeof key !== 'string' ? undefined : (addedIndex.get(key) ?? find(key)));
  const field = (value: unknown) => ({ value, writable: true, enumerable: true, configurable: true });
  const hash = new Proxy(Object.create(null) as Record<string, number>, {
    get: (_t, key) => lookup(key),
    set: (_t, key, value: number) => (addedIndex.set(String(key), value), true),
    has: (_t, key) => lookup(key) !== undefined,
    ownKeys: () => [...new Set([...Array.from({ length: n }, (_, k) => wordAt(k)), ...addedIndex.keys()])],
    getOwnPropertyDescriptor: (_t, key) => (lookup(key) === undefined ? undefined : field(lookup(key))),
  });

  const length = () => n + added.length;
  const push = (...words: string[]) => (added.push(...words), length());
  const at = (key: string | symbol) => {
    if (typeof key !== 'string' || !/^(0|[1-9]\d*)$/.test(key)) return undefined;
    const k = Number(key);
    return k < n ? wordAt(k) : added[k - n];
  };
  // An array target, so Array.isArray() and deep comparison see an array.
  const listProxy = new Proxy([] as string[], {
    get: (target, key) => (key === 'length' ? length() : key === 'push' ? push : (at(key) ?? Reflect.get(target, key))),
    has: (_t, key) => key === 'length' || at(key) !== undefined,
    ownKeys: () => [...Array.from({ length: length() }, (_, k) => String(k)), 'length'],
    getOwnPropertyDescriptor: (_t, key) => (key === 'length' ? { value: length(), writable: true, enumerable: false, configurable: false } : at(key) === undefined ? undefined : field(at(key))),
  });
  return { list: listProxy, hash };
}
