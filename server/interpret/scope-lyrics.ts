/**
 * Lyric requests in conversation, as revisions of the words: "make the chorus line shorter",
 * "something that rhymes with home", "use her words 'keep going' in the chorus". The vocabulary is
 * the `lyrics` block of lang/<code>/revisions.json. A request changes only the section it names
 * (the chorus when it names none), never a line it was not asked about, and each change is
 * described with the words quoted, before and after, for the reply (lyricChangeLines).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SongParameters } from '../../music/params.ts';
import { quotedPhrases } from '../lyrics/phrases.ts';
import { findRhymes } from '../lyrics/rhymes.ts';
import { fold, LANG_DIR, vocabularies, vocabulary, wordPattern } from './scope-vocab.ts';

const Words = z.array(z.string().min(1)).min(1);
export const LyricVocabulary = z.object({
  lineWords: Words, shorter: Words, rhyme: Words, use: Words, fillers: z.array(z.string()),
  /** A new line ending on a rhyme; {word} is the rhyme. */
  rhymeLines: Words,
  say: z.object({ changed: z.string().includes('{to}'), added: z.string().includes('{to}') }),
});
export type LyricVocabulary = z.infer<typeof LyricVocabulary>;

const cache = new Map<string, LyricVocabulary | null>();
/** The lyric words of a language, or null when its revisions.json has none. */
export function lyricVocabulary(code: string): LyricVocabulary | null {
  if (!cache.has(code)) {
    const raw = JSON.parse(readFileSync(path.join(LANG_DIR, code, 'revisions.json'), 'utf8')) as { lyrics?: unknown };
    cache.set(code, raw.lyrics === undefined ? null : LyricVocabulary.parse(raw.lyrics));
  }
  return cache.get(code)!;
}

