/**
 * Text → tokens with sentence and clause marks, for the emotion reader. English goes through
 * wink-nlp (tokens, sentences, lemmas, contractions expanded: "can't" → can not, "I'd" → I would,
 * and its negation flag); German, French and Spanish through a Unicode word split and the
 * language's Snowball stem. The wink model loads once, when this module is first imported
 * (through wink-model.ts, which reads it faster).
 */
import type { ItemSentence, ItemToken } from 'wink-nlp';
import { its, nlp } from './english-nlp.ts';
import { familiarityIn, unstretch } from './emotion-elongation.ts';
import { ENGLISH, type Lexicon } from './lexicon.ts';

export interface Token {
  /** Lower case as written (contractions expanded in English). */
  word: string;
  /** Lemma or stem: the lexicon lookup key. */
  key: string;
  start: number;
  end: number;
  sentence: number;
  /** Clause index: commas, contrast words and sentence ends start a new one. */
  scope: number;
  afterContrast: boolean;
  /** English only: wink-nlp marks this token as inside a negation's reach. */
  negFlag: boolean;
  /** English only: a word wink-nlp's English lexicon does not know ("traurig" in an English sentence). */
  foreign?: boolean;
}

interface Raw { word: string; key: string; start: number; end: number; kind: 'word' | 'comma' | 'stop'; negFlag: boolean; foreign?: boolean }

/**
 * wink-nlp numbers the words of its English lexicon first and gives unknown words the ids after
 * them, so the id a never-seen word gets now is where the English vocabulary ends.
 */
const ENGLISH_VOCABULARY = Number(nlp.readDoc('qzxjvkwq').tokens().out(its.uniqueId as Parameters<ItemToken['out']>[0])[0]);

const STOPS = /^[.!?;…]+$/;
const SKIP_TYPES = new Set(['punctuation', 'emoji', 'emoticon', 'symbol', 'currency']);

/** A stretched English word ("gooo", "pisssed") as it is usually spelt, with its lemma and whether wink-nlp knows it. */
function unstretchEnglish(word: string, key: string, foreign: boolean): { word: string; key: string; foreign: boolean } {
  const plain = unstretch(word, familiarityIn(ENGLISH));
  if (plain === word) return { word, key, foreign };
  const t = nlp.readDoc(plain).tokens().itemAt(0);
  return { word: plain, key: String(t.out(its.lemma as Parameters<ItemToken['out']>[0])).toLowerCase(), foreign: Number(t.out(its.uniqueId as Parameters<ItemToken['out']>[0])) >= ENGLISH_VOCABULARY };
}

