/**
 * Words → a point on Russell's circumplex, in the musician's language. Phrases first ("empty
 * room", "schluss gemacht"), then single words by lemma or stem; a negator shortly before flips a
 * word (in English only inside wink-nlp's negation scope), an intensifier scales it, a wish
 * ("I wish I could cry") marks it as absent, and several feelings average by weight (feelings
 * after "but" count more; a feeling that describes the song counts more, a picture in a simile
 * less; words about the sound weigh on arousal — emotion-context.ts, modifiers.ts). Feelings
 * pulling both ways are reported as mixed. Pure and deterministic.
 */
import { CONTRAST_WEIGHT, EXCLAIMED, FOCUS, IRREALIS, LATER_WEIGHT, PAST_WEIGHT, MIXED_SHARE, NEGATED_INTENSIFIER, NEGATION_EMPHASIS_FACTOR, NEGATION_FLIP, OCCASION, OUTBURST, SARCASM, SIMILE_WEIGHT, SOUND, NO_LONGER } from './modifiers.ts';
import { describesSong, inSimile, keysAt, modifiersBefore, negatorAfter, phraseEnd, seqAt } from './emotion-context.ts';
import { pickLexicon } from './emotion-language.ts';
import { sentencesOf, tokenise, type Token } from './emotion-tokens.ts';
import { lookupToken } from './lexicon-lookup.ts';
import { outburstKeys } from './lexicon-outbursts.ts';
import { emojiFeelings } from './emotion-emoji.ts';
import { stoppedAt } from './emotion-no-longer.ts';
import { sarcasmAt, sequencesAt } from './emotion-sequences.ts';
import { readThrough } from './emotion-masking.ts';
import { foreignLookup, misspelt, properName } from './emotion-unknown.ts';
import { walkBacks } from './emotion-walkback.ts';
import { ENGLISH, LEXICONS, type Affect, type Lexicon, type Phrase } from './lexicon.ts';
import type { EmotionReading } from './types.ts';

