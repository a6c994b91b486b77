/** Words that change how strongly (or whether) a nearby feeling word counts. Data, not logic. */

/** Intensifiers and softeners: multiply the next feeling word's strength and weight. */
export const INTENSITY: Readonly<Record<string, number>> = {
  'a little': 0.5, 'a little bit': 0.45, 'a bit': 0.6, 'a tad': 0.55, slightly: 0.5, somewhat: 0.7, 'kind of': 0.7, kinda: 0.7,
  'sort of': 0.7, sorta: 0.7, mildly: 0.55, fairly: 0.85, rather: 0.9, quite: 1.1, pretty: 1.1, really: 1.25, very: 1.3, so: 1.3,
  too: 1.2, truly: 1.3, deeply: 1.4, super: 1.4, totally: 1.4, completely: 1.5, utterly: 1.5, extremely: 1.5, incredibly: 1.5,
  absolutely: 1.5, insanely: 1.5, unbelievably: 1.5, 'so so': 1.45, 'more and more': 1.3, overwhelmingly: 1.5,
};

/** Negators: within NEGATION_WINDOW tokens before a feeling word (and no clause break) they flip it. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'without', 'hardly', 'barely', 'nor', "isn't", "wasn't", "aren't", "weren't", "don't", "doesn't",
  "didn't", "can't", "couldn't", "won't", "wouldn't", "haven't", "hasn't", "hadn't", "ain't", 'cannot', 'nothing', 'lack',
]);
export const NEGATION_WINDOW = 3;
/** Words that undo a negator before them: "can't stop smiling", "couldn't help laughing" are not negations. */
export const NEGATION_CANCELLERS: ReadonlySet<string> = new Set(['stop', 'help', 'wait', 'believe']);

/**
 * A negated feeling is not its opposite: "not happy" is mildly unhappy, "never felt calm" is uneasy.
 * So valence flips at half strength and arousal flips more weakly.
 */
export const NEGATION_FLIP = { valence: -0.5, arousal: -0.5 } as const;

/** Words that close a clause for negation and mark what follows as the point ("sad but hopeful"). */
export const CONTRAST: ReadonlySet<string> = new Set(['but', 'yet', 'though', 'although', 'however']);
/** Weight of feelings after a contrast word: people tend to end on the feeling they mean. */
export const CONTRAST_WEIGHT = 1.5;

/** Regular suffixes stripped to reach a lexicon base form, with what replaces them ("happily" → "happy"). */
export const SUFFIXES: readonly (readonly [string, string])[] = [
  ['iness', 'y'], ['ily', 'y'], ['ier', 'y'], ['iest', 'y'], ['ied', 'y'], ['ies', 'y'], ['ness', ''], ['fully', 'ful'], ['ly', ''],
  ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'], ['er', ''], ['est', ''], ['es', ''], ['s', ''], ['d', ''],
];

/** Imagery counts for less than a named feeling: "calm in that house" is about the calm. */
export const IMAGERY_WEIGHT = 0.6;

/**
 * Politeness, not feeling: "I'd love a bridge", "would like it slower". A word in POLITE_WORDS right
 * after one of POLITE_BEFORE is skipped.
 */
export const POLITE_BEFORE: ReadonlySet<string> = new Set(["i'd", "we'd", "you'd", 'would', 'wouldn', "wouldn't"]);
export const POLITE_WORDS: ReadonlySet<string> = new Set(['love', 'like', 'enjoy', 'hate']);

/**
 * An intensifier after a negator softens instead of flipping harder: "not very sad" is a little sad
 * (litotes), not cheerful. The feeling keeps its sign at this fraction of its strength.
 */
export const NEGATED_INTENSIFIER = 0.2;
/** The intensifiers that make litotes after a negator; others ("not really happy") leave a plain negation. */
export const LITOTES: ReadonlySet<string> = new Set(['very', 'so', 'too', 'overly', 'terribly', 'particularly', 'especially', 'super', 'that']);

/** Phrases that make a negation total, before or after the word: "not happy at all", "not at all happy". */
export const NEGATION_EMPHASIS: readonly string[] = ['at all', 'in the slightest', 'in the least', 'one bit', 'whatsoever'];
/** How much harder an emphasised negation flips (×NEGATION_FLIP): "not happy at all" is nearly "unhappy". */
export const NEGATION_EMPHASIS_FACTOR = 1.8;
