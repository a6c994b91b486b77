/**
 * Read a MIDI file (any, not only ours) and report what a musician would want to know first:
 * key and mode, tempo, meter, length, markers and the parts. Parsing is @tonejs/midi's; the key
 * is found from the notes themselves, so a missing or wrong key signature does not mislead it.
 */
import { Key } from 'tonal';
import { Midi } from '../midi/toneMidi.ts';
import { tonicOfSignature } from '../midi/keySignature.ts';
import { fromMidiText } from '../midi/text.ts';
import { chunkProblem } from './chunks.ts';
import { pitchClassProfile, rankKeys } from './key.ts';
import { MidiAnalysis, type TrackAnalysis } from './schema.ts';

/** Bytes that are not a readable MIDI file; `message` says why in one line. */
export class MidiFileError extends Error {
  override readonly name = 'MidiFileError';
  readonly code = 'INVALID_MIDI';
}

const DRUM_CHANNEL = 9;

function parse(bytes: Uint8Array): Midi {
  const problem = chunkProblem(bytes);
  if (problem) throw new MidiFileError(problem);
  try {
    return new Midi(bytes);
  } catch (error) {
    // midi-file throws plain strings; out-of-range reads surface as RangeError/TypeError.
    const reason = error instanceof Error ? error.message : String(error);
    throw new MidiFileError(`unreadable MIDI file: ${reason.replace(/\s+/g, ' ').trim()}`);
  }
}

/**
 * Analyse MIDI bytes; throws MidiFileError for anything that is not a readable MIDI file.
 * @example analyzeMidi(readFileSync('song.mid')).key // 'D'
 */
export function analyzeMidi(bytes: Uint8Array): MidiAnalysis {
  const midi = parse(bytes);
  const { header } = midi;
  const pitched = midi.tracks.filter((t) => t.channel !== DRUM_CHANNEL).flatMap((t) => t.notes);
  const ranked = rankKeys(pitchClassProfile(pitched.map((n) => ({ pitch: n.midi, duration: n.durationTicks }))));
  const best = ranked[0];

  // Loops, not Math.max(...spread): long files have more notes than a call has arguments.
  let endTick = 0;
  for (const t of midi.tracks) for (const n of t.notes) endTick = Math.max(endTick, n.ticks + n.durationTicks);
  const timeSignature = header.timeSignatures[0]?.timeSignature;
  const declared = header.keySignatures[0];
  // @tonejs/midi names a signature by its major key even when mi = 1, so rebuild it from sf.
  const sharps = declared ? Key.majorKey(declared.key).alteration : 0;
  const barOf = (tick: number) => Math.floor(header.ticksToMeasures(tick) + 1e-9);

  // @tonejs/midi splits a track that changes program into one per program (a chorus on strings), in
  // order and on the same channel; only the first keeps the name, so the rest take it back.
  const names = midi.tracks.map((t) => fromMidiText(t.name));
  for (let i = 1; i < names.length; i++) if (!names[i] && midi.tracks[i]!.channel === midi.tracks[i - 1]!.channel) names[i] = names[i - 1]!;
  const tracks: TrackAnalysis[] = midi.tracks.map((t, i) => {
    const pitches = t.notes.map((n) => n.midi);
    const lowest = pitches.reduce<number | null>((low, p) => (low === null || p < low ? p : low), null);
    const highest = pitches.reduce<number | null>((high, p) => (high === null || p > high ? p : high), null);
    return {
      name: names[i]!,
      channel: t.channel,
      program: t.instrument.number,
      instrument: t.instrument.name ?? '',
      percussion: t.channel === DRUM_CHANNEL,
      notes: t.notes.length,
      lowest,
      highest,
    };
  });

  return MidiAnalysis.parse({
    title: fromMidiText(header.name),
    ppq: header.ppq,
    key: best?.key ?? null,
    mode: best?.mode ?? null,
    keyCorrelation: best ? round(best.correlation, 3) : null,
    alternatives: ranked.slice(1, 4).map((k) => ({ ...k, correlation: round(k.correlation, 3) })),
    keySignature:
      declared && declared.key
        ? { key: tonicOfSignature({ sf: sharps, mi: declared.scale === 'minor' ? 1 : 0 }), mode: declared.scale === 'minor' ? 'minor' : 'major', sharps }
        : null,
    tempo: round(header.tempos[0]?.bpm ?? 120, 2),
    meter: timeSignature ? `${timeSignature[0]}/${timeSignature[1]}` : '4/4',
    assumed: [...(header.tempos.length ? [] : ['tempo' as const]), ...(timeSignature ? [] : ['meter' as const])],
    tempoChanges: Math.max(0, header.tempos.length - 1),
    bars: Math.ceil(header.ticksToMeasures(endTick) - 1e-9),
    durationTicks: endTick,
    durationSeconds: round(header.ticksToSeconds(endTick), 3),
    markers: header.meta.filter((m) => m.type === 'marker').map((m) => ({ text: fromMidiText(m.text), tick: m.ticks, bar: barOf(m.ticks) })),
    noteCount: tracks.reduce((n, t) => n + t.notes, 0),
    tracks,
  });
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
