/**
 * Words → a point on Russell's circumplex, in the musician's language. Phrases first ("empty
 * room", "schluss gemacht"), then single words by lemma or stem; a negator shortly before flips a
 * word (in English only inside wink-nlp's negation scope), an intensifier scales it, a wish
 * ("I wish I could cry") marks it as absent, and several feelings average by weight (feelings
 * after "but" count more). Feelings pulling both ways are reported as mixed. Pure and deterministic.
 */
import { CONTRAST_WEIGHT, FOCUS, IRREALIS, LATER_WEIGHT, PAST_WEIGHT, MIXED_SHARE, NEGATED_INTENSIFIER, NEGATION_EMPHASIS_FACTOR, NEGATION_FLIP, NEGATION_WINDOW, NEGATION_WINDOW_FLAGGED } from './modifiers.ts';
import { pickLexicon } from './emotion-language.ts';
import { sentencesOf, tokenise, type Token } from './emotion-tokens.ts';
import { lookupToken } from './lexicon-lookup.ts';
import { ENGLISH, LEXICONS, type Affect, type Lexicon, type Phrase } from './lexicon.ts';
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
  /** The word or phrase holds two feelings itself ("bittersweet"). */
  mixed?: boolean;
}

export interface EmotionDetail extends EmotionReading {
  hits: Hit[];
  /** The text split into sentences, as written, for quoting back. */
  sentences: string[];
  /** Feelings pull both ways ("proud but exhausted", "bittersweet"). */
  mixed: boolean;
  /** The language whose lexicon read the text. */
  lang: string;
}

