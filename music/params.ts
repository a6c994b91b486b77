/**
 * SongParameters — the core contract between the interpreter (words → music choices), the engine
 * (choices → Sketch), the API, the journal and exported files. Types are inferred from this one
 * zod schema; never restate them by hand. Fields may be added; existing names keep their meaning.
 */
import { z } from 'zod';
import { Scale } from 'tonal';

/** Russell's circumplex axis value: -1 (unpleasant / calm) … 1 (pleasant / excited). */
export const Axis = z.number().min(-1).max(1);

/** A tonic pitch class: "C", "F#", "Bb" … */
export const PitchClass = z
  .string()
  .regex(/^[A-G](#|b)?$/, 'a pitch class such as "C", "F#" or "Bb"');

/** A Tonal scale name that Tonal can spell ("major", "minor", "dorian", "harmonic minor" …). */
export const ModeName = z
  .string()
  .min(1)
  .refine((m) => !Scale.get(`C ${m}`).empty, { message: 'a scale name Tonal knows, e.g. "minor" or "dorian"' });

/** Meters the engine can fill with grooves. Compound meters (6/8, 12/8) count in eighths. */
export const METERS = ['2/4', '3/4', '4/4', '5/4', '6/8', '7/8', '12/8'] as const;
export const Meter = z.enum(METERS);

/** Instruments a part can be played on; mapped to General MIDI programs by a data table in music/. */
export const INSTRUMENTS = [
  'piano',
  'electric piano',
  'organ',
  'acoustic guitar',
  'nylon guitar',
  'electric guitar',
  'strings',
  'pad',
  'choir',
  'flute',
  'clarinet',
  'saxophone',
  'trumpet',
  'vibraphone',
  'marimba',
  'harp',
  'synth lead',
  'acoustic bass',
  'electric bass',
  'synth bass',
  'cello',
  // The General MIDI set the styles need beyond the pop band (issue #17): orchestra, folk and world.
  'violin',
  'fiddle',
  'oboe',
  'bassoon',
  'french horn',
  'trombone',
  'tuba',
  'tenor saxophone',
  'pan flute',
  'shakuhachi',
  'accordion',
  'harmonica',
  'banjo',
  'sitar',
  'koto',
  'shamisen',
  'kalimba',
  'steel drums',
  'taiko',
  'bagpipe',
  'shanai',
  'dulcimer',
  'xylophone',
  'glockenspiel',
  'timpani',
  'choir pad',
  'string pad',
] as const;
export const Instrument = z.enum(INSTRUMENTS);

/** The parts a section's arrangement can address; the same ids as the sketch's tracks. */
export const PART_IDS = ['melody', 'chords', 'bass', 'drums'] as const;
export const PartId = z.enum(PART_IDS);

/**
 * How one part plays in one section, relative to the song-wide settings. Every field is optional:
 * absent means "as the song arranges it", so a request scoped to one part of one section
 * ("fewer drums in the verse") touches only that part there.
 */
export const PartArrangement = z.object({
  /** Loudness multiplier on the part's velocities: 0.25 (much softer) … 1 (as arranged) … 1.75 (much louder). */
  level: z.number().min(0.1).max(2).optional(),
  /** Shift of the part's busyness in this section: -1 (sparsest) … 0 (as arranged) … 1 (busiest). */
  density: z.number().min(-1).max(1).optional(),
  /** true → the part is silent in this section ("no bass in the intro"). */
  mute: z.boolean().optional(),
  /** Octave shift of the part in this section: -2 … 2 ("the verse melody lower" → -1). */
  register: z.number().int().min(-2).max(2).optional(),
  /** Another instrument for this part in this section (not for drums). */
  instrument: Instrument.optional(),
});

/** How the chords are played: held blocks, broken (low voice then the rest), arpeggiated or strummed. */
export const Comping = z.enum(['block', 'broken', 'arpeggio', 'strum']);
/** Bass line patterns. */
export const BassStyle = z.enum(['root', 'root-fifth', 'walking', 'pedal', 'octave']);
/** Drum groove families; the engine picks the pattern for the meter from its data table. */
export const DrumGroove = z.enum(['auto', 'straight', 'half-time', 'swing', 'waltz', 'march', 'ballad', 'driving']);

/** Per-part arrangement of one section; absent parts play as the song arranges them. */
export const SectionArrangement = z.object({
  melody: PartArrangement.optional(),
  /** `pattern`: another comping style for this section ("strummed chords in the chorus"). */
  chords: PartArrangement.extend({ pattern: Comping.optional() }).optional(),
  /** `pattern`: another bass line for this section ("a walking bass in the bridge"). */
  bass: PartArrangement.extend({ pattern: BassStyle.optional() }).optional(),
  /** `pattern`: another groove for this section ("half-time drums in the bridge"). */
  drums: PartArrangement.extend({ pattern: DrumGroove.optional() }).optional(),
});

/**
 * One sung line of a section, exactly as the musician wrote (or accepted) it. Drafts the app
 * proposes are not lyrics until the musician accepts them, so everything here is theirs.
 */
export const LyricLine = z.string().trim().min(1).max(200);

/** A singer's range: a named voice or explicit MIDI notes; the song is transposed to fit it. */
export const Voice = z.union([
  z.enum(['low', 'medium', 'high']),
  z.object({ low: z.number().int().min(36).max(96), high: z.number().int().min(40).max(100) }),
]);

/** One section of the form, in the musician's words ("verse", "chorus", "bridge" …). */
export const Section = z.object({
  name: z.string().trim().min(1).max(40),
  bars: z.number().int().min(1).max(64),
  /** Roman numerals relative to the key ("i", "VI", "bVII", "V7"); cycled to fill the section.
   *  Empty → the engine picks a progression from its templates for the mode and emotion. */
  chords: z.array(z.string().min(1).max(12)).max(32).default([]),
  /** 0 (barely there) … 1 (everything at full tilt): drives density, register and dynamics. */
  energy: z.number().min(0).max(1).default(0.5),
  /** Emotional arc: this section's offset from the song's valence / arousal. */
  valenceOffset: Axis.default(0),
  arousalOffset: Axis.default(0),
  /** Per-part level, density, mute, register and instrument for this section only. */
  arrangement: SectionArrangement.optional(),
  /** The words this section sings, one entry per sung line; absent or empty → instrumental. */
  lyrics: z.array(LyricLine).max(24).optional(),
});

export const Melody = z.object({
  /** Lowest and highest MIDI note of the melody; defaults are a comfortable singing range. */
  low: z.number().int().min(36).max(96).default(60),
  high: z.number().int().min(40).max(100).default(76),
  /** 0 sparse (long notes, many rests) … 1 busy. */
  density: z.number().min(0).max(1).default(0.5),
  /** 0 all steps … 1 many leaps. */
  leapiness: z.number().min(0).max(1).default(0.25),
  contour: z.enum(['arch', 'rising', 'falling', 'wave']).default('arch'),
});

export const Harmony = z.object({
  /** How many chords per bar: 0.5 = one chord every two bars. */
  chordsPerBar: z.union([z.literal(0.5), z.literal(1), z.literal(2)]).default(1),
  /** Add sevenths and colour tones. */
  extensions: z.boolean().default(false),
  /** Allow chords borrowed from the parallel mode (e.g. iv in major). */
  borrowed: z.boolean().default(false),
  comping: Comping.default('block'),
  /** A style's own progression family (roman numerals); absent → the engine's tables for the mode. */
  loops: z.array(z.array(z.string().min(1).max(12)).min(1).max(16)).max(12).optional(),
  /** Numerals of those loops a style plays as written even outside the mode (a minor bossa's V7, flamenco's bIII). */
  asWritten: z.array(z.string().min(1).max(12)).max(12).optional(),
  /** A fixed harmonic form: 'twelve-bar' plays the I7–IV7–V7 blues form in every section without given chords. */
  form: z.enum(['twelve-bar']).optional(),
});

/** Rhythmic feels: the first four are the original set; the rest name a groove from the world palette. */
export const FEELS = [
  'straight', 'swing', 'half-time', 'shuffle',
  'bossa', 'clave-son-3-2', 'clave-son-2-3', 'rumba-3-2', 'rumba-2-3', 'one-drop', 'afrobeat', 'bhangra',
] as const;

/** How an odd meter's beats are grouped: 7/8 as 2+2+3 or 3+2+2, 5/4 as 3+2 or 2+3. */
export const METER_GROUPINGS = ['2+2+3', '3+2+2', '3+2', '2+3'] as const;
export const MeterGrouping = z.enum(METER_GROUPINGS);

export const Rhythm = z.object({
  /** Straight, swung or half-time, or a named groove feel from the world palette (clave, bossa, one-drop …). */
  feel: z.enum(FEELS).default('straight'),
  /** 0 straight … 1 full triplet swing. */
  swing: z.number().min(0).max(1).default(0),
  /** 0 quantised … 1 loose: seeded timing and velocity drift. */
  humanize: z.number().min(0).max(1).default(0.3),
});

/** The General MIDI drum kits the bank plays (programs on channel 10); see music/instruments.ts. */
export const DRUM_KITS = ['standard', 'room', 'power', 'electronic', 'tr-808', 'jazz', 'brush', 'orchestra'] as const;
export const DrumKit = z.enum(DRUM_KITS);

export const Drums = z.object({
  enabled: z.boolean().default(true),
  /** Which kit plays the groove; absent → the standard kit. */
  kit: DrumKit.optional(),
  /** Groove family; the engine chooses the pattern for the meter from its data table. */
  groove: DrumGroove.default('auto'),
  /** 0 only the essentials … 1 busy. */
  density: z.number().min(0).max(1).default(0.5),
  fills: z.boolean().default(true),
});

export const Bass = z.object({
  style: BassStyle.default('root-fifth'),
});

export const Instruments = z.object({
  melody: Instrument.default('piano'),
  chords: Instrument.default('piano'),
  bass: Instrument.default('electric bass'),
});

export const Dynamics = z.object({
  /** Overall loudness 0 (pp) … 1 (ff); sections scale it by their energy. */
  level: z.number().min(0).max(1).default(0.6),
});

/** Why a choice was made, tied to the musician's own words. */
export const Reason = z.object({
  /** Which parameter this explains: "mode", "tempo", "sections", "drums" … */
  aspect: z.string().min(1).max(40),
  /** The choice in a musician's words: "D minor", "72 bpm". */
  choice: z.string().min(1).max(120),
  /** The reason: "minor and slow because you said the house is quiet now". */
  because: z.string().min(1).max(400),
  /** The musician's words this rests on, quoted. */
  quote: z.string().max(200).optional(),
});

/** A note of a melody the musician gave, in ticks (480 per quarter) from the start of where it goes. */
export const GivenNote = z.object({
  pitch: z.number().int().min(0).max(127),
  start: z.number().int().min(0).max(512 * 12 * 480),
  duration: z.number().int().min(1).max(64 * 12 * 480),
  velocity: z.number().min(0).max(1).default(0.8),
});

/**
 * A melody the musician sang or played in, kept note for note; the chords are written around it
 * (music/harmonize). 'whole': the song's melody from the first bar; 'section': the melody of every
 * section with that name ("chorus"); 'motif': up to two bars that open every section's melody.
 */
export const GivenMelody = z
  .object({
    use: z.enum(['whole', 'section', 'motif']),
    section: z.string().trim().min(1).max(40).optional(),
    notes: z.array(GivenNote).min(1).max(2000),
  })
  .refine((g) => g.use !== 'section' || g.section !== undefined, { message: 'say which section the melody is for', path: ['section'] });

const DEFAULT_SECTIONS: z.input<typeof Section>[] = [
  { name: 'intro', bars: 4, energy: 0.3, arousalOffset: -0.2 },
  { name: 'verse', bars: 8, energy: 0.45, arousalOffset: -0.1 },
  { name: 'chorus', bars: 8, energy: 0.75, valenceOffset: 0.1, arousalOffset: 0.2 },
  { name: 'verse', bars: 8, energy: 0.5, arousalOffset: -0.1 },
  { name: 'chorus', bars: 8, energy: 0.8, valenceOffset: 0.1, arousalOffset: 0.25 },
  { name: 'outro', bars: 4, energy: 0.3, arousalOffset: -0.3 },
];

export const SongParameters = z
  .object({
    valence: Axis.default(0),
    arousal: Axis.default(0),
    key: PitchClass.default('C'),
    mode: ModeName.default('major'),
    /** Beats per minute of the quarter note, as MIDI counts it. */
    tempo: z.number().int().min(30).max(240).default(96),
    meter: Meter.default('4/4'),
    /** Beat grouping for 7/8 ('2+2+3' | '3+2+2') or 5/4 ('3+2' | '2+3'); absent → 2+2+3 and 3+2. */
    meterGrouping: MeterGrouping.optional(),
    sections: z.array(Section).min(1).max(24).prefault(DEFAULT_SECTIONS),
    melody: Melody.prefault({}),
    harmony: Harmony.prefault({}),
    rhythm: Rhythm.prefault({}),
    drums: Drums.prefault({}),
    bass: Bass.prefault({}),
    instruments: Instruments.prefault({}),
    dynamics: Dynamics.prefault({}),
    /** Optional style template name (see the world-palette work); free text until then. */
    style: z.string().max(60).optional(),
    /** A second style template blended in: amount 0 (none of it) … 1 (all of it). */
    styleBlend: z.object({ with: z.string().min(1).max(60), amount: z.number().min(0).max(1) }).optional(),
    /**
     * 'follow' (and absent, from engine 3.2.0) → the arrangement grows with each section's energy
     * from the style family's template (music/styles/arrangements.json, music/arrange/orchestra.ts):
     * a pad and a doubled melody in the loud sections, parts dropping out in the quiet ones, the
     * sections' own arrangements played on top; 'as-written' → only the sections' own arrangements.
     * Absent means follow so every new sketch, a CLI params file's too, gets it without asking.
     */
    orchestration: z.enum(['as-written', 'follow']).optional(),
    rationale: z.array(Reason).max(40).default([]),
    /** Language of the lyrics (ISO 639-1: "en", "de", "fr", "es" …) for syllables and stress; absent → detected. */
    lyricsLanguage: z.string().regex(/^[a-z]{2}$/).optional(),
    /** Who sings the melody: the melody's range follows it and the key may move to fit. */
    voice: Voice.optional(),
    /** The musician's own melody (sung, hummed or played in), kept exactly; absent → the engine writes it. */
    givenMelody: GivenMelody.optional(),
  })
  .refine((p) => p.melody.low + 7 <= p.melody.high, {
    message: 'melody range must span at least a fifth (low + 7 ≤ high)',
    path: ['melody', 'high'],
  })
  .refine((p) => p.sections.reduce((n, s) => n + s.bars, 0) <= 512, {
    message: 'a song may have at most 512 bars in all',
    path: ['sections'],
  });

export type SongParameters = z.infer<typeof SongParameters>;
export type SongParametersInput = z.input<typeof SongParameters>;
export type Section = z.infer<typeof Section>;
export type Voice = z.infer<typeof Voice>;
export type GivenMelody = z.infer<typeof GivenMelody>;
export type PartId = z.infer<typeof PartId>;
export type PartArrangement = z.infer<typeof PartArrangement>;
export type SectionArrangement = z.infer<typeof SectionArrangement>;
export type Reason = z.infer<typeof Reason>;
export type Instrument = z.infer<typeof Instrument>;
export type Meter = z.infer<typeof Meter>;
export type MeterGrouping = z.infer<typeof MeterGrouping>;
export type Feel = (typeof FEELS)[number];

/** Complete a partial object with defaults, or throw a ZodError naming the field. */
export function parseParams(input: unknown): SongParameters {
  return SongParameters.parse(input);
}

/** Like parseParams but returns a result instead of throwing. */
export function safeParseParams(input: unknown) {
  return SongParameters.safeParse(input);
}

/** "sections.2.bars: Too small…" — one readable line for CLI and HTTP errors. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
export type DrumKit = z.infer<typeof DrumKit>;
