import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';
import { pickLexicon } from './emotion-language.ts';

// The Spanish lexicon's breadth (issue 16, round five): families of feeling words, images and
// idioms across Spain, Mexico, Argentina, Colombia and Chile, placed on the circumplex as the
// English table places their equivalents. Sentences here are written for the test, not taken from
// any evaluation set.
const read = (text: string) => readEmotionDetail(text, { lang: 'es' });
const labels = (text: string) => read(text).hits.map((h) => h.label);

describe('Spanish feelings by family', () => {
  it.each([
    'estoy encabronado con mi hermano',
    'me tiene hasta la madre este tráfico',
    'qué coraje me da',
    'me da una bronca bárbara',
    'estoy emputada con el árbitro',
    'me saca de quicio que me interrumpan',
    'estoy echando humo',
  ])('anger and irritation are unpleasant and high: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeLessThan(-0.3);
    expect(arousal).toBeGreaterThan(0.4);
  });

  it.each([
    'tengo un ataque de pánico',
    'estoy atacadísima por el examen',
    'tengo los nervios de punta',
    'estoy acojonado',
    'tengo el corazón a mil',
  ])('panic and stress are unpleasant and high: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeLessThan(-0.2);
    expect(arousal).toBeGreaterThan(0.4);
  });

  it.each([
    'estoy en el sofá con una manta, muy calentito',
    'una tarde apacible en la hamaca',
    'qué sosiego, el gato ronronea junto a la chimenea',
    'me siento descansada y en paz',
    'el canto de los pájaros por la mañana',
  ])('calm contentment is pleasant and low: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeGreaterThan(0.2);
    expect(arousal).toBeLessThan(-0.1);
  });

  it.each([
    'estoy hecho polvo',
    'me siento apagada, sin energía',
    'ando bien agüitado',
    'qué fome todo',
    'estoy bajoneada desde el lunes',
    'me da mucha vergüenza y remordimiento',
  ])('tiredness, emptiness and shame are unpleasant and not driving: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeLessThan(-0.2);
    expect(arousal).toBeLessThan(0.25);
  });

  it.each([
    'qué subidón, somos campeones',
    'estoy flipando, es alucinante',
    'qué chimba de concierto',
    'estoy en el séptimo cielo',
    'lo pasamos bomba en la parranda',
  ])('excitement and triumph are pleasant and high: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeGreaterThan(0.3);
    expect(arousal).toBeGreaterThan(0.3);
  });

  it.each(['te amo', 'me encantan sus caricias', 'un apapacho de mi abuela', 'mi alma gemela'])('love and tenderness are pleasant, not frantic: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeGreaterThan(0.4);
    expect(arousal).toBeLessThan(0.45);
  });
});

describe('Spanish images and idioms', () => {
  it('images count, weaker than feeling words', () => {
    const storm = read('un huracán').hits[0]!;
    const rage = read('una furia').hits[0]!;
    expect(storm.arousal).toBeGreaterThan(0.5);
    expect(storm.weight).toBeLessThan(rage.weight);
    expect(read('una chimenea encendida').arousal).toBeLessThan(0);
    expect(read('un enjambre de abejas en la cabeza').arousal).toBeGreaterThan(0.4);
  });
  it('idioms are read whole', () => {
    expect(labels('tengo mariposas en el estómago')).toContain('mariposas en el estómago');
    expect(read('vale la pena intentarlo').valence).toBeGreaterThan(0);
    expect(read('no puedo esperar a verte').valence).toBeGreaterThan(0.3);
    expect(read('ya no siento nada').arousal).toBeLessThan(-0.3);
  });
  it('"no paro de" and "no dejo de" keep doing, they do not deny', () => {
    expect(read('no paro de llorar').valence).toBeLessThan(-0.3);
    expect(read('no dejo de sonreír').valence).toBeGreaterThan(0.3);
    expect(read('no estoy triste').valence).toBeGreaterThan(0);
  });
  it('superlatives and diminutives reach their entries', () => {
    expect(read('estoy tristísima').valence).toBeLessThan(-0.4);
    expect(read('estoy nerviosísimo').arousal).toBeGreaterThan(0.4);
    expect(read('me quedé solito').valence).toBeLessThan(-0.3);
  });
  it('spellings without accents are found', () => {
    for (const w of ['vacio', 'decaido', 'panico', 'estres', 'adios']) expect(read(`me siento ${w}`).hits.length, w).toBeGreaterThan(0);
  });
});

describe('stems shared with frequent words of another meaning stay apart', () => {
  it.each([
    ['me costó cien dólares', []],
    ['apenas son las diez', []],
    ['el tema de la canción', []],
    ['para poder verla', []],
    ['me senté junto a la ventana', ['ventana']],
    ['los precios subieron', []],
    ['poco a poco lo llamaré', ['poco a poco']],
    ['la calle de tus padres', []],
    ['no termina nunca la película', []],
  ] as const)('%s: no feeling read from a word that only shares a stem', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
  it('German, French and English sentences are not taken for Spanish by the new words', () => {
    expect(pickLexicon('ich bin mal wieder total leer und müde').lang).toBe('de');
    expect(pickLexicon("il vient avec une histoire dans les bras").lang).toBe('fr');
    expect(pickLexicon('the verse never lands, far from it').lang).toBe('en');
  });
});
