/**
 * Loss told through what no longer happens: "the kids don't call anymore", "il ne me reconnaît
 * plus", "er ruft nicht mehr an", "ya no me llama". The markers are language data
 * (FeelingsFile.noLonger); a clause that holds one and no feeling word reads as NO_LONGER's
 * quiet loss. A clause with a feeling word keeps it ("I'm not scared anymore" is the negation's
 * business, in emotion.ts).
 */
import type { Lexicon } from './lexicon.ts';
import type { Token } from './emotion-tokens.ts';
import { NO_LONGER } from './modifiers.ts';

/** A marker found: the tokens it spans and its sentence. */
export interface Stopped { from: number; to: number; sentence: number }

const parsed = new WeakMap<Lexicon, string[][][]>();

/** The language's markers as parts of words: "nicht … mehr" → [["nicht"], ["mehr"]]. */
function markers(lex: Lexicon): string[][][] {
  let m = parsed.get(lex);
  if (!m) {
    m = lex.data.noLonger.map((p) => p.toLowerCase().split('…').map((part) => part.trim().split(/\s+/).filter(Boolean)).filter((part) => part.length));
    parsed.set(lex, m);
  }
  return m;
}

const wordsAt = (tokens: readonly Token[], i: number, words: readonly string[], sentence: number) =>
  words.every((w, k) => tokens[i + k]?.word === w && tokens[i + k]!.sentence === sentence);

/** How far before a marker a duty may stand: "I don't have to pretend anymore". */
const DUTY_BEFORE = 6;
/** And after a marker that comes first ("ya no tengo que fingir"). */
const DUTY_AFTER = 3;

/** A duty word among tokens[from..to]: the marker then tells of relief ("muss nicht mehr"). */
const dutyWords = new WeakMap<Lexicon, string[][]>();

function dutyWithin(lex: Lexicon, tokens: readonly Token[], from: number, to: number): boolean {
  let duties = dutyWords.get(lex);
  if (!duties) dutyWords.set(lex, (duties = lex.data.noLongerDuty.map((d) => d.toLowerCase().split(/\s+/))));
  for (let i = from; i <= Math.min(to, tokens.length - 1); i++) if (duties.some((d) => wordsAt(tokens, i, d, tokens[i]!.sentence))) return true;
  return false;
}

/** Every "no longer" marker in `tokens`, at most one per sentence; none where it ends a duty. */
export function stoppedAt(lex: Lexicon, tokens: readonly Token[]): Stopped[] {
  const out: Stopped[] = [];
  const found = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const sentence = tokens[i]!.sentence;
    if (found.has(sentence)) continue;
    for (const [first, second] of markers(lex)) {
      if (!first || !wordsAt(tokens, i, first, sentence)) continue;
      const end = i + first.length - 1;
      if (!second) {
        found.add(sentence);
        if (!dutyWithin(lex, tokens, Math.max(0, i - DUTY_BEFORE), end + DUTY_AFTER)) out.push({ from: i, to: end, sentence });
        break;
      }
      for (let j = end + 1; j <= end + 1 + NO_LONGER.gap; j++) {
        if (!wordsAt(tokens, j, second, sentence)) continue;
        found.add(sentence);
        if (dutyWithin(lex, tokens, Math.max(0, i - DUTY_BEFORE), j)) break;
        out.push({ from: i, to: j + second.length - 1, sentence });
        found.add(sentence);
        break;
      }
      if (found.has(sentence)) break;
    }
  }
  return out;
}
