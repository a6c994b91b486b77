/**
 * An independent reading of a MIDI file for the songcraft card: only the bytes, parsed by
 * midi-file — never the engine's sketch. Tracks are found by their names (the export names them
 * Melody, Chords, Bass, Drums), sections by the conductor track's markers, the key by its key
 * signature.
 */
import { parseMidi } from 'midi-file';

export interface ReadNote {
  pitch: number;
  start: number;
  end: number;
  velocity: number;
}

export interface ReadSong {
  ppq: number;
  /** Ticks per bar from the time signature (quarter-note ppq × numerator × 4 / denominator). */
  ticksPerBar: number;
  /** Beat length in ticks: a quarter, or a dotted quarter in 6/8 and 12/8. */
  beat: number;
  /** Tonic pitch class from the key signature (sharps/flats + major/minor). */
  tonic: number;
  minor: boolean;
  tempos: number[];
  sections: { name: string; start: number; end: number }[];
  tracks: Record<string, ReadNote[]>;
  /** Tick of the last note-off in any track. */
  end: number;
}

// Major keys by number of sharps (-7 … 7): index sf + 7.
const MAJOR_TONIC = [11, 6, 1, 8, 3, 10, 5, 0, 7, 2, 9, 4, 11, 6, 1];

/** Read the bytes of a type-1 file. */
export function readMidi(bytes: Uint8Array): ReadSong {
  const midi = parseMidi(bytes);
  const ppq = midi.header.ticksPerBeat ?? 480;
  let num = 4;
  let den = 4;
  let tonic = 0;
  let minor = false;
  const tempos: number[] = [];
  const markers: { name: string; start: number }[] = [];
  const tracks: Record<string, ReadNote[]> = {};
  let end = 0;
  for (const track of midi.tracks) {
    let tick = 0;
    let name = '';
    const open = new Map<number, { start: number; velocity: number }>();
    const notes: ReadNote[] = [];
    for (const e of track) {
      tick += e.deltaTime;
      if (e.type === 'trackName') name = e.text;
      else if (e.type === 'timeSignature') [num, den] = [e.numerator, e.denominator];
      else if (e.type === 'keySignature') {
        minor = e.scale === 1;
        const major = MAJOR_TONIC[e.key + 7] ?? 0;
        tonic = minor ? (major + 9) % 12 : major;
      } else if (e.type === 'setTempo') tempos.push(60_000_000 / e.microsecondsPerBeat);
      else if (e.type === 'marker') markers.push({ name: e.text.trim().toLowerCase(), start: tick });
      else if (e.type === 'noteOn' && e.velocity > 0) open.set(e.noteNumber, { start: tick, velocity: e.velocity });
      else if (e.type === 'noteOff' || (e.type === 'noteOn' && e.velocity === 0)) {
        const on = open.get(e.noteNumber);
        if (on) {
          notes.push({ pitch: e.noteNumber, start: on.start, end: tick, velocity: on.velocity });
          open.delete(e.noteNumber);
          end = Math.max(end, tick);
        }
      }
    }
    if (name && notes.length) tracks[name.toLowerCase()] = notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  }
  const ticksPerBar = (ppq * 4 * num) / den;
  const compound = den === 8 && num % 3 === 0;
  const sections = markers.map((m, i) => ({ name: m.name, start: m.start, end: markers[i + 1]?.start ?? Math.ceil(end / ticksPerBar) * ticksPerBar }));
  return { ppq, ticksPerBar, beat: compound ? (ppq * 3) / 2 : (ppq * 4) / den, tonic, minor, tempos, sections, tracks, end };
}
