/**
 * MIDI figures: for the same sketch (64 and 256 bars), how long generation takes against MIDI
 * encoding alone, and how long the analyzer takes to read the file back. Prints, never asserts.
 */
import { parseParams, type SongParametersInput } from '../music/params.ts';
import { generateSketch } from '../music/generate.ts';
import { sketchToMidi } from '../music/midi/export.ts';
import { MAX_EVENTS_PER_WRITE } from '../music/midi/write.ts';
import { analyzeMidi } from '../music/analyze/analyze.ts';

/** Median milliseconds of `repeat` runs, after two warm-up runs. */
function time(fn: () => unknown, repeat: number): number {
  fn();
  fn();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** A verse/chorus form of exactly `bars` bars (16-bar sections: the schema allows 24 sections). */
function form(bars: number): SongParametersInput['sections'] {
  return Array.from({ length: bars / 16 }, (_, i) => ({ name: i % 2 === 0 ? 'verse' : 'chorus', bars: 16, energy: i % 2 === 0 ? 0.45 : 0.8 }));
}

export async function run(): Promise<void> {
  for (const bars of [64, 256]) {
    const params = parseParams({ key: 'D', mode: 'minor', tempo: 92, sections: form(bars) });
    const repeat = bars > 100 ? 9 : 21;
    const sketch = generateSketch(params, 1);
    const bytes = sketchToMidi(sketch);
    const notes = sketch.tracks.reduce((n, t) => n + t.notes.length, 0);
    const generate = time(() => generateSketch(params, 1), repeat);
    const encode = time(() => sketchToMidi(sketch), repeat);
    const analyze = time(() => analyzeMidi(bytes), repeat);
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    console.log(
      `${String(bars).padStart(3)} bars, ${notes} notes, ${bytes.length} bytes: ` +
        `generate ${ms(generate)}, encode ${ms(encode)} (generation/encoding ${(generate / encode).toFixed(2)}×), analyze ${ms(analyze)}`,
    );
  }
  // midi-file 1.2.4's writer appends every multi-byte delta time with Array.concat, copying the
  // whole track written so far; music/midi/write.ts feeds it bounded batches, so encoding is linear.
  console.log(`note: encoding is linear in notes (midi-file is fed at most ${MAX_EVENTS_PER_WRITE} events per write; see music/midi/write.ts)`);
}
