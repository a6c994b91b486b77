/**
 * Starting a song from a template: the guide's state gets a copy of the template and stands at
 * its first question, and that question is stored as the conversation's opening message (so the
 * app shows it instead of its usual opening).
 */
import type { Database } from '../../db/client.ts';
import { firstTemplateStage, GuideTemplate, guideText, parseState, templateQuestion } from '../guide/index.ts';
import { appendMessage } from '../journal/index.ts';
import type { Template } from './shapes.ts';

/** The guide's copy of a template: only what the conversation needs. */
export function guideTemplate(t: Template): GuideTemplate {
  return GuideTemplate.parse({ id: t.id, name: t.name, questions: t.questions, constraint: t.constraint });
}

/**
 * Put a new song's conversation on `template`: state + opening question, after the plain word on
 * what the guide is (in the page's `language`, English when unknown). Returns the question asked.
 */
export async function startFromTemplate(db: Database, songId: string, template: Template, language: string | null = null): Promise<string> {
  const guide = guideTemplate(template);
  const stage = firstTemplateStage(guide);
  const question = templateQuestion(guide, stage)!.question;
  const words = guideText(language ?? 'en');
  // The opening is the conversation's first guide message, so it carries the disclosure.
  const state = { ...parseState({}), stage, template: guide, asked: [stage], disclosed: true, language: words.language };
  const intro = template.description ? `${template.name}. ${template.description}\n\n` : '';
  // The question and the state that asks it land together.
  const text = `${words.disclosure}\n\n${intro}${question}`;
  await appendMessage(db, { songId, role: 'assistant', text, meta: { stage, template: template.id, suggestions: [...words.chips.asking] } }, { state });
  return question;
}
