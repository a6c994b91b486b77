/**
 * The intention as one sentence in the musician's language, built from their own words:
 * { audience: "for my sister", about: "It's about the quiet after the move", feeling: "tender",
 *   message: "you're not alone" } → "A song for my sister about the quiet after the move, tender —
 * that you're not alone." Each answer is cut to a phrase that fits its slot (a noun phrase after
 * "about", a clause after "about how", feelings as words) so nothing is spliced in raw. Pure.
 */
import type { AnswerStage } from './state.ts';
import { clausesOf } from './topics.ts';
import { guideText, listed, type GuideText } from './text.ts';
import { once } from './reflect.ts';
import { subjectVerbAt } from '../interpret/english-nlp.ts';

const MAX_WORDS = 14;

/** Drop trailing words that leave a phrase hanging ("… for the") and keep at most MAX_WORDS. */
function trimmed(phrase: string, t: GuideText, max = MAX_WORDS): string {
  let words = phrase.replace(/[\s.!?,;:]+$/, '').split(/\s+/).filter(Boolean).slice(0, max);
  while (words.length > 1 && t.patterns.trailing.test(words.at(-1)!)) words = words.slice(0, -1);
  return words.join(' ');
}

/** Lower-case the first letter where it only started their sentence ("My sister" → "my sister"), never a noun or "I". */
function continued(phrase: string, t: GuideText): string {
  if (/^I\b/.test(phrase)) return phrase;
  const lower = phrase.charAt(0).toLowerCase() + phrase.slice(1);
  return t.patterns.lower.test(lower) ? lower : phrase;
}

/** The topic of an about-answer once its lead is gone: a verb the language puts last is dropped ("meinen Großvater schreiben"). */
const topic = (rest: string, t: GuideText) => {
  const clause = firstClause(rest, t).replace(/[\s.!?,;:]+$/, '');
  return t.leads.aboutTail ? clause.replace(t.leads.aboutTail, '') : clause;
};

/** The first sentence of an answer, lead-in fillers dropped. */
const firstSentence = (text: string, t: GuideText) => (text.trim().split(/(?<=[.!?;])\s+|\n/)[0] ?? '').replace(t.patterns.filler, '').trim();

/** The first clause after the lead-in (clauses cut at commas, "because" …). */
function firstClause(text: string, t: GuideText): string {
  return clausesOf(text, t)[0] ?? '';
}

/**
 * The phrase of an answer the intention and the reflections use:
 * stagePhrase('audience', "It's for my sister") → "my sister"; "" for stages the intention does not quote.
 */
export function stagePhrase(stage: AnswerStage, text: string | undefined, t: GuideText = guideText('en')): string {
  if (!text) return '';
  const sentence = firstSentence(text, t);
  switch (stage) {
    case 'about': {
      for (const [lead] of t.leads.about) if (lead.test(sentence)) return continued(trimmed(topic(sentence.replace(lead, ''), t), t), t);
      return continued(trimmed(firstClause(sentence, t), t), t);
    }
    case 'audience': return continued(trimmed(firstClause(sentence.replace(t.leads.audience, ''), t), t, 8), t);
    case 'feeling': {
      // "sad but also proud" keeps its "but": mixed feelings are the point.
      const clause = sentence.replace(t.leads.feeling, '').split(/[,;]\s(?!(?:but|aber|mais|pero)\s)|\s(?:because|since|weil|parce que|porque)\s/iu)[0] ?? '';
      return continued(trimmed(clause, t, 8), t);
    }
    case 'message': return trimmed(sentence.replace(t.leads.message, ''), t);
    default: return '';
  }
}

/**
 * Whether a phrase can follow "about" as it is: no verb, or its verb bound inside a noun phrase
 * ("my father who left", "the day she left"); "my father left" is a clause ("about how …"). The
 * language's pattern finds verbs after pronouns; in English, wink-nlp's part-of-speech tags also
 * find a verb after a noun ("my brother moved to Canada"), which no word list could.
 */
export function isNounPhrase(phrase: string, t: GuideText): boolean {
  const at = t.patterns.clause.exec(phrase)?.index ?? (t.language === 'en' ? subjectVerbAt(phrase) : -1);
  if (at < 0) return true;
  return t.patterns.nounPhrase.test(phrase) && t.patterns.bound.test(phrase.slice(0, at + 1));
}

