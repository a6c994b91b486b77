/**
 * Emotion → music, as data. Each table is a list of bands on the circumplex read top to bottom;
 * the first band containing the point wins. The choices follow the broad findings of music-emotion
 * research (Juslin & Laukka's cue summaries, Gabrielsson's review): mode and harmonic brightness
 * track valence; tempo, density, loudness, articulation and register track arousal.
 * Innerchord's own tables, MIT.
 */
import type { Instrument } from '../../music/params.ts';

/** A region of the circumplex; missing bounds are open. */
export interface Band { vMin?: number; vMax?: number; aMin?: number; aMax?: number }

/** True when (v, a) lies inside the band (lower bounds inclusive, upper exclusive). */
export const inBand = (b: Band, v: number, a: number) =>
  (b.vMin ?? -Infinity) <= v && v < (b.vMax ?? Infinity) && (b.aMin ?? -Infinity) <= a && a < (b.aMax ?? Infinity);

/** Brightness of the common modes, darkest first: "darker" and "brighter" step along this ladder. */
export const MODE_LADDER = ['phrygian', 'minor', 'dorian', 'mixolydian', 'major', 'lydian'] as const;

/** Valence (and, at the dark end, arousal) → mode, with the reason in words for the rationale. */
export const MODE_BANDS: readonly (Band & { mode: string; why: string })[] = [
  { vMin: 0.5, aMax: -0.55, mode: 'lydian', why: 'lydian, a major mode with a floating raised fourth, for its dreamy calm' },
  { vMin: 0.3, mode: 'major', why: 'major for its brightness' },
  { vMin: 0.1, mode: 'mixolydian', why: 'mixolydian: mostly bright, with a softer, earthier seventh' },
  { vMin: -0.1, aMin: 0, mode: 'mixolydian', why: 'mixolydian, bright but not sugary, for mixed feelings with some drive' },
  { vMin: -0.1, mode: 'dorian', why: 'dorian, minor with a hopeful raised sixth, for mixed feelings' },
  { vMin: -0.3, mode: 'dorian', why: 'dorian: a minor colour that still leaves a window open' },
  { vMax: -0.55, aMin: 0.45, mode: 'phrygian', why: 'phrygian, the darkest common mode, for its tension and bite' },
  { mode: 'minor', why: 'minor for its darker, inward colour' },
];

/**
 * Mixed feelings ("bittersweet", "proud but exhausted") take the modes that hold two colours at
 * once: mixolydian (major with a flat seventh) and dorian (minor with a raised sixth), and, at
 * the clearer ends, major or minor with chords borrowed from the parallel key.
 */
export const MIXED_MODE_BANDS: readonly (Band & { mode: string; why: string })[] = [
  { vMin: 0.45, mode: 'major', why: 'major for the warmth that wins out, with chords borrowed from the minor for the ache underneath' },
  { vMin: 0.05, mode: 'mixolydian', why: 'mixolydian: bright, with a flattened seventh for the feelings that pull the other way' },
  { vMin: -0.45, mode: 'dorian', why: 'dorian, minor with a raised sixth, for feelings that pull two ways' },
  { mode: 'minor', why: 'minor for the sorrow that wins out, with chords borrowed from the major for the light in it' },
];

/** Keys that sit well for voices and guitars, chosen by mood (not by any folklore of key character). */
export const KEY_BANDS: readonly (Band & { minorish: boolean; key: string })[] = [
  { minorish: false, aMax: -0.3, key: 'F' },
  { minorish: false, aMax: 0.35, key: 'G' },
  { minorish: false, key: 'D' },
  { minorish: true, aMax: -0.3, key: 'D' },
  { minorish: true, aMax: 0.35, key: 'A' },
  { minorish: true, key: 'E' },
];

/** Arousal → tempo: 60 bpm at the calmest, 150 at the most excited; an unpleasant valence slows by up to valenceNudge. */
export const TEMPO = { calm: 60, excited: 150, valenceNudge: 6, curve: 1.3 } as const;

/**
 * Sorrow slows music: sad music is slow and soft even when the words for the sadness are not calm
 * ones ("dumped", "hurt", "loss" sit near the middle of the arousal axis). Below `until` arousal an
 * unpleasant feeling pulls the arousal that tempo and energy follow down by `pull` × valence;
 * the pull fades out by `until`, so anger and fear keep their drive.
 */
export const SORROW = { pull: 0.6, full: 0.2, until: 0.5 } as const;

/**
 * Contentment settles: a pleasant feeling with little drive (warm, grateful, at ease) is tender,
 * and tenderness is played slow and soft (Juslin & Laukka's cue summaries). Below `until`
 * arousal a pleasant feeling pulls the arousal that tempo and energy follow down by `pull` ×
 * valence, fully at `full` and below, fading out by `until`, so joy and excitement keep their pace;
 * it never pulls below `floor`, where a tender song already lives.
 */
export const CONTENTMENT = { pull: 0.25, full: 0, until: 0.2, floor: -0.35 } as const;

/** Mixed feelings are mostly reflective ones (nostalgia, bittersweet): they pace a little calmer. */
export const MIXED_CALM = 0.15;

