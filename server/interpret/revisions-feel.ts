/**
 * A section asked to feel some way: "the chorus should feel like relief" (English, revisions.ts),
 * and its German, French and Spanish forms from each language's revisions.json `feel` lists:
 * "der Refrain soll nach Hoffnung klingen", "plus d'espoir dans le refrain", "que el estribillo
 * suene a esperanza". The feeling named is a direction from neutral, so the section moves that way
 * relative to the rest of the song; the other sections keep theirs.
 */
import type { SongParameters } from '../../music/params.ts';
import { clamp, edit, round2, sectionName } from './edit.ts';
import { readEmotionDetail } from './emotion.ts';
import type { RequestRule } from './request-types.ts';
import { feelSection } from './scope.ts';
import { escapeRegExp, vocabularies } from './scope-vocab.ts';

type Change = { params: SongParameters; label: string } | null;

/** Section `word` ("chorus", "refrains") moved towards the feeling in `feeling`; null when it names none or the song has no such section. */
export function feelLike(p: SongParameters, word: string, feeling: string, lang?: string): Change {
  const name = sectionName(word, p);
  const { valence, arousal, hits } = readEmotionDetail(feeling, lang ? { lang } : {});
  if (!hits.length || !p.sections.some((s) => s.name === name)) return null;
  const energyShift = clamp(0.3 * arousal + 0.25 * Math.max(0, valence), -0.25, 0.25);
  const params = edit(p, (d) => {
    for (const s of d.sections) {
      if (s.name !== name) continue;
      s.valenceOffset = round2(clamp(s.valenceOffset + 0.5 * valence, -1, 1));
      s.arousalOffset = round2(clamp(s.arousalOffset + 0.5 * arousal, -1, 1));
      s.energy = round2(clamp(s.energy + energyShift, 0, 1));
      feelSection(s, valence, arousal);
    }
  });
  const before = p.sections.find((s) => s.name === name)!;
  const after = params.sections.find((s) => s.name === name)!;
  return { params, label: `${name} feels like ${feeling.trim().slice(0, 40)}: ${before.energy === after.energy ? 'same energy' : after.energy > before.energy ? 'more energy' : 'less energy'}, ${valence >= 0 ? 'brighter' : 'darker'}` };
}

const alternatives = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`)).join('|');
/** Letters, not \b, bound the words: \b does not know "é" or "ü". */
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;

/**
 * The longest run of ASCII letters in each word ("debería sonar a" → "sonar"): every match of an
 * alternation of the words holds one, so a text with none skips the pattern (request-types.ts needs).
 */
const asciiCores = (words: readonly string[]) => [...new Set(words.map((w) => (w.toLowerCase().match(/[a-z']+/g) ?? []).sort((a, b) => b.length - a.length)[0] ?? w.toLowerCase()))];

/** Two rules per language with a `feel` list: "<section> <lead> <feeling>" and "<more> <feeling> <in> <section>". */
function rulesFor(lang: string, sections: Record<string, string[]>, feel: { leads: string[]; more: string[]; in: string[] }): RequestRule[] {
  const byWord = new Map(Object.entries(sections).flatMap(([name, words]) => words.map((w): [string, string] => [w.toLowerCase(), name])));
  const section = alternatives([...byWord.keys()]);
  const nameOf = (word: string) => byWord.get(word.toLowerCase().replace(/\s+/g, ' ')) ?? word;
  const rules: RequestRule[] = [];
  if (feel.leads.length) {
    rules.push({
      aspect: 'sections',
      pattern: new RegExp(String.raw`${START}(${section})${END}\s+(?:${alternatives(feel.leads)})${END}\s*([^.;!?,]+)`, 'giu'),
      needs: asciiCores(feel.leads),
      apply: (m, p) => feelLike(p, nameOf(m[1]!), m[2]!, lang),
    });
  }
  if (feel.more.length && feel.in.length) {
    rules.push({
      aspect: 'sections',
      pattern: new RegExp(String.raw`${START}(?:${alternatives(feel.more)})\s*([\p{L}'-]+(?:\s+[\p{L}'-]+)?)\s+(?:${alternatives(feel.in)})\s+(${section})${END}`, 'giu'),
      needs: asciiCores(feel.in),
      apply: (m, p) => feelLike(p, nameOf(m[2]!), m[1]!, lang),
    });
  }
  return rules;
}

export const SECTION_FEEL_RULES: readonly RequestRule[] = [...vocabularies()].flatMap(([lang, v]) => (v.feel ? rulesFor(lang, v.sections, v.feel) : []));
