import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modeFamily } from '../../music/teach/index.ts';
import { scoreConversation, type Turn } from '../../eval/conversations/score.ts';
import type { Script } from '../../eval/conversations/scripts.ts';
import { guideText } from '../../server/guide/index.ts';
import { readEmotion } from '../../server/interpret/index.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { sharedPglite } from '../support/db.ts';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.ts';
import { makeApp, newSong, post, type App } from './helpers.ts';

const t = sharedPglite();

/** Take a turn with the page's language; throws on a non-200. */
async function turn(app: App, id: string, text: string, page?: string, headers: Record<string, string> = {}): Promise<TurnResult> {
  const res = await post(app, `/api/songs/${id}/turns`, { text, ...(page ? { language: page } : {}) }, headers);
  if (res.status !== 200) throw new Error(`"${text}" answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as TurnResult;
}

async function run(app: App, script: Script): Promise<Turn[]> {
  const id = await newSong(app);
  const turns: Turn[] = [];
  for (const message of script.messages) {
    const r = await turn(app, id, message, script.page);
    turns.push({ message, reply: r.reply.text, sketched: r.version !== null, intention: r.intention?.text ?? null });
  }
  return turns;
}

/** Conversations written for this test only (the eval's scripts are in eval/conversations/). */
const HELD_OUT: Script[] = [
  { id: 'de-a', language: 'de', page: 'de', messages: ['Es geht um den Sommer, in dem mein Vater krank wurde', 'ich weiß nicht', 'ängstlich und gleichzeitig dankbar', 'Dass jeder Tag zählt', 'das Krankenhausfenster, draußen Regen', 'für meinen Vater', 'weiter', 'ja'] },
  { id: 'de-b', language: 'de', rich: true, covered: ['about', 'feeling', 'audience'], messages: ['Ich schreibe ein Lied für meine beste Freundin über unseren Streit letzten Winter. Ich fühle mich schuldig und ein bisschen wütend.', 'genau so'] },
  { id: 'fr-a', language: 'fr', page: 'fr', messages: ["C'est sur la fin de mes études", 'je ne sais pas', 'soulagée mais un peu perdue', "qu'on a le droit de ne pas savoir", 'ma chambre vide, les cartons', 'pour moi-même', 'passer', 'oui'] },
  { id: 'fr-b', language: 'fr', rich: true, covered: ['about', 'feeling', 'audience'], messages: ['Je voudrais écrire une chanson pour mon frère sur notre enfance à la campagne. Je suis nostalgique et heureux.', 'exactement'] },
  { id: 'es-a', language: 'es', page: 'es', messages: ['Trata de la primera vez que vi el mar', 'no sé', 'libre y un poco asustada', 'que nunca es tarde', 'la arena fría, el ruido de las olas', 'para mi madre', 'saltar', 'sí'] },
  { id: 'es-b', language: 'es', rich: true, covered: ['about', 'feeling', 'audience'], messages: ['Quiero hacer una canción para mi pareja sobre nuestro primer piso. Me siento agradecido y tranquilo.', 'perfecto'] },
];

describe('the guide in the musician\'s language, through POST /api/songs/:id/turns', () => {
  it.each(HELD_OUT.map((s) => [s.id, s] as const))('%s: replies in the language, no question or sentence twice, examples when unsure, a quick sketch when all is said', async (_id, script) => {
    const app = makeApp(t.db);
    const score = scoreConversation(script, await run(app, script));
    expect(score.inLanguageByDetector / score.replies).toBeGreaterThanOrEqual(0.9);
    expect(score.inLanguageByData / score.replies).toBeGreaterThanOrEqual(0.9);
    expect(score.repeatedSentences).toEqual([]);
    expect(score.repeatedQuestions).toEqual([]);
    expect(score.askedAfterCovered).toEqual([]);
    expect(score.unsureWithExamples).toBe(score.unsure);
    expect(score.disclosed).toBe(true);
    expect(score.intentionClean).toBe(true);
    expect(score.intention).not.toBeNull();
    if (script.rich) expect(score.sketchTurn).not.toBeNull();
    if (script.rich) expect(score.sketchTurn!).toBeLessThanOrEqual(2);
  });

  it('reads a short first message by the page\'s language: the app\'s switch first, then Accept-Language', async () => {
    const app = makeApp(t.db);
    const byHeader = await turn(app, await newSong(app), 'ok', undefined, { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' });
    expect(byHeader.language).toBe('de');
    expect(byHeader.reply.text.startsWith(guideText('de').disclosure)).toBe(true);
    const bySwitch = await turn(app, await newSong(app), 'ok', 'fr', { 'accept-language': 'de' });
    expect(bySwitch.language).toBe('fr');
    const neither = await turn(app, await newSong(app), 'ok');
    expect(neither.language).toBe('en');
  });

  it('keeps the conversation\'s language for an ambiguous word, and follows a clear switch', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    expect((await turn(app, id, 'Trata de mi abuela y su cocina')).language).toBe('es');
    expect((await turn(app, id, 'triste')).language).toBe('es');
    expect((await turn(app, id, "I want her to know she's not forgotten")).language).toBe('en');
  });

  it('refuses a malformed page language with a 400 that names the field', async () => {
    const app = makeApp(t.db);
    const res = await post(app, `/api/songs/${await newSong(app)}/turns`, { text: 'hallo', language: 'not a language!' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/language/);
  });

  const sad = [
    ['de', ['traurig', 'spiel einfach etwas']],
    ['fr', ['triste', 'joue juste quelque chose']],
    ['es', ['triste', 'toca algo']],
  ] as const;
  // The German, French and Spanish feeling words come with the mood work (lang/<code>/feelings.json); until it is merged this reports as skipped.
  it.skipIf(readEmotion('traurig').words.length === 0).each(sad)('%s: a sad statement comes out in a minor-family mode at ≤ 100 bpm', async (language, messages) => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    let last: TurnResult | undefined;
    for (const m of messages) last = await turn(app, id, m, language);
    expect(last!.version).not.toBeNull();
    expect(modeFamily(last!.version!.key, last!.version!.mode)).toBe('minor');
    expect(last!.version!.tempo).toBeLessThanOrEqual(100);
    expect(last!.language).toBe(language);
  });
});

describe('the guide in the musician\'s language, with a language model', () => {
  let llm: FakeLlm;
  beforeAll(async () => {
    llm = await startFakeLlm();
  });
  afterAll(() => llm.close());

  it('tells the model the language and uses a reply in it', async () => {
    llm.reset();
    const app = makeApp(t.db, llm.url, 30_000);
    llm.script({ kind: 'text', text: 'Du hast gesagt „den Umzug meiner Schwester“. Was fühlst du, wenn du daran denkst?' });
    const r = await turn(app, await newSong(app), 'Es geht um den Umzug meiner Schwester', 'de');
    expect(llm.requests[0]!.body.messages[0]!.content).toContain('Reply only in Deutsch (de)');
    expect(r.fallback).toBeNull();
    expect(r.reply.text).toContain('Was fühlst du, wenn du daran denkst?');
  });

  it.each([
    ['an English reply', 'You said the move of your sister. What do you feel when you think of it?'],
    ['a Spanish reply', 'Dijiste la mudanza de tu hermana. ¿Qué sientes cuando piensas en ello?'],
  ])('falls back to the offline guide in German when the model answers with %s, and says so', async (_what, text) => {
    llm.reset();
    const app = makeApp(t.db, llm.url, 30_000);
    llm.script({ kind: 'text', text });
    const r = await turn(app, await newSong(app), 'Es geht um den Umzug meiner Schwester', 'de');
    expect(r.fallback).toMatch(/wrong language/);
    expect(r.reply.text).not.toContain(text);
    expect(r.reply.text).toContain(guideText('de').stages.feeling.question);
  });

  /** Model answers of the kinds real models give, good and bad, each with what the turn must do with it. */
  const RECORDED = [
    { page: 'fr', said: "C'est sur le départ de mon père", answer: "Le départ de ton père, c'est quelque chose de lourd à porter. Qu'est-ce que tu ressens quand tu y penses ?", used: true },
    { page: 'fr', said: "C'est sur le départ de mon père", answer: "Your father's departure sounds heavy. What do you feel when you think about it?", used: false },
    { page: 'fr', said: "C'est sur le départ de mon père", answer: 'Sure! Here is a warm reply in French: What do you feel about your father leaving?', used: false },
    { page: 'es', said: 'Trata de mi abuela y su cocina', answer: 'La cocina de tu abuela suena llena de recuerdos. ¿Qué sientes cuando piensas en ella?', used: true },
    { page: 'es', said: 'Trata de mi abuela y su cocina', answer: "La cuisine de ta grand-mère semble pleine de souvenirs. Qu'est-ce que tu ressens ?", used: false },
    { page: 'de', said: 'Es geht um meinen ersten Job', answer: 'Dein erster Job – das ist ein großer Schritt. Was fühlst du, wenn du daran denkst?', used: true },
    { page: 'de', said: 'Es geht um meinen ersten Job', answer: 'Your first job — a big step. How does it feel when you think about it?', used: false },
  ] as const;

  it.each(RECORDED.map((r) => [r.page, r.used ? 'uses' : 'replaces', r.answer, r] as const))('%s: %s the recorded answer %j', async (_p, _v, _a, r) => {
    llm.reset();
    const app = makeApp(t.db, llm.url, 30_000);
    llm.script({ kind: 'text', text: r.answer });
    const result = await turn(app, await newSong(app), r.said, r.page);
    expect(result.language).toBe(r.page);
    expect(result.reply.text.includes(r.answer)).toBe(r.used);
    expect(result.fallback === null).toBe(r.used);
    if (!r.used) expect(result.reply.text).toContain(guideText(r.page).stages.feeling.question);
  });

  it('keeps the tokens per turn flat over 50 turns: turn 50 ≤ 1.5× turn 5', async () => {
    llm.reset();
    const app = makeApp(t.db, llm.url, 30_000);
    const id = await newSong(app);
    const requests = ['langsamer, bitte', 'heller im Refrain', 'mehr Raum in der Strophe', 'wärmerer Klang'];
    await turn(app, id, 'spiel einfach etwas Ruhiges über den Umzug meiner Schwester', 'de');
    for (let i = 1; i < 50; i++) await turn(app, id, requests[i % requests.length]!, 'de');
    const guideTurns = llm.requests.filter((r) => r.body.stream);
    expect(guideTurns).toHaveLength(50);
    expect(guideTurns[49]!.promptTokens).toBeLessThanOrEqual(1.5 * guideTurns[4]!.promptTokens);
  }, 120_000);
});
