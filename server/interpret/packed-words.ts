/**
 * A word list packed for membership tests: the words sorted into one string, with their offsets
 * and their place in the original order (so "among the first n" is one comparison). Pure.
 *
 * Why not a Set: the four 10,000-word frequency lists as arrays and Sets were ~40,000 small strings
 * and four large hash tables in the CLI's start-up snapshot (scripts/snapshot.mjs), and a start
 * from it rebuilds every one of those objects. Packed, each list is three flat blocks.
 */

/** Membership in a list, or in its first `n` words. */
export interface WordSet {
  has(word: string): boolean;
}

export interface PackedWords {
  /** How many distinct words. */
  readonly size: number;
  /** The words among the first `n` of the list (all by default). */
  first(n?: number): WordSet;
}

/** Pack `words` (in their order of importance; a repeated word keeps its first place). */
export function packWords(words: readonly string[]): PackedWords {
  const rankOf = new Map<string, number>();
  for (const w of words) if (!rankOf.has(w)) rankOf.set(w, rankOf.size);
  // Code-unit order, as `<` compares strings, so the search below agrees with the sort.
  const sorted = [...rankOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  const text = sorted.join('');
  const offsets = new Int32Array(n + 1);
  const ranks = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    offsets[k + 1] = offsets[k]! + sorted[k]!.length;
    ranks[k] = rankOf.get(sorted[k]!)!;
  }

  /** The word's place in the original list, or -1. */
  function rank(word: string): number {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = text.slice(offsets[mid]!, offsets[mid + 1]!);
      if (at === word) return ranks[mid]!;
      if (at < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  return {
    size: n,
    first: (limit = Infinity) => ({
      has: (word) => {
        const r = rank(word);
        return r >= 0 && r < limit;
      },
    }),
  };
}
