import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';

const read = (text: string) => readEmotionDetail(text);

describe('sarcasm', () => {
  it.each([
    'Not upset at all, why would I be. Third restructuring meeting this year.',
    'Je ne suis pas du tout en colère, tu parles.',
    'Oh great, another Monday.',
    'Na toll, wieder Regen.',
  ])('%j reads as bitter, not bright', (text) => {
    expect(read(text).valence).toBeLessThan(-0.2);
  });

  it('leaves a sincere denial alone', () => {
    expect(read("I'm not upset at all, just tired").hits.find((h) => h.label.includes('upset'))!.valence).toBeGreaterThan(0);
    expect(read('It feels as if I am floating, so happy').valence).toBeGreaterThan(0.4);
  });

  it("does not read a marker's own words as feelings (\"na toll\" is not great)", () => {
    expect(read('Na toll.').hits.map((h) => h.label)).toEqual(['na toll']);
  });
});

describe('a denial insisted on twice protests too much', () => {
  it.each(['Je ne suis pas du tout en colère. Pas du tout.', "I'm not angry at all. Not at all.", 'No, no me molesta para nada. Para nada.', 'Ich bin überhaupt nicht wütend. Überhaupt nicht.'])('%j reads angry', (text) => {
    expect(read(text).valence).toBeLessThan(-0.3);
  });
  it.each(['je ne suis pas du tout en colère, juste fatiguée', "I'm not angry at all, just tired", 'ich bin überhaupt nicht wütend, nur müde'])('%j, said once, is a denial', (text) => {
    expect(read(text).hits[0]!.valence).toBeGreaterThan(0);
  });
});

describe('an admission after a denial: the sorrow is there after all', () => {
  it.each([
    "I'm not angry with him. It's just that I can't look at him.",
    "Je ne suis pas triste. C'est juste que je dors mal.",
    'No, no estoy triste. Solo que no duermo bien.',
    'Ich bin nicht traurig. Es ist nur so, dass ich nicht schlafen kann.',
  ])('%j keeps the denied feeling', (text) => {
    expect(read(text).hits[0]!.valence).toBeLessThan(-0.3);
  });

  it('a correction is still a correction ("not sad, just tired")', () => {
    expect(read("I'm not sad, just tired").hits[0]!.valence).toBeGreaterThan(0);
  });

  it('French markers written with an apostrophe are found ("c\'est ça oui")', () => {
    expect(read("C'est ça oui, je ne suis pas du tout déçue.").valence).toBeLessThan(-0.2);
  });
});

describe('a walk-back half takes back the feeling before it', () => {
  it.each([
    'ich freu mich ja für sie, aber irgendwie auch nicht so richtig',
    "I'm happy for him. But not really.",
    'Estoy contenta por ella, pero no del todo.',
    'Je suis content pour lui, mais pas vraiment.',
  ])('%j reads torn', (text) => {
    const r = read(text);
    expect(r.mixed).toBe(true);
    expect(r.valence).toBeLessThan(0.45);
  });

  it('"not really" before its own feeling word is an ordinary negation', () => {
    expect(read('I am not really happy').hits).toHaveLength(1);
  });
});

describe('a "without" under another negation affirms what it governs', () => {
  it.each([
    "I can't see her without crying",
    'Ich kann nicht an sie denken, ohne zu weinen',
    "je n'arrive plus à lui parler sans avoir la gorge serrée",
    'No puedo mirarla sin llorar',
  ])('%j is sad', (text) => {
    expect(read(text).valence).toBeLessThan(-0.4);
  });

  it('alone, "without" still denies ("I left without crying")', () => {
    expect(read('I left without crying').hits.find((h) => h.label.includes('crying'))!.valence).toBeGreaterThan(0);
  });
});
