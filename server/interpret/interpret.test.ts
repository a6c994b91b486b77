import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SongParameters } from '../../music/params.ts';
import { interpretOffline, reviseOffline } from './index.ts';

const interpret = (text: string) => interpretOffline(text);

describe('interpretOffline: feelings → music', () => {
  it('makes grief minor, slow and sparse, and says why in the musician’s words', () => {
    const { params, emotion } = interpret('The house is quiet now. My grandmother passed away and I miss her.');
    expect(emotion.valence).toBeLessThan(-0.3);
    expect(['minor', 'phrygian', 'dorian']).toContain(params.mode);
    expect(params.tempo).toBeLessThan(95);
    expect(params.melody.density).toBeLessThan(0.5);
    const mode = params.rationale.find((r) => r.aspect === 'mode')!;
    expect(mode.quote).toMatch(/passed away|house is quiet/);
    expect(mode.because).toContain(mode.quote!);
  });
  it('makes joy and energy major, quick, strummed and loud', () => {
    const { params } = interpret('I am so excited and happy, we are going to dance all night!');
    expect(params.mode).toBe('major');
    expect(params.tempo).toBeGreaterThan(115);
    expect(params.harmony.comping).toBe('strum');
    expect(params.dynamics.level).toBeGreaterThan(0.65);
    expect(params.drums.density).toBeGreaterThan(0.6);
  });
  it('gives calm words arpeggios, soft instruments and low drum density', () => {
    const { params } = interpret('peaceful and serene, like a still lake at dawn');
    expect(params.arousal).toBeLessThan(-0.4);
    expect(params.harmony.comping).toBe('arpeggio');
    expect(['piano', 'pad', 'strings']).toContain(params.instruments.chords);
    expect(params.tempo).toBeLessThan(80);
  });
  it('lifts the chorus above the verse', () => {
    const { params } = interpret('hopeful');
    const verse = params.sections.find((s) => s.name === 'verse')!;
    const chorus = params.sections.find((s) => s.name === 'chorus')!;
    expect(chorus.energy).toBeGreaterThan(verse.energy);
    expect(chorus.arousalOffset).toBeGreaterThan(verse.arousalOffset);
  });
  it('is deterministic', () => {
    const text = 'bittersweet, a little nostalgic, rain on the window';
    expect(interpret(text)).toEqual(interpret(text));
  });
});

