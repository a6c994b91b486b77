/**
 * Crisis language, as data. Each entry names a signal and the phrasings that raise it. Patterns run
 * on normalised text (see normalise() in index.ts: lower case, straight apostrophes, "dont" →
 * "don't", "wanna" → "want to"), so they are written in that one spelling.
 *
 * Why phrases rather than single words: songwriting talk is full of death and violence idiom
 * ("killing it", "this verse kills me", "drop dead gorgeous", "I'd die for a better chorus"), so a
 * word list would cry wolf constantly and teach people to ignore the safety note. Lookaheads guard
 * the few phrases that have a harmless idiomatic twin ("killing myself over this bridge",
 * "cut myself some slack"). Past and present tense both fire: a history of self-harm matters too.
 * Innerchord's own list, MIT like the rest of the project. Keep server/safety/corpus.json in step.
 */
export interface CrisisPattern {
  signal: 'suicidal-intent' | 'death-wish' | 'self-harm' | 'hopelessness';
  pattern: RegExp;
}

// Effort idiom after "killing myself": "over this chorus", "trying to", "to finish", "working".
const NOT_EFFORT = String.raw`(?!\s+(?:over|trying|to\s+(?:finish|get|make|write|meet|learn|nail|record)|working|laughing))`;
// "cut myself some slack / a break / off", "cut myself shaving" are not self-harm.
const NOT_SLACK = String.raw`(?!\s+(?:some\s+slack|slack|a\s+break|off|short|in\b|shaving|on\b|by\s+accident|accidentally))`;

const p = (source: string) => new RegExp(source, 'u');

