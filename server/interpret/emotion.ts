/**
 * Words → a point on Russell's circumplex. Phrases first ("empty room"), then single words reached
 * through regular suffixes; a negator shortly before flips a word, an intensifier scales it, and
 * several feelings average by weight (feelings after "but" count more). Pure and deterministic.
 */
import { FEELINGS, type Affect } from './lexicon-feelings.ts';
import { IMAGERY, PHRASES } from './lexicon-imagery.ts';
import {
  CONTRAST, CONTRAST_WEIGHT, IMAGERY_WEIGHT, INTENSITY, LITOTES, NEGATED_INTENSIFIER, NEGATION_CANCELLERS, NEGATION_EMPHASIS, NEGATION_EMPHASIS_FACTOR, NEGATION_FLIP,
  NEGATION_WINDOW, NEGATORS, POLITE_BEFORE, POLITE_WORDS, SUFFIXES,
} from './modifiers.ts';
import type { EmotionReading } from './types.ts';

/** One feeling word found, already scaled and negated. */
export interface Hit {
  /** As written, with its modifiers: "not happy", "very sad", "empty room". */
  label: string;
  valence: number;
  arousal: number;
  weight: number;
  /** Index into EmotionDetail.sentences. */
  sentence: number;
  /** Character offset in the text, so words are reported in the order written. */
  at: number;
}

export interface EmotionDetail extends EmotionReading {
  hits: Hit[];
  /** The text split into sentences, as written, for quoting back. */
  sentences: string[];
}

interface Token { word: string; start: number; end: number; sentence: number; scope: number; afterContrast: boolean }

const clamp = (x: number) => Math.max(-1, Math.min(1, x));
const round2 = (x: number) => Math.round(x * 100) / 100;
const PHRASE_LIST = Object.entries(PHRASES).map(([p, affect]) => ({ words: p.split(' '), affect })).sort((a, b) => b.words.length - a.words.length);
const EMPHASIS_LIST = NEGATION_EMPHASIS.map((p) => p.split(' '));
const INTENSITY_LIST = Object.entries(INTENSITY).map(([p, f]) => ({ words: p.split(' '), f })).sort((a, b) => b.words.length - a.words.length);

/** Look a word up in `table` directly or through a regular suffix: "sadness" → sad, "happily" → happy. */
function lookupIn(table: Readonly<Record<string, Affect>>, word: string): Affect | undefined {
  if (table[word]) return table[word];
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    const found = table[word.slice(0, -suffix.length) + replacement];
    if (found) return found;
  }
  return undefined;
}

/** A word's affect from the feelings table, else the imagery table: lookupWord("sadness") → [-0.7, -0.35]. */
export function lookupWord(word: string): Affect | undefined {
  return lookupIn(FEELINGS, word) ?? lookupIn(IMAGERY, word);
}

function tokenise(lower: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let scope = 0;
  let afterContrast = false;
  for (const m of lower.matchAll(/[a-z]+(?:'[a-z]+)?|[.!?;,\n]/g)) {
    const w = m[0];
    if (/^[.!?;\n]$/.test(w)) { sentence++; scope++; afterContrast = false; continue; }
    if (w === ',') { scope++; continue; }
    if (CONTRAST.has(w)) { scope++; afterContrast = true; continue; }
    tokens.push({ word: w, start: m.index, end: m.index + w.length, sentence, scope, afterContrast });
  }
  return tokens;
}

const matchesAt = (tokens: Token[], i: number, words: string[]) =>
  words.every((w, k) => tokens[i + k]?.word === w && tokens[i + k]!.scope === tokens[i]!.scope);

/** The emphasis phrase ("at all") starting at token k, in the same clause as token i: its length, else 0. */
const emphasisAt = (tokens: Token[], k: number, scope: number) =>
  EMPHASIS_LIST.find((words) => k >= 0 && tokens[k]?.scope === scope && matchesAt(tokens, k, words))?.length ?? 0;

/**
 * Intensity factor and negation from the few tokens before position i (same clause only).
 * `litotes`: an intensifier sits between the negator and the word ("not very sad").
 * `emphasised`: "at all" sits between them ("not at all happy").
 */
function modifiersBefore(tokens: Token[], i: number): { factor: number; negated: boolean; from: number; litotes: boolean; emphasised: boolean } {
  const scope = tokens[i]!.scope;
  let factor = 1;
  let negated = false;
  let negAt = -1;
  let from = i;
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW) && tokens[j]!.scope === scope; j--) {
    if (NEGATORS.has(tokens[j]!.word)) { negated = true; from = j; negAt = j; }
    if (NEGATION_CANCELLERS.has(tokens[j]!.word)) break;
  }
  let emphasised = false;
  for (let k = negAt + 1; negated && k < i; k++) if (emphasisAt(tokens, k, scope)) emphasised = true;
  // Intensifiers must sit right before the word (allowing a stacked one: "so very sad").
  let j = i;
  for (let guard = 0; guard < 2; guard++) {
    const hit = INTENSITY_LIST.find(({ words }) => j - words.length >= 0 && matchesAt(tokens, j - words.length, words) && tokens[j - words.length]!.scope === scope);
    if (!hit) break;
    factor *= hit.f;
    j -= hit.words.length;
    from = Math.min(from, j);
  }
  // Between a negator and its word, "very"/"so"/"too" make litotes ("not very sad" = a little sad);
  // a hedge like "really" just leaves the plain negation ("not really happy" = not happy).
  const between = negated && negAt < j && factor !== 1;
  const litotes = between && LITOTES.has(tokens[j]!.word);
  return { factor: between && !litotes ? 1 : factor, negated, from, litotes, emphasised };
}

