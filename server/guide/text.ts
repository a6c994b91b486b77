/**
 * The guide's words in each language, read from lang/<code>/guide.json: questions, varied
 * reflections, examples, follow-ups, the intention's sentence parts, and the patterns that read
 * short replies ("ja, genau", "no sé"). Patterns are regular-expression sources compiled once,
 * case-insensitive and Unicode-aware. Adding a language means adding its file, not code.
 */
import { z } from 'zod';
import { DEFAULT_LANGUAGE, isLanguage, readLangJson, type Language } from '../i18n/languages.ts';
import { STAGES } from './state.ts';

const Variants = z.array(z.string().min(1)).min(1);
const Pattern = z.string().min(1).refine((s) => { try { new RegExp(s, 'iu'); return true; } catch { return false; } }, 'not a valid pattern');

const StageText = z.object({
  question: z.string().min(1),
  /** For "I don't know": each variant names {examples} (three of `examples`, listed in the language). */
  unsure: Variants,
  examples: z.array(z.string().min(1)).min(3),
  /** After a one-word answer: a gentle follow-up quoting it as {q}. */
  followUp: Variants,
});

const TOPIC_STAGES = ['about', 'feeling', 'message', 'images', 'audience'] as const;

export const GuideTextFile = z.object({
  disclosure: z.string().min(1),
  list: z.object({ or: z.string().min(1), and: z.string().min(1) }),
  stages: z.object(Object.fromEntries(STAGES.map((s) => [s, StageText])) as Record<(typeof STAGES)[number], typeof StageText>),
  /** Reflections quoting a clause of their words as {q}. */
  reflect: Variants,
  /** Reflections that restate a stage's phrase in the guide's voice ("my" → "your") as {p} ({P} capitalised). */
  paraphrase: z.object(Object.fromEntries(TOPIC_STAGES.map((s) => [s, Variants])) as Record<(typeof TOPIC_STAGES)[number], typeof Variants>),
  lines: z.object({
    propose: Variants,
    /** The question after a proposal, a different one each time it is proposed again. */
    confirm: Variants,
    /** When the language model failed and the offline guide answered; {reason} is the failure's code. */
    fallback: z.string().includes('{reason}'),
    intentionAgain: z.string(),
    askChange: Variants,
    woven: Variants,
    corrected: Variants,
    resume: z.string(),
    closer: z.string(),
    further: z.string(),
    notUnderstood: z.string(),
    /** A request about a section the song lacks: {name} (with its article where the language has one), {Name} capitalised, {form}. */
    absentSection: z.string(),
    firstSketch: z.string(),
    sketchFor: z.string(),
    revised: z.string(),
    unchanged: z.string(),
    intentionNow: z.string(),
    musicKept: z.string(),
    reasonsOnly: z.string(),
    frustration: Variants,
    listen: Variants,
  }),
  /** Mode names as a musician says them in the language ("minor" → "Moll"); names not listed stay as the engine says them. */
  modes: z.record(z.string(), z.string()).default({}),
  chips: z.object({ asking: z.array(z.string()), proposing: z.array(z.string()), offer: z.array(z.string()), listening: z.array(z.string()) }),
  intention: z.object({
    start: z.string(),
    for: z.string(),
    about: z.string(),
    aboutClause: z.string(),
    feeling: z.string(),
    /** The feeling said in nouns ("tenderness and sadness"): ", with {feeling}". */
    feelingNouns: z.string(),
    message: z.string(),
    messagePhrase: z.string(),
    end: z.string(),
  }),
  patterns: z.object({
    yes: Pattern, no: Pattern, almost: Pattern, unsure: Pattern, skip: Pattern, justMake: Pattern, frustrated: Pattern,
    keepTalking: Pattern, closer: Pattern, further: Pattern, filler: Pattern, opener: Pattern, meta: Pattern, clause: Pattern,
    nounPhrase: Pattern, feelingStart: Pattern,
    /** A feeling answer made of feeling nouns only ("tenderness and sadness at once", "ternura y tristeza a la vez"). */
    feelingNouns: Pattern,
    /** First words written in lower case inside a sentence (articles, pronouns, feeling words …): never a name or a German noun. */
    lower: Pattern,
    /** A clause that opens with a relative ("who died in spring") belongs to the one before it. */
    relative: Pattern,
    /** A lead-in that marks a change of mind ("eigentlich", "en fait"), and the "…, not X" that names the old answer. */
    correction: Pattern,
    contrast: Pattern,
    /** Words that make a following verb part of a noun phrase ("my father who left", "the day she left"). */
    bound: Pattern,
    /** Words a quoted phrase must not end on ("… for the"). */
    trailing: Pattern,
  }),
  /** Lead-ins stripped from an answer before it goes into the intention; `about` pairs each with the intention part it uses. */
  leads: z.object({
    about: z.array(z.tuple([Pattern, z.string()])).min(1),
    /** A verb the language puts after the topic ("über meinen Großvater schreiben"), dropped from it. */
    aboutTail: Pattern.optional(),
    audience: Pattern,
    feeling: Pattern,
    message: Pattern,
  }),
  /** What marks each topic inside an answer; a first capture group is the phrase kept (about, audience). */
  topics: z.object(Object.fromEntries(TOPIC_STAGES.map((s) => [s, z.array(Pattern).min(1)])) as Record<(typeof TOPIC_STAGES)[number], z.ZodArray<typeof Pattern>>),
  clauses: Pattern,
  /** First-person words and their second-person form, for restating a phrase in the guide's voice. */
  swap: z.record(z.string(), z.string()),
  firstPerson: Pattern,
  dangling: Pattern,
});
export type GuideTextFile = z.infer<typeof GuideTextFile>;

