/**
 * Reading the musician's short replies without a model, in their language: "I don't know",
 * "skip", "yes" / "ja, genau" / "oui c'est ça", "almost, but…", "this is pointless", "just play
 * something". The patterns are data in lang/<code>/guide.json; corrections are in corrections.ts.
 * Every function is pure; `t` defaults to English.
 */
import { interpretOffline } from '../interpret/index.ts';
import type { AnswerStage } from './state.ts';
import { composeIntention, stagePhrase } from './intention.ts';
import { guideText, type GuideText } from './text.ts';

export { stagePhrase } from './intention.ts';

const EN = () => guideText('en');
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const clean = (text: string) => text.trim().replace(/’/g, "'").replace(/^[¡¿"“„«\s]+/u, '');

/** "I don't know", "keine Ahnung", "no sé" (short messages only: a long one is an answer that starts unsure). */
export const isUnsure = (text: string, t: GuideText = EN()) => t.patterns.unsure.test(clean(text)) && words(text) <= 8;
/** "skip", "weiter", "passer". */
export const isSkip = (text: string, t: GuideText = EN()) => t.patterns.skip.test(clean(text));
/** "yes", "ja, genau", "oui c'est ça", "sí, exacto" (short messages only, and not "yes, but …"). */
export const isYes = (text: string, t: GuideText = EN()) => t.patterns.yes.test(clean(text)) && words(text) <= 6 && !t.patterns.almost.test(clean(text));
/** A bare "no" / "not quite". */
export const isNo = (text: string, t: GuideText = EN()) => t.patterns.no.test(clean(text));
/** "almost, but the wording is muddled", "fast, aber …": not a confirmation, and not the intention either. */
export const isAlmost = (text: string, t: GuideText = EN()) => t.patterns.almost.test(clean(text)) && words(text) <= 16;
/** "this is pointless", "das bringt nichts": irritation to acknowledge, never to echo. */
export const isFrustrated = (text: string, t: GuideText = EN()) => t.patterns.frustrated.test(clean(text)) && words(text) <= 20;
/** "no, let's keep talking" after an offer to play something. */
export const isKeepTalking = (text: string, t: GuideText = EN()) => t.patterns.keepTalking.test(clean(text));
/** A listening verdict: "closer". */
export const isCloser = (text: string, t: GuideText = EN()) => t.patterns.closer.test(clean(text));
/** A listening verdict: "further". */
export const isFurther = (text: string, t: GuideText = EN()) => t.patterns.further.test(clean(text));
/** One word that is an answer, not a shortcut: "Mum", "traurig". */
export const isOneWord = (text: string) => words(text.replace(/[^\p{L}\p{N}\s'-]/gu, ' ')) === 1;

/** A message that only steers the conversation ("yes", "skip", "I don't know") and says nothing about the song. */
export function isShortcut(text: string, t?: GuideText): boolean {
  const texts = t ? [t] : ['en', 'de', 'fr', 'es'].map((c) => guideText(c));
  return texts.some((x) => isSkip(text, x) || isUnsure(text, x) || isNo(text, x) || isAlmost(text, x) || (isYes(text, x) && words(text) <= 3));
}

const ASKS = /\b(just|make|give me)\b/i;

/** "just make something sad in D minor", "spiel einfach was" → true. */
export function isJustMake(text: string, t: GuideText = EN()): boolean {
  if (t.patterns.justMake.test(text)) return true;
  return t.language === 'en' && ASKS.test(text) && interpretOffline(text).explicit.length > 0;
}

/** A short quote of their words to reflect back: the first clause, at most `words` words. */
export function keyPhrase(text: string, max = 12): string {
  const first = text.trim().split(/(?<=[.!?])\s+|\n/)[0] ?? '';
  const cleaned = first.replace(/^(well|um+|so|hmm+|i think|i guess)[,\s]+/i, '').replace(/[\s.!?,;:]+$/, '');
  const parts = cleaned.split(/\s+/).filter(Boolean);
  return parts.length > max ? `${parts.slice(0, max).join(' ')}…` : parts.join(' ');
}

/** The intention proposed from their answers, in English unless `t` says otherwise ("" when every stage was skipped). */
export function proposeIntention(answers: Partial<Record<AnswerStage, string>>, t: GuideText = EN()): string {
  return composeIntention(answers, t);
}

