/**
 * A song made singable: its sections long enough for their words, its melody in the singer's
 * range and its key moved, when needed, so the tonic sits where that voice sings it comfortably.
 * generateSketch applies this first, so the sketch (key, bars, notes) is the song as sung; the CLI
 * and the app show the returned sentences.
 */
import { Note } from 'tonal';
import type { SongParameters, Voice } from '../params.ts';
import { scaleInfo } from '../theory/scale.ts';
import { planLines, lineCounts } from '../lyrics/phrase.ts';
import { lyricLanguage } from './fit.ts';

/**
 * Written ranges of the named voices (MIDI notes): low A2–D4 (bass-baritone, contralto an octave
 * down), medium G3–C5 (tenor, alto), high C4–G5 (soprano). A range narrower than a fifth widens to one.
 */
export const VOICE_RANGES: Record<'low' | 'medium' | 'high', { low: number; high: number }> = {
  low: { low: 45, high: 62 },
  medium: { low: 55, high: 72 },
  high: { low: 60, high: 79 },
};

export function voiceRange(voice: Voice): { low: number; high: number } {
  const r = typeof voice === 'string' ? VOICE_RANGES[voice] : voice;
  return { low: Math.min(r.low, r.high), high: Math.max(r.high, Math.min(r.low, r.high) + 7) };
}

const SHARP_KEYS = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'G#', 'A', 'Bb', 'B'];
const FLAT_KEYS = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

/**
 * The smallest key move (−5 … +6 semitones, down on a tie) that puts the tonic at most a fifth
 * above the voice's lowest note, so the singer has the tonic low in the voice and either its
 * octave above or the dominant below it. 0 when the key already sits there (8 keys in 12 do).
 */
export function keyShiftFor(tonicChroma: number, range: { low: number; high: number }): number {
  const fits = (k: number) => {
    const above = (((tonicChroma + k - range.low) % 12) + 12) % 12;
    return above <= 7;
  };
  for (const k of [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, 6]) if (fits(k)) return k;
  return 0;
}

/** Sections grown for their words, melody range and key set for the voice: singable(params) → { params, notes }. */
export function singable(params: SongParameters): { params: SongParameters; notes: string[] } {
  const notes: string[] = [];
  let out = params;
  if (params.sections.some((s) => s.lyrics?.length)) {
    const lang = lyricLanguage(params);
    const sections = params.sections.map((s) => {
      if (!s.lyrics?.length) return s;
      const bars = Math.min(64, planLines(lineCounts(s.lyrics, lang), s.bars, params.meter).bars);
      if (bars > s.bars) notes.push(`the ${s.name} grew from ${s.bars} to ${bars} bars to fit its words`);
      return bars > s.bars ? { ...s, bars } : s;
    });
    // The language is settled once here, so the fitting does not guess it again for every section.
    out = { ...out, sections, lyricsLanguage: lang };
  }
  if (params.voice) {
    const range = voiceRange(params.voice);
    const scale = scaleInfo(params.key, params.mode);
    const shift = keyShiftFor(scale.tonicChroma, range);
    out = { ...out, melody: { ...out.melody, low: range.low, high: range.high } };
    if (shift !== 0) {
      const chroma = (((scale.tonicChroma + shift) % 12) + 12) % 12;
      const key = (scale.family === 'minor' ? SHARP_KEYS : FLAT_KEYS)[chroma] ?? Note.pitchClass(params.key);
      notes.push(`the song moves from ${params.key} to ${key} so ${typeof params.voice === 'string' ? `a ${params.voice} voice` : 'the singer'} can sing it`);
      out = { ...out, key };
    }
  }
  return { params: out, notes };
}
