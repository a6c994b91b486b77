import { describe, expect, it } from 'vitest';
import { unstretch, type Familiarity } from './emotion-elongation.ts';
import { readEmotionDetail } from './emotion.ts';
import { interpretOffline } from './interpret.ts';
import { pacing, tempoFor } from './mapping.ts';
import { CONTENTMENT } from './mapping-tables.ts';

const MINOR_FAMILY = ['minor', 'dorian', 'phrygian', 'harmonic minor'];
const MAJOR_FAMILY = ['major', 'lydian', 'mixolydian'];
const weightOf = (text: string, label: string, lang?: string) => readEmotionDetail(text, { lang }).hits.find((h) => h.label === label)?.weight;

describe('stretched words ("sooo", "goood") read as their usual spelling', () => {
  const known: Familiarity = (w) => (['good', 'happy', 'so'].includes(w) ? 0 : ['god', 'go'].includes(w) ? 1 : 2);
  it('squeezes a run to one letter or two, whichever the language knows better', () => {
    expect(unstretch('sooo', known)).toBe('so');
    expect(unstretch('goood', known)).toBe('good');
    expect(unstretch('happyyyy', known)).toBe('happy');
    expect(unstretch('zzzwrk', known)).toBe('zwrk');
    expect(unstretch('happy', known)).toBe('happy');
  });
  it('a stretched intensifier or feeling word counts as the plain one', () => {
    const { valence, arousal, weight } = readEmotionDetail('I am so tired of this').hits[0]!;
    expect(readEmotionDetail('I am sooo tired of this').hits[0]).toMatchObject({ valence, arousal, weight });
    expect(readEmotionDetail('ich bin sooo müde heute', { lang: 'de' }).hits.map((h) => h.label)).toEqual(['sooo müde']);
    expect(readEmotionDetail('je suis trop fatiguéééé', { lang: 'fr' }).valence).toBeLessThan(-0.2);
  });
});

describe('negations that reach further or come after the word', () => {
  it('"nobody … ever" denies the verb of its clause, a few words on', () => {
    expect(readEmotionDetail('nobody in my whole family was happy for me').valence).toBeLessThan(0);
    expect(readEmotionDetail('somebody in my whole family was happy for me').valence).toBeGreaterThan(0.3);
  });
  it('German denies a verb with "nicht" after it, past its pronouns', () => {
    expect(readEmotionDetail('Ich vermisse ihn nicht mehr.', { lang: 'de' }).valence).toBeGreaterThan(0);
    expect(readEmotionDetail('Ich vermisse ihn.', { lang: 'de' }).valence).toBeLessThan(0);
    expect(readEmotionDetail('Wir lachen nicht mehr zusammen.', { lang: 'de' }).valence).toBeLessThan(0);
  });
  it('but a "nicht" that belongs to the next feeling word leaves the first alone', () => {
    const d = readEmotionDetail('heute ganz ruhig nicht nervös', { lang: 'de' });
    expect(d.hits.find((h) => h.label.includes('ruhig'))!.valence).toBeGreaterThan(0);
  });
});

describe('occasions say where a feeling happened, not which one', () => {
  it('an occasion counts half, unless it describes the song', () => {
    expect(weightOf('I felt so lonely at the funeral', 'funeral')).toBe(0.5);
    expect(weightOf('write me a party song', 'party')).toBeGreaterThan(1);
    expect(weightOf('nach der Beerdigung waren wir erleichtert', 'beerdigung', 'de')).toBe(0.5);
  });
  it('so grief at a wedding reads as grief', () => {
    const p = interpretOffline('I sobbed through the whole wedding, missing my dad').params;
    expect(MINOR_FAMILY).toContain(p.mode);
  });
});

