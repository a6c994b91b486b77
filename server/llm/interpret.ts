/**
 * Words → SongParameters through the language model, with the offline interpreter as the floor:
 * any failure (timeout, 429, 5xx, cut connection, invalid JSON after one repair) returns the
 * offline answer and a one-line notice saying so. The CLI and the turn route both use these.
 */
import { z } from 'zod';
import { SongParameters } from '../../music/params.ts';
import type { Config } from '../config.ts';
import { interpretOffline, reviseOffline } from '../interpret/index.ts';
import { LlmFailure, llmSettings } from './client.ts';
import { fallbackNotice } from './fallback.ts';
import { buildPrompt } from './prompts.ts';
import { askForJson } from './structured.ts';
import { styleNames, withTemplates } from './styles.ts';
import { NO_USAGE, type Usage } from './tokens.ts';

/** What an LLM-or-offline interpretation returns. */
export interface LlmParams {
  params: SongParameters;
  /** Null when the model answered (or offline was chosen); otherwise why the offline path answered. */
  fallback: string | null;
  /** Why the model failed, for logs and the turn's notice; null when it answered. */
  failure: LlmFailure | null;
  usage: Usage;
  /** "offline" or the model name. */
  provider: string;
}

let cachedSchema: Record<string, unknown> | null = null;
/** The JSON Schema the model is asked to fill: the input form of SongParameters (defaults optional). */
export function paramsJsonSchema(): Record<string, unknown> {
  if (!cachedSchema) {
    const { $schema: _drop, ...schema } = z.toJSONSchema(SongParameters, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    cachedSchema = schema;
  }
  return cachedSchema;
}

async function viaLlm(
  config: Config | Config['llm'],
  offline: () => SongParameters,
  prompt: () => ReturnType<typeof buildPrompt>,
  who: string,
  after: (p: SongParameters) => SongParameters,
): Promise<LlmParams> {
  const settings = llmSettings(config);
  if (!settings) return { params: offline(), fallback: null, failure: null, usage: NO_USAGE, provider: 'offline' };
  try {
    const { value, usage } = await askForJson(settings, {
      prompt: prompt(),
      schema: SongParameters,
      jsonSchema: paramsJsonSchema(),
      name: 'SongParameters',
    });
    // The model names a style; the template behind the name is laid on here, as offline does.
    return { params: after(value), fallback: null, failure: null, usage, provider: settings.model };
  } catch (error) {
    const failure = error instanceof LlmFailure ? error : new LlmFailure('unexpected error', String(error));
    return { params: offline(), fallback: fallbackNotice(failure.reason, who), failure, usage: failure.usage ?? NO_USAGE, provider: 'offline' };
  }
}

/** Interpret a musician's words: interpretWithLlm(config, "a tender song for my sister") → { params, fallback }. */
export async function interpretWithLlm(config: Config | Config['llm'], text: string, options: { lang?: string } = {}): Promise<LlmParams> {
  return viaLlm(
    config,
    // The guide's detected language, when it knows it, picks the offline reader's lexicon.
    () => interpretOffline(text, { lang: options.lang }).params,
    () => buildPrompt('interpret', { schema: JSON.stringify(paramsJsonSchema()), styles: styleNames(), text: { data: text } }),
    'interpreter',
    (p) => withTemplates(p, text),
  );
}

/** Revise parameters by a request: reviseWithLlm(config, params, "slower") → { params, fallback }. */
export async function reviseWithLlm(
  config: Config | Config['llm'],
  params: SongParameters,
  request: string,
  options: { summary?: string } = {},
): Promise<LlmParams> {
  return viaLlm(
    config,
    () => reviseOffline(params, request).params,
    () =>
      buildPrompt('revise', {
        schema: JSON.stringify(paramsJsonSchema()),
        styles: styleNames(),
        summary: { data: options.summary ?? '' },
        params: { data: withoutGivenMelody(params) },
        request: { data: request },
      }),
    'interpreter',
    (p) => keepGivenMelody(withTemplates(p, request, params), params),
  );
}

/**
 * The musician's own tune (up to 2,000 notes) is theirs: a model is not shown it, so it can
 * neither drop nor alter it, and the revised params carry the base version's copy unchanged.
 */
function withoutGivenMelody(params: SongParameters): Omit<SongParameters, 'givenMelody'> {
  const { givenMelody: _tune, ...rest } = params;
  return rest;
}

function keepGivenMelody(revised: SongParameters, base: SongParameters): SongParameters {
  const rest = withoutGivenMelody(revised);
  return base.givenMelody ? { ...rest, givenMelody: base.givenMelody } : rest;
}
