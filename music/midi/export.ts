/**
 * Sketch → Standard MIDI File bytes, as DAWs and notation programs expect them: type 1, one named
 * track per part with its General MIDI program and channel (drums on channel 10), tempo,
 * time-signature and key-signature meta events, a marker at the start of every section, and a
 * lyric meta event (0x05) at the onset of every sung note, so DAWs and karaoke players show the words.
 * Pure and deterministic: the same sketch always gives the same bytes.
 *
 * The events are midi-file's and midi-file writes every event byte (see write.ts for why we feed
 * it in batches). The bytes are the ones @tonejs/midi 2.0.28 would write for the same song, with
 * the key signature it gets wrong written correctly; a test compares the two.
 */
import type { MidiData, MidiEvent } from 'midi-file';
import type { Sketch, Syllable } from '../sketch.ts';
import { keySignatureFor } from './keySignature.ts';
import { playableNotes } from './notes.ts';
import { toMidiText } from './text.ts';
import { writeMidiFile } from './write.ts';

export interface MidiExportOptions {
  /** Written as the name of track 0, where DAWs look for the song's title. */
  title?: string;
}

/**
 * Encode a sketch as a type-1 MIDI file.
 * @example writeFileSync('song.mid', sketchToMidi(sketch, { title: 'For Mara' }))
 */
export function sketchToMidi(sketch: Sketch, options: MidiExportOptions = {}): Uint8Array {
  return writeMidiFile(sketchToMidiData(sketch, options));
}

/** An event at an absolute tick; its delta time is set when the track is put in order. */
interface Placed {
  tick: number;
  event: MidiEvent;
}

/** The file as midi-file's event lists: a conductor track, then one track per part. */
export function sketchToMidiData(sketch: Sketch, options: MidiExportOptions = {}): MidiData {
  const [numerator, denominator] = sketch.meter.split('/').map(Number) as [number, number];
  const { sf, mi } = keySignatureFor(sketch.key, sketch.mode);
  const markers = [...sketch.sections].sort((a, b) => a.startTick - b.startTick);
  const conductor: Placed[] = [
    { tick: 0, event: { deltaTime: 0, meta: true, type: 'trackName', text: toMidiText(options.title ?? '') } },
    { tick: 0, event: { deltaTime: 0, meta: true, type: 'keySignature', key: sf, scale: mi } },
    ...markers.map((section): Placed => ({ tick: section.startTick, event: { deltaTime: 0, meta: true, type: 'marker', text: toMidiText(section.name) } })),
    { tick: 0, event: { deltaTime: 0, meta: true, type: 'setTempo', microsecondsPerBeat: Math.floor(60_000_000 / sketch.tempo) } },
    { tick: 0, event: { deltaTime: 0, meta: true, type: 'timeSignature', numerator, denominator, metronome: 24, thirtyseconds: 8 } },
  ];
  const notesPerTrack = playableNotes(sketch.tracks);
  const parts = sketch.tracks.map((part, index) => {
    const channel = part.channel;
    const placed: Placed[] = [
      { tick: 0, event: { deltaTime: 0, meta: true, type: 'trackName', text: toMidiText(part.name) } },
      { tick: 0, event: { deltaTime: 0, type: 'programChange', channel, programNumber: part.program } },
      // Listed before the notes: the stable sort then sounds the new program from a section's first note.
      ...(part.programChanges ?? []).map((c): Placed => ({ tick: c.tick, event: { deltaTime: 0, type: 'programChange', channel, programNumber: c.program } })),
      // Each syllable just before its note-on (listed first, so the stable sort keeps it first).
      ...part.notes.filter((n) => n.lyric).map((n): Placed => ({ tick: Math.max(0, Math.round(n.start)), event: { deltaTime: 0, meta: true, type: 'lyrics', text: toMidiText(lyricText(n.lyric!)) } })),
    ];
    for (const note of notesPerTrack[index]!) {
      placed.push(
        { tick: note.start, event: { deltaTime: 0, type: 'noteOn', channel, noteNumber: note.pitch, velocity: note.velocity } },
        { tick: note.start + note.duration, event: { deltaTime: 0, type: 'noteOff', channel, noteNumber: note.pitch, velocity: 0 } },
      );
    }
    return inOrder(placed);
  });
  const tracks = [inOrder(conductor), ...parts];
  return { header: { format: 1, numTracks: tracks.length, ticksPerBeat: sketch.ppq }, tracks };
}

/** A syllable as a lyric event: a hyphen after syllables that continue their word ("to-", "mor-", "row"). */
export function lyricText(lyric: Syllable): string {
  return lyric.syllabic === 'begin' || lyric.syllabic === 'middle' ? `${lyric.text}-` : lyric.text;
}

/**
 * Events sorted by tick with delta times set, then end-of-track. At one tick the note-offs come
 * first — so a note's end never follows a section's program change, and a reader that splits
 * tracks by program (as @tonejs/midi and many DAWs do) pairs every note-off with its note-on —
 * then the rest in the order they were listed (the sort is stable).
 */
function inOrder(placed: Placed[]): MidiEvent[] {
  const rank = (p: Placed) => (p.event.type === 'noteOff' ? 0 : 1);
  const sorted = [...placed].sort((a, b) => a.tick - b.tick || rank(a) - rank(b));
  let last = 0;
  const events = sorted.map(({ tick, event }) => {
    const delta = tick - last;
    last = tick;
    return { ...event, deltaTime: delta };
  });
  events.push({ deltaTime: 0, meta: true, type: 'endOfTrack' });
  return events;
}
