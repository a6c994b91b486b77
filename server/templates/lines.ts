/**
 * Templates that ask for lines as well as answers: a question with `line` puts the musician's
 * answer into a section's lyrics for the first sketch, so a fill-in-the-blank or parody session
 * ends with a song that sings their words.
 */
import { sectionKey } from '../../music/lyrics/index.ts';
import { SongParameters } from '../../music/params.ts';
import type { GuideState, GuideTemplate } from '../guide/state.ts';

const BLANK = /_{3,}/;

/**
 * The sung line a template question makes of an answer: lineFromAnswer('Today I keep thinking about ___', 'my sister.')
 * → 'Today I keep thinking about my sister'. An answer that already wrote the whole line is kept as written.
 */
export function lineFromAnswer(text: string | undefined, answer: string): string | null {
  const said = answer.split(/\r?\n/).map((l) => l.trim()).find(Boolean)?.replace(/^["“„«]+|["”»]+$/g, '').replace(/[.!]+$/, '').trim();
  if (!said) return null;
  if (!text || !BLANK.test(text)) return said.slice(0, 200);
  const fixed = text.split(BLANK)[0]!.trim().toLowerCase();
  if (fixed && said.toLowerCase().startsWith(fixed)) return said.slice(0, 200);
  return text.replace(BLANK, said).replace(/\s+/g, ' ').trim().slice(0, 200) || null;
}

/** Params whose sections sing the template's line answers; unchanged when the template asks for none. */
export function withTemplateLines(params: SongParameters, template: GuideTemplate | null, answers: GuideState['answers']): SongParameters {
  const asks = (template?.questions ?? []).filter((q) => q.line && answers[q.stage]);
  if (!asks.length) return params;
  const sections = params.sections.map((s) => ({ ...s }));
  for (const q of asks) {
    const line = lineFromAnswer(q.line!.text, answers[q.stage]!);
    if (!line) continue;
    let s = sections.find((x) => sectionKey(x.name) === sectionKey(q.line!.section));
    if (!s) {
      s = { name: q.line!.section, bars: 4, chords: [], energy: 0.5, valenceOffset: 0, arousalOffset: 0 };
      sections.push(s);
    }
    if ((s.lyrics?.length ?? 0) < 24) s.lyrics = [...(s.lyrics ?? []), line];
  }
  return SongParameters.parse({ ...params, sections });
}
