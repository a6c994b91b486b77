import { describe, expect, it } from 'vitest';
import { readEmotionDetail, type EmotionDetail } from './emotion.ts';
import { oneEditApart, typoAffect } from './lexicon-typo.ts';
import { LEXICONS } from './lexicon.ts';

const hit = (d: EmotionDetail, label: string) => {
  const h = d.hits.find((x) => x.label === label);
  if (!h) throw new Error(`no hit "${label}" in ${JSON.stringify(d.words)}`);
  return h;
};
const fr = LEXICONS.get('fr')!;
const de = LEXICONS.get('de')!;

describe('words about the sound', () => {
  it('lets "soft and slow" set the energy of a love song, which "in love" alone would lift', () => {
    expect(readEmotionDetail('in love').arousal).toBeGreaterThan(0);
    expect(readEmotionDetail('in love, soft and slow').arousal).toBeLessThan(-0.2);
  });
  it('keeps a slow sad song as sad as a sad one: "slow" says little about how pleasant it is', () => {
    const d = readEmotionDetail('a slow sad song');
    expect(d.valence).toBeLessThan(-0.5);
    expect(hit(d, 'slow').arousalWeight).toBeGreaterThan(hit(d, 'slow').weight);
  });
  it('hears loud and fast words in German, French and Spanish too', () => {
    for (const text of ['laut und schnell', 'rapide et bruyant', 'rápido y ruidoso']) expect(readEmotionDetail(text).arousal).toBeGreaterThan(0.5);
  });
});

describe('a feeling that describes the song', () => {
  it('weighs "nostalgique" in "une chanson nostalgique sur les étés" above the summers it is about', () => {
    const d = readEmotionDetail('Une chanson nostalgique sur les étés de mon enfance');
    expect(hit(d, 'nostalgique').weight).toBeGreaterThan(hit(d, 'étés').weight);
  });
  it('leaves a feeling after "about" to the topic: "a spooky song about the haunted house"', () => {
    const d = readEmotionDetail('a spooky song about the haunted house');
    expect(hit(d, 'spooky').weight).toBeGreaterThan(hit(d, 'haunted').weight);
  });
});

describe('similes', () => {
  it('lets the picture illustrate the named feeling: "agridulce, como el último día de vacaciones"', () => {
    const d = readEmotionDetail('agridulce, como el último día de vacaciones');
    expect(hit(d, 'vacaciones').weight).toBeLessThan(hit(d, 'agridulce').weight);
    expect(d.mixed).toBe(true);
  });
});

describe('phrases that hold their own negation', () => {
  it('reads "je n\'arrive pas à dormir" and "I can\'t sleep" as restless, not as their opposite', () => {
    for (const text of ["je n'arrive pas à dormir", "j'ai peur, je n'arrive plus à respirer", "I can't sleep"]) {
      const d = readEmotionDetail(text);
      expect(d.valence, text).toBeLessThan(0);
      expect(d.arousal, text).toBeGreaterThan(0.3);
    }
  });
});

describe('code-switching', () => {
  it('reads an English feeling word inside French or Spanish ("trop stressed", "muy stressed")', () => {
    for (const text of ['je suis trop stressed', 'estoy muy stressed por los exámenes']) {
      const d = readEmotionDetail(text);
      expect(d.lang).not.toBe('en');
      expect(d.valence, text).toBeLessThan(0);
      expect(d.arousal, text).toBeGreaterThan(0.3);
    }
  });
  it('never reads a word of the language as its English look-alike ("du pain", "es war")', () => {
    expect(readEmotionDetail('je mange du pain avec ma famille').valence).toBeGreaterThan(0);
    expect(readEmotionDetail('es war ein Tag mit meiner Familie', { lang: 'de' }).hits.map((h) => h.label)).not.toContain('war');
  });
});

describe('misspelt feeling words', () => {
  it('knows one edit: a letter dropped, added, changed or two swapped', () => {
    expect(oneEditApart('hereuse', 'heureuse')).toBe(true);
    expect(oneEditApart('trizte', 'triste')).toBe(true);
    expect(oneEditApart('lonley', 'lonely')).toBe(true);
    expect(oneEditApart('sad', 'sad')).toBe(false);
    expect(oneEditApart('traurich', 'traurig')).toBe(false);
  });
  it('reads "hereuse" as heureuse, but never a common word as a typo ("fühlen" is not "fehlen")', () => {
    expect(typoAffect(fr, 'hereuse')).toEqual(fr.data.feelings['heureuse']);
    expect(typoAffect(de, 'fühlen')).toBeUndefined();
    expect(typoAffect(fr, 'tris')).toBeUndefined();
    expect(readEmotionDetail('je suis tellment hereuse').valence).toBeGreaterThan(0.5);
  });
});

