import { describe, expect, it } from 'vitest';
import { FEELINGS } from './lexicon-feelings.ts';
import { IMAGERY, PHRASES } from './lexicon-imagery.ts';
import { lookupWord, readEmotion, readEmotionDetail } from './emotion.ts';

describe('the lexicon', () => {
  const all = { ...FEELINGS, ...IMAGERY, ...PHRASES };
  it('has several hundred entries, every value inside [-1, 1]', () => {
    expect(Object.keys(all).length).toBeGreaterThan(400);
    for (const [word, [v, a]] of Object.entries(all)) {
      expect(Math.abs(v), word).toBeLessThanOrEqual(1);
      expect(Math.abs(a), word).toBeLessThanOrEqual(1);
    }
  });
  it('places the circumplex landmarks in their quadrants', () => {
    expect(FEELINGS.happy![0]).toBeGreaterThan(0);
    expect(FEELINGS.sad![0]).toBeLessThan(0);
    expect(FEELINGS.calm![1]).toBeLessThan(0);
    expect(FEELINGS.angry![1]).toBeGreaterThan(0.5);
  });
  it('reaches base forms through regular suffixes', () => {
    expect(lookupWord('sadness')).toEqual(FEELINGS.sadness);
    expect(lookupWord('happily')).toEqual(FEELINGS.happy);
    expect(lookupWord('gloomier')).toEqual(FEELINGS.gloomy);
    expect(lookupWord('sunrises')).toEqual(IMAGERY.sunrise);
    expect(lookupWord('table')).toBeUndefined();
  });
});

describe('readEmotion', () => {
  it('reads calm and grateful as pleasant and low-arousal', () => {
    const e = readEmotion('I feel calm and grateful');
    expect(e.valence).toBeGreaterThan(0.3);
    expect(e.arousal).toBeLessThan(-0.2);
    expect(e.words).toEqual(['calm', 'grateful']);
  });
  it('flips and softens a negated feeling ("not happy" is mildly unhappy)', () => {
    const e = readEmotion('I am not happy');
    expect(e.valence).toBeLessThan(0);
    expect(e.valence).toBeGreaterThan(readEmotion('I am sad').valence);
    expect(e.words).toEqual(['not happy']);
  });
  it('reads "not very sad" as a little sad: below "not sad", near neutral', () => {
    const notSad = readEmotion('not sad').valence;
    const notVerySad = readEmotion('not very sad').valence;
    expect(notVerySad).toBeLessThan(notSad);
    expect(Math.abs(notVerySad)).toBeLessThan(0.25);
    expect(readEmotion('not so happy').valence).toBeGreaterThan(readEmotion('not happy').valence);
    expect(readEmotion('not really happy').valence).toBeLessThan(0);
  });
  it('reads "not happy at all" as clearly worse than "not happy"', () => {
    const notHappy = readEmotion('not happy').valence;
    expect(readEmotion('not happy at all').valence).toBeLessThan(notHappy - 0.2);
    expect(readEmotion('not at all happy').valence).toBeLessThan(notHappy - 0.2);
    expect(readEmotion('not happy at all').words).toEqual(['not happy at all']);
  });
  it('reads "never felt calm" as uneasy, not calm', () => {
    const e = readEmotion('I never felt calm');
    expect(e.arousal).toBeGreaterThan(0);
    expect(e.valence).toBeLessThan(0);
  });
  it('does not carry a negation past a comma or "but"', () => {
    expect(readEmotion('not tonight, I am happy').valence).toBeGreaterThan(0.5);
  });
  it('scales by intensity words', () => {
    const little = readEmotion('a little sad').valence;
    const plain = readEmotion('sad').valence;
    const very = readEmotion('very sad').valence;
    expect(little).toBeGreaterThan(plain);
    expect(very).toBeLessThan(plain);
  });
  it('averages mixed feelings, leaning toward what follows "but"', () => {
    const e = readEmotionDetail('sad but hopeful');
    expect(e.words).toEqual(['sad', 'hopeful']);
    expect(e.valence).toBeGreaterThan(0);
    expect(e.valence).toBeLessThan(readEmotion('hopeful').valence);
  });
  it('matches imagery phrases once, before their words', () => {
    const e = readEmotion('an empty room and rain');
    expect(e.words).toContain('empty room');
    expect(e.words).not.toContain('room');
    expect(e.valence).toBeLessThan(-0.3);
  });
  it('reads "tired of" as frustration, not sleepiness, and skips politeness', () => {
    expect(readEmotion("I'm tired of pretending").arousal).toBeGreaterThan(0);
    expect(readEmotion('I am tired').arousal).toBeLessThan(0);
    expect(readEmotion("I'd love a bridge").words).toEqual([]);
  });
  it('reads "can\'t stop smiling" as a smile, not its negation', () => {
    expect(readEmotion("I can't stop smiling").valence).toBeGreaterThan(0.5);
  });
  it('gives neutral with no feeling words', () => {
    expect(readEmotion('the song is in four parts')).toEqual({ valence: 0, arousal: 0, words: [] });
  });
});
