/**
 * Sketch — what the engine makes from SongParameters + seed: tracks of notes in ticks, chord
 * symbols, section marks and machine-readable facts. Stored in the journal with each version so a
 * saved version sounds the same after engine upgrades; played by the browser; exported as MIDI.
 * Time is in ticks (PPQ ticks per quarter note) everywhere in music/; seconds only at playback.
 */
import { z } from 'zod';
import { Meter } from './params.ts';
import { TRACK_IDS } from './tracks.ts';

export { PPQ, TRACK_IDS } from './tracks.ts';

/** A sung syllable on a melody note, as MusicXML and MIDI lyric events carry it. */
export const Syllable = z.object({
  /** The syllable's text as written ("to", "mor", "row"), punctuation of the line kept on its last one. */
  text: z.string().min(1).max(60),
  /** MusicXML's syllabic: where the syllable sits in its word. */
  syllabic: z.enum(['single', 'begin', 'middle', 'end']),
  /** Index of the sung line across the whole song (0-based), for karaoke line highlighting. */
  line: z.number().int().min(0),
  /** 1 = the word's primary stress, 2 = secondary, 0 = unstressed. */
  stress: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
});

export const Note = z.object({
  /** MIDI note number (60 = middle C). */
  pitch: z.number().int().min(0).max(127),
  /** Start, in ticks from the top of the song. */
  start: z.number().int().min(0),
  /** Length in ticks, always > 0. */
  duration: z.number().int().min(1),
  /** 0 … 1 (MIDI velocity / 127). */
  velocity: z.number().min(0).max(1),
  /** The syllable this note sings (melody track only); absent on instrumental notes and melisma. */
  lyric: Syllable.optional(),
});

export const TrackId = z.enum(TRACK_IDS);

/** A part switching instrument at a section start ("strings in the bridge"). */
export const ProgramChange = z.object({
  tick: z.number().int().min(0),
  /** General MIDI program 0–127. */
  program: z.number().int().min(0).max(127),
  /** Instrument name from params. */
  instrument: z.string(),
});

export const Track = z.object({
  id: TrackId,
  /** Track name as DAWs show it: "Melody", "Chords", "Bass", "Drums". */
  name: z.string(),
  /** Instrument name from params (drums: "drums"). */
  instrument: z.string(),
  /** General MIDI program 0–127 (ignored for drums). */
  program: z.number().int().min(0).max(127),
  /** MIDI channel index 0–15; drums are 9 (channel 10). */
  channel: z.number().int().min(0).max(15),
  notes: z.array(Note),
  /** Instrument changes after the start, in time order; absent when the part keeps one instrument. */
  programChanges: z.array(ProgramChange).optional(),
});

export const ChordEvent = z.object({
  /** Chord symbol spelled by Tonal: "Am7", "F", "G/B". */
  symbol: z.string(),
  /** Roman numeral relative to the key: "vi7", "IV", "bVII". */
  roman: z.string(),
  start: z.number().int().min(0),
  duration: z.number().int().min(1),
  /** 0-based bar index where the chord starts. */
  bar: z.number().int().min(0),
});

export const SectionMark = z.object({
  name: z.string(),
  /** 0-based index into params.sections. */
  index: z.number().int().min(0),
  startTick: z.number().int().min(0),
  startBar: z.number().int().min(0),
  bars: z.number().int().min(1),
  energy: z.number(),
  /** Effective valence / arousal of this section (song value + section offset, clamped). */
  valence: z.number(),
  arousal: z.number(),
});

/** Something true about what was made, for grounded explanations and teaching. */
export const Fact = z.object({
  /** Machine-readable kind: "cadence", "register-lift", "mode", "tempo", "borrowed-chord" … */
  kind: z.string(),
  /** The same fact in a musician's words: "cadence V–I at the end of the chorus". */
  text: z.string(),
  section: z.string().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const Sketch = z.object({
  engineVersion: z.string(),
  seed: z.number().int(),
  ppq: z.number().int(),
  tempo: z.number().int(),
  meter: Meter,
  /** Ticks in one bar for this meter. */
  ticksPerBar: z.number().int().min(1),
  key: z.string(),
  mode: z.string(),
  bars: z.number().int().min(1),
  totalTicks: z.number().int().min(1),
  tracks: z.array(Track),
  chords: z.array(ChordEvent),
  sections: z.array(SectionMark),
  facts: z.array(Fact),
});

export type Note = z.infer<typeof Note>;
export type Syllable = z.infer<typeof Syllable>;
export type Track = z.infer<typeof Track>;
export type ProgramChange = z.infer<typeof ProgramChange>;
export type TrackId = z.infer<typeof TrackId>;
export type ChordEvent = z.infer<typeof ChordEvent>;
export type SectionMark = z.infer<typeof SectionMark>;
export type Fact = z.infer<typeof Fact>;
export type Sketch = z.infer<typeof Sketch>;