describe('phrases and markers', () => {
  it('a phrase built on a mixed word is mixed ("ein bisschen Wehmut")', () => {
    expect(readEmotionDetail('ein bisschen Wehmut ist dabei', { lang: 'de' }).mixed).toBe(true);
  });
  it('French and Spanish entries with apostrophes match the split words ("à l\'époque")', () => {
    expect(weightOf("j'étais heureuse à l'époque", 'heureuse', 'fr')).toBe(0.5);
  });
  it('a marker of the past after the feeling dates it too ("happy back then")', () => {
    expect(weightOf('we were carefree back then', 'carefree')).toBe(0.5);
    expect(weightOf('éramos felices de niños', 'felices', 'es')).toBe(0.5);
  });
  it('of two phrases over the same words, the one spelt as written wins ("lets go" is hype, "let go" is release)', () => {
    expect(readEmotionDetail('exams are done, lets go!!').arousal).toBeGreaterThan(0.5);
    expect(readEmotionDetail('time to let go').arousal).toBeLessThan(0.3);
  });
});

describe('entries whose stem is shared with frequent words of another meaning match only as written', () => {
  it('"vamos" is not "ira", "schon" is not "schön", "bitte" is not "bitter"', () => {
    expect(readEmotionDetail('mañana vamos al parque y luego voy a casa', { lang: 'es' }).hits).toEqual([]);
    expect(readEmotionDetail('ich war schon da, bitte komm', { lang: 'de' }).hits).toEqual([]);
    expect(readEmotionDetail('tengo mucha ira', { lang: 'es' }).valence).toBeLessThan(-0.5);
    expect(readEmotionDetail('ein schöner Abend', { lang: 'de' }).valence).toBeGreaterThan(0.5);
  });
});

describe('round four vocabulary, in every language', () => {
  it('boredom is sluggish, not a dirge', () => {
    for (const [text, lang] of [['so bored in this waiting room', 'en'], ['mir ist langweilig hier', 'de'], ['quel ennui ce dimanche', 'fr'], ['qué aburrido está todo', 'es']] as const) {
      const p = interpretOffline(text, { lang }).params;
      expect(p.tempo, text).toBeGreaterThanOrEqual(60);
      expect(p.tempo, text).toBeLessThanOrEqual(90);
    }
  });
  it('fear for someone is worry, calmer than fright', () => {
    for (const [worry, fright, lang] of [['I am afraid for my brother', 'I am afraid', 'en'], ['ich habe Angst um meine Mutter', 'ich habe Angst', 'de'], ["j'ai peur pour ma sœur", "j'ai peur", 'fr'], ['tengo miedo por mi hijo', 'tengo miedo', 'es']] as const) {
      expect(readEmotionDetail(worry, { lang }).arousal, worry).toBeLessThan(readEmotionDetail(fright, { lang }).arousal);
    }
  });
  it('confidence slang is bright and driving', () => {
    for (const [text, lang] of [["tomorrow's gig, we're gonna nail it", 'en'], ['wir werden heute Abend alles rocken', 'de'], ['ce soir on va tout déchirer', 'fr'], ['hoy vamos a arrasar en el torneo', 'es']] as const) {
      const p = interpretOffline(text, { lang }).params;
      expect(MAJOR_FAMILY, text).toContain(p.mode);
      expect(p.tempo, text).toBeGreaterThanOrEqual(105);
    }
  });
  it('pictures of a fall about to happen are tense', () => {
    for (const [text, lang] of [['like walking on thin ice every day', 'en'], ['wie auf einem Drahtseil über dem Abgrund', 'de'], ['comme au bord du gouffre', 'fr'], ['como al borde del precipicio', 'es']] as const) {
      const d = readEmotionDetail(text, { lang });
      expect(d.valence, text).toBeLessThan(-0.3);
      expect(d.arousal, text).toBeGreaterThan(0.3);
    }
  });
  it('listlessness, shame and pangs are unpleasant; tenderness with the hands is calm and warm', () => {
    for (const [text, lang] of [['null Bock auf gar nichts', 'de'], ['aucune motivation ce matin', 'fr'], ['hoy me siento sin ganas', 'es'], ['I just wanted to crawl into a hole', 'en'], ["j'avais la gorge serrée", 'fr'], ['tenía un nudo en la garganta', 'es']] as const) {
      expect(readEmotionDetail(text, { lang }).valence, text).toBeLessThan(-0.25);
    }
    for (const [text, lang] of [['Händchen halten im Park', 'de'], ['marcher main dans la main', 'fr'], ['siempre tomados de la mano', 'es']] as const) {
      const d = readEmotionDetail(text, { lang });
      expect(d.valence, text).toBeGreaterThan(0.4);
      expect(d.arousal, text).toBeLessThan(0);
    }
  });
  it('gratitude and warmth are calm: a grateful evening is not a mid-tempo song', () => {
    const p = interpretOffline('grateful and warm, a quiet evening with old friends').params;
    expect(p.tempo).toBeLessThanOrEqual(90);
    expect(p.dynamics.level).toBeLessThan(0.57);
  });
});

