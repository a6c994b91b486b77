/**
 * The melody fitted to the words, judged on the notes the engine made: every word sung in order,
 * one onset per syllable, stressed syllables on the stronger beats, a repeated chorus sung the
 * same, other sections untouched, the melody inside the singer's range. Property tests run from a
 * fixed fast-check seed (FC_SEED overrides it); a failure prints the seed and the counterexample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSketch } from '../generate.ts';
import { parseParams, METERS, type SongParameters } from '../params.ts';
import { Sketch as SketchSchema, type Note, type Sketch } from '../sketch.ts';
import { syllablesOf } from '../lyrics/syllabify.ts';
import { notesBySection } from '../measure.ts';
import { meterInfo } from '../theory/meter.ts';
import { metricWeight } from './rhythm.ts';
import { voiceRange, keyShiftFor } from './voice.ts';
import { singable } from './voice.ts';
import { Note as TNote } from 'tonal';

const FC_SEED = Number(process.env.FC_SEED ?? 20261205);
const runs = (numRuns: number) => ({ numRuns, seed: FC_SEED });

const LINES = [
  'The kettle sings at seven in the morning',
  'And nobody is there to hear it now',
  'Keep going, keep going',
  'Tomorrow is a river we can follow',
  'I remember every window of the house',
  'Hold on',
  'We were dancing in the kitchen after midnight, laughing at the radio',
  "Don't let the quiet tell you who you are",
];

/** The sung words of each line, rebuilt from the syllables on the notes. */
function sungText(notes: readonly Note[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const n of notes) {
    if (!n.lyric) continue;
    const joined = (out.get(n.lyric.line) ?? '') + n.lyric.text + (n.lyric.syllabic === 'single' || n.lyric.syllabic === 'end' ? ' ' : '');
    out.set(n.lyric.line, joined);
  }
  for (const [k, v] of out) out.set(k, v.trim());
  return out;
}

const song = (over: Partial<SongParameters> & { lyrics: [string, string[]][] }): SongParameters =>
  parseParams({
    ...over,
    sections: over.lyrics.map(([name, lines]) => ({ name, bars: 8, ...(lines.length ? { lyrics: lines } : {}) })),
  });

const melody = (s: Sketch) => s.tracks.find((t) => t.id === 'melody')?.notes ?? [];