describe('interpretOffline: explicit requests are honoured exactly', () => {
  it.each([
    ['a happy song in F# minor', 'F#', 'minor'],
    ['something in Bb', 'Bb', undefined],
    ['E flat major please', 'Eb', 'major'],
    ['in the key of A', 'A', undefined],
    ['D dorian groove', 'D', 'dorian'],
    ['sad, in c# harmonic minor', 'C#', 'harmonic minor'],
  ])('%j → key %s', (text, key, mode) => {
    const { params, explicit } = interpret(text);
    expect(params.key).toBe(key);
    if (mode) expect(params.mode).toBe(mode);
    expect(explicit.some((e) => e.startsWith(`key ${key}`))).toBe(true);
  });
  it('does not read articles as keys', () => {
    expect(interpret('in a quiet voice').explicit).toEqual([]);
    expect(interpret('a minor change to the words').explicit).toEqual([]);
  });
  it.each([
    ['72 bpm', 72], ['at 90', 90], ['tempo 120', 120], ['slow, 80 bpm', 80], ['adagio', 70],
  ])('%j → tempo %i', (text, bpm) => {
    expect(interpret(text).params.tempo).toBe(bpm);
  });
  it.each([
    ['in 3/4', '3/4'], ['6/8 feel', '6/8'], ['a waltz for my mother', '3/4'], ['like a march', '2/4'],
  ])('%j → meter %s', (text, meter) => {
    expect(interpret(text).params.meter).toBe(meter);
  });
  it.each([
    ['lydian and dreamy', 'lydian'], ['happy pentatonic tune', 'major pentatonic'], ['sad pentatonic tune', 'minor pentatonic'],
    ['in a minor key', 'minor'],
  ])('%j → mode %s', (text, mode) => {
    expect(interpret(text).params.mode).toBe(mode);
  });
  it('sets style, instruments, sections and drums as asked', () => {
    const { params, explicit } = interpret('a jazzy tune on guitar with strings, add a bridge, no intro, no drums');
    expect(params.style).toBe('jazz');
    expect(params.instruments.melody).toBe('acoustic guitar');
    expect(params.instruments.chords).toBe('strings');
    expect(params.sections.map((s) => s.name)).toEqual(['verse', 'chorus', 'verse', 'bridge', 'chorus', 'outro']);
    expect(params.drums.enabled).toBe(false);
    expect(explicit).toEqual(expect.arrayContaining(['style jazz', 'add bridge', 'no intro', 'no drums']));
  });
  it('makes a short song shorter and a longer chorus longer', () => {
    const { params } = interpret('a short song with a longer chorus');
    expect(params.sections.map((s) => `${s.name} ${s.bars}`)).toEqual(['intro 4', 'verse 8', 'chorus 12', 'outro 4']);
  });
  it('quotes one answer of a conversation, not all of them run together (answers arrive one per line)', () => {
    // The conversation reaches the interpreter as the musician's answers joined by line breaks.
    const said = ["My brother moved to Canada last month and I haven't told him I miss him", 'Mostly missing him, but also proud of him, a bit lonely', 'that distance does not undo what we shared'];
    const { params } = interpret(said.join('\n'));
    const mood = params.rationale.find((r) => r.aspect === 'mood')!;
    expect(said).toContain(mood.quote);
    // Feeling words are quoted whole and as written, not as the tokeniser split them ("n't told him i miss").
    expect(mood.because).toContain("“haven't told him I miss”");
    expect(mood.because).not.toMatch(/“n't/);
  });

  it('quotes each request in the rationale', () => {
    const { params } = interpret('slow and sad, in D minor at 66 bpm');
    const key = params.rationale.find((r) => r.aspect === 'key')!;
    expect(key.quote).toBe('in D minor');
    expect(params.rationale.find((r) => r.aspect === 'tempo')!.choice).toBe('tempo 66');
  });
});

describe('interpretOffline with a base', () => {
  it('keeps everything the words do not touch', () => {
    const base = interpret('a jazzy song in G at 100 bpm').params;
    const { params } = interpretOffline('add a bridge', { base });
    expect(params).toMatchObject({ key: base.key, mode: base.mode, tempo: 100, style: 'jazz', valence: base.valence });
    expect(params.sections.some((s) => s.name === 'bridge')).toBe(true);
    expect(params.rationale).toContainEqual(base.rationale.find((r) => r.aspect === 'style'));
    expect(params.rationale.at(-1)).toMatchObject({ aspect: 'sections', quote: 'add a bridge' });
  });
  it('moves to the new feeling when the words carry one, keeping key and form', () => {
    const base = interpret('in G, with a bridge').params;
    const { params, emotion } = interpretOffline('actually it feels sad and heavy', { base });
    expect(emotion.valence).toBeLessThan(0);
    expect(params.key).toBe('G');
    expect(params.sections).toEqual(base.sections);
    expect(['minor', 'dorian', 'phrygian']).toContain(params.mode);
  });
});

describe('interpretOffline always returns valid parameters', () => {
  it('for any text at all', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      expect(SongParameters.safeParse(interpret(text).params).success).toBe(true);
    }), { numRuns: 300 });
  });
  it('for text made of the words it knows', () => {
    const words = ['sad', 'not', 'very', 'happy', 'in', 'D', 'minor', 'Bb', '3/4', 'waltz', 'no drums', 'add a bridge', 'chorus twice as long', '200 bpm', 'on piano', 'jazz', 'short song', 'longer song', ',', 'but', 'at 30'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
      expect(SongParameters.safeParse(interpret(parts.join(' ')).params).success).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('words that are also names on every JavaScript object', () => {
  // "constructor" read AFINN's plain-object table's constructor (a function) as a rating: NaN valence, a thrown turn.
  const names = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'];
  it.each(['%s', 'so sad, %s', 'ich bin %s', 'je suis %s', 'estoy %s', 'more %s in the chorus'])('%s: every one reads as a valid song and revision', (shape) => {
    const base = interpretOffline('a calm song').params;
    for (const name of names) {
      const text = shape.replace('%s', name);
      expect(SongParameters.safeParse(interpretOffline(text).params).success, text).toBe(true);
      expect(SongParameters.safeParse(reviseOffline(base, text).params).success, text).toBe(true);
    }
  });
});
