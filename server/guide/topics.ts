/**
 * Which topics one answer covers: "It's for my daughter, about the day she left; I'm proud but
 * sad" answers who it is for, what it is about and the feeling at once. Each clause is read against
 * the language's topic patterns (lang/<code>/guide.json); clauses that mark no topic belong to the
 * question that was asked. Pure.
 */
import type { AnswerStage } from './state.ts';
import { TOPIC_STAGES, type GuideText, type TopicStage } from './text.ts';

/** The clauses of a message, lead-in fillers ("well,", "ähm") dropped: clausesOf("Well, it's late. I'm tired", en) → ["it's late", "I'm tired"]. */
export function clausesOf(text: string, t: GuideText): string[] {
  const parts = text
    .split(t.clauses)
    .map((c) => (c ?? '').trim().replace(t.patterns.filler, '').replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').trim())
    .filter((c) => c.length > 0);
  // "my grandmother, who died in spring" is one thought: a relative clause stays with what it describes.
  const out: string[] = [];
  for (const part of parts) {
    if (out.length && t.patterns.relative.test(part)) out[out.length - 1] = `${out.at(-1)}, ${part}`;
    else out.push(part);
  }
  return out;
}

/** Topics in the order a clause is read for them: the sharply marked ones first. */
const READ_ORDER: TopicStage[] = ['audience', 'about', 'message', 'feeling', 'images'];

/** The phrase a pattern found: its first capture group when it has one, else the whole clause. */
function found(clause: string, patterns: RegExp[]): string | null {
  for (const p of patterns) {
    const m = p.exec(clause);
    if (m) return (m[1] ?? clause).trim().replace(/[\s,;:.!?]+$/, '');
  }
  return null;
}

/**
 * The topics an answer covers, each with the musician's words for it:
 * readTopics("for my sister, it's about the move", 'feeling', en) → { audience: "my sister", about: "the move" }.
 * `asked` (the question just asked) gets the clauses no pattern claimed.
 */
export function readTopics(text: string, asked: AnswerStage | null, t: GuideText): Partial<Record<AnswerStage, string>> {
  const out: Partial<Record<AnswerStage, string>> = {};
  const rest: string[] = [];
  const add = (stage: AnswerStage, words: string) => {
    out[stage] = out[stage] ? `${out[stage]}, ${words}` : words;
  };
  const onlyPictures: string[] = [];
  for (const clause of clausesOf(text, t)) {
    let claimed = false;
    let topics = 0;
    for (const topic of READ_ORDER) {
      const words = found(clause, t.topics[topic]);
      if (!words) continue;
      // A clause names a feeling or a picture only once; "about …" or "for …" may share it.
      if ((topic === 'feeling' || topic === 'images') && claimed) continue;
      add(topic, words);
      claimed = true;
      topics++;
      if (topic === 'images' && topics === 1) onlyPictures.push(words);
    }
    // "I told you about it" is about the conversation, not the song.
    if (!claimed && !t.patterns.meta.test(clause)) rest.push(clause);
  }
  // A picture word in the answer to another question is still that answer ("the night my son was born").
  if (asked && asked !== 'images' && rest.length === 0 && !out[asked] && onlyPictures.length) {
    out[asked] = onlyPictures.join(', ');
    const kept = (out.images ?? '').split(', ').filter((c) => !onlyPictures.includes(c));
    if (kept.length) out.images = kept.join(', ');
    else delete out.images;
  }
  if (asked && rest.length) {
    // The question asked gets what nothing else claimed; its own clause if it claimed one too.
    out[asked] = out[asked] ? `${out[asked]}, ${rest.join(', ')}` : rest.join(', ');
  }
  if (asked && !out[asked] && Object.keys(out).length === 0) out[asked] = text.trim();
  return out;
}

/** How many of the five topics (about, feeling, message, images, audience) have an answer. */
export const covered = (answers: Partial<Record<AnswerStage, string>>) => TOPIC_STAGES.filter((s) => Boolean(answers[s])).length;