/** One feeling word found, already scaled and negated. */
export interface Hit {
  /** As written, with its modifiers, lower-cased: "not happy", "very sad", "empty room". */
  label: string;
  /** The same words exactly as the musician wrote them, whole words only ("haven't told him I miss"), for quoting back. */
  written: string;
  valence: number;
  arousal: number;
  /** How much it counts towards valence (and, unless arousalWeight says otherwise, arousal). */
  weight: number;
  /** How much it counts towards arousal, when that differs: words about the sound ("soft", "slow") set the energy. */
  arousalWeight?: number;
  /** Index into EmotionDetail.sentences. */
  sentence: number;
  /** The clause it stands in (a comma, a contrast or a new sentence opens one). */
  clause: number;
  /** It follows a contrast ("but now I'm fine"): what the musician means, never read as masking or irony. */
  afterContrast?: true;
  /** A reassurance ("I'm fine", FeelingsFile.reassurance): beside bad news it masks it (emotion-masking.ts). */
  reassurance?: true;
  /** A sarcasm marker or an irony emoji itself. */
  marker?: true;
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

/** text[start, end) widened to whole words: a token can begin inside one ("n't" of "haven't"). */
function wholeWords(text: string, start: number, end: number): string {
  const inWord = /[\p{L}\p{N}'’]/u;
  while (start > 0 && inWord.test(text[start - 1]!)) start--;
  while (end < text.length && inWord.test(text[end]!)) end++;
  return text.slice(start, end);
}
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

/** The reading of `tokens` by one lexicon. */
function readWith(lex: Lexicon, text: string, tokens: Token[]): EmotionDetail {
  const used = new Set<number>();
  // In a long telling the later sentences say where the musician has arrived: weigh them up to LATER_WEIGHT.
  const lastSentence = tokens[tokens.length - 1]?.sentence ?? 0;
  const later = (sentence: number) => (lastSentence ? 1 + (LATER_WEIGHT - 1) * (sentence / lastSentence) : 1);
  const hits: Hit[] = [];
  const outbursts = outburstKeys(lex);

  // A sarcasm marker's words are the marker, not feelings of their own ("na toll" is not great).
  const sarcasm = sarcasmAt(lex, tokens);
  for (const { from, to } of sarcasm) for (let k = from; k <= to; k++) used.add(k);
  // "Je ne suis pas du tout en colère. Pas du tout.": a denial insisted on twice protests too much.
  let insisted = 0;
  // Longest first (lex.emphasis is), and past it: "pas du tout" is one insistence, not "pas du tout" and "du tout".
  for (let k = 0; k < tokens.length; k++) {
    const w = lex.emphasis.find((e) => e.every((x, n) => tokens[k + n]?.word === x));
    if (w) { insisted++; k += w.length - 1; }
  }
  // "No, no lo extraño. Solo que …": an admission after a denial says the sorrow is there.
  const admitted = sequencesAt(lex, 'admissions', tokens);
  for (const { from, to } of admitted) for (let k = from; k <= to; k++) used.add(k);
  const emoji = emojiFeelings(text);
  const ironic = sarcasm.length > 0 || emoji.some((e) => e.irony);
  const protests = ironic || insisted >= 2 || admitted.length > 0;
  // Nor are the words of an intensifier after a feeling ("tired as hell" is not hell, "triste a morir" not death).
  if (lex.intensityAfter.length) {
    tokens.forEach((t, i) => {
      const boost = lex.intensityAfter.find(({ keys }) => seqAt(tokens, i + 1, keys, t.scope));
      if (boost && lookupToken(lex, t)) for (let k = 1; k <= boost.keys.length; k++) used.add(i + k);
    });
  }
  const addHit = (i: number, end: number, affect: Affect, scale: number, key: string, ownNegation = false) => {
    const { factor: factorBefore, negated: negatedBefore, from, litotes, emphasised: before, irrealis, focus: focusBefore, past } = modifiersBefore(lex, tokens, i, ownNegation);
    // An intensifier after the word ("tired af", "müde ohne Ende", "content de ouf").
    const boost = lex.intensityAfter.find(({ keys }) => seqAt(tokens, end + 1, keys, tokens[i]!.scope));
    const factor = factorBefore * (boost?.f ?? 1);
    // German denies a verb after it: "ich schäme mich nicht mehr".
    const trailing = negatedBefore || ownNegation ? -1 : negatorAfter(lex, tokens, end, (t) => lookupToken(lex, t) !== undefined);
    const negated = negatedBefore || trailing >= 0;
    const after = negatedBefore ? (lex.emphasis.find((w) => seqAt(tokens, end + 1, w, tokens[i]!.scope))?.length ?? 0) : 0;
    const last = Math.max(end + after, trailing, end + (boost?.keys.length ?? 0));
    // "A nostalgic song" says what the song should feel like, as "I want it to feel" does.
    const focus = focusBefore || describesSong(lex, tokens, i, end);
    let v = clamp(affect[0] * factor);
    let a = clamp(affect[1] * factor);
    const sound = lex.sound.has(key) && !irrealis;
    let weight = Math.max(0.3, Math.min(2, litotes ? 1 : factor)) * (tokens[i]!.afterContrast ? CONTRAST_WEIGHT : 1) * scale * later(tokens[i]!.sentence) * (past ? PAST_WEIGHT : 1);
    if (!focus && inSimile(lex, tokens, i)) weight *= SIMILE_WEIGHT;
    if (!focus && (lex.occasions.has(key) || lex.occasions.has(tokens[i]!.word))) weight *= OCCASION;
    // A focus makes a feeling the song's; a sound word's focus is on its energy, not its (slight) valence.
    // An outburst's energy is sure and its feeling is not: the other words decide the valence.
    const outburst = !sound && !irrealis && !negated && (outbursts.has(key) || outbursts.has(tokens[i]!.word));
    const arousalWeight = sound ? weight * SOUND.arousal * (focus ? FOCUS.weight : 1) : outburst ? weight * (focus ? FOCUS.weight : 1) : undefined;
    weight *= sound ? SOUND.valence : (focus ? FOCUS.weight : 1) * (outburst ? OUTBURST.valence : 1);
    if (irrealis) { v = -IRREALIS.valence * Math.abs(affect[0]); a = IRREALIS.arousal; weight *= IRREALIS.weight; }
    else if (litotes) { v = affect[0] * NEGATED_INTENSIFIER; a = affect[1] * NEGATED_INTENSIFIER; }
    // "Not upset at all, why would I be": sarcasm leaves a denied sting where it was.
    else if (negated && protests && affect[0] < 0) { v = clamp(affect[0]); a = clamp(affect[1]); }
    // "No estoy triste exactamente": a hedged denial of a sorrow half-admits it.
    else if (negated && affect[0] < 0 && hedged(lex, tokens, from, end + 1)) { v = affect[0] * HEDGED; a = affect[1] * HEDGED; }
    else if (negated) {
      const k = before || after ? NEGATION_EMPHASIS_FACTOR : 1;
      v = clamp(v * NEGATION_FLIP.valence * k);
      a = clamp(a * NEGATION_FLIP.arousal * k);
    }
    const label = text.slice(tokens[from]!.start, tokens[last]!.end).toLowerCase();
    hits.push({
      label, written: wholeWords(text, tokens[from]!.start, tokens[last]!.end), valence: v, arousal: a, weight, ...(arousalWeight === undefined ? {} : { arousalWeight }),
      sentence: tokens[i]!.sentence, clause: tokens[i]!.scope, at: tokens[from]!.start, ...(holdsMixed(lex, key) && !negated ? { mixed: true } : {}),
      ...(tokens[i]!.afterContrast ? { afterContrast: true } : {}), ...(!negated && !irrealis && lex.reassurance.has(key) ? { reassurance: true } : {}),
    });
  };

  // Longest phrases claim their words first, wherever they start ("going over it" before "keep going").
  const found: { i: number; end: number; phrase: Phrase }[] = [];
  tokens.forEach((t, i) => {
    for (const phrase of new Set([...(lex.phraseStarts.get(t.key) ?? []), ...(lex.phraseStarts.get(t.word) ?? [])])) {
      const end = keysAt(tokens, i, phrase.keys) ? i + phrase.keys.length - 1 : phraseEnd(lex, tokens, i, phrase.keys);
      if (end >= 0) found.push({ i, end, phrase });
    }
  });
  // Of two phrases over the same words, the one spelt as written wins ("lets go" over the lemma's "let go").
  const asWritten = ({ i, phrase }: { i: number; phrase: Phrase }) => phrase.keys.filter((k, n) => tokens[i + n]?.word === k).length;
  found.sort((x, y) => y.phrase.keys.length - x.phrase.keys.length || x.i - y.i || asWritten(y) - asWritten(x));
  for (const { i, end, phrase } of found) {
    let free = true;
    for (let k = i; k <= end; k++) if (used.has(k)) free = false;
    if (!free) continue;
    for (let k = i; k <= end; k++) used.add(k);
    addHit(i, end, phrase.affect, phrase.scale, phrase.keys.join(' '), phrase.selfNegated);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    if (lex.politeWords.has(t.word) && lex.politeBefore.has(tokens[i - 1]?.word ?? '')) continue;
    // A word that intensifies the feeling after it is not a feeling of its own ("mad tired", "sau müde").
    const next = tokens[i + 1];
    if (next && next.scope === t.scope && lex.intensity.some(({ keys }) => keys.length === 1 && keys[0] === t.word) && lookupToken(lex, next)) continue;
    const unknown = t.foreign || lex !== ENGLISH;
    const found = lookupToken(lex, t) ?? (unknown ? foreignLookup(lex, t) ?? (properName(lex, text, tokens, i) ? undefined : misspelt(lex, t.word)) : undefined);
    if (found) addHit(i, i, found.affect, found.scale, lex.mixed.has(t.word) || lex.sound.has(t.word) ? t.word : t.key);
  }

  for (const { from, to } of sarcasm) {
    const t = tokens[from]!;
    hits.push({ label: text.slice(t.start, tokens[to]!.end).toLowerCase(), written: wholeWords(text, t.start, tokens[to]!.end), valence: SARCASM.affect[0], arousal: SARCASM.affect[1], weight: SARCASM.weight * later(t.sentence), sentence: t.sentence, clause: t.scope, at: t.start, marker: true });
  }
  // Emoji, in any language: each where it stands, in the sentence of the word before it.
  for (const e of emoji) {
    const before = tokens.findLast((t) => t.start <= e.at);
    const sentence = before?.sentence ?? 0;
    hits.push({ label: e.emoji, written: e.emoji, valence: e.affect[0], arousal: e.affect[1], weight: e.weight * later(sentence), sentence, clause: before?.scope ?? 0, at: e.at, ...(e.irony ? { marker: true } : {}) });
  }
  // A clause that only tells of something stopping ("they don't call anymore", "die Knie wollen nicht mehr, aber …") is a loss.
  for (const s of stoppedAt(lex, tokens)) {
    const clause = tokens[s.from]!.scope;
    if (hits.some((h) => h.clause === clause)) continue;
    const label = text.slice(tokens[s.from]!.start, tokens[s.to]!.end);
    hits.push({ label: label.toLowerCase(), written: wholeWords(text, tokens[s.from]!.start, tokens[s.to]!.end), valence: NO_LONGER.affect[0], arousal: NO_LONGER.affect[1], weight: NO_LONGER.weight * later(s.sentence), sentence: s.sentence, clause, at: tokens[s.from]!.start });
  }
  hits.push(...walkBacks(lex, text, tokens, hits));
  const read = readThrough(hits, ironic).sort((x, y) => x.at - y.at);
  const total = read.reduce((n, h) => n + h.weight, 0);
  const exclaim = Math.min(0.15, (text.match(/!/g)?.length ?? 0) * 0.05);
  const valence = total ? read.reduce((n, h) => n + h.valence * h.weight, 0) / total : 0;
  const aTotal = read.reduce((n, h) => n + (h.arousalWeight ?? h.weight), 0);
  const arousal = (aTotal ? read.reduce((n, h) => n + h.arousal * (h.arousalWeight ?? h.weight), 0) / aTotal : 0) + exclaim;
  // "tortillas redonditas!!!", "¡¡APROBÉ!!": a run of exclamation marks on good news is excitement.
  const excited = valence >= 0 && /[!¡]{2,}/.test(text) ? Math.max(arousal, EXCLAIMED.floor) : arousal;
  return { valence: round2(clamp(valence)), arousal: round2(clamp(excited)), words: read.map((h) => h.label), hits: read, sentences: sentencesOf(text, tokens), mixed: isMixed(read), lang: lex.lang };
}

/** How much of a sorrow a hedged denial keeps ("not exactly sad"). */
const HEDGED = 0.5;

/** A hedge among tokens[from..to] (same sentence): "exactly", "exactamente", "direkt". */
function hedged(lex: Lexicon, tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to && k < tokens.length; k++) if (tokens[k]!.sentence === tokens[from]!.sentence && lex.data.hedges.includes(tokens[k]!.word)) return true;
  return false;
}

/** A word or phrase is mixed when it is, or holds, a mixed entry: "ein bisschen Wehmut" as "Wehmut". */
function holdsMixed(lex: Lexicon, key: string): boolean {
  if (lex.mixed.has(key)) return true;
  if (!key.includes(' ')) return false;
  const padded = ` ${key} `;
  for (const m of lex.mixed) if (padded.includes(` ${m} `)) return true;
  return false;
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
