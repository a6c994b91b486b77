/**
 * What surrounds a feeling word and changes how it counts: negators, intensifiers, wishes and
 * focus phrases before it (modifiersBefore); a song noun beside it, which makes it a description
 * of the song (describesSong); a simile it sits in, which makes it a picture (inSimile). Pure.
 */
import { BRACKET_REACH, FOCUS, IRREALIS, NEGATION_WINDOW, NEGATION_WINDOW_FLAGGED, PRONOUNS_BEFORE_NEGATOR, REACHING_NEGATION, SONG_FOCUS } from './modifiers.ts';
import type { Token } from './emotion-tokens.ts';
import type { Lexicon } from './lexicon.ts';

export const seqAt = (tokens: Token[], i: number, words: string[], scope: number) =>
  i >= 0 && words.every((w, k) => tokens[i + k]?.word === w && tokens[i + k]!.scope === scope);
/** A phrase matches word by word, each by its form as written or its lemma/stem ("heart is racing"). */
export const keysAt = (tokens: Token[], i: number, keys: string[]) =>
  keys.every((k, n) => (tokens[i + n]?.key === k || tokens[i + n]?.word === k) && tokens[i + n]!.scope === tokens[i]!.scope);

/**
 * Where a phrase starting at token i ends, or -1: word by word as keysAt, but one intensifier may
 * stand inside it ("kotzt mich so an", "I miss you so much", "echo tanto de menos"), as people
 * say them. The intensifier is part of the phrase's words, not a separate feeling.
 */
export function phraseEnd(lex: Lexicon, tokens: Token[], i: number, keys: string[]): number {
  const scope = tokens[i]?.scope;
  let j = i;
  let skipped = false;
  for (let n = 0; n < keys.length; n++, j++) {
    const t = tokens[j];
    if (!t || t.scope !== scope) return -1;
    if (t.key === keys[n] || t.word === keys[n]) continue;
    if (n === 0 || skipped || !lex.intensity.some(({ keys: w }) => w.length === 1 && w[0] === t.word)) return -1;
    skipped = true;
    n--;
  }
  return j - 1;
}

/** The first of `list` that ends at token j (same clause): its start index, else -1. */
export function endingAt(tokens: Token[], j: number, list: string[][], scope: number): number {
  for (const words of list) if (seqAt(tokens, j - words.length + 1, words, scope)) return j - words.length + 1;
  return -1;
}

export interface Mods { factor: number; negated: boolean; from: number; litotes: boolean; emphasised: boolean; irrealis: boolean; focus: boolean; past: boolean }

/** How far before a "without" another negation may stand and still cancel it (tokens). */
const DOUBLE_NEGATION = 10;

/** A negator within DOUBLE_NEGATION tokens before position `at`, in its sentence. */
function negatedEarlier(lex: Lexicon, tokens: Token[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - DOUBLE_NEGATION) && tokens[k]!.sentence === tokens[at]!.sentence; k--) {
    if (endingAt(tokens, k, lex.negators, tokens[k]!.scope) >= 0) return true;
  }
  return false;
}

/**
 * Intensity, negation and wishes from the few tokens before position i (same clause only).
 * `litotes`: an intensifier sits between the negator and the word ("not very sad").
 * `emphasised`: "at all" sits between them ("not at all happy").
 */
