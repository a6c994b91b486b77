import { describe, expect, it } from 'vitest';
import { parseParams, type SongParameters } from '../params.ts';
import { PPQ, type Note } from '../sketch.ts';
import { seededTune, VOICES } from '../transcribe/hum.ts';
import { generateAroundMelody, keyForMelody } from './index.ts';
import { extendForm } from './form.ts';
import { placeMelody } from './melody.ts';
import { generateSketch } from '../generate.ts';

const relative = (notes: readonly Note[]) => notes.map((n) => [n.pitch, n.start - notes[0]!.start]);

function params(over: Record<string, unknown> = {}): SongParameters {
  return parseParams({ key: 'C', mode: 'major', tempo: 100, sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }], ...over });
}

describe('generateAroundMelody', () => {
  it.each(['4/4', '3/4', '6/8'])('keeps seeded tunes note for note in %s and harmonises ≥ 80 percent of strong-beat notes', (meter) => {
    for (let seed = 1; seed <= 8; seed++) {
      const hum = seededTune({ seed, voice: VOICES[seed % VOICES.length]!, notes: 20 });
      const p = params({ key: hum.key, mode: hum.mode, meter });
      const made = generateAroundMelody(p, hum.notes, seed);
      const melody = made.sketch.tracks.find((t) => t.id === 'melody')!.notes;
      expect(relative(melody), `seed ${seed}`).toEqual(relative(hum.notes));
      expect(melody.map((n) => n.duration), `seed ${seed}`).toEqual(hum.notes.map((n) => n.duration));
      expect(made.fit.chordTones / made.fit.notes, `seed ${seed} ${JSON.stringify(made.fit)}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('extends the form for a melody longer than it, before a closing outro', () => {
    const hum = seededTune({ seed: 4, notes: 40, tempo: 100 });
    const p = params({ key: hum.key, mode: hum.mode, sections: [{ name: 'intro', bars: 2 }, { name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }, { name: 'outro', bars: 2 }] });
    const made = generateAroundMelody(p, hum.notes, 1);
    const last = hum.notes[hum.notes.length - 1]!;
    expect(made.barsAdded).toBeGreaterThan(0);
    expect(made.sketch.totalTicks).toBeGreaterThanOrEqual(last.start + last.duration);
    const names = made.params.sections.map((s) => s.name);
    expect(names[0]).toBe('intro');
    expect(names[names.length - 1]).toBe('outro');
    expect(names.slice(1, -1).every((n) => n === 'verse' || n === 'chorus')).toBe(true);
  });

  it('leaves a form that holds the melody as it was', () => {
    const p = params();
    expect(extendForm(p, 8)).toBe(p);
    expect(extendForm(p, 9).sections.map((s) => s.name)).toEqual(['verse', 'chorus', 'verse']);
  });

  it('keeps a pickup on its beat: the melody moves by whole bars only', () => {
    const notes: Note[] = [
      { pitch: 67, start: 4 * PPQ * 3 + 3 * PPQ, duration: PPQ, velocity: 0.8 },
      { pitch: 72, start: 4 * PPQ * 4, duration: 2 * PPQ, velocity: 0.8 },
    ];
    expect(placeMelody(notes, 4 * PPQ).map((n) => n.start)).toEqual([3 * PPQ, 4 * PPQ]);
  });

  it('plays the musician’s own progression where they gave one', () => {
    const hum = seededTune({ seed: 9, notes: 16, key: 'C', mode: 'major', tempo: 100 });
    const p = params({ sections: [{ name: 'verse', bars: 4, chords: ['I', 'vi', 'IV', 'V'] }, { name: 'chorus', bars: 8 }] });
    const made = generateAroundMelody(p, hum.notes, 3);
    expect(made.sketch.chords.filter((c) => c.bar < 4).map((c) => c.symbol)).toEqual(['C', 'Am', 'F', 'G']);
  });

  it('harmonises each section from its own notes: changing the chorus melody leaves the verse chords alone', () => {
    const hum = seededTune({ seed: 12, notes: 24, key: 'G', mode: 'major', tempo: 100 });
    const p = params({ key: 'G' });
    const a = generateAroundMelody(p, hum.notes, 5);
    const verseEnd = 4 * 4 * PPQ;
    const changed = hum.notes.map((n) => (n.start >= verseEnd ? { ...n, pitch: n.pitch + (n.pitch % 12 === 7 ? 2 : 0) } : n));
    const b = generateAroundMelody(p, changed, 5);
    const verse = (s: typeof a) => s.sketch.chords.filter((c) => c.start < verseEnd);
    expect(verse(b)).toEqual(verse(a));
  });

  it('is deterministic', () => {
    const hum = seededTune({ seed: 2, notes: 16 });
    const p = params({ key: hum.key, mode: hum.mode });
    expect(generateAroundMelody(p, hum.notes, 7).sketch).toEqual(generateAroundMelody(p, hum.notes, 7).sketch);
  });

  it('takes the melody’s key when the song’s key does not hold it', () => {
    const hum = seededTune({ seed: 3, notes: 20, key: 'E', mode: 'major' });
    const choice = keyForMelody(params({ key: 'F' }), hum.notes);
    expect(choice.from).toBe('melody');
    expect(keyForMelody(params({ key: 'E' }), hum.notes).from).toBe('params');
  });

  it('sings a melody as every chorus, and the engine writes the verses', () => {
    const tune = seededTune({ seed: 21, notes: 10, key: 'C', mode: 'major' });
    const p = params({ sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 2 }, { name: 'verse', bars: 4 }, { name: 'Chorus', bars: 2 }] });
    const made = generateAroundMelody(p, tune.notes, 4, 'section', 'chorus');
    const bar = 4 * PPQ;
    const needed = Math.ceil((tune.notes.at(-1)!.start + tune.notes.at(-1)!.duration) / bar);
    expect(made.params.sections.map((s) => s.bars)).toEqual([4, Math.max(2, needed), 4, Math.max(2, needed)]);
    const melody = made.sketch.tracks.find((t) => t.id === 'melody')!.notes;
    for (const mark of made.sketch.sections.filter((s) => s.name.toLowerCase() === 'chorus')) {
      const inside = melody.filter((n) => n.start >= mark.startTick && n.start < mark.startTick + mark.bars * bar);
      expect(inside.map((n) => [n.pitch, n.start - mark.startTick])).toEqual(tune.notes.map((n) => [n.pitch, n.start]));
    }
    const verse = melody.filter((n) => n.start < 4 * bar);
    expect(verse.length).toBeGreaterThan(0);
    expect(made.fit.chordTones / made.fit.notes).toBeGreaterThanOrEqual(0.8);
  });

  it('opens every section with a motif of up to two bars', () => {
    const tune = seededTune({ seed: 22, notes: 12, key: 'D', mode: 'minor' });
    const p = params({ key: 'D', mode: 'minor' });
    const made = generateAroundMelody(p, tune.notes, 4, 'motif');
    const bar = 4 * PPQ;
    const motif = tune.notes.filter((n) => n.start < 2 * bar);
    const melody = made.sketch.tracks.find((t) => t.id === 'melody')!.notes;
    for (const mark of made.sketch.sections) {
      const opening = melody.filter((n) => n.start >= mark.startTick && n.start < mark.startTick + 2 * bar);
      expect(opening.map((n) => [n.pitch, n.start - mark.startTick])).toEqual(motif.map((n) => [n.pitch, n.start]));
    }
  });

  it('keeps the melody through a later version made from the same params', () => {
    const tune = seededTune({ seed: 23, notes: 12 });
    const made = generateAroundMelody(params({ key: tune.key, mode: tune.mode }), tune.notes, 4);
    const later = generateSketch({ ...made.params, tempo: 130, drums: { ...made.params.drums, density: 0.9 } }, 4);
    expect(later.tracks[0]!.notes.map((n) => [n.pitch, n.start])).toEqual(made.sketch.tracks[0]!.notes.map((n) => [n.pitch, n.start]));
  });
});

describe('what a version with the musician’s tune says changed', () => {
  it('names the tune and where it went, and its removal', async () => {
    const { diffVersions } = await import('../diff.ts');
    const tune = seededTune({ seed: 41, notes: 12, key: 'C', mode: 'major' });
    const p = params();
    const made = generateAroundMelody(p, tune.notes, 2, 'section', 'chorus');
    const before = { params: p, sketch: generateSketch(p, 2) };
    const after = { params: made.params, sketch: made.sketch };
    expect(diffVersions(before, after)).toContain('your tune (12 notes) as the melody of every chorus, with chords written around it');
    expect(diffVersions(after, { params: { ...made.params, givenMelody: undefined }, sketch: made.sketch })).toContain('the engine writes the melody again (your tune is no longer in it)');
  });
});
