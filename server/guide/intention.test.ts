import { describe, expect, it } from 'vitest';
import { aboutPart, composeIntention } from './intention.ts';
import { guideStep, type GuideStep } from './offline.ts';
import { inYourWords, quotable } from './reflect.ts';
import { parseState, type GuideState } from './state.ts';
import { guideText } from './text.ts';
import { readTopics } from './topics.ts';

function talk(page: string, ...messages: string[]): GuideStep[] {
  let state: GuideState = parseState({});
  return messages.map((m) => {
    const step = guideStep(state, m, { page });
    state = step.state;
    return step;
  });
}

describe('the intention in each language', () => {
  it.each([
    ['de', { about: 'Es geht um den Umzug meiner Schwester', feeling: 'Ich bin traurig und müde', audience: 'für meine Mutter', message: 'Du bist nicht allein' }, 'Ein Lied für meine Mutter über den Umzug meiner Schwester, traurig und müde – mit der Botschaft: du bist nicht allein.'],
    ['de', { about: 'Es handelt von meinem Vater', feeling: 'wehmütig' }, 'Ein Lied, das von meinem Vater erzählt, wehmütig.'],
    ['fr', { about: 'Ça parle de la maison de mes grands-parents', feeling: 'paisible mais un peu triste', audience: 'pour mes cousins' }, 'Une chanson pour mes cousins qui parle de la maison de mes grands-parents, paisible mais un peu triste.'],
    ['fr', { about: "c'est sur le départ de mon père", message: "je veux qu'elle sache qu'on ne l'oublie pas" }, "Une chanson sur le départ de mon père — avec ce message : on ne l'oublie pas."],
    ['es', { about: 'Trata de mi padre que se fue', feeling: 'triste y cansado', audience: 'para mi hermano' }, 'Una canción para mi hermano que habla de mi padre que se fue, triste y cansado.'],
    ['es', { about: 'mi padre se fue de casa', audience: 'para mí' }, 'Una canción para mí sobre cómo mi padre se fue de casa.'],
    // A noun subject and a verb in the preterite ("murió", "llegaron") make a clause too.
    ['es', { about: 'mi abuela murió el invierno pasado' }, 'Una canción sobre cómo mi abuela murió el invierno pasado.'],
    ['es', { about: 'la casa de mi abuela', feeling: 'triste' }, 'Una canción sobre la casa de mi abuela, triste.'],
    ['en', { about: 'she moved into a care home', audience: 'for Mum' }, 'A song for Mum about how she moved into a care home.'],
    // A noun for a subject makes a clause too (English part-of-speech tags find its verb) …
    ['en', { about: "My brother moved to Canada last month and I haven't told him I miss him", audience: 'for him' }, 'A song for my brother about how my brother moved to Canada last month.'],
    ['en', { about: 'my dog died last week' }, 'A song about how my dog died last week.'],
    // … while an adjective, a bound verb or a gerund leaves a noun phrase.
    ['en', { about: 'my beloved grandmother and her garden' }, 'A song about my beloved grandmother and her garden.'],
    ['en', { about: 'the day my father left' }, 'A song about the day my father left.'],
    ['en', { about: 'losing my job' }, 'A song about losing my job.'],
  ] as const)('%s: %j → %j', (language, answers, want) => {
    expect(composeIntention(answers, guideText(language))).toBe(want);
  });

  it.each([
    ['en', 'yes exactly'],
    ['en', 'Almost, but the wording is muddled'],
    ['de', 'ja, genau'],
    ['de', 'fast, aber die Formulierung ist wirr'],
    ['fr', "oui c'est ça"],
    ['fr', 'presque, mais la formulation est confuse'],
    ['es', 'sí, exacto'],
    ['es', 'casi, pero la redacción es confusa'],
  ] as const)('%s: never stores %j as the intention', (language, reply) => {
    const steps = talk(language, ...{
      en: ['the quiet after the move', 'sad and tired', "you're not alone", 'boxes in the hallway', 'for my sister', 'skip'],
      de: ['Es geht um den Umzug', 'traurig und müde', 'Du bist nicht allein', 'Kisten im Flur', 'für meine Schwester', 'weiter'],
      fr: ["C'est sur le déménagement", 'triste et fatigué', "tu n'es pas seul", 'des cartons dans le couloir', 'pour ma sœur', 'passer'],
      es: ['Trata de la mudanza', 'triste y cansado', 'no estás solo', 'cajas en el pasillo', 'para mi hermana', 'saltar'],
    }[language], reply);
    const last = steps.at(-1)!;
    expect(last.language).toBe(language);
    if (last.action.kind === 'sketch') expect(last.action.intention).not.toBe(reply);
    else expect(last.step).toBe('ask:change');
    for (const s of steps) if (s.action.kind === 'sketch') expect(s.action.intention?.toLowerCase()).not.toContain(reply.toLowerCase());
  });
});

