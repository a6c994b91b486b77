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