/** wink-nlp's reading of English text, as raw tokens with character offsets. */
function rawEnglish(text: string): Raw[] {
  const doc = nlp.readDoc(text);
  const out: Raw[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    sentence.tokens().each((t: ItemToken) => {
      const value = t.out() as string;
      const at = text.indexOf(value, cursor);
      const start = at < 0 ? cursor : at;
      const end = start + value.length;
      // A line break between words ends a sentence, as a full stop would.
      if (/\n/.test(text.slice(cursor, start)) && out.length) out.push({ word: '\n', key: '\n', start, end: start, kind: 'stop', negFlag: false });
      cursor = end;
      const type = t.out(its.type) as string;
      // wink-nlp gives line breaks (and tabs) a token of their own: a break ends a sentence, a tab is space.
      if (type === 'tabCRLF') {
        if (value.includes('\n') && out.length) out.push({ word: '\n', key: '\n', start, end, kind: 'stop', negFlag: false });
      } else if (type === 'punctuation' && value === ',') out.push({ word: ',', key: ',', start, end, kind: 'comma', negFlag: false });
      else if (type === 'punctuation' && STOPS.test(value)) out.push({ word: value, key: value, start, end, kind: 'stop', negFlag: false });
      else if (!SKIP_TYPES.has(type)) {
        const written = (t.out(its.normal) as string).toLowerCase().replace(/[\u2018\u2019`]/g, "'");
        const { word, key, foreign } = unstretchEnglish(written, String(t.out(its.lemma as Parameters<ItemToken['out']>[0])).toLowerCase(), Number(t.out(its.uniqueId as Parameters<ItemToken['out']>[0])) >= ENGLISH_VOCABULARY);
        out.push({ word, key, start, end, kind: 'word', negFlag: Boolean(t.out(its.negationFlag)), foreign });
      }
    });
    out.push({ word: '.', key: '.', start: cursor, end: cursor, kind: 'stop', negFlag: false });
  });
  return out;
}

/** Words, commas and sentence stops in other languages; elisions split ("m'a" → m, a). */
function rawOther(text: string, lex: Lexicon): Raw[] {
  const out: Raw[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[,]|[.!?;…\n]+/gu)) {
    const v = m[0];
    const start = m.index;
    if (v === ',') out.push({ word: v, key: v, start, end: start + 1, kind: 'comma', negFlag: false });
    else if (/^[.!?;…\n]+$/.test(v)) out.push({ word: v, key: v, start, end: start + v.length, kind: 'stop', negFlag: false });
    else { const word = unstretch(v.toLowerCase(), familiarityIn(lex)); out.push({ word, key: lex.stem(word), start, end: start + v.length, kind: 'word', negFlag: false }); }
  }
  return out;
}

/** The contrast phrase ("but", "sin embargo") starting at raw[i], as its length in words, else 0. */
function contrastAt(raw: Raw[], i: number, lex: Lexicon): number {
  return lex.contrast.find((words) => words.every((w, k) => raw[i + k]?.kind === 'word' && raw[i + k]!.word === w))?.length ?? 0;
}

/** Tokenise `text` for `lex`'s language, with sentence, clause and contrast marks. */
export function tokenise(text: string, lex: Lexicon): Token[] {
  const raw = lex.data.stemmer === 'lemma' ? rawEnglish(text) : rawOther(text, lex);
  const tokens: Token[] = [];
  let sentence = 0;
  let scope = 0;
  let afterContrast = false;
  let seenWord = false;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.kind === 'stop') { if (seenWord) { sentence++; scope++; } seenWord = false; afterContrast = false; continue; }
    // "Angst, dass sie ihn verheizen": a comma before "dass" joins a feeling to what it is about, it opens no clause.
    if (r.kind === 'comma') { if (!(raw[i + 1]?.kind === 'word' && lex.data.complementizers.includes(raw[i + 1]!.word))) scope++; continue; }
    // "not sad, just tired": a correction opening a clause says what the feeling really is, as "but" does.
    const c = contrastAt(raw, i, lex) || (raw[i - 1]?.kind === 'comma' && raw[i]!.kind === 'word' && lex.correction.has(raw[i]!.word) ? 1 : 0);
    if (c) { scope++; afterContrast = true; i += c - 1; continue; }
    // "… and I'm devastated": a joiner and a subject open a clause of its own.
    if (r.kind === 'word' && raw[i - 1]?.kind === 'word' && lex.data.subjects.includes(r.word) && lex.data.joiners.includes(raw[i - 1]!.word)) scope++;
    seenWord = true;
    tokens.push({ word: r.word, key: r.key, start: r.start, end: r.end, sentence, scope, afterContrast, negFlag: r.negFlag, ...(r.foreign ? { foreign: true } : {}) });
  }
  return tokens;
}

/** The text split into sentences as written, indexed like Token.sentence (first word to last word). */
export function sentencesOf(text: string, tokens: readonly Token[]): string[] {
  const out: string[] = [];
  const first: number[] = [];
  for (const t of tokens) {
    first[t.sentence] ??= t.start;
    out[t.sentence] = text.slice(first[t.sentence], t.end).trim();
  }
  return out;
}
