/**
 * valence/arousal → musical choices, by the tables in mapping-tables.ts. Pure: the same point
 * always gives the same parameters.
 */
import type { SongParameters } from '../../music/params.ts';
import { chooseForm } from '../../music/craft/form.ts';
import { chooseKey } from '../../music/craft/key.ts';
import { COMPING_BANDS, CONTENTMENT, CONTOUR_BANDS, FEEL_BANDS, FORM, INSTRUMENT_BANDS, KEY_BANDS, MIXED_MODE_BANDS, MODE_BANDS, MIXED_CALM, MOOD_WORDS, SORROW, TEMPO, pick } from './mapping-tables.ts';

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round2 = (x: number) => Math.round(x * 100) / 100;
/** arousal -1…1 → 0…1 */
const level = (a: number) => (a + 1) / 2;

/** Which mode the emotion asks for, and why in words; mixed feelings have their own table. */
export function modeFor(v: number, a: number, mixed = false): { mode: string; why: string } {
  const { mode, why } = pick(mixed ? MIXED_MODE_BANDS : MODE_BANDS, v, a);
  return { mode, why };
}

/**
 * The arousal that pace and loudness follow: the reading's, pulled down by sorrow (SORROW), by
 * contentment (CONTENTMENT) and a little by mixed feelings (MIXED_CALM) — pacing(-0.7, 0) → -0.32, pacing(-0.7, 0.7) → 0.7 (anger keeps its drive).
 */
export function pacing(v: number, a: number, mixed = false): number {
  const calm = mixed ? a - MIXED_CALM : a;
  if (v > 0 && calm < CONTENTMENT.until) {
    const fade = calm <= CONTENTMENT.full ? 1 : (CONTENTMENT.until - calm) / (CONTENTMENT.until - CONTENTMENT.full);
    return Math.max(Math.min(calm, CONTENTMENT.floor), calm - CONTENTMENT.pull * v * fade);
  }
  if (v >= 0 || calm >= SORROW.until) return Math.max(-1, calm);
  const fade = calm <= SORROW.full ? 1 : (SORROW.until - calm) / (SORROW.until - SORROW.full);
  return Math.max(-1, calm + SORROW.pull * v * fade);
}

/**
 * Tempo in bpm for a point: arousal (as paced) sets it, an unpleasant valence slows it a little. The
 * curve is bowed (exponent TEMPO.curve) so calm words land at 65–80 bpm, where calm music lives, and
 * neutral near 96. Pleasure alone does not hurry a song: contentment, pride and warmth sat a few bpm
 * too fast when it did (issue 16, round three); arousal already carries excitement.
 */
export function tempoFor(v: number, a: number, mixed = false): number {
  return Math.round(TEMPO.calm + level(pacing(v, a, mixed)) ** TEMPO.curve * (TEMPO.excited - TEMPO.calm) + Math.min(0, v) * TEMPO.valenceNudge);
}

/** A plain-words mood description for the rationale: "sad and still". */
export function moodWords(v: number, a: number): string {
  return pick(MOOD_WORDS, v, a).words;
}

/** Base energy of the verse for a given arousal; sections lift from here. */
export const baseEnergy = (a: number) => 0.25 + 0.4 * level(a);

/** The section list for an emotion: the standard form with energies scaled by arousal. */
export function sectionsFor(a: number): SongParameters['sections'] {
  const e = baseEnergy(a);
  return FORM.map((s) => ({
    name: s.name,
    bars: s.bars,
    chords: [],
    energy: round2(clamp01(e + s.lift)),
    valenceOffset: s.valenceOffset,
    arousalOffset: s.arousalOffset,
  }));
}

/**
 * Every emotion-led field for (v, a). `base` supplies what emotion does not decide (key, meter,
 * sections, style); without it those come from the tables too. `mixed`: the feelings pull two ways.
 * `variety` (a number from the musician's words): with it, a new song's form and key are chosen
 * by music/craft (chooseForm, chooseKey) so different statements get different songs; without
 * it the standard form and the table's key, as before.
 */
export function paramsFromEmotion(v: number, a: number, base?: SongParameters, mixed = false, variety?: number): SongParameters {
  const { mode } = modeFor(v, a, mixed);
  const pa = pacing(v, a, mixed);
  const minorish = ['minor', 'dorian', 'phrygian'].includes(mode);
  const feel = pick(FEEL_BANDS, v, a);
  const instruments = pick(INSTRUMENT_BANDS, v, a);
  const shift = Math.max(-5, Math.min(5, Math.round(4 * a + 2 * v)));
  const tableKey = pick(KEY_BANDS.filter((k) => k.minorish === minorish), v, a).key;
  const tempo = tempoFor(v, a, mixed);
  return {
    valence: round2(v),
    arousal: round2(a),
    key: base?.key ?? (variety === undefined ? tableKey : chooseKey(tableKey, minorish, variety)),
    mode,
    tempo,
    meter: base?.meter ?? '4/4',
    sections: base?.sections ?? (variety === undefined ? sectionsFor(pa) : chooseForm({ valence: v, arousal: pa, tempo, meter: '4/4', baseEnergy: baseEnergy(pa) }, variety).sections),
    melody: {
      low: 60 + shift,
      high: 76 + shift,
      density: round2(0.2 + 0.6 * level(pa)),
      // A singable tune leaps now and then even when calm (songs measured in issue #16 step ≤ 2 semitones 64 % of the time).
      leapiness: round2(0.25 + 0.25 * Math.max(0, a) + 0.1 * Math.max(0, v)),
      contour: pick(CONTOUR_BANDS, v, a).contour,
    },
    harmony: {
      chordsPerBar: feel.chordsPerBar,
      // Sevenths colour the in-between feelings (tender, nostalgic); plain triads suit the extremes.
      extensions: Math.abs(v) < 0.5 && a < 0.3,
      // Borrowed chords carry the other colour of mixed feelings, and the in-between of near-neutral ones.
      borrowed: mixed || Math.abs(v) < 0.3,
      comping: pick(COMPING_BANDS, v, a).comping,
    },
    rhythm: { feel: feel.feel, swing: base?.rhythm.swing ?? 0, humanize: round2(0.4 - 0.2 * level(pa)) },
    drums: {
      // At the calmest, drums would only intrude: a lullaby has none.
      enabled: a > -0.75,
      groove: base && base.meter !== '4/4' ? base.drums.groove : feel.groove,
      density: round2(0.15 + 0.75 * level(pa)),
      fills: a > -0.3,
    },
    bass: { style: feel.bass },
    instruments: base?.instruments ?? { melody: instruments.melody, chords: instruments.chords, bass: instruments.bass },
    dynamics: { level: round2(0.35 + 0.5 * level(pa)) },
    style: base?.style,
    rationale: [],
  };
}

/** Why these instruments, in words, for the rationale. */
export const instrumentWhy = (v: number, a: number) => pick(INSTRUMENT_BANDS, v, a).why;
/** Why this comping, in words. */
export const compingWhy = (v: number, a: number) => pick(COMPING_BANDS, v, a).why;
