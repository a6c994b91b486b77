/**
 * Reading the musician's words without a model: short quotes to reflect back, and the shortcuts
 * ("I don't know", "skip", "yes", "just make something in D minor"); corrections are in corrections.ts.
 * Patterns are data; every function is pure.
 */
import { interpretOffline } from '../interpret/index.ts';
import type { AnswerStage } from './state.ts';

const UNSURE = /^(i\s*(do\s*not|don'?t|dont)\s*know|not\s+sure|no\s+idea|dunno|idk|i'?m\s+not\s+sure|i\s+have\s+no\s+idea)\b/i;
const SKIP = /^(skip|next|pass|skip (it|this|that)|move on|no references?|none|nothing)[\s.!]*$/i;
const YES = /^(yes|yeah|yep|yup|y|sure|ok|okay|exactly|perfect|correct|right|that'?s (it|right)|sounds (right|good)|i (like|love) it)\b/i;
const NO = /^(no|nope|not quite|not really|wrong)[\s.!]*$/i;
const CLOSER = /^(closer|nearer|better|that'?s closer|yes,? closer)[\s.!]*$/i;
const FURTHER = /^(further|farther|worse|not (it|that)|further away)[\s.!]*$/i;
const JUST_MAKE = /\b(just\s+(make|give|play|write|do|try)|make (me )?(something|a (song|sketch))|give me (something|a (song|sketch))|play (me )?something)\b/i;
const ASKS = /\b(just|make|give me)\b/i;

const words = (text: string) => text.trim().split(/\s+/).length;

/** "I don't know", "not sure" (short messages only: a long one is an answer that starts unsure). */
export const isUnsure = (text: string) => UNSURE.test(text.trim()) && words(text) <= 8;
/** "skip", "next", "none". */
export const isSkip = (text: string) => SKIP.test(text.trim());
/** "yes", "that's it", "sounds right" (short messages only). */
export const isYes = (text: string) => YES.test(text.trim()) && words(text) <= 6;
/** A bare "no" / "not quite". */
export const isNo = (text: string) => NO.test(text.trim());
/** A listening verdict: "closer". */
export const isCloser = (text: string) => CLOSER.test(text.trim());
/** A listening verdict: "further". */
export const isFurther = (text: string) => FURTHER.test(text.trim());

/** A message that only steers the conversation ("yes", "skip", "I don't know") and says nothing about the song. */
export const isShortcut = (text: string) => isSkip(text) || isUnsure(text) || isNo(text) || (isYes(text) && words(text) <= 2);

/** "just make something sad in D minor" (or any explicit request with just/make/give me) → true. */
export function isJustMake(text: string): boolean {
  if (JUST_MAKE.test(text)) return true;
  return ASKS.test(text) && interpretOffline(text).explicit.length > 0;
}

/** A short quote of their words to reflect back: the first clause, at most `words` words. */
export function keyPhrase(text: string, words = 12): string {
  const first = text.trim().split(/(?<=[.!?])\s+|\n/)[0] ?? '';
  const cleaned = first.replace(/^(well|um+|so|hmm+|i think|i guess)[,\s]+/i, '').replace(/[\s.!?,;:]+$/, '');
  const parts = cleaned.split(/\s+/).filter(Boolean);
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : parts.join(' ');
}

/** Strip a lead-in ("it's about", "for") and keep the first clause, at most `words` words.
 *  `keepBut` keeps "but also …": mixed feelings are the point, not noise to trim. */
function core(text: string | undefined, lead: RegExp, words: number, keepBut = false): string {
  if (!text) return '';
  const split = keepBut ? /[.;!?\n]|,\s|\s(?:because|since)\s/i : /[.;!?\n]|,\s|\s(?:because|since|but)\s/i;
  const clause = text.trim().replace(lead, '').split(split)[0] ?? '';
  const parts = clause.trim().split(/\s+/).filter(Boolean).slice(0, words);
  const joined = parts.join(' ').replace(/[\s,:]+$/, '');
  // Lower-case the first letter (it continues a sentence) unless it is "I" or a name-like "I'm".
  return /^I\b/.test(joined) ? joined : joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** "for her" says less than the "my sister" they already named: use the person from the story. */
function resolvePronoun(audience: string, about: string): string {
  if (!/^(her|him|them)$/i.test(audience)) return audience;
  const person = /\bmy ([a-z]+)\b/i.exec(about);
  return person ? `my ${person[1]}` : audience;
}

/** How each answer is shortened for the intention: the lead-in to strip, the most words kept, and whether "but …" stays. */
const PHRASES: Partial<Record<AnswerStage, { lead: RegExp; words: number; keepBut?: boolean }>> = {
  about: { lead: /^((it'?s|it is|the song is|this song is|this is|a song|i want to write)\s*)?(really\s+|more\s+)?(about|on)\s+/i, words: 12 },
  audience: { lead: /^(it'?s|it is|this is|the song is|this song is)?\s*(for|to)\s+/i, words: 8 },
  feeling: { lead: /^(i\s+feel|i'?m\s+feeling|i\s+am|i'?m|feeling|it\s+feels|mostly|just)\s+/i, words: 8, keepBut: true },
  message: { lead: /^(i'?d want (them|it) to be|i want (them|people) to (know|keep|feel)|just)\s+/i, words: 12 },
};

/** The part of an answer the intention quotes: stagePhrase('audience', "It's for my sister") → "my sister"; "" for other stages. */
export function stagePhrase(stage: AnswerStage, text: string | undefined): string {
  const rule = PHRASES[stage];
  return rule ? core(text, rule.lead, rule.words, rule.keepBut) : '';
}

/**
 * Propose an intention from their answers:
 * { about: "It's about the quiet after the move", audience: "for my sister", feeling: "tender and a little hopeful",
 *   message: "that home moves with you" }
 * → "A song for my sister about the quiet after the move, tender and a little hopeful — that home moves with you."
 * Returns "" when there is nothing to build from (every stage skipped).
 */
export function proposeIntention(answers: Partial<Record<AnswerStage, string>>): string {
  const about = stagePhrase('about', answers.about);
  const audience = resolvePronoun(stagePhrase('audience', answers.audience), about);
  const feeling = stagePhrase('feeling', answers.feeling);
  const message = stagePhrase('message', answers.message);
  let text = 'A song';
  // "a song for my grandmother" as the answer about the song already says what kind of song it is:
  // "A song about a song for my grandmother" would read like a stutter.
  const named = /^(?:a|this|my)\s+song\b\s*/i.exec(about);
  const rest = named ? about.slice(named[0].length) : about;
  if (audience && !(named && rest.toLowerCase().includes(audience.toLowerCase()))) text += ` for ${audience}`;
  if (named) text += rest ? ` ${rest}` : '';
  else if (about) text += ` about ${about}`;
  if (feeling) text += `, ${feeling}`;
  if (text === 'A song') return '';
  if (message) text += ` — ${/^that\b/i.test(message) ? message : `that ${message}`}`;
  return `${text}.`;
}