/** Arousal → how chords are played: low arousal breathes (arpeggio), high arousal drives (strum). */
export const COMPING_BANDS: readonly (Band & { comping: 'block' | 'broken' | 'arpeggio' | 'strum'; why: string })[] = [
  { aMax: -0.4, comping: 'arpeggio', why: 'chords as gentle arpeggios' },
  { aMax: 0, comping: 'broken', why: 'broken chords that breathe' },
  { aMax: 0.45, comping: 'block', why: 'steady block chords' },
  { comping: 'strum', why: 'driving strummed chords' },
];

/** Arousal → rhythmic feel, drum groove, bass style and harmonic rhythm. */
export const FEEL_BANDS: readonly (Band & { feel: 'straight' | 'half-time'; groove: 'ballad' | 'straight' | 'driving'; bass: 'root' | 'root-fifth' | 'octave' | 'pedal'; chordsPerBar: 0.5 | 1 | 2 })[] = [
  { aMax: -0.55, feel: 'half-time', groove: 'ballad', bass: 'root', chordsPerBar: 0.5 }, // a calm song's bass moves with its chords (a held root), not a 40-bar pedal; drones come from the scale or the musician
  { aMax: -0.2, feel: 'straight', groove: 'ballad', bass: 'root', chordsPerBar: 1 },
  { aMax: 0.45, feel: 'straight', groove: 'straight', bass: 'root-fifth', chordsPerBar: 1 },
  { aMax: 0.8, feel: 'straight', groove: 'driving', bass: 'octave', chordsPerBar: 1 },
  { feel: 'straight', groove: 'driving', bass: 'octave', chordsPerBar: 2 },
];

/** Melodic contour: hopeful energy rises, sorrow falls, calm undulates. */
export const CONTOUR_BANDS: readonly (Band & { contour: 'arch' | 'rising' | 'falling' | 'wave' })[] = [
  { vMin: 0.3, aMin: 0.2, contour: 'rising' },
  { vMax: -0.3, aMax: 0, contour: 'falling' },
  { aMax: -0.4, contour: 'wave' },
  { contour: 'arch' },
];

/** Instrumentation by region: calm → piano, pads, strings; energetic → electric guitar and bass. */
export const INSTRUMENT_BANDS: readonly (Band & { melody: Instrument; chords: Instrument; bass: Instrument; why: string })[] = [
  { aMax: -0.45, vMin: 0, melody: 'piano', chords: 'strings', bass: 'acoustic bass', why: 'piano over soft strings for the calm' },
  { aMax: -0.45, melody: 'piano', chords: 'pad', bass: 'acoustic bass', why: 'piano over a soft pad for the stillness' },
  { aMax: 0.1, vMin: 0.2, melody: 'piano', chords: 'acoustic guitar', bass: 'acoustic bass', why: 'piano and acoustic guitar: warm and unhurried' },
  { aMax: 0.1, melody: 'cello', chords: 'piano', bass: 'acoustic bass', why: 'cello over piano, close and inward' },
  { aMax: 0.5, melody: 'electric piano', chords: 'acoustic guitar', bass: 'electric bass', why: 'electric piano and strummed guitar for a steady pulse' },
  { vMin: 0, melody: 'synth lead', chords: 'electric guitar', bass: 'electric bass', why: 'electric guitar and bass for the energy' },
  { melody: 'electric guitar', chords: 'organ', bass: 'synth bass', why: 'electric guitar, organ and synth bass for the force of it' },
];

/** The song's form: section energy = the song's base energy + lift; offsets shape the arc (the chorus lifts). */
export const FORM: readonly { name: string; bars: number; lift: number; valenceOffset: number; arousalOffset: number }[] = [
  { name: 'intro', bars: 4, lift: -0.15, valenceOffset: 0, arousalOffset: -0.2 },
  { name: 'verse', bars: 8, lift: 0, valenceOffset: 0, arousalOffset: -0.1 },
  { name: 'chorus', bars: 8, lift: 0.25, valenceOffset: 0.1, arousalOffset: 0.2 },
  { name: 'verse', bars: 8, lift: 0.05, valenceOffset: 0, arousalOffset: -0.1 },
  { name: 'chorus', bars: 8, lift: 0.3, valenceOffset: 0.1, arousalOffset: 0.25 },
  { name: 'outro', bars: 4, lift: -0.2, valenceOffset: 0, arousalOffset: -0.3 },
];

/** Words for the rationale: how a point on the circumplex sounds in plain speech. */
export const MOOD_WORDS: readonly (Band & { words: string })[] = [
  { vMin: 0.3, aMin: 0.35, words: 'bright and lively' },
  { vMin: 0.3, aMax: -0.3, words: 'warm and calm' },
  { vMin: 0.3, words: 'warm and open' },
  { vMax: -0.3, aMin: 0.35, words: 'dark and restless' },
  { vMax: -0.3, aMax: -0.3, words: 'sad and still' },
  { vMax: -0.3, words: 'heavy' },
  { aMin: 0.35, words: 'charged, between light and dark' },
  { aMax: -0.3, words: 'quiet and reflective' },
  { words: 'mixed, between light and dark' },
];

/** First band containing (v, a); every table ends with an open band, so this always finds one. */
export function pick<T extends Band>(table: readonly T[], v: number, a: number): T {
  return table.find((b) => inBand(b, v, a)) ?? table[table.length - 1]!;
}