export function modifiersBefore(lex: Lexicon, tokens: Token[], i: number, ownNegation = false): Mods {
  const scope = tokens[i]!.scope;
  let factor = 1;
  let negAt = -1;
  let negEnd = -1;
  let from = i;
  // English reaches as far as wink-nlp's negation scope allows (checked below); others a short window.
  const window = lex.data.stemmer === 'lemma' && tokens[i]!.negFlag ? NEGATION_WINDOW_FLAGGED : NEGATION_WINDOW;
  // Negating pronouns reach the verb of their clause ("nobody at the desk even cares").
  const reach = lex.reaching.size ? Math.max(window, REACHING_NEGATION) : window;
  // A phrase that holds its own negation ("arrive pas à dormir") already reads the negator bracketing it.
  for (let j = i - 1; !ownNegation && j >= Math.max(0, i - reach) && tokens[j]!.scope === scope; j--) {
    if (lex.cancellers.has(tokens[j]!.word)) break;
    if (i - j > window && !lex.reaching.has(tokens[j]!.word)) continue;
    const start = endingAt(tokens, j, lex.negators, scope);
    const opener = start < 0 && lex.particles.has(tokens[j]!.word) ? bracketOpener(lex, tokens, j) : -1;
    if (start >= 0) { negAt = start; negEnd = j; from = start; j = start; }
    else if (opener >= 0) { negAt = opener; negEnd = j; from = opener; j = opener; }
  }
  let negated = negAt >= 0;
  // "je n'arrive plus à lui parler sans avoir la gorge serrée", "I can't see her without crying":
  // a "without" under another negation affirms what it governs.
  if (negated) {
    let p = i - 1;
    while (p >= negAt && !lex.data.privatives.includes(tokens[p]!.word)) p--;
    if (p >= negAt && negatedEarlier(lex, tokens, p)) { negated = false; from = i; }
  }
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
  // "Je voudrais une chanson pour les noces d'or": a wish for a song is a request, and what follows
  // the song describes it (a focus), not a feeling wanted and missing.
  let song = false;
  for (let k = i - 1; k >= Math.max(0, i - FOCUS.window) && tokens[k]!.sentence === tokens[i]!.sentence; k--) {
    if (!focus && endingAt(tokens, k, lex.focus, tokens[k]!.scope) >= 0) focus = true;
    if (!past && tokens[k]!.scope === scope && endingAt(tokens, k, lex.past, scope) >= 0) past = true;
    if (lex.songNouns.has(tokens[k]!.word) || lex.songNouns.has(tokens[k]!.key)) song = true;
    if (!irrealis && !focus && i - k <= IRREALIS.window && endingAt(tokens, k, lex.irrealis, tokens[k]!.scope) >= 0) {
      if (song) focus = true;
      else irrealis = true;
    }
  }
  // "We were so happy back then": a marker of the past later in the clause dates the feeling too.
  for (let k = i + 1; !past && tokens[k]?.scope === scope; k++) if (endingAt(tokens, k, lex.past, scope) >= 0) past = true;
  return { factor: between && !litotes ? 1 : factor, negated, from, litotes, emphasised, irrealis, focus, past };
}

/**
 * The end of a negator that follows the word at `end` and denies it ("ich schäme mich nicht
 * mehr"), past at most PRONOUNS_BEFORE_NEGATOR pronouns, else -1. Not when a feeling word
 * follows the negator: then it is that word's ("… nicht traurig").
 */
export function negatorAfter(lex: Lexicon, tokens: Token[], end: number, isFeeling: (t: Token) => boolean): number {
  if (!lex.negatorsAfter.length) return -1;
  const scope = tokens[end]!.scope;
  let j = end + 1;
  for (let n = 0; n < PRONOUNS_BEFORE_NEGATOR && tokens[j] && lex.pronounsBeforeNegator.has(tokens[j]!.word); n++) j++;
  const neg = lex.negatorsAfter.find((w) => seqAt(tokens, j, w, scope));
  if (!neg) return -1;
  const last = j + neg.length - 1;
  const next = tokens[last + 1];
  return next && next.scope === scope && isFeeling(next) ? -1 : last;
}

/**
 * The negator that opens a bracket closed by the particle at j ("ne … plus": "je ne me sens plus
 * seule"), within BRACKET_REACH words before it in the clause, else -1. Alone the particle is no
 * negation ("plus heureux" is happier).
 */
function bracketOpener(lex: Lexicon, tokens: Token[], j: number): number {
  const scope = tokens[j]!.scope;
  for (let k = j - 1; k >= Math.max(0, j - BRACKET_REACH) && tokens[k]!.scope === scope; k--) if (lex.negators.some((n) => n.length === 1 && n[0] === tokens[k]!.word)) return k;
  return -1;
}

/**
 * True when the word at i..end describes the song itself: a song noun within SONG_FOCUS.back
 * words before it (or SONG_FOCUS.ahead after) in the same clause, with no topic marker between ("a nostalgic song",
 * "une chanson douce", "una canción de amor tierna") — but not "a song about the haunted house",
 * where the feeling belongs to the subject.
 */
export function describesSong(lex: Lexicon, tokens: Token[], i: number, end: number): boolean {
  const scope = tokens[i]!.scope;
  const isSong = (t: Token) => lex.songNouns.has(t.word) || lex.songNouns.has(t.key);
  for (let j = i - 1; j >= Math.max(0, i - SONG_FOCUS.back) && tokens[j]!.scope === scope; j--) {
    if (lex.topicMarkers.has(tokens[j]!.word)) return false;
    if (isSong(tokens[j]!)) return true;
  }
  for (let j = end + 1; j <= end + SONG_FOCUS.ahead && tokens[j]?.scope === scope; j++) if (isSong(tokens[j]!)) return true;
  return false;
}

/** True when the word at i sits in a simile in its clause ("bittersweet, like the last day of the holidays"). */
export function inSimile(lex: Lexicon, tokens: Token[], i: number): boolean {
  const scope = tokens[i]!.scope;
  for (let j = i - 1; j >= 0 && tokens[j]!.scope === scope; j--) if (endingAt(tokens, j, lex.simile, scope) >= 0) return true;
  return false;
}
