/**
 * The mix as data: where each part sits (level, pan) and how much room each style puts around it.
 * Expressed as MIDI controller values (CC7 volume, CC10 pan, CC91 reverb send) so the browser's
 * soundfont synth and the offline render read the same numbers and sound the same.
 */
import type { TrackId } from '../sketch.ts';

export interface PartMix {
  /** CC7 channel volume 0–127 (the synth's curve is about 40·log10(v/127) dB). */
  volume: number;
  /** CC10 pan 0 (left) … 64 (centre) … 127 (right). */
  pan: number;
}

/**
 * The melody sits on top: full volume, near the centre. Chords step back and a little left, the
 * bass holds the centre under them, the drums sit a little right and below the melody.
 */
export const PART_MIX: Readonly<Record<TrackId, PartMix>> = {
  melody: { volume: 120, pan: 70 },
  chords: { volume: 88, pan: 44 },
  bass: { volume: 100, pan: 64 },
  drums: { volume: 92, pan: 76 },
};

/** Reverb send (CC91) by style: a hymn rings in a church, lo-fi and reggae stay dry and close. */
export const STYLE_REVERB: Readonly<Record<string, number>> = {
  ambient: 90,
  hymn: 80,
  lullaby: 64,
  'folk ballad': 52,
  'celtic jig': 48,
  gospel: 56,
  'bossa nova': 40,
  'flamenco-tinged': 40,
  pop: 40,
  blues: 34,
  balkan: 36,
  'son cubano': 30,
  afrobeat: 26,
  reggae: 26,
  'lo-fi hip hop': 22,
};

/** The send when the style is unknown or absent: a small room. */
export const DEFAULT_REVERB = 40;

/** Reverb send for a style name (case-insensitive); reverbSend('hymn') → 80, reverbSend(undefined) → 40. */
export function reverbSend(style: string | undefined): number {
  return (style && STYLE_REVERB[style.toLowerCase()]) || DEFAULT_REVERB;
}

/** The drums get half the room the pitched parts do: a wet kick muddies everything. */
export function partReverb(id: TrackId, style: string | undefined): number {
  const send = reverbSend(style);
  return id === 'drums' ? Math.round(send / 2) : send;
}
