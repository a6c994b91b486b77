/**
 * The offline interpreter: feelings → a point on the circumplex → musical choices (mapping.ts),
 * then explicit requests honoured exactly (requests-*.ts), then reasons in the musician's words.
 */
import { SongParameters } from '../../music/params.ts';
import { hashSeed } from '../../music/rng.ts';
import { mentionsSection } from '../../music/craft/roles.ts';
import { readEmotionDetail } from './emotion.ts';
import { paramsFromEmotion } from './mapping.ts';
import { buildRationale, requestReasons } from './rationale.ts';
import { ARRANGEMENT_RULES } from './requests-arrangement.ts';
import { CORE_RULES } from './requests-core.ts';
import { STYLE_RULES } from './requests-style.ts';
import { applyRules } from './requests.ts';
import type { Interpretation } from './types.ts';

/** Every explicit-request rule, in the order they are tried: a style first, so explicit key, tempo and meter win over it. */
export const REQUEST_RULES = [...STYLE_RULES, ...CORE_RULES, ...ARRANGEMENT_RULES];

/**
 * Interpret a musician's words without an LLM: interpretOffline("slow and sad, in D minor").
 * With `base` (a song already in progress), what the words do not touch stays as it was; `lang`
 * ("de", "fr" …) names the language, else the interpreter tells it from the words.
 */
export function interpretOffline(text: string, options: { base?: SongParameters; lang?: string } = {}): Interpretation {
  const detail = readEmotionDetail(text, { lang: options.lang });
  const { base } = options;
  // No feelings in these words ("add a bridge"): the song in progress keeps its mood and reasons.
  const keepBase = base !== undefined && detail.hits.length === 0;
  // A new song's form and key vary with the words themselves (music/craft chooses them).
  const variety = base ? undefined : hashSeed(0, text.trim().toLowerCase());
  const first = keepBase ? base : paramsFromEmotion(detail.valence, detail.arousal, base, detail.mixed, variety);
  let { params, applied } = applyRules(text, first, REQUEST_RULES);
  // Words that shape the form or name its sections ("a short song with a longer chorus", "with a
  // bridge") edit the standard verse–chorus form, whose section names those words speak of.
  if (variety !== undefined && (applied.some((a) => a.aspect === 'sections') || mentionsSection(text))) {
    const standard = { ...first, sections: paramsFromEmotion(detail.valence, detail.arousal, undefined, detail.mixed).sections };
    ({ params, applied } = applyRules(text, standard, REQUEST_RULES));
  }
  const emotion = keepBase ? { valence: base.valence, arousal: base.arousal, words: [] } : { valence: detail.valence, arousal: detail.arousal, words: detail.words };
  const rationale = keepBase
    ? [...base.rationale.filter((r) => !applied.some((a) => a.aspect === r.aspect)), ...requestReasons(applied)].slice(-40)
    : buildRationale(params, detail, applied);
  return { params: SongParameters.parse({ ...params, rationale }), emotion, explicit: applied.map((a) => a.label) };
}