/** Full reading with the hits and sentences, for rationale and tests. */
export function readEmotionDetail(text: string): EmotionDetail {
  const lower = text.toLowerCase().replace(/[\u2018\u2019`]/g, "'");
  const source = lower.length === text.length ? text : lower;
  const sentences = source.split(/[.!?;\n]/).map((s) => s.trim());
  const tokens = tokenise(lower);
  const used = new Set<number>();
  const hits: Hit[] = [];

  const addHit = (i: number, end: number, affect: Affect, scale = 1) => {
    const { factor, negated, from, litotes, emphasised: before } = modifiersBefore(tokens, i);
    const after = negated ? emphasisAt(tokens, end + 1, tokens[i]!.scope) : 0;
    const last = end + after;
    let v = clamp(affect[0] * factor);
    let a = clamp(affect[1] * factor);
    if (litotes) { v = affect[0] * NEGATED_INTENSIFIER; a = affect[1] * NEGATED_INTENSIFIER; }
    else if (negated) {
      const k = before || after ? NEGATION_EMPHASIS_FACTOR : 1;
      v = clamp(v * NEGATION_FLIP.valence * k);
      a = clamp(a * NEGATION_FLIP.arousal * k);
    }
    const weight = Math.max(0.3, Math.min(2, litotes ? 1 : factor)) * (tokens[i]!.afterContrast ? CONTRAST_WEIGHT : 1) * scale;
    const label = lower.slice(tokens[from]!.start, tokens[last]!.end);
    hits.push({ label, valence: v, arousal: a, weight, sentence: tokens[i]!.sentence, at: tokens[from]!.start });
  };

  for (let i = 0; i < tokens.length; i++) {
    const phrase = PHRASE_LIST.find(({ words }) => words.every((_, k) => !used.has(i + k)) && matchesAt(tokens, i, words));
    if (!phrase) continue;
    for (let k = 0; k < phrase.words.length; k++) used.add(i + k);
    addHit(i, i + phrase.words.length - 1, phrase.affect);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    if (POLITE_WORDS.has(tokens[i]!.word) && POLITE_BEFORE.has(tokens[i - 1]?.word ?? '')) continue;
    const feeling = lookupIn(FEELINGS, tokens[i]!.word);
    const image = feeling ? undefined : lookupIn(IMAGERY, tokens[i]!.word);
    if (feeling) addHit(i, i, feeling);
    else if (image) addHit(i, i, image, IMAGERY_WEIGHT);
  }

  hits.sort((x, y) => x.at - y.at);
  const total = hits.reduce((n, h) => n + h.weight, 0);
  const exclaim = Math.min(0.15, (text.match(/!/g)?.length ?? 0) * 0.05);
  const valence = total ? hits.reduce((n, h) => n + h.valence * h.weight, 0) / total : 0;
  const arousal = (total ? hits.reduce((n, h) => n + h.arousal * h.weight, 0) / total : 0) + exclaim;
  return { valence: round2(clamp(valence)), arousal: round2(clamp(arousal)), words: hits.map((h) => h.label), hits, sentences };
}

/** Read valence/arousal from text: readEmotion("calm and grateful") → { valence: 0.63, arousal: -0.4, … }. */
export function readEmotion(text: string): EmotionReading {
  const { valence, arousal, words } = readEmotionDetail(text);
  return { valence, arousal, words };
}
