import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';

// The Spanish lexicon's life events, everyday register and scenes: people often tell what happened
// ("me echaron del curro", "nos dieron el diagnóstico") without naming a feeling, and in the words
// of their region ("estoy apachurrado", "qué quilombo", "un vacilón"). Sentences written for this
// test, not taken from any evaluation set.
const read = (text: string) => readEmotionDetail(text, { lang: 'es' });

describe('Spanish life events read as the feeling they usually carry', () => {
  it.each([
    'ayer fue el velatorio y hoy el sepelio',
    'vaciamos la casa de mis padres',
    'mi padre se nos fue en marzo',
    'exiliado desde la dictadura',
  ])('loss, death and exile are sad and low: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeLessThan(-0.3);
    expect(arousal).toBeLessThan(0.2);
  });

  it.each([
    'nos dieron el diagnóstico ayer',
    'el abuelo está en urgencias',
    'suspendí la selectividad',
    'no llegamos a fin de mes',
    'me puso los cuernos',
    'me echaron del curro',
  ])('bad news, exams and money trouble are unpleasant and tense: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeLessThan(-0.4);
    expect(arousal).toBeGreaterThan(0.1);
  });

  it.each([
    'me pidió matrimonio en la playa',
    'nació mi sobrina esta madrugada',
    'primer día de cole de mi hijo',
  ])('births, proposals and first days are bright and awake: %s', (text) => {
    const { valence, arousal } = read(text);
    expect(valence).toBeGreaterThan(0.3);
    expect(arousal).toBeGreaterThan(0.2);
  });

  it('moving away is mildly hopeful and restless, not sad', () => {
    const { valence, arousal } = read('me mudo a Barcelona en septiembre');
    expect(valence).toBeGreaterThan(0);
    expect(arousal).toBeGreaterThan(0.3);
  });

  it('homesickness after emigrating is sad', () => {
    expect(read('emigré hace diez años y vivo lejos de mi tierra').valence).toBeLessThan(-0.25);
  });

  it('a retirement is calm and neither bright nor dark', () => {
    const { valence, arousal } = read('se jubiló mi padre');
    expect(valence).toBeGreaterThan(-0.1);
    expect(valence).toBeLessThan(0.4);
    expect(arousal).toBeLessThan(-0.2);
  });

  it('an old-age birthday among grandchildren is warm', () => {
    expect(read('cumplí 80 y estoy rodeado de mis nietos').valence).toBeGreaterThan(0.3);
  });
});

describe('Spanish everyday register across regions', () => {
  it.each(['estoy apachurrado', 'me da grima'])('low moods and unease are unpleasant: %s', (text) => {
    expect(read(text).valence).toBeLessThan(-0.3);
  });

  it('"estoy frita" is tiredness: unpleasant and low', () => {
    const { valence, arousal } = read('estoy frita, me voy a dormir');
    expect(valence).toBeLessThan(-0.2);
    expect(arousal).toBeLessThan(-0.3);
  });

  it('a mess ("quilombo") is unpleasant and high', () => {
    const { valence, arousal } = read('qué quilombo en el laburo');
    expect(valence).toBeLessThan(-0.3);
    expect(arousal).toBeGreaterThan(0.4);
  });

  it.each(['anoche fue un vacilón con los panas', 'estoy chocha con mi nieto'])('fun and delight are bright: %s', (text) => {
    expect(read(text).valence).toBeGreaterThan(0.5);
  });
});

describe('Spanish scenes', () => {
  it('fireflies over the vegetable garden are peaceful', () => {
    const { valence, arousal } = read('luciérnagas en el huerto');
    expect(valence).toBeGreaterThan(0.3);
    expect(arousal).toBeLessThan(-0.2);
  });

  it('the first snowfall is gentle and pleasant', () => {
    const { valence, arousal } = read('la primera nevada del año');
    expect(valence).toBeGreaterThan(0.3);
    expect(arousal).toBeLessThan(0);
  });

  it('the big wheel at the fair is bright and lively', () => {
    const { valence, arousal } = read('subimos a la noria de la feria');
    expect(valence).toBeGreaterThan(0.4);
    expect(arousal).toBeGreaterThan(0.3);
  });
});

describe('Spanish entries that share a stem with everyday words', () => {
  it('refugiados is a hardship, while a mountain refuge stays a shelter', () => {
    expect(read('los refugiados cruzaron la frontera').valence).toBeLessThan(-0.3);
    expect(read('el refugio de montaña').valence).toBeGreaterThan(0.2);
  });

  it('jubilado (retired) is calm, while júbilo stays joy', () => {
    expect(read('mi padre jubilado').arousal).toBeLessThan(-0.2);
    expect(read('mi padre jubilado').valence).toBeLessThan(0.4);
    expect(read('júbilo en la calle').valence).toBeGreaterThan(0.5);
  });

  it('an attack (atentado) is dark, while atento (attentive) and campaña are no feelings', () => {
    expect(read('un atentado en la estación').valence).toBeLessThan(-0.5);
    expect(read('estoy atento a la campaña').hits).toHaveLength(0);
  });

  it('me mudo (I move house) is a move, while quedarse mudo is no feeling', () => {
    expect(read('me mudo el lunes').hits.map((h) => h.label)).toContain('me mudo');
    expect(read('me quedé mudo').hits).toHaveLength(0);
  });

  it('embarazada is expectant, while embarazoso (awkward) is unpleasant', () => {
    expect(read('estoy embarazada').valence).toBeGreaterThan(0.3);
    expect(read('qué embarazoso').valence).toBeLessThan(-0.2);
  });

  it('a death euphemism needs its own words: "nos dejó entrar" is no loss', () => {
    expect(read('mi padre nos dejó para siempre').valence).toBeLessThan(-0.5);
    expect(read('nos dejó entrar gratis').hits).toHaveLength(0);
  });
});
