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

describe('empty days', () => {
  it.each([
    "Since I retired I don't know what to do with myself. The days drag on.",
    'Seit ich in Rente bin, weiß ich nichts mit mir anzufangen. Die Tage ziehen sich.',
    'Depuis la retraite je ne sais pas quoi faire de moi, les journées sont longues.',
    'Desde que me jubilé no sé qué hacer conmigo, los días se hacen largos.',
  ])('%j reads low and dark, not bright (a negator inside the idiom is its own)', (text) => {
    const r = readEmotionDetail(text);
    expect(r.valence).toBeLessThan(-0.3);
    expect(r.arousal).toBeLessThan(-0.2);
  });
});
