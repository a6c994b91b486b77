/**
 * Word sequences that change how a denial reads, found word by word across commas (a marker may
 * hold one: "sí, claro"), within a sentence:
 * - sarcasm markers (FeelingsFile.sarcasm: "why would I be", "na toll", "tu parles"): a denied
 *   unpleasant feeling keeps its sting, and the marker reads as bitterness itself (SARCASM);
 * - admissions (FeelingsFile.admissions: "it is just that", "c'est juste que", "solo que", "enfin
 *   si"): a denial walked back or followed by what it hides keeps its sting too, with no
 *   bitterness of its own;
 * - walk-backs (FeelingsFile.walkBack: "but not really", "aber nicht so richtig"): a clause of
 *   their own after a contrast half takes back the feeling before it (emotion-walkback.ts).
 * What they change is in emotion.ts.
 */
import type { Token } from './emotion-tokens.ts';
import type { Lexicon } from './lexicon.ts';

type List = 'sarcasm' | 'admissions' | 'walkBack';
const parsed = new Map<List, WeakMap<Lexicon, string[][]>>();

/** The list's entries as the tokeniser splits words: at apostrophes too outside English ("c'est" → c, est). */
function sequences(lex: Lexicon, list: List): string[][] {
  const byLex = parsed.get(list) ?? parsed.set(list, new WeakMap()).get(list)!;
  let m = byLex.get(lex);
  if (!m) {
    const split = lex.data.stemmer === 'lemma' ? /\s+/ : /[\s'’]+/;
    m = lex.data[list].map((p) => p.toLowerCase().replace(/[,.!?]/g, ' ').split(split).filter(Boolean)).filter((w) => w.length);
    byLex.set(lex, m);
  }
  return m;
}

/** Every entry of `list` in `tokens`, as the tokens it spans. */
export function sequencesAt(lex: Lexicon, list: List, tokens: readonly Token[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const all = sequences(lex, list);
  if (!all.length) return out;
  for (let i = 0; i < tokens.length; i++) {
    const words = all.find((w) => w.every((x, k) => tokens[i + k]?.word === x && tokens[i + k]!.sentence === tokens[i]!.sentence));
    if (!words) continue;
    out.push({ from: i, to: i + words.length - 1 });
    i += words.length - 1;
  }
  return out;
}

/** Every sarcasm marker in `tokens`. */
export const sarcasmAt = (lex: Lexicon, tokens: readonly Token[]) => sequencesAt(lex, 'sarcasm', tokens);