describe('a melody fitted to the words', () => {
  it('sings every word of every line, in order, one syllable per note onset', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METERS), fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (meter, lines, seed, humanize) => {
        const params = song({ meter, lyrics: [['intro', []], ['verse', lines]], rhythm: { feel: 'straight', swing: 0, humanize } });
        const notes = melody(generateSketch(params, seed));
        const sung = sungText(notes);
        lines.forEach((line, i) => expect(sung.get(i)).toBe(line.replace(/\s+/g, ' ')));
        const onsets = notes.filter((n) => n.lyric).map((n) => n.start);
        expect(new Set(onsets).size).toBe(onsets.length);
        // Monophonic: a note ends by the next one's start.
        notes.forEach((n, i) => i > 0 && expect((notes[i - 1] as Note).start + (notes[i - 1] as Note).duration).toBeLessThanOrEqual(n.start));
      }),
      runs(40),
    );
  });

  it('puts the stressed syllable of most words on a stronger beat than the others (or an equal beat, held longer)', () => {
    let words = 0;
    let good = 0;
    for (const meter of ['4/4', '3/4', '6/8'] as const) {
      const params = song({ meter, lyrics: [['verse', LINES.slice(0, 4)], ['chorus', LINES.slice(4)]], rhythm: { feel: 'straight', swing: 0, humanize: 0 } });
      const s = generateSketch(params, 11);
      const m = meterInfo(meter);
      let word: Note[] = [];
      for (const n of melody(s)) {
        if (!n.lyric) continue;
        word.push(n);
        if (n.lyric.syllabic !== 'end' && n.lyric.syllabic !== 'single') continue;
        const stressed = word.find((x) => x.lyric?.stress === 1);
        if (stressed && word.length > 1) {
          words++;
          const w = (x: Note) => metricWeight(m, x.start % s.ticksPerBar);
          if (word.every((x) => x === stressed || w(stressed) > w(x) || (w(stressed) === w(x) && stressed.duration > x.duration))) good++;
        }
        word = [];
      }
    }
    expect(words).toBeGreaterThan(20);
    expect(good / words).toBeGreaterThanOrEqual(0.85);
  });

  it('sings a repeated chorus to the same tune and leaves other sections as they were', () => {
    const withWords = song({ lyrics: [['intro', []], ['verse', LINES.slice(0, 2)], ['chorus', LINES.slice(2, 4)], ['verse', LINES.slice(4, 6)], ['chorus', LINES.slice(2, 4)], ['outro', []]], rhythm: { feel: 'straight', swing: 0, humanize: 0 } });
    // (An outro follows: the song's very last bars close on their own cadence.)
    const s = generateSketch(withWords, 5);
    const [, , c1, , c2] = notesBySection(s, s.tracks[0]!);
    // Same rhythm and syllables; the same pitches wherever the harmony under them is the same
    // (the harmony plan may vary a chord in a repeat, and the melody follows it there).
    const from1 = s.sections[2]?.startTick ?? 0;
    const from2 = s.sections[4]?.startTick ?? 0;
    const chordAt = (tick: number) => [...s.chords].reverse().find((c) => c.start <= tick)?.symbol;
    const rhythm = (notes: Note[] | undefined, from: number) => (notes ?? []).map((n) => [n.start - from, n.lyric?.text]);
    expect(rhythm(c2, from2)).toEqual(rhythm(c1, from1));
    let same = 0;
    (c1 ?? []).forEach((n, i) => {
      const m = c2?.[i] as Note;
      if (chordAt(n.start) === chordAt(m.start) && chordAt(n.start + n.duration - 1) === chordAt(m.start + m.duration - 1)) {
        expect(m.pitch).toBe(n.pitch);
        same++;
      }
    });
    expect(same).toBeGreaterThan((c1?.length ?? 0) / 2);
    // Another verse's words change nothing outside that verse.
    const other = structuredClone(withWords);
    (other.sections[3] as { lyrics?: string[] }).lyrics = ['A different verse entirely', 'with other words'];
    const t = generateSketch(other, 5);
    const a = notesBySection(s, s.tracks[0]!);
    const b = notesBySection(t, t.tracks[0]!);
    for (const i of [0, 1, 2, 4, 5]) expect(b[i]?.map(({ lyric, ...n }) => [n, lyric?.text])).toEqual(a[i]?.map(({ lyric, ...n }) => [n, lyric?.text]));
  });

  it('sings any text a musician may type (any script, emoji, digits, long words) into a valid sketch', () => {
    const text = (unit: 'grapheme' | 'binary' | 'grapheme-ascii') => fc.string({ unit, minLength: 1, maxLength: 200 });
    const line = fc.oneof(text('grapheme'), text('binary'), text('grapheme-ascii')).map((l) => l.trim()).filter((l) => l.length > 0 && l.length <= 200);
    fc.assert(
      fc.property(fc.constantFrom(...METERS), fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('en', 'de', 'fr', 'es', 'it'), fc.integer({ min: 0, max: 1000 }), (meter, lines, lang, seed) => {
        const params = parseParams({ meter, lyricsLanguage: lang, sections: [{ name: 'verse', bars: 4, lyrics: lines }] });
        const sketch = generateSketch(params, seed);
        expect(SketchSchema.safeParse(JSON.parse(JSON.stringify(sketch))).success).toBe(true);
        const sungLines = new Set(melody(sketch).filter((n) => n.lyric).map((n) => n.lyric!.line));
        lines.forEach((l, i) => expect(sungLines.has(i)).toBe(syllablesOf(l, lang).length > 0));
        expect(melody(sketch).filter((n) => n.lyric).length).toBe(lines.reduce((n, l) => n + syllablesOf(l, lang).length, 0));
      }),
      runs(60),
    );
  });

  it('leaves a song without words exactly as it was', () => {
    const plain = parseParams({});
    expect(singable(plain).params).toBe(plain);
  });

  it('keeps the melody inside the voice and moves the key only as far as needed', () => {
    fc.assert(
      fc.property(fc.constantFrom('low', 'medium', 'high' as const), fc.constantFrom('C', 'E', 'F#', 'Bb', 'A'), fc.integer({ min: 0, max: 1000 }), (voice, key, seed) => {
        const params = song({ key, voice, lyrics: [['verse', LINES.slice(0, 3)], ['chorus', LINES.slice(3, 5)]] });
        const s = generateSketch(params, seed);
        const r = voiceRange(voice);
        for (const n of melody(s)) {
          expect(n.pitch).toBeGreaterThanOrEqual(r.low);
          expect(n.pitch).toBeLessThanOrEqual(r.high);
        }
        const above = ((((TNote.chroma(s.key) ?? 0) - r.low) % 12) + 12) % 12;
        expect(above).toBeLessThanOrEqual(7);
        // The key moved no more than it had to.
        const moved = ((((TNote.chroma(s.key) ?? 0) - (TNote.chroma(key) ?? 0)) % 12) + 12) % 12;
        expect(Math.min(moved, 12 - moved)).toBeLessThanOrEqual(3);
        if ((((TNote.chroma(key) ?? 0) - r.low) % 12 + 12) % 12 <= 7) expect(s.key).toBe(key);
      }),
      runs(15),
    );
    expect(keyShiftFor(4, voiceRange('low'))).toBe(0);
    expect(Math.abs(keyShiftFor(0, { low: 60, high: 79 }))).toBeLessThanOrEqual(6);
  });

  it('grows a section whose lines need more bars, and says so', () => {
    const params = parseParams({ sections: [{ name: 'verse', bars: 2, lyrics: LINES.slice(0, 4) }] });
    const { params: grown, notes } = singable(params);
    expect(grown.sections[0]?.bars).toBeGreaterThan(2);
    expect(notes[0]).toMatch(/verse grew from 2 to \d+ bars/);
    const s = generateSketch(params, 3);
    expect(s.sections[0]?.bars).toBe(grown.sections[0]?.bars);
    expect(sungText(melody(s)).size).toBe(4);
  });
});
