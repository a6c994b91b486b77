import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';
import { interpretOffline } from './interpret.ts';
import { tempoFor } from './mapping.ts';

const MINOR_FAMILY = ['minor', 'dorian', 'phrygian', 'harmonic minor'];
const MAJOR_FAMILY = ['major', 'lydian', 'mixolydian'];

describe('outbursts: energy whose feeling the other words decide', () => {
  it('screaming after good news stays joyful, and screaming alone stays angry', () => {
    const joy = readEmotionDetail('my crush texted me back and I screamed into my pillow');
    const alone = readEmotionDetail('I could scream');
    expect(joy.valence).toBeGreaterThan(0.2);
    expect(joy.arousal).toBeGreaterThan(0.5);
    expect(joy.mixed).toBe(false);
    expect(alone.valence).toBeLessThan(0);
    expect(alone.arousal).toBeGreaterThan(0.5);
  });
  it('works the same in German, French and Spanish', () => {
    for (const [text, lang] of [['ich könnte vor Freude platzen, so glücklich', 'de'], ['trop heureuse, c\'est de la folie', 'fr'], ['tan feliz que quiero gritar', 'es']] as const) {
      const d = readEmotionDetail(text, { lang });
      expect(d.valence, text).toBeGreaterThan(0.2);
      expect(d.arousal, text).toBeGreaterThan(0.4);
    }
  });
});

describe('pictures of pressure about to give', () => {
  it.each([['like a kettle about to boil over', 'en'], ['como un volcán a punto de estallar', 'es'], ['wie ein Vulkan kurz vor dem Ausbruch', 'de'], ['comme une bombe à retardement', 'fr']])('"%s" is tense and fast', (text, lang) => {
    const p = interpretOffline(text, { lang }).params;
    expect(MINOR_FAMILY).toContain(p.mode);
    expect(p.tempo).toBeGreaterThanOrEqual(110);
  });
});

describe('English feeling words borrowed into other languages', () => {
  it('"trop down", "voll down" are low, but "calm down" in English is not sadness', () => {
    expect(readEmotionDetail('je suis trop down en ce moment').valence).toBeLessThan(-0.3);
    expect(readEmotionDetail('ich bin voll down heute').valence).toBeLessThan(-0.3);
    const calm = readEmotionDetail('calm down, sit down, slow down');
    expect(calm.lang).toBe('en');
    expect(calm.valence).toBeGreaterThan(0);
  });
});

describe('an end of an era among happy words is mixed', () => {
  it.each([["so happy for her, but it's the end of an era", 'en'], ["je suis heureuse pour elle, mais c'est la fin d'une époque", 'fr'], ['estoy feliz por ella, pero es el fin de una era', 'es'], ['ich freue mich für sie, aber es ist das Ende einer Ära', 'de']])('"%s"', (text, lang) => {
    const d = readEmotionDetail(text, { lang });
    expect(d.mixed).toBe(true);
    expect(MAJOR_FAMILY.includes(interpretOffline(text, { lang }).params.mode) && !interpretOffline(text, { lang }).params.harmony.borrowed && interpretOffline(text, { lang }).params.mode === 'major').toBe(false);
  });
});

describe('tempo words in German, French and Spanish are explicit requests', () => {
  it.each([['ein fröhliches Lied, aber langsam', 56, 72], ['une chanson joyeuse mais lente', 56, 72], ['una canción triste pero rápida', 126, 160], ['je suis triste et en colère, joue-la à fond', 140, 180], ['ein trauriges Lied, sehr schnell', 150, 190]])('"%s" lands in %i–%i bpm', (text, lo, hi) => {
    const { params, explicit } = interpretOffline(text);
    expect(params.tempo).toBeGreaterThanOrEqual(lo);
    expect(params.tempo).toBeLessThanOrEqual(hi);
    expect(explicit.some((e) => e.startsWith('tempo'))).toBe(true);
  });
  it('only in a message of their own language: English "lent" is lending, "lento" in English is the Italian marking', () => {
    expect(interpretOffline("she lent me her guitar and I'm so excited").explicit.some((e) => e.startsWith('tempo'))).toBe(false);
    expect(interpretOffline('lento, in D minor').params.tempo).toBe(52);
    expect(interpretOffline('un bolero lento y triste').params.tempo).toBeGreaterThanOrEqual(56);
  });
});

describe('tempo and valence', () => {
  it('an unpleasant feeling slows a song a little; a pleasant one does not hurry it', () => {
    expect(tempoFor(-0.8, 0.2)).toBeLessThan(tempoFor(0, 0.2));
    expect(tempoFor(0.8, 0.4)).toBe(tempoFor(0, 0.4));
    // Below CONTENTMENT.until a pleasant feeling settles the pace (round four): never faster.
    expect(tempoFor(0.8, 0.2)).toBeLessThanOrEqual(tempoFor(0, 0.2));
  });
});
