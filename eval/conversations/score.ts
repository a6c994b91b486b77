/**
 * Scoring one guided conversation from its turns (what the musician said, what came back): is
 * every reply in their language (by the detector, and by which language's guide data its words
 * come from), was any sentence or question said twice, was a topic asked after it was answered,
 * did "I don't know" get three examples, did a musician who said everything up front hear a
 * sketch within two turns, and is the stored intention one clean sentence of theirs.
 */
import { guideText } from '../../server/guide/text.ts';
import { isAlmost, isUnsure, isYes } from '../../server/guide/words.ts';
import { detectLanguage, LANGUAGES } from '../../server/i18n/language.ts';
import type { Script } from './scripts.ts';

export interface Turn {
  message: string;
  reply: string;
  /** A version (sketch) was made on this turn. */
  sketched: boolean;
  intention: string | null;
}

export interface ConversationScore {
  id: string;
  language: string;
  replies: number;
  inLanguageByDetector: number;
  inLanguageByData: number;
  repeatedSentences: string[];
  repeatedQuestions: string[];
  askedAfterCovered: string[];
  unsure: number;
  unsureWithExamples: number;
  /** 1-based turn of the first sketch, null if none. */
  sketchTurn: number | null;
  rich: boolean;
  disclosed: boolean;
  intention: string | null;
  intentionClean: boolean;
}

const NON_TEXT = new Set(['patterns', 'leads', 'topics', 'clauses', 'swap', 'firstPerson', 'dangling']);
const tokens = (text: string) => text.toLowerCase().match(/[\p{L}']+/gu) ?? [];

/** Every word the guide's data for `code` can say. */
const vocab = new Map<string, Set<string>>();
function wordsOf(code: string): Set<string> {
  let set = vocab.get(code);
  if (!set) {
    const t = guideText(code) as unknown as Record<string, unknown>;
    const text = JSON.stringify(Object.fromEntries(Object.entries(t).filter(([k]) => !NON_TEXT.has(k))));
    set = new Set(tokens(text.replace(/\{\w+\}/g, ' ')));
    vocab.set(code, set);
  }
  return set;
}

/** The language whose guide data holds the largest share of a reply's words. */
export function dataLanguage(reply: string): string {
  const words = tokens(reply);
  let best = 'en';
  let share = -1;
  for (const code of LANGUAGES) {
    const set = wordsOf(code);
    const s = words.filter((w) => set.has(w)).length / Math.max(1, words.length);
    if (s > share) [best, share] = [code, s];
  }
  return best;
}

/** Sentences of a reply, normalised for comparison (quoted words stay: the same quote twice is a repeat too). */
const sentences = (text: string) => text.split(/(?<=[.!?…])\s+|\n+/).map((s) => s.trim().toLowerCase()).filter((s) => s.split(/\s+/).length >= 3);

/** Score one conversation. */
export function scoreConversation(script: Script, turns: Turn[]): ConversationScore {
  const t = guideText(script.language);
  const seen = new Map<string, number>();
  for (const turn of turns) for (const s of new Set(sentences(turn.reply))) seen.set(s, (seen.get(s) ?? 0) + 1);
  const repeatedSentences = [...seen].filter(([, n]) => n > 1).map(([s]) => s);

  const questions = Object.entries(t.stages).map(([stage, s]) => [stage, s.question] as const);
  const repeatedQuestions = questions.filter(([, q]) => turns.filter((x) => x.reply.includes(q)).length > 1).map(([stage]) => stage);
  const askedAfterCovered = (script.covered ?? []).filter((stage) => turns.some((x) => x.reply.includes(t.stages[stage].question)));

  let unsure = 0;
  let unsureWithExamples = 0;
  turns.forEach((turn) => {
    if (!isUnsure(turn.message, t)) return;
    unsure++;
    const lists = Object.values(t.stages).map((s) => s.examples.filter((e) => turn.reply.includes(e)).length);
    if (Math.max(...lists) >= 3) unsureWithExamples++;
  });

  const sketchAt = turns.findIndex((x) => x.sketched);
  const intention = turns.map((x) => x.intention).filter(Boolean).at(-1) ?? null;
  const confirmations = turns.map((x) => x.message).filter((m) => isYes(m, t) || isAlmost(m, t));
  const intentionClean = intention === null || (
    !confirmations.some((m) => m.trim().toLowerCase() === intention.trim().toLowerCase().replace(/[.]$/, '')) &&
    /^\p{Lu}/u.test(intention) && /[.!?]$/.test(intention) && (intention.match(/[.!?](?=\s+\p{Lu})/gu) ?? []).length === 0
  );

  return {
    id: script.id,
    language: script.language,
    replies: turns.length,
    inLanguageByDetector: turns.filter((x) => detectLanguage(x.reply) === script.language).length,
    inLanguageByData: turns.filter((x) => dataLanguage(x.reply) === script.language).length,
    repeatedSentences,
    repeatedQuestions,
    askedAfterCovered,
    unsure,
    unsureWithExamples,
    sketchTurn: sketchAt < 0 ? null : sketchAt + 1,
    rich: Boolean(script.rich),
    disclosed: turns[0]?.reply.startsWith(t.disclosure) ?? false,
    intention,
    intentionClean,
  };
}

/** The scorecard's totals over many conversations. */
export function totals(scores: ConversationScore[]) {
  const sum = (f: (s: ConversationScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const replies = sum((s) => s.replies);
  const rich = scores.filter((s) => s.rich);
  return {
    conversations: scores.length,
    replies,
    inLanguageByDetector: sum((s) => s.inLanguageByDetector) / replies,
    inLanguageByData: sum((s) => s.inLanguageByData) / replies,
    withRepeatedSentence: scores.filter((s) => s.repeatedSentences.length > 0).length,
    withRepeatedQuestion: scores.filter((s) => s.repeatedQuestions.length > 0 || s.askedAfterCovered.length > 0).length,
    unsureWithExamples: `${sum((s) => s.unsureWithExamples)}/${sum((s) => s.unsure)}`,
    richSketchedWithin2: `${rich.filter((s) => s.sketchTurn !== null && s.sketchTurn <= 2).length}/${rich.length}`,
    disclosed: `${scores.filter((s) => s.disclosed).length}/${scores.length}`,
    intentionsClean: `${scores.filter((s) => s.intentionClean).length}/${scores.length}`,
  };
}