/** " about …" in the language (with its leading space): the lead they used picks the wording; otherwise a noun phrase or a clause. */
export function aboutPart(answer: string | undefined, t: GuideText): string {
  if (!answer) return '';
  const sentence = firstSentence(answer, t);
  for (const [lead, part] of t.leads.about) {
    if (lead.test(sentence)) {
      const rest = continued(trimmed(topic(sentence.replace(lead, ''), t), t), t);
      return rest ? part.replace('{about}', rest) : '';
    }
  }
  const phrase = continued(trimmed(firstClause(sentence, t), t), t);
  if (!phrase || t.patterns.meta.test(phrase) || t.patterns.relative.test(phrase)) return '';
  return (isNounPhrase(phrase, t) ? t.intention.about : t.intention.aboutClause).replace('{about}', phrase);
}

/** Who it is for, as a phrase after "for": a clause ("she's my best friend") gives only its person, if it names one. */
function audiencePart(answer: string | undefined, about: string, t: GuideText): string {
  if (!answer) return '';
  let phrase = stagePhrase('audience', answer, t);
  if (t.patterns.clause.test(phrase) && !t.leads.audience.test(firstSentence(answer, t))) {
    const person = t.topics.audience.map((p) => p.exec(answer)?.[1]).find(Boolean);
    phrase = person ? person.trim() : '';
  }
  // "for her" says less than the person they already named: use the one from the story.
  // English only: elsewhere the word after "mon"/"mi" may be an adjective ("mon premier amour").
  if (t.language === 'en' && /^(her|him|them)$/i.test(phrase)) {
    const named = /\b(my)\s+([\p{L}-]+)/iu.exec(about);
    if (named) phrase = `${named[1]!.toLowerCase()} ${named[2]}`;
  }
  return phrase;
}

/**
 * The feeling as words, with the intention's slot for them: their phrase when it is a short run of
 * feeling words (", tender and a bit heavy"), or of feeling nouns (", with tenderness and sadness"),
 * else the feeling words found in it.
 */
function feelingPart(answer: string | undefined, t: GuideText): { words: string; slot: string } {
  const none = { words: '', slot: t.intention.feeling };
  if (!answer) return none;
  const phrase = stagePhrase('feeling', answer, t);
  const short = phrase && phrase.split(/\s+/).length <= 7;
  if (short && t.patterns.feelingNouns.test(phrase)) return { words: phrase, slot: t.intention.feelingNouns };
  if (short && t.patterns.feelingStart.test(phrase)) return { words: phrase, slot: t.intention.feeling };
  const words: string[] = [];
  for (const w of answer.split(/[^\p{L}'-]+/u)) {
    if (w && t.topics.feeling.some((p) => p.test(w)) && t.patterns.feelingStart.test(w) && !words.includes(w.toLowerCase())) words.push(w.toLowerCase());
  }
  return { words: listed(words.slice(0, 3), 'and', t), slot: t.intention.feeling };
}

/**
 * The intention sentence, or "" when there is nothing to build from:
 * composeIntention({ about: "the quiet after the move", feeling: "tender" }, en) → "A song about the quiet after the move, tender."
 */
export function composeIntention(answers: Partial<Record<AnswerStage, string>>, t: GuideText = guideText('en')): string {
  const { intention: part } = t;
  let text = part.start;
  const opener = answers.about ? firstSentence(answers.about, t) : '';
  const named = opener && t.patterns.opener.test(opener);
  // "a song for my grandmother" as the answer about the song already says what kind of song it is.
  const about = named ? ` ${trimmed(firstClause(opener, t), t).split(/\s+/).slice(2).join(' ')}` : aboutPart(answers.about, t);
  const audience = audiencePart(answers.audience, about, t);
  // "for my grandmother about my grandmother" says it twice: the person is who it is for.
  const aboutAlone = answers.about && !named ? stagePhrase('about', answers.about, t) : '';
  const same = Boolean(audience) && aboutAlone.toLowerCase() === audience.toLowerCase();
  if (audience && !(named && about.toLowerCase().includes(audience.toLowerCase()))) text += part.for.replace('{audience}', audience);
  if (!same) text += about;
  const feeling = feelingPart(answers.feeling, t);
  if (feeling.words && !about.toLowerCase().includes(feeling.words.toLowerCase())) text += feeling.slot.replace('{feeling}', feeling.words);
  if (text === part.start) return '';
  const message = stagePhrase('message', answers.message, t);
  if (message) {
    const clause = t.patterns.clause.test(message);
    const slot = clause ? part.message : part.messagePhrase;
    // Inside quotation marks their words stay as they wrote them.
    text += slot.replace('{message}', /[„«“"]\s*\{message\}/u.test(slot) ? message : continued(message, t));
  }
  text = once(text.replace(/\s+/g, ' ').replace(/\s+([,.])/g, '$1').trim());
  return /[.!?…]$/.test(text) ? text : `${text}${part.end}`;
}
