/**
 * Base forms for lexicon lookups. German, French and Spanish use nlp.js's Snowball stemmers (MIT),
 * which fold inflections and derivations onto one stem ("traurige", "Traurigkeit" → "traurig";
 * "tristesse" and "triste" stay apart, so both are listed). English words arrive already
 * lemmatised by wink-nlp (emotion-tokens.ts), so its stem is the identity.
 */
// Only the stemmer files: the packages' index also loads their tokenisers, normalisers and
// sentiment lexicons (twice the modules), which nothing here uses.
import StemmerDe from '@nlpjs/lang-de/src/stemmer-de.js';
import StemmerEs from '@nlpjs/lang-es/src/stemmer-es.js';
import StemmerFr from '@nlpjs/lang-fr/src/stemmer-fr.js';

/** A word (lower case) → the key it is looked up by. */
export type Stem = (word: string) => string;

const SNOWBALL: Record<string, { stemWord: (w: string) => string }> = {
  de: new StemmerDe(),
  fr: new StemmerFr(),
  es: new StemmerEs(),
};

/** Strip accents the stemmers keep inconsistently, so "ängstlich" and "angstlich" meet. */
const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '');

/** Every stemmer's memo of the words it has stemmed (below), so forgetStems can empty them. */
const CACHES: Map<string, string>[] = [];

/**
 * Empty the stemmers' memos (ours, and nlp.js's own, keyed ".word"): a stem is the same computed
 * again. For the CLI's start-up snapshot (cli/snapshot.ts), which would otherwise carry the ~10,000
 * words indexing the lexicons stemmed, twice, into every start.
 */
export function forgetStems(): void {
  for (const cache of CACHES) cache.clear();
  for (const s of Object.values(SNOWBALL)) (s as unknown as { cache: Record<string, string> }).cache = {};
}

/** The stemmer for a feelings file's "stemmer" field: stemmerFor('de')('traurige') → "traurig". */
export function stemmerFor(kind: string): Stem {
  const s = SNOWBALL[kind];
  if (!s) return (w) => w;
  const cache = new Map<string, string>();
  CACHES.push(cache);
  return (w) => {
    let k = cache.get(w);
    if (k === undefined) {
      k = fold(s.stemWord(w));
      if (cache.size < 50_000) cache.set(w, k);
    }
    return k;
  };
}