export const CRISIS_PATTERNS: readonly CrisisPattern[] = [
  { signal: 'suicidal-intent', pattern: p(String.raw`\bkill(?:ing)?\s+myself\b` + NOT_EFFORT) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\bkilled\s+myself\b` + NOT_EFFORT) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\b(?:end(?:ing)?|take|taking|took)\s+my\s+(?:own\s+)?life\b`) },
  // "let's end it all on a big chorus" is arranging talk.
  { signal: 'suicidal-intent', pattern: p(String.raw`\bend(?:ing)?\s+it\s+all\b(?!\s+on\b)`) },
  // Titles a musician may cite as a reference ("a Suicide Squad soundtrack vibe", "like Suicidal Tendencies").
  { signal: 'suicidal-intent', pattern: p(String.raw`\bsuicid(?:e|al)\b(?<!\b(?:about|by|to|from|after|of|attempted|committed)\s+suicide)(?!\s+(?:squad|tendencies)\b)`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\b(?:thoughts?|thinking|think)\s+(?:of|about)\s+suicide\b`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\bi\s+(?:tried|attempted|want|plan|planned|am\s+going)\s+(?:to\s+)?(?:commit\s+)?suicide\b`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\b(?:hang|hanging|hanged|drown|drowning|shoot|shooting)\s+myself\b`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\b(?:slit|slitting|cut|cutting)\s+my\s+wrists?\b`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\b(?:take|taking|took|swallow|swallowed)\s+(?:all|a\s+bottle)\s+of\s+(?:my|the|those)?\s*(?:pills|tablets|meds)\b`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`(?<!\b(?:of|from)\s+an\s)\boverdos(?:e|ed|ing)\b`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the|this)\s+(?:bridge|roof|building|cliff|balcony)\b`) },
  { signal: 'suicidal-intent', pattern: p(String.raw`\bkms\b`) },
  // Euphemisms from social media, used precisely because filters miss the plain words.
  { signal: 'suicidal-intent', pattern: p(String.raw`\bunaliv(?:e|ed|ing)\s+myself\b|\bsewer\s?slide\b`) },

  { signal: 'death-wish', pattern: p(String.raw`(?<!\bdon't\s)(?<!\bnever\s)\bwant(?:s|ed)?\s+to\s+(?:die|be\s+dead)\b`) },
  { signal: 'death-wish', pattern: p(String.raw`\bwish\s+i\s+(?:was|were|could\s+be)\s+dead\b`) },
  { signal: 'death-wish', pattern: p(String.raw`\bwish\s+i(?:\s+had|'d)?\s+never\s+(?:been\s+born|woken\s+up|existed)\b`) },
  { signal: 'death-wish', pattern: p(String.raw`\bbetter\s+off\s+(?:dead|without\s+me)\b`) },
  { signal: 'death-wish', pattern: p(String.raw`\bdon't\s+want\s+to\s+(?:be\s+here|be\s+alive|live|exist|wake\s+up)\b(?:\s+any\s*more)?`) },
  { signal: 'death-wish', pattern: p(String.raw`\b(?:go\s+to\s+sleep|fall\s+asleep)\s+and\s+(?:never|not)\s+wake\s+up\b`) },
  { signal: 'death-wish', pattern: p(String.raw`\bready\s+to\s+die\b`) },
  { signal: 'death-wish', pattern: p(String.raw`\bi\s+(?:just\s+)?(?:want|wish\s+i\s+could)\s+(?:to\s+)?disappear(?:\s+forever)?\s*(?:$|[.,!]|forever|and\s+never|from\s+(?:this|the)\s+world)`) },
  { signal: 'death-wish', pattern: p(String.raw`\bwon't\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|any\s*more)\b`) },
  { signal: 'death-wish', pattern: p(String.raw`\b(?:nobody|no\s+one|no-one)\s+would\s+(?:even\s+)?(?:miss\s+me|notice\s+if\s+i\s+(?:was|were)\s+gone|care\s+if\s+i\s+(?:died|was\s+gone|were\s+gone|disappeared))\b`) },

  { signal: 'self-harm', pattern: p(String.raw`\b(?:cut|cutting|burn|burning|burned|burnt|hurt|hurting|harm|harming|starve|starving)\s+myself\b` + NOT_SLACK) },
  { signal: 'self-harm', pattern: p(String.raw`\bself[\s-]?harm(?:ing)?\b`) },
  { signal: 'self-harm', pattern: p(String.raw`\bself[\s-]?injur(?:y|ing|e)\b`) },

  { signal: 'hopelessness', pattern: p(String.raw`\b(?:no|any)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on|being\s+alive)\b`) },
  { signal: 'hopelessness', pattern: p(String.raw`\b(?:life\s+is\s+)?not\s+worth\s+living\b`) },
  { signal: 'hopelessness', pattern: p(String.raw`\b(?:my\s+)?life\s+(?:is\s+not|isn't|ain't)\s+worth\s+(?:it|living)\b`) },
  { signal: 'hopelessness', pattern: p(String.raw`\bi\s+am\s+(?:just\s+)?a\s+burden\b`) },
  { signal: 'hopelessness', pattern: p(String.raw`\bdon't\s+see\s+the\s+point\s+(?:any\s*more|in\s+(?:living|anything|going\s+on)|of\s+(?:living|going\s+on))\b`) },
  { signal: 'hopelessness', pattern: p(String.raw`\bcan't\s+take\s+(?:it|this|any\s+of\s+this)\s+any\s*more\b`) },
  { signal: 'hopelessness', pattern: p(String.raw`\bcan't\s+(?:go\s+on|keep\s+going|do\s+this)\s+any\s*more\b`) },
  { signal: 'hopelessness', pattern: p(String.raw`\bcan't\s+go\s+on\s+living\b`) },
];

/** Spelling variants folded before matching, so the patterns above need only one form. */
export const NORMALISE: readonly [RegExp, string][] = [
  [/[\u2018\u2019\u02bc`´]/gu, "'"],
  [/\bdo\s*n[o']?t\b/gu, "don't"],
  [/\bdon\s+t\b/gu, "don't"],
  [/\bcan\s*(?:no|')?t\b/gu, "can't"],
  [/\bwanna\b/gu, 'want to'],
  [/\bgonna\b/gu, 'going to'],
  [/\bi'm\b|\bim\b/gu, 'i am'],
  [/\bi've\b|\bive\b/gu, 'i have'],
  [/\bwont\b/gu, "won't"],
  [/\bwill\s+not\b/gu, "won't"],
  [/\bnoone\b/gu, 'no one'],
  [/\s+/gu, ' '],
];