describe('round two: brackets, corrections, participles, telling the language', () => {
  it('reads French "ne … plus" as a negation, but "plus" alone as "more"', () => {
    expect(readEmotionDetail('Je ne suis plus fâchée contre lui').valence).toBeGreaterThan(0);
    expect(readEmotionDetail('je suis plus heureuse qu\'avant').valence).toBeGreaterThan(0.5);
  });
  it('hears "never felt this alive" as alive, not its negation', () => {
    expect(readEmotionDetail('I have never felt this alive').valence).toBeGreaterThan(0.3);
  });
  it('lets a correction opening a clause count as "but" does: "not angry, just tired"', () => {
    const d = readEmotionDetail("I'm not angry, just tired");
    expect(hit(d, 'tired').weight).toBeGreaterThan(hit(d, 'not angry').weight);
  });
  it('finds German verb forms the stemmer leaves alone ("weint", "gelacht", "getanzt")', () => {
    for (const [text, sign] of [['sie weint', -1], ['wir haben gelacht und getanzt', 1]] as const) {
      const d = readEmotionDetail(text, { lang: 'de' });
      expect(d.hits.length, text).toBeGreaterThan(0);
      expect(Math.sign(d.valence), text).toBe(sign);
    }
  });
  it('tells a short German message by its grammar words, though "war" is an English feeling word', () => {
    const d = readEmotionDetail('Gestern war es so, wir haben bis zum Morgen gelacht');
    expect(d.lang).toBe('de');
    expect(d.valence).toBeGreaterThan(0);
  });
});

describe('"and now" turns to where the musician has arrived', () => {
  it.each([
    ['I yelled at my girlfriend and now I feel so ashamed', 'I yelled at my girlfriend and then I felt so ashamed', 'so ashamed'],
    ['Ich habe meine Freundin angeschrien und jetzt schäme ich mich', 'Ich habe meine Freundin angeschrien und dann schämte ich mich', 'schäme'],
  ])('%j weighs the feeling after it more than %j does', (now, then, word) => {
    const weight = (text: string) => readEmotionDetail(text).hits.find((h) => h.label.startsWith(word.slice(0, 5)))?.weight ?? 0;
    expect(weight(now)).toBeGreaterThan(weight(then));
  });
});

describe('a negation stops where a new clause begins ("and I …")', () => {
  it.each([
    ["I didn't get the job and I'm devastated", 'devastated'],
    ["I didn't sleep and I am exhausted", 'exhausted'],
    ['Je n’ai pas dormi et je suis épuisé', 'épuisé'],
  ])('%j keeps %s as said', (text, word) => {
    const h = readEmotionDetail(text).hits.find((x) => x.label.endsWith(word));
    expect(h?.label).toBe(word);
    expect(h!.valence).toBeLessThan(0);
  });

  it('still reaches inside its own clause', () => {
    expect(readEmotionDetail("I'm not sad and not angry").valence).toBeGreaterThan(0);
  });
});

describe('names and spellings', () => {
  it('reads a capitalised word inside a sentence as a name, not a misspelt feeling (outside German)', () => {
    expect(readEmotionDetail('Vivimos en Vitoria con mi hermana.', { lang: 'es' }).hits).toEqual([]);
    expect(readEmotionDetail('es una vitoria para mi hermana', { lang: 'es' }).valence).toBeGreaterThan(0);
    expect(readEmotionDetail('We met Mr Sadler at the station.', { lang: 'en' }).hits).toEqual([]);
    expect(readEmotionDetail('Je suis trsite', { lang: 'fr' }).valence).toBeLessThan(0);
  });

  it('settles a tie between languages by the letters only one of them writes', async () => {
    const { pickLexicon } = await import('./emotion-language.ts');
    // "So" and "qué" score one each for English and Spanish; "¿" is Spanish. "a la" is French and Spanish alike; "ñ" is Spanish.
    expect(pickLexicon('So, ¿qué?').lang).toBe('es');
    expect(pickLexicon('a la mañana').lang).toBe('es');
    expect(pickLexicon('I am fine').lang).toBe('en');
  });
});

