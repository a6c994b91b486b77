/**
 * One token → its affect in one language: the feelings table by the word as written, then by its
 * lemma or stem, then through a regular suffix (English), then as part of a compound (German),
 * then the imagery table; English words in neither fall back to AFINN-165's valence ratings.
 */
import { afinnAffect } from './lexicon-afinn.ts';
import { IMAGERY_WEIGHT, COMPOUND_WEIGHT, FALLBACK_WEIGHT } from './modifiers.ts';
import type { Affect, Lexicon } from './lexicon.ts';

export interface Found { affect: Affect; scale: number }

/** Look a word up directly, by key, or through a regular suffix: "sadness" → sad, "happily" → happy, "weint" → weinen. */
function inTable(lex: Lexicon, table: ReadonlyMap<string, Affect>, word: string, key: string): Affect | undefined {
  // An entry kept to its spelling is not reached through another word's stem ("marido" is not "mar").
  const direct = table.get(word) ?? (lex.asWrittenOnly.has(key) ? undefined : table.get(key));
  if (direct || lex.data.notInflected.includes(word)) return direct;
  // A participle prefix comes off too ("getanzt" → tanzen), but only together with a suffix.
  const bases = [word, ...lex.data.prefixes.filter((p) => word.startsWith(p) && word.length - p.length >= 4).map((p) => word.slice(p.length))];
  for (const base of bases) {
    for (const [suffix, replacement] of lex.data.suffixes) {
      if (base.length - suffix.length < 3 || !base.endsWith(suffix)) continue;
      // An entry kept to its spelling is not reached through a suffix either ("solía" is not "sol").
      const candidate = base.slice(0, -suffix.length) + replacement;
      const found = lex.asWrittenOnly.has(candidate) ? undefined : table.get(candidate);
      if (found) return found;
    }
  }
  return undefined;
}

/** German compounds: "Liebeslied" starts with Liebe, "Novembertag" with November. Longest part first. */
function inCompound(lex: Lexicon, word: string): Affect | undefined {
  if (!lex.data.compounds || word.length < 7 || lex.data.notCompounds.some((w) => word.startsWith(w))) return undefined;
  for (let cut = word.length - 3; cut >= 4; cut--) {
    const head = word.slice(0, cut);
    const found = lex.feelings.get(head) ?? lex.feelings.get(lex.stem(head)) ?? lex.imagery.get(head) ?? lex.imagery.get(lex.stem(head));
    if (found) return found;
  }
  return undefined;
}

/** The affect of a token in `lex`, with how much it counts (imagery and guesses count less). */
export function lookupToken(lex: Lexicon, t: { word: string; key: string }): Found | undefined {
  const feeling = inTable(lex, lex.feelings, t.word, t.key);
  if (feeling) return { affect: feeling, scale: 1 };
  const image = inTable(lex, lex.imagery, t.word, t.key);
  if (image) return { affect: image, scale: IMAGERY_WEIGHT };
  const compound = inCompound(lex, t.word);
  if (compound) return { affect: compound, scale: COMPOUND_WEIGHT };
  if (lex.data.stemmer === 'lemma' && !lex.common.has(t.word)) {
    const afinn = afinnAffect(t.word) ?? afinnAffect(t.key);
    if (afinn) return { affect: afinn, scale: FALLBACK_WEIGHT };
  }
  return undefined;
}