const clamp = (x: number) => Math.max(-1, Math.min(1, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A word's affect in any language we have, English first: lookupWord("sadness") → [-0.7, -0.35]. */
export function lookupWord(word: string): Affect | undefined {
  const w = word.toLowerCase();
  for (const lex of [ENGLISH, ...[...LEXICONS.values()].filter((l) => l !== ENGLISH)]) {
    const found = lookupToken(lex, { word: w, key: lex.stem(w) });
    if (found) return found.affect;
  }
  return undefined;
}

const seqAt = (tokens: Token[], i: number, words: string[], scope: number) =>
  i >= 0 && words.every((w, k) => tokens[i + k]?.word === w && tokens[i + k]!.scope === scope);
/** A phrase matches word by word, each by its form as written or its lemma/stem ("heart is racing"). */
const keysAt = (tokens: Token[], i: number, keys: string[]) =>
  keys.every((k, n) => (tokens[i + n]?.key === k || tokens[i + n]?.word === k) && tokens[i + n]!.scope === tokens[i]!.scope);

/** The first of `list` that ends at token j (same clause): its start index, else -1. */
function endingAt(tokens: Token[], j: number, list: string[][], scope: number): number {
  for (const words of list) if (seqAt(tokens, j - words.length + 1, words, scope)) return j - words.length + 1;
  return -1;
}

interface Mods { factor: number; negated: boolean; from: number; litotes: boolean; emphasised: boolean; irrealis: boolean; focus: boolean; past: boolean }

/**
 * Intensity, negation and wishes from the few tokens before position i (same clause only).
 * `litotes`: an intensifier sits between the negator and the word ("not very sad").
 * `emphasised`: "at all" sits between them ("not at all happy").
 */
function modifiersBefore(lex: Lexicon, tokens: Token[], i: number): Mods {
  const scope = tokens[i]!.scope;
  let factor = 1;
  let negAt = -1;
  let negEnd = -1;
  let from = i;
  // English reaches as far as wink-nlp's negation scope allows (checked below); others a short window.
  const window = lex.data.stemmer === 'lemma' && tokens[i]!.negFlag ? NEGATION_WINDOW_FLAGGED : NEGATION_WINDOW;
  for (let j = i - 1; j >= Math.max(0, i - window) && tokens[j]!.scope === scope; j--) {
    if (lex.cancellers.has(tokens[j]!.word)) break;
    const start = endingAt(tokens, j, lex.negators, scope);
    if (start >= 0) { negAt = start; negEnd = j; from = start; j = start; }
  }
  let negated = negAt >= 0;
  // English: wink-nlp knows where a "not" stops reaching ("not sad, just quiet"); trust it when it
  // recognised this negator (it flagged the word right after), else keep the window's reading.
  if (negated && lex.data.stemmer === 'lemma' && tokens[negEnd + 1]?.negFlag && !tokens[i]!.negFlag) { negated = false; from = i; }
  let emphasised = false;
  for (let k = negAt + 1; negated && k < i; k++) if (lex.emphasis.some((w) => seqAt(tokens, k, w, scope))) emphasised = true;
  // Intensifiers must sit right before the word (allowing a stacked one: "so very sad").
  let j = i;
  for (let guard = 0; guard < 2; guard++) {
    const hit = lex.intensity.find(({ keys }) => seqAt(tokens, j - keys.length, keys, scope));
    if (!hit) break;
    factor *= hit.f;
    j -= hit.keys.length;
    from = Math.min(from, j);
  }
  // Between a negator and its word, "very"/"so"/"too" make litotes ("not very sad" = a little sad);
  // a hedge like "really" just leaves the plain negation ("not really happy" = not happy).
  const between = negated && negAt < j && factor !== 1;
  const litotes = between && lex.litotes.has(tokens[j]!.word);
  // A wish earlier in the sentence: the feeling is wanted, not had. A focus ("I want it to feel"):
  // the musician is saying what the song should be. "At first", "used to" in the clause: how it was.
  let irrealis = false;
  let focus = false;
  let past = false;
  for (let k = i - 1; k >= Math.max(0, i - FOCUS.window) && tokens[k]!.sentence === tokens[i]!.sentence; k--) {
    if (!focus && endingAt(tokens, k, lex.focus, tokens[k]!.scope) >= 0) focus = true;
    if (!past && tokens[k]!.scope === scope && endingAt(tokens, k, lex.past, scope) >= 0) past = true;
    if (!irrealis && !focus && i - k <= IRREALIS.window && endingAt(tokens, k, lex.irrealis, tokens[k]!.scope) >= 0) irrealis = true;
  }
  return { factor: between && !litotes ? 1 : factor, negated, from, litotes, emphasised, irrealis, focus, past };
}

/** The reading of `tokens` by one lexicon. */
function readWith(lex: Lexicon, text: string, tokens: Token[]): EmotionDetail {
  const used = new Set<number>();
  // In a long telling the later sentences say where the musician has arrived: weigh them up to LATER_WEIGHT.
  const lastSentence = tokens[tokens.length - 1]?.sentence ?? 0;
  const later = (sentence: number) => (lastSentence ? 1 + (LATER_WEIGHT - 1) * (sentence / lastSentence) : 1);
  const hits: Hit[] = [];

  const addHit = (i: number, end: number, affect: Affect, scale: number, mixedWord: boolean) => {
    const { factor, negated, from, litotes, emphasised: before, irrealis, focus, past } = modifiersBefore(lex, tokens, i);
    const after = negated ? (lex.emphasis.find((w) => seqAt(tokens, end + 1, w, tokens[i]!.scope))?.length ?? 0) : 0;
    const last = end + after;
    let v = clamp(affect[0] * factor);
    let a = clamp(affect[1] * factor);
    let weight = Math.max(0.3, Math.min(2, litotes ? 1 : factor)) * (tokens[i]!.afterContrast ? CONTRAST_WEIGHT : 1) * scale * later(tokens[i]!.sentence) * (focus ? FOCUS.weight : 1) * (past ? PAST_WEIGHT : 1);
    if (irrealis) { v = -IRREALIS.valence * Math.abs(affect[0]); a = IRREALIS.arousal; weight *= IRREALIS.weight; }
    else if (litotes) { v = affect[0] * NEGATED_INTENSIFIER; a = affect[1] * NEGATED_INTENSIFIER; }
    else if (negated) {
      const k = before || after ? NEGATION_EMPHASIS_FACTOR : 1;
      v = clamp(v * NEGATION_FLIP.valence * k);
      a = clamp(a * NEGATION_FLIP.arousal * k);
    }
    const label = text.slice(tokens[from]!.start, tokens[last]!.end).toLowerCase();
    hits.push({ label, valence: v, arousal: a, weight, sentence: tokens[i]!.sentence, at: tokens[from]!.start, ...(mixedWord && !negated ? { mixed: true } : {}) });
  };

  // Longest phrases claim their words first, wherever they start ("going over it" before "keep going").
  const found: { i: number; phrase: Phrase }[] = [];
  tokens.forEach((t, i) => {
    for (const phrase of new Set([...(lex.phraseStarts.get(t.key) ?? []), ...(lex.phraseStarts.get(t.word) ?? [])])) {
      if (keysAt(tokens, i, phrase.keys)) found.push({ i, phrase });
    }
  });
  found.sort((x, y) => y.phrase.keys.length - x.phrase.keys.length || x.i - y.i);
  for (const { i, phrase } of found) {
    if (!phrase.keys.every((_, k) => !used.has(i + k))) continue;
    for (let k = 0; k < phrase.keys.length; k++) used.add(i + k);
    addHit(i, i + phrase.keys.length - 1, phrase.affect, 1, lex.mixed.has(phrase.keys.join(' ')));
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    if (lex.politeWords.has(t.word) && lex.politeBefore.has(tokens[i - 1]?.word ?? '')) continue;
    const found = lookupToken(lex, t) ?? (t.foreign ? foreignLookup(lex, t.word) : undefined);
    if (found) addHit(i, i, found.affect, found.scale, lex.mixed.has(t.key) || lex.mixed.has(t.word));
  }

  hits.sort((x, y) => x.at - y.at);
  const total = hits.reduce((n, h) => n + h.weight, 0);
  const exclaim = Math.min(0.15, (text.match(/!/g)?.length ?? 0) * 0.05);
  const valence = total ? hits.reduce((n, h) => n + h.valence * h.weight, 0) / total : 0;
  const arousal = (total ? hits.reduce((n, h) => n + h.arousal * h.weight, 0) / total : 0) + exclaim;
  return { valence: round2(clamp(valence)), arousal: round2(clamp(arousal)), words: hits.map((h) => h.label), hits, sentences: sentencesOf(text, tokens), mixed: isMixed(hits), lang: lex.lang };
}

/** A word English does not know, looked up in the other languages ("it feels traurig"). */
function foreignLookup(main: Lexicon, word: string) {
  for (const other of LEXICONS.values()) {
    if (other === main) continue;
    const found = lookupToken(other, { word, key: other.stem(word) });
    if (found) return found;
  }
  return undefined;
}

/**
 * Mixed when a word is mixed in itself, or when clearly pleasant and clearly unpleasant feelings
 * each carry at least MIXED_SHARE of the weight ("proud but exhausted").
 */
function isMixed(hits: Hit[]): boolean {
  if (hits.some((h) => h.mixed)) return true;
  const pos = hits.filter((h) => h.valence >= MIXED_SHARE.polar).reduce((n, h) => n + h.weight, 0);
  const neg = hits.filter((h) => h.valence <= -MIXED_SHARE.polar).reduce((n, h) => n + h.weight, 0);
  return pos + neg > 0 && Math.min(pos, neg) >= MIXED_SHARE.share * (pos + neg);
}

/**
 * Full reading with the hits and sentences, for rationale and tests. `lang` (a code like "de")
 * picks the lexicon; without it, the language whose words the text uses most.
 */
export function readEmotionDetail(text: string, options: { lang?: string } = {}): EmotionDetail {
  const lex = pickLexicon(text, options.lang);
  return readWith(lex, text, tokenise(text, lex));
}

/** Read valence/arousal from text: readEmotion("calm and grateful") → { valence: 0.63, arousal: -0.4, … }. */
export function readEmotion(text: string, options: { lang?: string } = {}): EmotionReading {
  const { valence, arousal, words } = readEmotionDetail(text, options);
  return { valence, arousal, words };
}
