import { describe, expect, it } from 'vitest';
import { SongParameters } from '../../music/params.ts';
import { CHIPS, SCRIPT } from '../guide/script.ts';
import { interpretOffline, reviseOffline } from './index.ts';

const base = SongParameters.parse({ valence: 0.3, arousal: 0, key: 'C', mode: 'major', tempo: 96 });
const revise = (request: string, p = base) => reviseOffline(p, request).params;

describe('reviseOffline: "too X" means the other way', () => {
  it.each(['too fast', "it's too fast", 'it is too fast', 'not so fast', 'a bit less fast', 'way too fast'])('%j slows down', (request) => {
    expect(revise(request).tempo).toBeLessThan(base.tempo);
  });
  it.each(["it doesn't have to be so fast", "it needn't be that fast"])('%j slows down', (request) => {
    expect(revise(request).tempo).toBeLessThan(base.tempo);
  });
  it.each(['too slow', "it's too slow", 'it is too slow', 'not so slow', 'a bit less slow'])('%j speeds up', (request) => {
    expect(revise(request).tempo).toBeGreaterThan(base.tempo);
  });
  it('"way too fast" slows more than "a bit too fast"', () => {
    expect(revise('way too fast').tempo).toBeLessThan(revise('a bit too fast').tempo);
  });
  it('"too loud" is softer, "too quiet" louder', () => {
    expect(revise('too loud').dynamics.level).toBeLessThan(base.dynamics.level);
    expect(revise('too quiet').dynamics.level).toBeGreaterThan(base.dynamics.level);
  });
  it.each(['too busy', 'a bit less busy', 'too cluttered', 'more space'])('%j thins the arrangement', (request) => {
    const p = revise(request);
    expect(p.drums.density).toBeLessThan(base.drums.density);
    expect(p.melody.density).toBeLessThan(base.melody.density);
  });
  it('"too dark" brightens, "too bright" darkens', () => {
    expect(revise('too dark').valence).toBeGreaterThan(base.valence);
    expect(revise('too bright').valence).toBeLessThan(base.valence);
  });
  it('"too sad" is happier, "too happy" sadder', () => {
    expect(revise('too sad').valence).toBeGreaterThan(base.valence);
    expect(revise('too happy').valence).toBeLessThan(base.valence);
  });
});

describe('reviseOffline: doubling and halving the tempo', () => {
  it.each(['twice as fast', 'double time', 'double the tempo'])('%j doubles the tempo', (request) => {
    expect(revise(request).tempo).toBe(192);
  });
  it('doubling is clamped to the schema range', () => {
    expect(revise('twice as fast', { ...base, tempo: 150 }).tempo).toBe(240);
  });
  it.each(['half the tempo', 'half as fast', 'halve the tempo'])('%j halves the tempo', (request) => {
    expect(revise(request).tempo).toBe(48);
  });
});

describe('reviseOffline: fuller, shorter, angrier, warmer', () => {
  it('"fuller" thickens the arrangement', () => {
    const p = revise('fuller');
    expect(p.drums.density).toBeGreaterThan(base.drums.density);
    expect(p.melody.density).toBeGreaterThan(base.melody.density);
  });
  it('"shorter" has fewer bars', () => {
    const bars = (p: SongParameters) => p.sections.reduce((n, s) => n + s.bars, 0);
    expect(bars(revise('shorter'))).toBeLessThan(bars(base));
    expect(bars(revise('too long'))).toBeLessThan(bars(base));
  });
  it('"shorter verse" still shortens only the verse', () => {
    const p = revise('shorter verse');
    expect(p.sections.filter((s) => s.name === 'chorus')).toEqual(base.sections.filter((s) => s.name === 'chorus'));
  });
  it('"angrier" lowers valence and raises arousal', () => {
    const p = revise('angrier');
    expect(p.valence).toBeLessThan(base.valence);
    expect(p.arousal).toBeGreaterThan(base.arousal);
  });
  it('"warmer sound" is understood and warms the mood', () => {
    const r = reviseOffline(base, 'warmer sound');
    expect(r.unrecognised).toBe(false);
    expect(r.params.valence).toBeGreaterThan(base.valence);
  });
});

describe('reviseOffline understands every chip the guide offers after a sketch', () => {
  // "closer" and "further" are answered by the guide itself, never sent as revisions.
  const chips = [...new Set([...CHIPS.listening, ...SCRIPT.listening.options])].filter((c) => c !== 'closer' && c !== 'further');
  it.each(chips)('%j', (chip) => {
    const start = interpretOffline('a warm, hopeful song in C major at 96 bpm').params;
    const r = reviseOffline(start, chip);
    expect(r.unrecognised).toBe(false);
    expect(r.params).not.toEqual(start);
  });
});

describe('reviseOffline keeps a mode the musician named', () => {
  const fsMinor = interpretOffline('sad, in F# minor').params;
  it.each(['darker', 'brighter', 'sadder', 'happier', 'too dark'])('%j keeps F# minor', (request) => {
    const p = revise(request, fsMinor);
    expect(p).toMatchObject({ key: 'F#', mode: 'minor' });
    expect(p.valence).not.toBe(fsMinor.valence);
  });
  it('a transposition does not forget the named mode', () => {
    const up = revise('up a semitone', fsMinor);
    expect(up).toMatchObject({ key: 'G', mode: 'minor' });
    expect(revise('darker', up).mode).toBe('minor');
  });
  it('"darker" still changes the mode when none was named', () => {
    expect(revise('darker').mode).toBe('mixolydian');
  });
});
