/**
 * Changing an earlier answer: "actually I feel angry, not sad", "I meant it's for my mother",
 * "it's more about the kitchen", "change the message to …". Which stage a correction belongs to
 * is decided by data-table rules plus the interpreter's emotion reading; requests about the music
 * ("actually make it slower") are never corrections. Every function is pure.
 */
import { interpretOffline, readEmotion } from '../interpret/index.ts';
import type { AnswerStage } from './state.ts';
import { proposeIntention, stagePhrase } from './words.ts';
import { guideText, type GuideText } from './text.ts';
import { readTopics } from './topics.ts';

/** A changed answer: the stage it belongs to and the musician's words for it (the "not …" part dropped). */
export interface Correction {
  stage: AnswerStage;
  text: string;
}

/** Lead-ins that mark a change of mind; stripped before the rest is read. */
const LEAD = /^\s*(actually|wait|oh|sorry|correction|no|i meant(?: to say)?|i mean|what i meant (?:is|was)|on second thought|thinking about it|let me rephrase)\b[,:;.!\s-]*/i;
/** "…, not my sister" / "rather than sad": the old answer named as what it is not (the comma keeps "you're not alone" whole). */
const CONTRAST = /(?:,\s*not|,?\s+rather than|,?\s+instead of)\s+[^,.;!?]+[.!]*\s*$/i;
/** Restating what the song is (about/for) needs no lead-in once a sketch exists. */
const RESTATE = /^(?:it'?s|it is|this is|the song is|this song is)\s+(?:really\s+|actually\s+)?(?:more\s+)?(?:about|for)\b/i;
/** "change the message to …", "the feeling is …": the stage named outright. */
const NAMED = /^(?:(?:change|make|set)\s+(?:the|my)\s+(\w+)\s+(?:to|into)|(?:the|my)\s+(\w+)\s+(?:is|should be|was))\s+(.+)$/i;

/** Stage names a musician might use when naming what they are changing. */
const STAGE_WORDS: Readonly<Record<string, AnswerStage>> = {
  message: 'message', takeaway: 'message', point: 'message',
  feeling: 'feeling', feelings: 'feeling', emotion: 'feeling',
  audience: 'audience', listener: 'audience',
  subject: 'about', topic: 'about', story: 'about',
  image: 'images', images: 'images', picture: 'images', place: 'images', scene: 'images',
};

/** Openings that ask for a musical change, and verdicts on the sketch: these stay revisions. */
const NOT_A_CORRECTION = [
  /^(?:make|add|take|remove|drop|put|try|give|play|use|let|can you|could you|please|more|less|a (?:bit|little|lot)|go|keep|turn|change (?:it|the (?:key|tempo|mood|drums|sound|instruments?|chords?|bass|melody)))\b/i,
  /^(?:slower|faster|louder|quieter|softer|brighter|darker|warmer|colder|fuller|sparser|higher|lower|shorter|longer)\b/i,
  /\b(?:like|love|hate|prefer)\s+(?:it|this|that|the (?:song|sketch|version))\b/i,
  /\bwith (?:it|this|that)\b/i,
];

/** Which earlier answer the words belong to (first match wins); `feels` is the interpreter's reading. */
const TARGETS: { stage: AnswerStage; test: (rest: string, feels: boolean, contrast: boolean) => boolean }[] = [
  { stage: 'about', test: (r) => /^(?:(?:it'?s|it is|the song is|this song is|this is)\s+)?(?:really\s+|actually\s+)?(?:more\s+)?about\b/i.test(r) },
  { stage: 'audience', test: (r) => /\b(?:for|to)\s+(?:my|our|his|her|their|him|them|me|myself|us|everyone|anyone|whoever|someone)\b/i.test(r) },
  { stage: 'message', test: (r) => /\b(?:keep|remember|message|know that|hear that|take away)\b/i.test(r) },
  { stage: 'feeling', test: (r, feels) => feels && /\b(?:i\s+(?:really\s+)?feel|i'?m\s+feeling|i\s+felt|it\s+feels|i'?m|i\s+am)\b/i.test(r) },
  { stage: 'feeling', test: (_r, feels, contrast) => feels && contrast },
  { stage: 'about', test: (r) => /\babout\b/i.test(r) },
  { stage: 'images', test: (r) => /\b(?:smell|sound|see|place|room|picture)\b/i.test(r) },
];

const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** Their words without the "not …" clause: "I feel angry, not sad" → "I feel angry". */
export function affirmed(text: string): string {
  const kept = text.replace(CONTRAST, '').trim();
  return kept || text.trim();
}

/**
 * "actually it's for my dad" → { stage: 'audience', text: "it's for my dad" }; null when not a correction.
 * `afterSketch` also accepts a plain restatement ("it's for my mother"), which cannot be a revision.
 */
export function correction(text: string, options: { afterSketch?: boolean } = {}): Correction | null {
  const lead = LEAD.exec(text);
  const rest = (lead ? text.slice(lead[0].length) : text).trim();
  if (wordCount(rest) < 2 || NOT_A_CORRECTION.some((p) => p.test(rest))) return null;

  const named = NAMED.exec(rest);
  const namedStage = named ? STAGE_WORDS[(named[1] ?? named[2] ?? '').toLowerCase()] : undefined;
  if (namedStage) return { stage: namedStage, text: affirmed(named![3]!.trim()) };

  const contrast = CONTRAST.test(rest);
  if (!lead && !contrast && !(options.afterSketch && RESTATE.test(rest))) return null;
  // Explicit musical requests ("actually, in D minor") are revisions, whatever the lead-in.
  if (interpretOffline(rest).explicit.length > 0) return null;
  const feels = readEmotion(affirmed(rest)).words.length > 0;
  const target = TARGETS.find((t) => t.test(rest, feels, contrast));
  return target ? { stage: target.stage, text: affirmed(rest) } : null;
}

/** Which topic a change belongs to when several are named: the sharply marked ones first. */
const CHANGE_ORDER: AnswerStage[] = ['audience', 'about', 'message', 'feeling', 'images'];

/**
 * A change of an earlier answer in any language, marked by the language's lead-in ("eigentlich
 * bin ich wütend, nicht traurig" → { stage: 'feeling', text: 'bin ich wütend' }); the topic is read
 * with the guide's topic patterns. English keeps the richer rules of correction().
 */
export function correctionIn(text: string, t: GuideText, options: { afterSketch?: boolean } = {}): Correction | null {
  if (t.language === 'en') return correction(text, options);
  const lead = t.patterns.correction.exec(text);
  if (!lead) return null;
  const rest = text.slice(lead[0].length).trim();
  const kept = rest.replace(t.patterns.contrast, '').trim() || rest;
  if (wordCount(kept) < 2) return null;
  const found = readTopics(kept, null, t);
  const stage = CHANGE_ORDER.find((s) => found[s]);
  return stage ? { stage, text: kept } : null;
}

/** What changed, for updating what was built from the old answer. */
export interface Changed {
  stage: AnswerStage;
  previous: string | null;
  answer: string;
  /** The answers after the change. */
  answers: Partial<Record<AnswerStage, string>>;
}

/** Swap the old answer's phrase for the new one in `text`; null when the old phrase is not in it. */
export function swapPhrase(text: string, change: Changed, t: GuideText = guideText('en')): string | null {
  const before = stagePhrase(change.stage, change.previous ?? undefined, t);
  const after = stagePhrase(change.stage, change.answer, t);
  if (!before || !after || !text.toLowerCase().includes(before.toLowerCase())) return null;
  const at = text.toLowerCase().indexOf(before.toLowerCase());
  return text.slice(0, at) + after + text.slice(at + before.length);
}

/**
 * The intention after a change: an intention built from the old answers is rebuilt from the new
 * ones; their own wording keeps its words with only the changed phrase swapped ("for my sister" →
 * "for my mother"); otherwise the intention proposed from the new answers. `kept` says their wording stayed.
 */
export function correctedIntention(current: string | null, change: Changed, t: GuideText = guideText('en')): { text: string; kept: boolean } | null {
  const proposed = proposeIntention(change.answers, t) || null;
  if (!current) return proposed ? { text: proposed, kept: false } : null;
  const old = proposeIntention({ ...change.answers, [change.stage]: change.previous ?? undefined }, t);
  if (current === old) return proposed ? { text: proposed, kept: false } : null;
  const swapped = swapPhrase(current, change, t);
  if (swapped) return { text: swapped, kept: true };
  return proposed ? { text: proposed, kept: false } : null;
}
