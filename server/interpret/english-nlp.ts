/**
 * The one wink-nlp reader of English, shared by the emotion reader (emotion-tokens.ts) and the
 * guide's grammar checks (guide/clause.ts): the model is large, so it is read into one instance.
 */
import winkNLP from 'wink-nlp';
import { WINK_PIPE, winkModel } from './wink-model.ts';

export const nlp = winkNLP(winkModel, WINK_PIPE);
export const its = nlp.its;

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);
const FINITE = new Set(['VERB', 'AUX']);

/**
 * Where the first verb with a subject just before it starts in an English phrase, or -1:
 * "my brother moved to Canada" → 11 ("moved"); "my beloved grandmother" → -1 (an adjective);
 * "losing my job" → -1 (a gerund that starts the phrase has no subject).
 */
export function subjectVerbAt(phrase: string): number {
  const tokens = nlp.readDoc(phrase).tokens();
  const tags = tokens.out(its.pos) as string[];
  const words = tokens.out() as string[];
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const at = phrase.indexOf(words[i]!, cursor);
    if (at >= 0) cursor = at + words[i]!.length;
    if (i > 0 && FINITE.has(tags[i]!) && NOMINAL.has(tags[i - 1]!)) return at;
  }
  return -1;
}
