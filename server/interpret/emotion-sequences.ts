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

/** Every entry of `list` in `tokens`, as the tokens it spans. */
export function sequencesAt(lex: Lexicon, list: List, tokens: readonly Token[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  // Indexed with the lexicon, longest first, split as the tokeniser splits words (lexicon.ts).
  const all = lex[list];
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