describe('contentment settles, and more words name the song', () => {
  it('a pleasant feeling with little drive is paced slower than its arousal alone, never below the floor', () => {
    expect(pacing(0.7, -0.1)).toBeLessThan(-0.1);
    expect(pacing(0.7, -0.1)).toBeGreaterThanOrEqual(CONTENTMENT.floor);
    expect(pacing(0.4, -0.6)).toBe(-0.6);
    expect(pacing(0.8, 0.6)).toBe(0.6);
    expect(tempoFor(0.7, -0.1)).toBeLessThan(tempoFor(0, -0.1));
  });
  it('a grateful morning is slow and the reasons say why; a joyful shout is not slowed', () => {
    const calm = interpretOffline('so grateful for my family and this lovely morning');
    expect(calm.params.tempo).toBeLessThanOrEqual(90);
    expect(calm.params.rationale.find((r) => r.aspect === 'tempo')?.because).toContain('contentment');
    const joy = interpretOffline('we won the final, I am so happy I could scream!').params;
    expect(joy.tempo).toBeGreaterThanOrEqual(115);
  });
  it('a feeling beside a hymn, waltz or march describes the song', () => {
    expect(weightOf('a mournful hymn for the end of the service', 'mournful')).toBeGreaterThan(1);
    expect(weightOf('ein fröhlicher Walzer zum Abschluss', 'fröhlicher', 'de')).toBeGreaterThan(1);
    expect(weightOf('una serenata triste bajo la ventana', 'triste', 'es')).toBeGreaterThan(1);
  });
});

describe('lexicon audit: frequent words that only look like feeling words', () => {
  it('compounds and inflections that are not what they seem stay silent', () => {
    for (const [text, lang] of [['am Freitag gehen wir auf den Friedhof', 'de'], ['das ist eine gute Leistung, ich trau mich', 'de'], ['call me on this number from the ward', 'en'], ['seulement en Amérique, dans la galerie', 'fr'], ['quiero una canción para mi marido, sólo eso', 'es']] as const) {
      const words = readEmotionDetail(text, { lang }).words;
      expect(words.filter((w) => !['friedhof'].includes(w)), text).toEqual([]);
    }
    expect(readEmotionDetail('am Friedhof', { lang: 'de' }).valence).toBeLessThan(-0.3);
  });
  it('the real words still read, as do their kept inflections and German "-ich" for "-ig"', () => {
    for (const [text, lang, sign] of [['te quiero mucho', 'es', 1], ['tan solos en esta casa', 'es', -1], ['tellement seule ce soir', 'fr', -1], ['voll Trauer', 'de', -1], ['bin so traurich heute', 'de', -1], ['so lustich heute', 'de', 1]] as const) {
      expect(Math.sign(readEmotionDetail(text, { lang }).valence), text).toBe(sign);
    }
  });
});

describe('Spanish "tener ganas" and "verán"', () => {
  it('"ganas" is wanting, not winning; "verán" is a verb, not summer', () => {
    expect(readEmotionDetail('tengo ganas de verte', { lang: 'es' }).arousal).toBeLessThan(0.6);
    expect(readEmotionDetail('ya verán', { lang: 'es' }).hits).toEqual([]);
    expect(readEmotionDetail('¡ganamos la final!', { lang: 'es' }).valence).toBeGreaterThan(0.5);
  });
});

describe('home is a place', () => {
  it('"walking home" is a picture, counted less; "at home" is still a feeling', () => {
    expect(weightOf('walking home after the storm', 'home')).toBeLessThan(1);
    expect(readEmotionDetail('I finally feel at home here').valence).toBeGreaterThan(0.4);
  });
});
