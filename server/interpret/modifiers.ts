/**
 * How modifiers act, as numbers shared by every language. The words themselves (negators,
 * intensifiers, contrast words …) are language data in lang/<code>/feelings.json.
 */

/** A negator counts within this many tokens before a feeling word (and no clause break). */
export const NEGATION_WINDOW = 3;
/** A closing particle ("plus" in "ne … plus") negates when its opener sits this many tokens before it or fewer. */
export const BRACKET_REACH = 3;
/** In English, a word wink-nlp marks as negated may sit this far from its negator ("no longer afraid of being on my own"). */
export const NEGATION_WINDOW_FLAGGED = 6;
/** Negating pronouns ("nobody at the desk even cares", "niemand hier versteht mich") reach this many tokens. */
export const REACHING_NEGATION = 6;
/** A negator after its word ("ich schäme mich nicht") may follow it past this many pronouns. */
export const PRONOUNS_BEFORE_NEGATOR = 2;
/** The last sentence of a message counts this much more than the first; those between, in proportion. */
export const LATER_WEIGHT = 1.5;

/**
 * A negated feeling is not its opposite: "not happy" is mildly unhappy, "never felt calm" is uneasy.
 * So valence flips at half strength and arousal flips more weakly.
 */
export const NEGATION_FLIP = { valence: -0.5, arousal: -0.5 } as const;

/** Weight of feelings after a contrast word: people tend to end on the feeling they mean. */
export const CONTRAST_WEIGHT = 1.5;

/** Imagery counts for less than a named feeling: "calm in that house" is about the calm. */
export const IMAGERY_WEIGHT = 0.6;
/**
 * An occasion ("at the party", "photos of our wedding") says where a feeling happened, not which
 * one: it counts this much, unless it describes the song ("a party song").
 */
export const OCCASION = 0.5;
/** A feeling found inside a German compound ("Liebeslied") counts a little less than the word itself. */
export const COMPOUND_WEIGHT = 0.8;
/** AFINN's valence-only fallback counts for half a named feeling of our own. */
export const FALLBACK_WEIGHT = 0.5;

/**
 * An intensifier after a negator softens instead of flipping harder: "not very sad" is a little sad
 * (litotes), not cheerful. The feeling keeps its sign at this fraction of its strength.
 */
export const NEGATED_INTENSIFIER = 0.2;
/** How much harder an emphasised negation flips (×NEGATION_FLIP): "not happy at all" is nearly "unhappy". */
export const NEGATION_EMPHASIS_FACTOR = 1.8;

/**
 * A wished-for feeling ("I wish I could cry", "I want to feel happy again") is one the musician
 * lacks: the lack is mildly unpleasant and low in energy whatever the feeling was, and it counts
 * for less than a feeling that is there. Reached within `window` tokens of the wish.
 */
export const IRREALIS = { window: 6, valence: 0.35, arousal: -0.4, weight: 0.6 } as const;

/**
 * Mixed feelings: pleasant and unpleasant feelings (|valence| ≥ polar) each carry at least `share`
 * of the weight of both.
 */
export const MIXED_SHARE = { polar: 0.25, share: 0.3 } as const;

/** Feelings after a focus phrase ("I want it to feel warm and tender") count `weight` times, within `window` tokens. */
export const FOCUS = { window: 8, weight: 2.5 } as const;
/** Feelings in a clause about how it used to be ("at first it was exciting") count this much. */
export const PAST_WEIGHT = 0.5;

/**
 * Words about how the music sounds ("soft and slow", "laut und schnell") are the musician's
 * direct say on a song's energy: they count `arousal` times on arousal, and only `valence` times
 * on valence, since "slow" says little about how pleasant a song is.
 */
export const SOUND = { arousal: 2, valence: 0.5 } as const;

/**
 * Outbursts ("screamed", "platzen", "de la folie", lang/<code>/outbursts.json) carry energy but not
 * which feeling it is: they count fully on arousal and `valence` times on valence, so "my crush
 * texted back and I screamed" stays joyful while "I could scream" alone keeps its own lean.
 */
export const OUTBURST = { valence: 0.25 } as const;

/**
 * A feeling word beside a word for the song ("a nostalgic song", "une chanson douce") says what the
 * song should feel like, so it counts as a focus does (FOCUS.weight). The song noun may sit up to
 * `back` words before the feeling or `ahead` words after it.
 */
export const SONG_FOCUS = { back: 5, ahead: 2 } as const;

/**
 * A picture inside a simile ("bittersweet, like the last day of the holidays") illustrates the
 * feeling named beside it: it counts this much, so the holidays do not outvote the bittersweet.
 */
export const SIMILE_WEIGHT = 0.5;

/** A misspelt feeling word (lexicon-typo.ts) is matched from this many letters, and counts `weight` times. */
export const TYPO = { minLength: 6, weight: 0.7 } as const;

/**
 * An emoji counts as a feeling word a little less sure of itself (😂 is laughter or tears of
 * laughter at something sad); the same one typed again adds emphasis, up to `repeats` times.
 */
export const EMOJI = { weight: 0.8, repeats: 3 } as const;

/**
 * "They don't call anymore", "il ne me reconnaît plus": a sentence that tells only of something
 * that has stopped is a loss, gentle and low. It counts a little less than a feeling word, and
 * `gap` words may stand inside a split marker ("ne m'appellent plus").
 */
export const NO_LONGER = { affect: [-0.5, -0.3] as const, weight: 0.8, gap: 4 } as const;

/** A sarcasm marker's own reading (bitter, a little stirred up) and how much it counts. */
export const SARCASM = { affect: [-0.45, 0.45] as const, weight: 1 } as const;

/**
 * A reassurance beside bad news ("I'm fine. Just got the diagnosis.") masks it: it reads as a
 * little strain (`valence`) and counts `weight` times as much. Bad news is a feeling at
 * `badNews` valence or below. Said `insisted` times, a reassurance masks even unnamed news ("I'm
 * fine. Totally fine.").
 */
export const MASKING = { valence: -0.3, weight: 0.6, badNews: -0.35, insisted: 2 } as const;

/**
 * Praise in an ironic message (a sarcasm marker, 🙃) is meant the other way: a pleasant word at
 * `praise` valence or above turns round to `turn` × its valence.
 */
export const IRONY = { praise: 0.3, turn: -0.5 } as const;

/**
 * Jitters of joy: beside excitement (a feeling at `joy` valence and `stirred` arousal or above), an
 * anxious word (valence between `anxious` and 0, arousal `stirred` or above: nervous, can't sleep,
 * shaking) is the excitement's own energy, so its valence counts `keep` times ("so excited I
 * can't sleep", "nervios y alegría a partes iguales").
 */
export const JITTERS = { joy: 0.6, stirred: 0.5, anxious: -0.65, keep: 0 } as const;

/**
 * A run of exclamation marks ("!!", "¡¡") on news that is not bad is excitement: the arousal is
 * at least `floor` (every such statement in ten mood sets, but one torn one, was labelled high).
 */
export const EXCLAIMED = { floor: 0.5 } as const;
