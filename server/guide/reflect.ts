/**
 * Reflecting an answer back in the musician's own words, with varied phrasing: a clause that
 * stands on its own is quoted, or the stage's phrase is restated in the guide's voice ("my
 * sister" → "your sister"). Every stock sentence is used once per conversation: `used` keeps the
 * ones said. Pure.
 */
import { clausesOf } from './topics.ts';
import { aboutPart, stagePhrase } from './intention.ts';
import type { AnswerStage } from './state.ts';
import type { GuideText, TopicStage } from './text.ts';

const wordsIn = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * A clause fit to quote alone: two to fourteen words, not starting or ending mid-thought
 * ("and…", "…the"), not about the conversation itself ("I told you"). The longest such clause.
 */
export function quotable(text: string, t: GuideText): string | null {
  const fit = clausesOf(text, t)
    .map((c) => c.replace(/[\s.!?,;:]+$/, ''))
    .filter((c) => wordsIn(c) >= 2 && wordsIn(c) <= 14 && !t.dangling.test(c) && !t.patterns.meta.test(c));
  return fit.sort((a, b) => wordsIn(b) - wordsIn(a))[0] ?? null;
}

/** Their phrase in the guide's voice: inYourWords("my sister", en) → "your sister"; null when a word cannot be turned. */
export function inYourWords(phrase: string, t: GuideText): string | null {
  if (!phrase || t.firstPerson.test(phrase)) return null;
  return phrase.replace(/(?<![\p{L}\p{N}'])[\p{L}']+(?![\p{L}\p{N}'])/gu, (w) => {
    const turned = t.swap[w.toLowerCase()];
    if (!turned) return w;
    return w[0] === w[0]!.toUpperCase() && w.toLowerCase() !== 'i' ? turned.charAt(0).toUpperCase() + turned.slice(1) : turned;
  });
}

/** The first of `variants` not yet used under `key`, starting at `from`; its index, or -1 when all were said. */
export function pick(variants: readonly string[], key: string, used: readonly string[], from = 0): number {
  for (let k = 0; k < variants.length; k++) {
    const i = (from + k) % variants.length;
    if (!used.includes(`${key}:${i}`)) return i;
  }
  return -1;
}

export interface Said {
  text: string;
  used: string[];
}

/** Say one unused variant of `variants` (filled by `fill`), or nothing when every one was said. */
export function sayOnce(variants: readonly string[], key: string, used: string[], fill: (v: string) => string = (v) => v, from = 0): Said {
  const i = pick(variants, key, used, from);
  return i < 0 ? { text: '', used } : { text: fill(variants[i]!), used: [...used, `${key}:${i}`] };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "that that he is loved" → "that he is loved": a template's connective met the same word in their phrase. */
export const once = (s: string) => s.replace(/(?<![\p{L}])(\p{L}+) \1(?![\p{L}])/giu, '$1');

/**
 * Reflect `answer` given at `stage`: a restated phrase ("So it is for your sister.") or a quoted
 * clause ("“the house is quiet now” — I can hear that."), never a template said before.
 * `turn` varies which comes first. Empty when nothing reads well alone.
 */
export function reflection(stage: AnswerStage, answer: string, t: GuideText, used: string[], turn: number, said = answer): Said {
  // "about" is restated with the intention's own grammar ("A song about your sister's move"), so it always reads right.
  const own = stage === 'about' ? aboutPart(answer, t) : stage in t.paraphrase ? stagePhrase(stage, answer, t) : '';
  const fits = stage === 'feeling' ? t.patterns.feelingStart.test(own) : stage === 'message' ? t.patterns.clause.test(own) : true;
  const turned = own && fits ? inYourWords(own, t) : null;
  const phrase = turned && t.patterns.lower.test(turned.charAt(0).toLowerCase() + turned.slice(1)) ? turned.charAt(0).toLowerCase() + turned.slice(1) : turned;
  // Quotes come from what they said, not from the phrase read out of it ("geht um meinen Job").
  const quote = quotable((stage === 'about' ? stagePhrase(stage, answer, t) : '') || answer, t) ?? quotable(said, t);
  const tries: (() => Said)[] = [];
  if (phrase && wordsIn(phrase) <= 12) {
    tries.push(() => sayOnce(t.paraphrase[stage as TopicStage], `para:${stage}`, used, (v) => v.replace('{a}', phrase).replace('{p}', phrase).replace('{P}', capital(phrase)), turn));
  }
  if (quote) tries.push(() => sayOnce(t.reflect, 'reflect', used, (v) => v.replace('{q}', quote), turn));
  // Quote first on even turns, restate first on odd ones: the phrasing changes from answer to answer.
  if (turn % 2 === 0) tries.reverse();
  for (const attempt of tries) {
    const said = attempt();
    if (said.text) return { ...said, text: once(said.text) };
  }
  return { text: '', used };
}
