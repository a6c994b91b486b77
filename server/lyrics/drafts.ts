/**
 * Draft lines for a section: proposals the musician accepts, edits or throws away, never written
 * into the song by themselves. With an LLM configured they come from prompts/lyrics.md, and each
 * is checked (one line, fits the phrase's room, not already in the section); without one, or when
 * none survive the checks, the offline patterns of lang/<code>/lyrics.json fill in with the
 * musician's own phrases, and the answer says which path made them.
 */
import { z } from 'zod';
import { syllabify } from '../../music/lyrics/index.ts';
import type { Config } from '../config.ts';
import { llmSettings } from '../llm/client.ts';
import { fillTemplate, loadPrompt, type BuiltPrompt } from '../llm/prompts.ts';
import { askForJson } from '../llm/structured.ts';
import { fill, roleOf, type LyricsLang } from './lang.ts';

export const Draft = z.object({ text: z.string(), syllables: z.number().int(), source: z.enum(['llm', 'offline']) });
export type Draft = z.infer<typeof Draft>;

/** What the model must answer: a handful of single lines. */
export const ModelDrafts = z.object({ drafts: z.array(z.object({ text: z.string().trim().min(1).max(200) })).min(1).max(6) });

export interface DraftContext {
  section: { name: string; lines: readonly string[] };
  room: number;
  language: string;
  lang: LyricsLang;
  phrases: readonly string[];
  intention: string;
  /** A rhyme or a change the musician asked for ("something that rhymes with home"). */
  request?: string;
}

const count = (text: string, language: string) => syllabify(text, language).reduce((n, w) => n + w.syllables.length, 0);
const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Keep the drafts that are one line, fit the room and are new to the section. */
export function checkDrafts(texts: readonly string[], ctx: Pick<DraftContext, 'section' | 'room' | 'language'>, source: Draft['source']): Draft[] {
  const have = new Set(ctx.section.lines.map((l) => l.trim().toLowerCase()));
  const out: Draft[] = [];
  for (const raw of texts) {
    const text = raw.trim();
    // One plain line: no markup or template braces (a model echoing its prompt is not a lyric).
    if (!text || /[\r\n<>{}]/.test(text) || text.length > 200 || have.has(text.toLowerCase())) continue;
    const syllables = count(text, ctx.language);
    if (syllables < 1 || syllables > ctx.room) continue;
    have.add(text.toLowerCase());
    out.push({ text, syllables, source });
  }
  return out;
}

/** Drafts from the language's patterns and the musician's phrases: offlineDrafts(ctx) → up to four lines. */
export function offlineDrafts(ctx: DraftContext, limit = 4): Draft[] {
  const patterns = ctx.lang.drafts[roleOf(ctx.section.name)];
  const phrases = ctx.phrases.length ? ctx.phrases : [];
  const texts: string[] = [];
  for (const phrase of phrases) for (const p of patterns) texts.push(capital(fill(p, { phrase, Phrase: capital(phrase) })));
  return checkDrafts(texts, ctx, 'offline').slice(0, limit);
}

let template: ReturnType<typeof loadPrompt> | null = null;
/** prompts/lyrics.md filled for one section; the musician's words go in as quoted data. */
export function lyricsPrompt(ctx: DraftContext): BuiltPrompt {
  template ??= loadPrompt('lyrics');
  const vars = {
    language: ctx.language,
    room: String(ctx.room),
    job: ctx.lang.roles[roleOf(ctx.section.name)].job,
    section: { data: ctx.section.name },
    intention: { data: ctx.intention },
    phrases: { data: ctx.phrases },
    lines: { data: ctx.section.lines },
    request: { data: ctx.request ?? '' },
  };
  return { name: 'lyrics', version: template.version, system: fillTemplate(template.system, vars, 'prompts/lyrics.md'), user: fillTemplate(template.user, vars, 'prompts/lyrics.md') };
}

/** Drafts for one section: the model's, checked, else the offline ones. `fallback` says the model was skipped or failed. */
export async function draftLines(config: Config, ctx: DraftContext): Promise<{ drafts: Draft[]; fallback: boolean }> {
  const settings = llmSettings(config);
  if (settings) {
    try {
      const { $schema: _s, ...jsonSchema } = z.toJSONSchema(ModelDrafts) as Record<string, unknown>;
      const { value } = await askForJson(settings, { prompt: lyricsPrompt(ctx), schema: ModelDrafts, jsonSchema, name: 'lyric_drafts' });
      const drafts = checkDrafts(value.drafts.map((d) => d.text), ctx, 'llm');
      if (drafts.length) return { drafts, fallback: false };
    } catch {
      // The offline drafts below are the answer; `fallback` tells the page the model did not help.
    }
    return { drafts: offlineDrafts(ctx), fallback: true };
  }
  return { drafts: offlineDrafts(ctx), fallback: false };
}