describe('reflecting their words', () => {
  it.each([
    ['en', 'my sister and my old room', 'your sister and your old room'],
    ['de', 'meine Schwester und mein altes Zimmer', 'deine Schwester und dein altes Zimmer'],
    ['fr', 'ma sœur et mon ancienne chambre', 'ta sœur et ton ancienne chambre'],
    ['es', 'mi hermana y mis cosas', 'tu hermana y tus cosas'],
  ] as const)('%s: turns "my" into "your": %j → %j', (language, phrase, want) => {
    expect(inYourWords(phrase, guideText(language))).toBe(want);
  });

  // A topic framed as "I want to write a song about …" (a verb last in German) is the topic alone:
  // never "a song about a song about …", never "über meinen Großvater schreiben".
  it.each([
    ['en', 'I want to write a song about my grandfather', 'about my grandfather'],
    ['en', 'A song for my sister about her move', 'about her move'],
    ['de', 'Ich möchte ein Lied über meinen Großvater schreiben', 'über meinen Großvater'],
    ['de', 'Ein Lied über meine Schwester', 'über meine Schwester'],
    ['de', 'Es soll um meinen Vater gehen', 'über meinen Vater'],
    ['fr', 'Je veux écrire une chanson sur mon grand-père', 'sur mon grand-père'],
    ['fr', 'Une chanson sur ma sœur', 'sur ma sœur'],
    ['es', 'Quiero escribir una canción sobre mi abuelo', 'sobre mi abuelo'],
    ['es', 'Una canción sobre mi hermana', 'sobre mi hermana'],
  ] as const)('%s: the topic of %j is %j', (language, answer, want) => {
    expect(aboutPart(answer, guideText(language)).trim()).toBe(want);
  });

  it('does not restate a phrase whose verbs it cannot turn, and quotes no half-thought', () => {
    expect(inYourWords('ich vermisse sie', guideText('de'))).toBeNull();
    expect(quotable('and the', guideText('en'))).toBeNull();
    expect(quotable("I told you about it, it's for my grandmother", guideText('en'))).toBe("it's for my grandmother");
  });

  it('hears several topics in one German answer', () => {
    const found = readTopics('Es geht um unsere Kindheit am See, für meinen Bruder, ich bin wehmütig', 'about', guideText('de'));
    expect(found).toMatchObject({ about: expect.stringContaining('unsere Kindheit am See'), audience: 'meinen Bruder', feeling: expect.stringContaining('wehmütig') });
  });

  it('never says the same sentence twice, in any language, over a long unsure conversation', () => {
    for (const [language, unsure, skip] of [['en', "I don't know", 'skip'], ['de', 'keine Ahnung', 'weiter'], ['fr', 'je ne sais pas', 'passer'], ['es', 'no sé', 'saltar']] as const) {
      const steps = talk(language, unsure, unsure, unsure, 'a', unsure, unsure, unsure, skip, skip, skip, skip);
      const sentences = steps.flatMap((s) => s.reply.split(/(?<=[.!?])\s+/)).filter((x) => x.split(/\s+/).length >= 3);
      expect(new Set(sentences).size, language).toBe(sentences.length);
    }
  });
});

describe('answers to the proposal', () => {
  it('weaves in what a "no, …" names, instead of discarding it', () => {
    const steps = talk('en', 'the quiet after the move', 'sad and tired', "you're not alone", 'boxes in the hallway', 'for my sister', 'skip', "no, it's for my brother", 'yes');
    expect(steps[6]!.proposedIntention).toMatch(/^A song for my brother\b/);
    expect(steps[7]!.action).toMatchObject({ kind: 'sketch', confirmed: true, intention: expect.stringMatching(/^A song for my brother\b/) });
  });
});

describe('changing an earlier answer in each language', () => {
  it.each([
    ['de', 'eigentlich bin ich wütend, nicht traurig', 'feeling', 'bin ich wütend'],
    ['de', 'eigentlich ist es für meine Mutter', 'audience', 'ist es für meine Mutter'],
    ['fr', "en fait c'est pour mon père", 'audience', "c'est pour mon père"],
    ['es', 'en realidad es para mi madre', 'audience', 'es para mi madre'],
    ['es', 'en realidad me siento furiosa, no triste', 'feeling', 'me siento furiosa'],
  ] as const)('%s: reads %j as a change of the %s answer', (language, text, stage, kept) => {
    const steps = talk(language, ...{
      de: ['Es geht um den Umzug', 'traurig und müde', 'spiel einfach etwas'],
      fr: ["C'est sur le déménagement", 'triste et fatigué', 'joue juste quelque chose'],
      es: ['Trata de la mudanza', 'triste y cansada', 'toca algo'],
    }[language], text);
    const last = steps.at(-1)!;
    expect(last.action).toMatchObject({ kind: 'correct', stage, answer: kept });
    expect(last.language).toBe(language);
  });

  it.each([['de', 'eigentlich langsamer'], ['fr', 'en fait plus lent'], ['es', 'en realidad más lento']] as const)('%s: %j stays a request for the music', (language, text) => {
    const steps = talk(language, ...{ de: ['spiel einfach etwas'], fr: ['joue juste quelque chose'], es: ['toca algo'] }[language], text);
    expect(steps.at(-1)!.action).toEqual({ kind: 'revise', request: text });
  });
});

describe('a feeling said in nouns keeps its place in the intention', () => {
  it.each([
    ['en', 'tenderness and sadness at once', ', with tenderness and sadness at once'],
    ['es', 'ternura y tristeza a la vez', ', con ternura y tristeza a la vez'],
    ['de', 'Zärtlichkeit und Trauer zugleich', ', mit Zärtlichkeit und Trauer zugleich'],
    ['fr', 'de la tendresse et de la tristesse', ', avec de la tendresse et de la tristesse'],
  ] as const)('%s: %j', (language, feeling, part) => {
    const text = composeIntention({ about: 'x', feeling, message: '' }, guideText(language));
    expect(text).toContain(part);
  });

  it('adjectives keep the plain slot ("proud but sad")', () => {
    expect(composeIntention({ about: 'my sister who moved away', feeling: 'proud but sad' }, guideText('en'))).toContain(', proud but sad');
  });
});
