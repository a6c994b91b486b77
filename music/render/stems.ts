/**
 * A sketch rendered as stems and a mastered mix: each part on its own (from the General MIDI sound
 * bank when it is loaded, else from the synthesised voices), then the light master over all of
 * them. Says, part by part, what played it and why.
 */
import type { BasicSoundBank } from 'spessasynth_core';
import type { Sketch, Track } from '../sketch.ts';
import { masterStems, type Mastered } from './master.ts';
import { partEvents } from './soundfont/events.ts';
import { bankHasProgram, renderChannel, type StereoAudio } from './soundfont/synth.ts';
import { renderSeconds } from './timing.ts';

/** What played one part. */
export interface PartReport {
  /** The track's name, also its stem's file name: "Melody". */
  part: string;
  /** The instrument(s) it plays, in order of appearance: ["piano", "strings"]. */
  instruments: string[];
  /** Their General MIDI programs (the drum kit's program for drums). */
  programs: number[];
  /** `sampled`: the sound bank's recordings; `synth`: the synthesised fallback voice. */
  source: 'sampled' | 'synth';
  /** Why it is not sampled, or which program the bank lacked and substituted. */
  reason?: string;
}

export interface StemsRender extends Mastered {
  parts: PartReport[];
}

export interface StemsOptions {
  sampleRate?: number;
  /** The song's style, for the reverb. */
  style?: string;
  /** A loaded GM bank; without it every part uses `fallback`. */
  bank?: BasicSoundBank;
  /** Why there is no bank (shown in each part's report). */
  bankMissing?: string;
  /** Renders one track with the synthesised voices, `frames` long (the CLI passes node-web-audio-api's). */
  fallback: (sketch: Sketch, track: Track, frames: number, sampleRate: number) => Promise<StereoAudio>;
  /** Progress 0 … 1 over all parts (awaited, so a browser can yield to its page). */
  onProgress?: (fraction: number) => void | Promise<void>;
}

/**
 * Render every part with notes, master them together.
 * @example const { mix, stems, parts } = await renderStems(sketch, { bank, fallback })
 */
export async function renderStems(sketch: Sketch, options: StemsOptions): Promise<StemsRender> {
  const sampleRate = options.sampleRate ?? 44_100;
  const frames = Math.ceil(renderSeconds(sketch) * sampleRate);
  const tracks = sketch.tracks.filter((t) => t.notes.length > 0);
  const stems: StereoAudio[] = [];
  const parts: PartReport[] = [];
  for (const [index, track] of tracks.entries()) {
    const partProgress = options.onProgress && ((f: number) => options.onProgress!((index + f) / tracks.length));
    const instruments = [track.instrument, ...(track.programChanges ?? []).map((c) => c.instrument).filter((i) => i !== track.instrument)];
    const programs = [track.program, ...(track.programChanges ?? []).map((c) => c.program).filter((p) => p !== track.program)];
    const report: PartReport = { part: track.name, instruments: [...new Set(instruments)], programs: [...new Set(programs)], source: 'sampled' };
    if (options.bank) {
      const drums = track.id === 'drums';
      const lacking = report.programs.filter((p) => !bankHasProgram(options.bank!, p, drums));
      if (lacking.length) report.reason = `the bank has no preset for program ${lacking.join(', ')}; its nearest preset plays instead`;
      stems.push(await renderChannel(options.bank, track.channel, partEvents(sketch, track, options.style), sampleRate, frames, partProgress));
    } else {
      report.source = 'synth';
      report.reason = options.bankMissing ?? 'no sound bank loaded';
      stems.push(await options.fallback(sketch, track, frames, sampleRate));
    }
    parts.push(report);
  }
  return { ...masterStems(stems, sampleRate), parts };
}
