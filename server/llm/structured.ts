/**
 * Structured output: ask for JSON by JSON Schema (falling back to plain JSON mode for servers
 * that reject json_schema), parse it with zod, and send ONE repair request with the validation
 * errors if it does not fit. Model JSON is never trusted.
 */
import type { z } from 'zod';
import { completeChat, LlmFailure, type ChatMessage, type LlmSettings, type ResponseFormat } from './client.ts';
import { buildPrompt, type BuiltPrompt } from './prompts.ts';
import { addUsage, NO_USAGE, type Usage } from './tokens.ts';

export interface StructuredRequest<S extends z.ZodType> {
  prompt: BuiltPrompt;
  /** The zod schema the answer must satisfy. */
  schema: S;
  /** Its JSON Schema, as sent to the model. */
  jsonSchema: Record<string, unknown>;
  /** A short name for the schema (json_schema.name). */
  name: string;
}

/** Parse model text as JSON (tolerating a ``` fence) and validate it; returns issues as data. */
export function parseAnswer<S extends z.ZodType>(schema: S, text: string): { ok: true; value: z.output<S> } | { ok: false; issues: unknown } {
  const body = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `not JSON: ${(error as Error).message}` }] };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.slice(0, 12).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
  };
}

/** Ask for a JSON answer matching `schema`: one call, plus one repair if invalid; throws LlmFailure. */
export async function askForJson<S extends z.ZodType>(s: LlmSettings, request: StructuredRequest<S>): Promise<{ value: z.output<S>; usage: Usage }> {
  const messages: ChatMessage[] = [
    { role: 'system', content: request.prompt.system },
    { role: 'user', content: request.prompt.user },
  ];
  let format: ResponseFormat = {
    type: 'json_schema',
    json_schema: { name: request.name, schema: request.jsonSchema, strict: false },
  };
  let usage = NO_USAGE;
  const once = async (msgs: ChatMessage[]) => {
    try {
      return await completeChat(s, msgs, format);
    } catch (error) {
      // Older local servers answer 400 to json_schema; plain JSON mode plus the schema in the prompt still works.
      if (error instanceof LlmFailure && error.status === 400 && format.type === 'json_schema') {
        format = { type: 'json_object' };
        return completeChat(s, msgs, format);
      }
      throw error;
    }
  };
  const call = async (msgs: ChatMessage[]) => {
    try {
      const answer = await once(msgs);
      usage = addUsage(usage, answer.usage);
      return answer.text;
    } catch (error) {
      // Keep the tokens of earlier calls in this request: they were spent.
      if (error instanceof LlmFailure) throw new LlmFailure(error.reason, error.message, error.status, addUsage(usage, error.usage));
      throw error;
    }
  };

  const first = await call(messages);
  const parsed = parseAnswer(request.schema, first);
  if (parsed.ok) return { value: parsed.value, usage };

  const repair = buildPrompt('repair', { errors: { data: parsed.issues } });
  const second = await call([...messages, { role: 'assistant', content: first }, { role: 'user', content: repair.user }]);
  const repaired = parseAnswer(request.schema, second);
  if (repaired.ok) return { value: repaired.value, usage };
  throw new LlmFailure('invalid output', `the answer did not match the schema after one repair: ${JSON.stringify(repaired.issues)}`, undefined, usage);
}
