/**
 * A feeling half taken back: "ich freu mich eh für sie, aber irgendwie auch nicht so richtig",
 * "I'm happy for him. But not really.", "contenta, pero no del todo". A walk-back
 * (FeelingsFile.walkBack) standing in a clause of its own after a contrast, with no feeling word
 * of its own, denies the feeling said before it, as a negation would (NEGATION_FLIP): the two
 * together read as torn.
 */
import type { Hit } from './emotion.ts';
import { sequencesAt } from './emotion-sequences.ts';
import type { Token } from './emotion-tokens.ts';
import type { Lexicon } from './lexicon.ts';
import { NEGATION_FLIP } from './modifiers.ts';

/** The smallest feeling a walk-back takes back (|valence|). */
const FELT = 0.3;

/** A hit for each walk-back in `tokens` that takes back a feeling among `hits`. */
export function walkBacks(lex: Lexicon, text: string, tokens: readonly Token[], hits: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const { from, to } of sequencesAt(lex, 'walkBack', tokens)) {
    const t = tokens[from]!;
    if (!t.afterContrast || hits.some((h) => h.clause === t.scope)) continue;
    const before = hits.filter((h) => h.at < t.start && Math.abs(h.valence) >= FELT).at(-1);
    if (!before) continue;
    const label = text.slice(t.start, tokens[to]!.end);
    out.push({
      label: label.toLowerCase(), written: label, valence: before.valence * NEGATION_FLIP.valence, arousal: before.arousal * NEGATION_FLIP.arousal,
      weight: before.weight, sentence: t.sentence, clause: t.scope, at: t.start, afterContrast: true,
    });
  }
  return out;
}
