/**
 * The General MIDI engine's figures (issue #17): bank parse time, and the offline render of a
 * three-minute song (72 bars at 96 bpm, all four parts as stems, mastered) against how long it
 * plays (× real time) — what `innerchord render` spends. Prints, never asserts.
 */
import { generateSketch } from '../music/generate.ts';
import { parseParams } from '../music/params.ts';
import { songSeconds } from '../music/render/timing.ts';
import { renderStems } from '../music/render/stems.ts';
import { readSoundBank } from '../server/soundbank.ts';

export async function run(): Promise<void> {
  const loadStart = performance.now();
  const bank = await readSoundBank();
  console.log(`sound bank parse: ${(performance.now() - loadStart).toFixed(0)} ms (${bank.presets.length} presets, samples decode on first use)`);
  const sections = Array.from({ length: 9 }, (_, i) => ({ name: i % 2 === 0 ? 'verse' : 'chorus', bars: 8, energy: i % 2 === 0 ? 0.5 : 0.85 }));
  const sketch = generateSketch(parseParams({ key: 'E', mode: 'minor', tempo: 96, sections, instruments: { melody: 'cello', chords: 'strings', bass: 'acoustic bass' } }), 3);
  const seconds = songSeconds(sketch);
  const started = performance.now();
  const render = await renderStems(sketch, { bank, fallback: () => Promise.reject(new Error('the bank is loaded')) });
  const ms = performance.now() - started;
  console.log(
    `soundfont render (CLI) ${seconds.toFixed(0)} s song, ${render.parts.length} stems: ${(ms / 1000).toFixed(1)} s ` +
      `(${((seconds * 1000) / ms).toFixed(1)}× real time), ${render.lufs.toFixed(2)} LUFS, peak ${(20 * Math.log10(render.peak)).toFixed(2)} dBFS`,
  );
}

if (process.argv[1]?.endsWith('bench/sound.ts')) await run();
