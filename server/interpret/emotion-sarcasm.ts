/**
 * Sarcasm markers (FeelingsFile.sarcasm): "why would I be", "yeah right", "na toll", "tu parles",
 * "sí, claro". Found word by word across commas (a marker may hold one: "sí, claro"), within a
 * sentence. What they change is in emotion.ts: a denied unpleasant feeling keeps its sting, and
 * the marker itself reads as bitterness (SARCASM).
 */
import type { Token } from './emotion-tokens.ts';
import type { Lexicon } from './lexicon.ts';

const parsed = new WeakMap<Lexicon, string[][]>();

function markers(lex: Lexicon): string[][] {
  let m = parsed.get(lex);
  if (!m) {
    m = lex.data.sarcasm.map((p) => p.toLowerCase().replace(/[,.!?]/g, ' ').split(/\s+/).filter(Boolean)).filter((w) => w.length);
    parsed.set(lex, m);
  }
  return m;
}

/** Every sarcasm marker in `tokens`, as the tokens it spans. */
export function sarcasmAt(lex: Lexicon, tokens: readonly Token[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const list = markers(lex);
  if (!list.length) return out;
  for (let i = 0; i < tokens.length; i++) {
    const words = list.find((w) => w.every((x, k) => tokens[i + k]?.word === x && tokens[i + k]!.sentence === tokens[i]!.sentence));
    if (!words) continue;
    out.push({ from: i, to: i + words.length - 1 });
    i += words.length - 1;
  }
  return out;
}
