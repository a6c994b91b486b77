/**
 * The guide's conversation scorecard for `npm run eval`: every scripted conversation through the
 * real turn route on an in-memory journal, with the totals and a line per conversation that fell
 * short. `ok` is false when a target is missed (≥ 90 % of replies in the musician's language by
 * both measures, no repeated sentence or question, examples for every "I don't know", a sketch
 * within two turns for every musician who said it all at once, every intention clean).
 */
import { openDatabase } from '../../db/client.ts';
import { offlineApp, scoreScripts } from './run.ts';
import { totals } from './score.ts';
import { SCRIPTS } from './scripts.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export async function conversationScorecard(): Promise<{ text: string; ok: boolean }> {
  const db = await openDatabase({ templateCache: false });
  try {
    const scores = await scoreScripts(offlineApp(db), SCRIPTS);
    const sum = totals(scores);
    const short = scores.filter((s) => s.repeatedSentences.length || s.repeatedQuestions.length || s.askedAfterCovered.length || !s.intentionClean || s.unsure !== s.unsureWithExamples || (s.rich && !(s.sketchTurn !== null && s.sketchTurn <= 2)) || s.inLanguageByDetector < s.replies || s.inLanguageByData < s.replies);
    const byLanguage = [...new Set(scores.map((s) => s.language))].map((l) => {
      const mine = scores.filter((s) => s.language === l);
      const n = mine.reduce((a, s) => a + s.replies, 0);
      return `  ${l}: ${mine.length} conversations, ${n} replies, in ${l} by detector ${pct(mine.reduce((a, s) => a + s.inLanguageByDetector, 0) / n)}, by data ${pct(mine.reduce((a, s) => a + s.inLanguageByData, 0) / n)}`;
    });
    const lines = [
      `guide conversations (offline, through POST /api/songs/:id/turns): ${sum.conversations} conversations, ${sum.replies} replies`,
      `  replies in the musician's language: ${pct(sum.inLanguageByDetector)} by the detector, ${pct(sum.inLanguageByData)} by the guide data they come from`,
      ...byLanguage,
      `  conversations with a sentence said twice: ${sum.withRepeatedSentence}; with a question asked again after it was answered: ${sum.withRepeatedQuestion}`,
      `  "I don't know" answered with three examples: ${sum.unsureWithExamples}`,
      `  said everything at once → a sketch within 2 turns: ${sum.richSketchedWithin2}`,
      `  first reply says it is an AI companion, not a therapist: ${sum.disclosed}`,
      `  intentions one clean sentence of their words (never a confirmation): ${sum.intentionsClean}`,
      ...short.map((s) => `  short: ${s.id} ${JSON.stringify({ repeatedSentences: s.repeatedSentences, repeatedQuestions: s.repeatedQuestions, askedAfterCovered: s.askedAfterCovered, intention: s.intention, sketchTurn: s.sketchTurn })}`),
    ];
    const ok = sum.inLanguageByDetector >= 0.9 && sum.inLanguageByData >= 0.9 && sum.withRepeatedSentence === 0 && sum.withRepeatedQuestion === 0 &&
      short.every((s) => s.unsure === s.unsureWithExamples && s.intentionClean && !(s.rich && !(s.sketchTurn !== null && s.sketchTurn <= 2)));
    return { text: lines.join('\n'), ok };
  } finally {
    await db.close();
  }
}
