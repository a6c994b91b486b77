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

/** The stemmer for a feelings file's "stemmer" field: stemmerFor('de')('traurige') → "traurig". */
export function stemmerFor(kind: string): Stem {
  const s = SNOWBALL[kind];
  if (!s) return (w) => w;
  const cache = new Map<string, string>();
  return (w) => {
    let k = cache.get(w);
    if (k === undefined) {
      k = fold(s.stemWord(w));
      if (cache.size < 50_000) cache.set(w, k);
    }
    return k;
  };
}