const has = (text: string, words: readonly string[]) => words.some((w) => new RegExp(wordPattern(w), 'u').test(fold(text)));
const fill = (t: string, v: Record<string, string>) => t.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);
const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The section a request names (by the language's section words), else the chorus, else the first with words. */
function sectionFor(p: SongParameters, request: string, code: string): number {
  const names = Object.entries(vocabulary(code).sections).sort((a, b) => Math.max(...b[1].map((w) => w.length)) - Math.max(...a[1].map((w) => w.length)));
  for (const [name, words] of names) {
    if (!has(request, words)) continue;
    const i = p.sections.findIndex((s) => s.name === name);
    if (i >= 0) return i;
  }
  const chorus = p.sections.findIndex((s) => s.name === 'chorus');
  if (chorus >= 0) return chorus;
  const sung = p.sections.findIndex((s) => s.lyrics?.length);
  return sung >= 0 ? sung : 0;
}

/** A shorter version of a line: fillers out, then a repeat out, then the first clause; null when it cannot be shorter. */
export function shorterLine(line: string, fillers: readonly string[]): string | null {
  const drop = new Set(fillers.map((f) => fold(f)));
  const words = line.split(/\s+/);
  const kept = words.filter((w) => !drop.has(fold(w.replace(/[^\p{L}'-]/gu, ''))));
  if (kept.length < words.length && kept.length >= 2) return kept.join(' ');
  // "Keep going, keep going home" → "keep going home": a phrase said twice is said once.
  const clauses = line.split(/\s*,\s*/);
  for (let i = 0; i + 1 < clauses.length; i++) {
    if (fold(clauses[i + 1]!).startsWith(fold(clauses[i]!)) && clauses[i]!.length) return capital([...clauses.slice(0, i), ...clauses.slice(i + 1)].join(', '));
  }
  if (clauses.length > 1 && clauses[0]!.split(/\s+/).length >= 2) return clauses[0]!;
  return words.length >= 4 ? words.slice(0, -1).join(' ') : null;
}

export interface LyricChange { section: number; line: number; from: string | null; to: string }

/**
 * Apply the lyric requests in `request`: reviseLyrics(p, 'make the chorus line shorter') →
 * { params, changes: [{ section: 1, line: 0, from: 'Keep going, keep going home', to: 'Keep going home' }] }.
 * `changes` is empty (and params unchanged) when the request asks nothing of the words.
 */
export function reviseLyrics(params: SongParameters, request: string): { params: SongParameters; changes: LyricChange[]; language: string | null } {
  for (const code of vocabularies().keys()) {
    const v = lyricVocabulary(code);
    if (!v) continue;
    const changes: LyricChange[] = [];
    const sections = params.sections.map((s) => ({ ...s, lyrics: s.lyrics ? [...s.lyrics] : undefined }));
    const at = () => sectionFor(params, request, code);
    const quoted = quotedPhrases(request);
    if (quoted.length && has(request, v.use)) {
      const i = at();
      const s = sections[i]!;
      for (const phrase of quoted) {
        const lines = s.lyrics ?? [];
        if (lines.some((l) => fold(l).includes(fold(phrase))) || lines.length >= 24) continue;
        s.lyrics = [...lines, capital(phrase)];
        changes.push({ section: i, line: s.lyrics.length - 1, from: null, to: capital(phrase) });
      }
    } else if (has(request, v.rhyme)) {
      const folded = fold(request);
      const m = v.rhyme.map((w) => new RegExp(`${wordPattern(w)}\\s+["“'‘]?([\\p{L}'-]+)`, 'u').exec(folded)).find(Boolean);
      const target = m ? request.slice(m.index + m[0].length - m[1]!.length, m.index + m[0].length) : '';
      const rhymes = target ? findRhymes(target, code, 12) : null;
      const word = rhymes && [...rhymes.perfect, ...rhymes.near].find((w) => fold(w) !== fold(target));
      if (word) {
        const i = at();
        const s = sections[i]!;
        const text = fill(v.rhymeLines[(s.lyrics?.length ?? 0) % v.rhymeLines.length]!, { word });
        if ((s.lyrics?.length ?? 0) < 24) {
          s.lyrics = [...(s.lyrics ?? []), text];
          changes.push({ section: i, line: s.lyrics.length - 1, from: null, to: text });
        }
      }
    } else if (has(request, v.shorter) && has(request, v.lineWords)) {
      const i = at();
      const s = sections[i]!;
      const lines = s.lyrics ?? [];
      // "the chorus line": the longest one, the line most in need of it.
      const j = lines.reduce((best, l, k) => (l.length > (lines[best] ?? '').length ? k : best), 0);
      const next = lines[j] ? shorterLine(lines[j]!, v.fillers) : null;
      if (next && next !== lines[j]) {
        changes.push({ section: i, line: j, from: lines[j]!, to: next });
        s.lyrics = lines.map((l, k) => (k === j ? next : l));
      }
    }
    if (changes.length) return { params: SongParameters.parse({ ...params, sections: sections.map(({ lyrics, ...rest }) => (lyrics?.length ? { ...rest, lyrics } : rest)) }), changes, language: code };
  }
  return { params, changes: [], language: null };
}

/** The reply's sentences for changed words, quoting them: "The chorus now sings “Keep going home” (it was “…”)." */
export function lyricChangeLines(before: SongParameters, after: SongParameters, language = 'en'): string[] {
  const v = lyricVocabulary(language) ?? lyricVocabulary('en');
  if (!v) return [];
  const say = vocabulary(language).say;
  const out: string[] = [];
  after.sections.forEach((s, i) => {
    const old = before.sections[i]?.name === s.name ? (before.sections[i]!.lyrics ?? []) : [];
    const now = s.lyrics ?? [];
    const section = capital(fill(say.section.the, { name: say.names[s.name] ?? s.name }));
    now.forEach((line, k) => {
      if (old[k] === line) return;
      out.push(old[k] === undefined ? fill(v.say.added, { section, to: line }) : fill(v.say.changed, { section, to: line, from: old[k]! }));
    });
  });
  return out.slice(0, 4);
}


/**
 * The musician's lines as they were, unless the request was about the words: a model revising
 * "slower" must not rewrite a chorus on the way. Sections are matched by name and instance.
 * keepWordsUnlessAsked(before, revised, 'slower') → revised with before's lyrics.
 */
export function keepWordsUnlessAsked(before: SongParameters, revised: SongParameters, request: string): SongParameters {
  if (reviseLyrics(before, request).changes.length) return revised;
  const words = new Map<string, string[] | undefined>();
  const seen = new Map<string, number>();
  const key = (name: string) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name}#${n}`;
  };
  for (const s of before.sections) words.set(key(s.name), s.lyrics);
  seen.clear();
  let changed = false;
  const sections = revised.sections.map((s) => {
    const k = key(s.name);
    const was = words.has(k) ? words.get(k) : undefined;
    if (JSON.stringify(was ?? []) === JSON.stringify(s.lyrics ?? [])) return s;
    changed = true;
    const { lyrics: _drop, ...rest } = s;
    return was?.length ? { ...rest, lyrics: was } : rest;
  });
  return changed ? SongParameters.parse({ ...revised, sections }) : revised;
}