describe('fear of something ahead is worry, not panic', () => {
  it.each([
    ["I'm afraid of losing her", 'I am so scared'],
    ["J'ai peur d'oublier les choses", "J'ai peur"],
    ['Me da miedo olvidarme de las cosas', 'Tengo miedo'],
  ])('%j is calmer than %j', (worry, fear) => {
    expect(readEmotionDetail(worry).arousal).toBeLessThan(readEmotionDetail(fear).arousal);
    expect(readEmotionDetail(worry).valence).toBeLessThan(0);
  });
});

describe('an intensifier inside a phrase', () => {
  it.each([
    ['das kotzt mich so an', 'das kotzt mich an'],
    ['ich bin so am Ende', 'ich bin am Ende'],
    ['my heart is so full', 'my heart is full'],
  ])('%j reads as %j does', (inside, plain) => {
    const a = readEmotionDetail(inside);
    const b = readEmotionDetail(plain);
    expect(a.hits).toHaveLength(1);
    expect([a.valence, a.arousal]).toEqual([b.valence, b.arousal]);
  });

  it('only one, and never before the phrase starts', () => {
    expect(readEmotionDetail('my heart is so very full').hits.map((h) => h.label)).not.toContain('heart is so very full');
  });
});

describe('"not a shred of" denies as "not" does', () => {
  it.each(['not one bit nervous about tomorrow', 'kein bisschen traurig', 'pas une once de tristesse', 'ni una pizca de nervios', 'zero stress today'])('%j turns its feeling round', (text) => {
    const d = readEmotionDetail(text);
    expect(d.hits).toHaveLength(1);
    expect(d.valence).toBeGreaterThan(0);
  });
});

describe('everyday intensifiers', () => {
  it.each([
    ['jsuis grave excité', 'jsuis excité'], ["I'm mad tired", "I'm tired"], ['ich bin voll traurig', 'ich bin traurig'], ['sau müde', 'müde'], ['hella tired', 'tired'],
  ])('%j is %j, stronger, and one feeling', (strong, plain) => {
    const a = readEmotionDetail(strong);
    const b = readEmotionDetail(plain);
    expect(a.hits).toHaveLength(1);
    expect(Math.abs(a.valence) + Math.abs(a.arousal)).toBeGreaterThan(Math.abs(b.valence) + Math.abs(b.arousal));
    expect(Math.sign(a.valence)).toBe(Math.sign(b.valence));
  });
  it('a word that intensifies is still a feeling where it stands alone', () => {
    expect(readEmotionDetail("I'm mad at you").valence).toBeLessThan(0);
  });
});

describe('intensifiers after the word', () => {
  it.each([['tired af', 'tired'], ["I'm tired as hell", "I'm tired"], ['müde ohne Ende', 'müde'], ['content de ouf', 'content'], ['triste a morir', 'triste']])('%j is %j, stronger, and one feeling', (strong, plain) => {
    const a = readEmotionDetail(strong);
    const b = readEmotionDetail(plain);
    expect(a.hits).toHaveLength(1);
    expect(Math.abs(a.valence)).toBeGreaterThanOrEqual(Math.abs(b.valence));
    expect(Math.abs(a.valence) + Math.abs(a.arousal)).toBeGreaterThan(Math.abs(b.valence) + Math.abs(b.arousal));
  });
  it('leaves the same words alone where no feeling comes before them', () => {
    expect(readEmotionDetail("c'est de ouf").valence).toBeGreaterThan(0);
    expect(readEmotionDetail('go to hell').valence).toBeLessThan(0);
  });
});

describe('a hedged denial half-admits a sorrow', () => {
  it.each([
    ['not exactly sad', 'sad'], ['No estoy triste exactamente', 'Estoy triste'], ['ich bin nicht direkt traurig', 'ich bin traurig'], ['je ne suis pas vraiment triste', 'je suis triste'],
  ])('%j is a little sad: less than %j', (hedged, plain) => {
    const v = readEmotionDetail(hedged).valence;
    expect(v).toBeLessThan(0);
    expect(v).toBeGreaterThan(readEmotionDetail(plain).valence);
  });
  it('while a plain denial still turns the feeling round, and a hedged denial of a joy stays unhappy', () => {
    expect(readEmotionDetail("I'm not sad").valence).toBeGreaterThan(0);
    expect(readEmotionDetail('not exactly happy').valence).toBeLessThan(0);
  });
});
