/**
 * The musician's own phrases, cut from what they said: anything they quoted ("keep going"), and
 * short noun phrases opened by a determiner ("the empty chair", "our Sunday walks"). Line prompts
 * and drafts are built from these, so the words offered back are theirs, not the app's.
 */
import type { LyricsLang } from './lang.ts';

// German opens with „ and closes with “; French uses « »; English “ ” and ' '.
const QUOTED = /["“„«‘']\s*([^"“”„«»‘’']{2,60}?)\s*["”“«»’']/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** A phrase keeps at most this many words after its determiner. */
const MAX_WORDS = 3;

/** Quoted phrases in a text: quotedPhrases('use her words "keep going"') → ['keep going']. */
export function quotedPhrases(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter((p) => /\p{L}/u.test(p) && p.split(/\s+/).length <= 8);
}

/** Determiner-led phrases: nounPhrases('I miss our Sunday walks.', en) → ['our Sunday walks']. */
export function nounPhrases(text: string, lang: Pick<LyricsLang, 'determiners' | 'stopwords'>): string[] {
  const out: string[] = [];
  const stop = new Set(lang.stopwords);
  const det = new Set(lang.determiners);
  // A phrase never runs over punctuation: split into clauses first.
  for (const clause of text.split(/[.,;:!?()\n"“”„«»]+/u)) {
    const words = clause.match(WORD) ?? [];
    for (let i = 0; i < words.length; i++) {
      if (!det.has(words[i]!.toLowerCase())) continue;
      const taken: string[] = [];
      for (let j = i + 1; j < words.length && taken.length < MAX_WORDS; j++) {
        const w = words[j]!;
        if (det.has(w.toLowerCase()) || stop.has(w.toLowerCase())) break;
        taken.push(w);
      }
      if (taken.length) out.push([words[i], ...taken].join(' '));
    }
  }
  return out;
}

/**
 * The phrases worth offering back, most recent first, without repeats:
 * ownPhrases(['the empty chair at dinner', 'use "keep going"'], en) → ['keep going', 'the empty chair'].
 */
export function ownPhrases(texts: readonly string[], lang: Pick<LyricsLang, 'determiners' | 'stopwords'>, limit = 8): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of [...texts].reverse()) {
    for (const p of [...quotedPhrases(text), ...nounPhrases(text, lang)]) {
      const key = p.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