type Patterns = Record<keyof GuideTextFile['patterns'], RegExp>;

/** A language's guide words with its patterns compiled. */
export interface GuideText extends Omit<GuideTextFile, 'patterns' | 'leads' | 'topics' | 'clauses' | 'firstPerson' | 'dangling'> {
  language: Language;
  patterns: Patterns;
  leads: { about: [RegExp, string][]; aboutTail?: RegExp; audience: RegExp; feeling: RegExp; message: RegExp };
  topics: Record<(typeof TOPIC_STAGES)[number], RegExp[]>;
  clauses: RegExp;
  firstPerson: RegExp;
  dangling: RegExp;
}

export { TOPIC_STAGES };
export type TopicStage = (typeof TOPIC_STAGES)[number];

const re = (source: string, flags = 'iu') => new RegExp(source, flags);
const compiled = new Map<Language, GuideText>();

/** guideText('de').stages.about.question → "Worum geht es in diesem Lied …"; an unknown code gives English. */
export function guideText(language: Language = DEFAULT_LANGUAGE): GuideText {
  const code = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  let text = compiled.get(code);
  if (!text) {
    const file = readLangJson(code, 'guide.json', GuideTextFile);
    text = {
      ...file,
      language: code,
      patterns: Object.fromEntries(Object.entries(file.patterns).map(([k, v]) => [k, re(v)])) as Patterns,
      leads: { about: file.leads.about.map(([p, t]) => [re(p), t] as [RegExp, string]), aboutTail: file.leads.aboutTail ? re(file.leads.aboutTail) : undefined, audience: re(file.leads.audience), feeling: re(file.leads.feeling), message: re(file.leads.message) },
      topics: Object.fromEntries(Object.entries(file.topics).map(([k, v]) => [k, v.map((p) => re(p))])) as GuideText['topics'],
      clauses: re(file.clauses),
      firstPerson: re(file.firstPerson),
      dangling: re(file.dangling),
    };
    compiled.set(code, text);
  }
  return text;
}

/** "a, b or c" in the language: listed(['a', 'b', 'c'], 'or', text). */
export function listed(items: string[], joiner: 'or' | 'and', text: GuideText): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${text.list[joiner]} ${items.at(-1)}`;
}
