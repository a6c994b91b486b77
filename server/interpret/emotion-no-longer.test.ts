import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';
import { NO_LONGER } from './modifiers.ts';

const read = (text: string) => readEmotionDetail(text);

describe('loss told through what no longer happens', () => {
  it.each([
    "I can't do this anymore",
    'My husband no longer knows my name.',
    'Mein Mann erkennt mich nicht mehr.',
    'Keiner ruft mich mehr an.',
    'il ne me reconnaît plus',
    'Mi madre ya no me reconoce.',
  ])('%j reads as a quiet loss', (text) => {
    const r = read(text);
    expect(r.valence).toBeCloseTo(NO_LONGER.affect[0]);
    expect(r.arousal).toBeCloseTo(NO_LONGER.affect[1]);
  });

  it.each(["I don't have to pretend anymore", 'Ich muss nicht mehr alles kontrollieren.', 'je ne dois plus rien à personne', 'Ya no tengo que fingir.'])('%j ends a duty: no loss', (text) => {
    expect(read(text).valence).toBeGreaterThanOrEqual(0);
  });

  it('leaves a sentence with a feeling word to that word and its negation', () => {
    const r = read("I'm not scared anymore");
    expect(r.hits.map((h) => h.label)).toEqual(['not scared']);
    expect(r.valence).toBeGreaterThan(0);
  });

  it('reads the loss in its own sentence, beside feelings elsewhere', () => {
    const r = read('The kids never visit anymore. I am so proud of them though.');
    expect(r.hits.map((h) => h.label)).toContain('anymore');
    expect(r.hits.some((h) => h.label.includes('proud'))).toBe(true);
  });
});
