/**
 * Pitch frames → sung notes in seconds. A note is a run of pitched frames; it ends where the voice
 * stops, where the pitch settles somewhere else (a step or a leap, not vibrato or a scoop), or at a
 * dip in loudness followed by a new attack (the same pitch sung twice).
 */
import type { PitchFrame } from './pitch.ts';

export interface HeardNote {
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
  /** Fractional MIDI pitch: the median of the note's steady middle. */
  pitch: number;
  /** 0 … 1 loudness relative to the loudest note. */
  level: number;
}

export interface SegmentOptions {
  /** Shortest note kept, in seconds (scoops and glides between notes are shorter). */
  minNote?: number;
  /** Semitones away from a note's running pitch that count as a new note, when held. */
  split?: number;
  /** How long a new pitch must hold to start a note, in seconds. */
  settle?: number;
  /** Level relative to the loudest frame under which a frame counts as unvoiced. */
  floor?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Run {
  from: number;
  to: number; // exclusive frame indices
}

/** Runs of frames with a clear pitch that are loud enough. */
function voicedRuns(frames: PitchFrame[], floor: number): Run[] {
  const runs: Run[] = [];
  let from = -1;
  frames.forEach((f, i) => {
    const voiced = f.midi !== null && f.rms >= floor;
    if (voiced && from < 0) from = i;
    if (!voiced && from >= 0) {
      runs.push({ from, to: i });
      from = -1;
    }
  });
  if (from >= 0) runs.push({ from, to: frames.length });
  return runs;
}

/** Split a run where the pitch settles away from the note's running median. */
function splitByPitch(frames: PitchFrame[], run: Run, split: number, settleFrames: number): Run[] {
  const out: Run[] = [];
  let from = run.from;
  let seen: number[] = [];
  let away = 0;
  for (let i = run.from; i < run.to; i++) {
    const p = frames[i]!.midi!;
    const centre = seen.length ? median(seen.slice(-30)) : p;
    if (seen.length >= settleFrames && Math.abs(p - centre) > split) {
      away++;
      // The pitch moved and stayed: the new note began where it first left.
      if (away >= settleFrames) {
        const at = i - away + 1;
        out.push({ from, to: at });
        from = at;
        seen = frames.slice(at, i + 1).map((f) => f.midi!);
        away = 0;
      }
      continue;
    }
    away = 0;
    seen.push(p);
  }
  out.push({ from, to: run.to });
  return out;
}

/** Split a run at a loudness dip followed by a fresh attack (a repeated note sung legato). */
function splitByAttack(frames: PitchFrame[], run: Run, reach: number): Run[] {
  const out: Run[] = [];
  let from = run.from;
  for (let i = run.from + reach; i < run.to - reach; i++) {
    const here = frames[i]!.rms;
    let before = 0;
    let after = 0;
    for (let k = 1; k <= reach; k++) {
      before = Math.max(before, frames[i - k]!.rms);
      after = Math.max(after, frames[i + k]!.rms);
    }
    const isDip = here <= frames[i - 1]!.rms && here <= frames[i + 1]!.rms;
    if (isDip && here < 0.5 * before && here < 0.5 * after && i - from >= reach) {
      out.push({ from, to: i });
      from = i + 1;
    }
  }
  out.push({ from, to: run.to });
  return out;
}

/**
 * Notes heard in a frame track.
 * @example segmentNotes(trackPitch(samples, 44100))[0] // { start: 0.21, end: 0.68, pitch: 60.03, level: 1 }
 */
export function segmentNotes(frames: PitchFrame[], options: SegmentOptions = {}): HeardNote[] {
  if (frames.length < 2) return [];
  const hop = frames[1]!.time - frames[0]!.time;
  const minNote = options.minNote ?? 0.07;
  const settleFrames = Math.max(2, Math.round((options.settle ?? 0.05) / hop));
  let loudest = 0;
  for (const f of frames) if (f.midi !== null) loudest = Math.max(loudest, f.rms);
  const floor = loudest * (options.floor ?? 0.1);
  const reach = Math.max(2, Math.round(0.04 / hop));
  const runs = voicedRuns(frames, floor)
    .flatMap((r) => splitByAttack(frames, r, reach))
    .flatMap((r) => splitByPitch(frames, r, options.split ?? 0.75, settleFrames));
  const notes: HeardNote[] = [];
  for (const [i, r] of runs.entries()) {
    const length = r.to - r.from;
    if (length * hop < minNote) {
      // A scoop into the next note is part of it: the note began where the voice did.
      const next = runs[i + 1];
      if (next && next.from === r.to) next.from = r.from;
      continue;
    }
    // The steady middle: scoops into a note and falls off its end do not decide its pitch.
    const trim = Math.floor(length * 0.2);
    const middle = frames.slice(r.from + trim, r.to - trim);
    const pitch = median(middle.map((f) => f.midi!));
    const level = Math.max(...frames.slice(r.from, r.to).map((f) => f.rms));
    notes.push({ start: frames[r.from]!.time - hop / 2, end: frames[r.to - 1]!.time + hop / 2, pitch, level: loudest ? level / loudest : 0 });
  }
  return notes;
}
