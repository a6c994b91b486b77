/**
 * "Use this as the chorus melody / a motif / the whole melody": the song's parameters with the
 * musician's notes in them. The form grows to hold them (the whole song, or every section of that
 * name), and the key becomes the melody's when the song's key does not hold it — the notes
 * themselves are never moved. Stored in the params, so every later version keeps the melody.
 */
import { SongParameters, type GivenMelody } from '../params.ts';
import type { Note } from '../sketch.ts';
import { meterInfo } from '../theory/meter.ts';
import { inScale, scaleInfo } from '../theory/scale.ts';
import { pitchClassProfile, rankKeys } from '../analyze/key.ts';
import { barsSpanned, extendForm } from './form.ts';
import { placeMelody } from './melody.ts';
import { MOTIF_BARS } from './place.ts';

/** Share of the melody's sounding time inside a key's scale. */
export function shareInKey(notes: readonly Note[], key: string, mode: string): number {
  const scale = scaleInfo(key, mode);
  let inside = 0;
  let all = 0;
  for (const n of notes) {
    all += n.duration;
    if (inScale(scale, n.pitch)) inside += n.duration;
  }
  return all ? inside / all : 1;
}

/** The song's key when the melody lives in it (≥ 85 % of its time in the scale), else the melody's own. */
export function keyForMelody(params: SongParameters, notes: readonly Note[]): { key: string; mode: string; from: 'params' | 'melody' } {
  if (shareInKey(notes, params.key, params.mode) >= 0.85) return { key: params.key, mode: params.mode, from: 'params' };
  const best = rankKeys(pitchClassProfile(notes))[0];
  if (!best) return { key: params.key, mode: params.mode, from: 'params' };
  return { key: best.key, mode: best.mode, from: 'melody' };
}

/** Thrown when the section named is not in the song; `message` names the ones that are. */
export class UnknownSectionError extends Error {
  override readonly name = 'UnknownSectionError';
}

export interface UsedMelody {
  params: SongParameters;
  keyFrom: 'params' | 'melody';
  barsAdded: number;
}

/**
 * useMelody(params, notes, 'section', 'chorus').params.givenMelody.use === 'section'
 */
export function useMelody(params: SongParameters, notes: readonly Note[], use: GivenMelody['use'], section?: string): UsedMelody {
  if (!notes.length) throw new Error('useMelody needs at least one note');
  const meter = meterInfo(params.meter, params.meterGrouping);
  let placed = placeMelody(notes, meter.ticksPerBar);
  if (use === 'motif') placed = placed.filter((n) => n.start < MOTIF_BARS * meter.ticksPerBar);
  const key = keyForMelody(params, placed);
  let next: SongParameters = key.from === 'melody' ? { ...params, key: key.key, mode: key.mode } : params;
  const before = next.sections.reduce((n, s) => n + s.bars, 0);
  const bars = barsSpanned(placed, meter.ticksPerBar);
  const wanted = section?.trim().toLowerCase();
  if (use === 'whole') next = extendForm(next, bars);
  if (use === 'section') {
    if (!next.sections.some((s) => s.name.trim().toLowerCase() === wanted)) {
      throw new UnknownSectionError(`the song has no section "${section}" (it has ${[...new Set(next.sections.map((s) => s.name))].join(', ')})`);
    }
    // Every occurrence of the section grows to hold the melody, so each sings all of it.
    next = { ...next, sections: next.sections.map((s) => (s.name.trim().toLowerCase() === wanted && s.bars < bars ? { ...s, bars: Math.min(64, bars) } : s)) };
  }
  const givenMelody: GivenMelody = {
    use,
    ...(use === 'section' ? { section: next.sections.find((s) => s.name.trim().toLowerCase() === wanted)!.name } : {}),
    notes: placed.map((n) => ({ pitch: n.pitch, start: n.start, duration: n.duration, velocity: n.velocity })),
  };
  const result = SongParameters.parse({ ...next, givenMelody });
  return { params: result, keyFrom: key.from, barsAdded: result.sections.reduce((n, s) => n + s.bars, 0) - before };
}
