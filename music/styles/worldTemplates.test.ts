/** World palettes play their own instruments, and the MIDI file carries their GM programs. */
import { describe, expect, it } from 'vitest';
import { Midi } from '@tonejs/midi';
import { generateSketch } from '../generate.ts';
import { gmProgram } from '../instruments.ts';
import { sketchToMidi } from '../midi/export.ts';
import { parseParams } from '../params.ts';
import { applyStyle } from './apply.ts';
import { findTemplate } from './templates.ts';

describe('world palettes', () => {
  it.each([
    ['raga', 'sitar', 'string pad', 'phrygian dominant'],
    ['koto', 'koto', 'shamisen', 'hirajoshi'],
    ['bhangra', 'shanai', 'accordion', 'dorian'],
    ['highlife', 'kalimba', 'acoustic guitar', 'dorian'],
    ['huayno', 'pan flute', 'nylon guitar', 'minor'],
    ['irish jig', 'fiddle', 'acoustic guitar', 'minor'],
  ])('"%s" plays %s over %s (%s for a dark song)', (word, melody, chords, mode) => {
    const template = findTemplate(word);
    expect(template, word).toBeDefined();
    const params = applyStyle(parseParams({ mode: 'minor', sections: [{ name: 'verse', bars: 4 }] }), template!.name);
    expect(params.mode).toBe(mode);
    const sketch = generateSketch(params, 2);
    const track = (id: string) => sketch.tracks.find((t) => t.id === id)!;
    expect([track('melody').instrument, track('chords').instrument]).toEqual([melody, chords]);
    expect(track('melody').program).toBe(gmProgram(melody as never));
    expect(track('melody').notes.length).toBeGreaterThan(0);
  });
});

describe('GM programs in the exported MIDI', () => {
  it('writes sitar as program 104 and koto as 107 (GM "105 Sitar", "108 Koto"), and the drum kit on channel 10', () => {
    const params = parseParams({ instruments: { melody: 'sitar', chords: 'koto', bass: 'tuba' }, drums: { kit: 'brush' }, sections: [{ name: 'verse', bars: 2 }] });
    const midi = new Midi(sketchToMidi(generateSketch(params, 1)));
    const byName = Object.fromEntries(midi.tracks.map((t) => [t.name, t]));
    expect(byName['Melody']!.instrument.number).toBe(104);
    expect(byName['Chords']!.instrument.number).toBe(107);
    expect(byName['Bass']!.instrument.number).toBe(58);
    expect(byName['Drums']!.channel).toBe(9);
    expect(byName['Drums']!.instrument.number).toBe(40);
  });
});
