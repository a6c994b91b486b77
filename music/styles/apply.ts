/**
 * applyStyle: a style template (optionally blended with a second one) laid over SongParameters.
 * Pure. Numbers (tempo range, swing, densities, leapiness) are interpolated by the blend amount;
 * choices that cannot be halved are split so that "bossa nova meets lo-fi" at 50% keeps the first
 * style's rhythm section (meter, feel, groove, bass) and takes the second's colour (mode,
 * chords, comping, chord instrument). Progression families are mixed in proportion.
 */
import { SongParameters } from '../params.ts';
import { scaleInfo } from '../theory/scale.ts';
import { approachFor } from '../harmony/approach.ts';
import { findTemplate } from './templates.ts';
import { modeForTemplate } from './modes.ts';
import type { StyleTemplate } from './template.ts';

export interface StyleBlend {
  /** The second template's name (or any word for it). */
  with: string;
  /** 0 … 1: how much of the second style. */
  amount: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Loops from both families in proportion: at 0.25, three quarters of A's loops and a quarter of B's. */
function mixLoops(a: readonly string[][], b: readonly string[][] | undefined, t: number): string[][] {
  if (!b || t <= 0) return a.map((l) => [...l]);
  const fromA = a.slice(0, Math.ceil(a.length * (1 - t)));
  const fromB = b.slice(0, Math.ceil(b.length * t));
  return [...fromA, ...fromB].map((l) => [...l]);
}

export interface ApplyOptions {
  /** The musician asked for this mode in so many words: keep it even if the style would not choose it. */
  keepMode?: boolean;
}

/**
 * Lay a style over params: applyStyle(params, 'bossa nova').rhythm.feel → "bossa";
 * applyStyle(params, 'bossa nova', { with: 'lo-fi', amount: 0.5 }).tempo lies between the two styles'.
 * Unknown style names leave params unchanged.
 */
export function applyStyle(params: SongParameters, style: string, blend?: StyleBlend, options: ApplyOptions = {}): SongParameters {
  const a = findTemplate(style);
  if (!a) return params;
  const b = blend ? findTemplate(blend.with) : undefined;
  const t = b && blend ? clamp(blend.amount, 0, 1) : 0;
  const mix = (x: number, y: number | undefined) => (b && y !== undefined ? x + (y - x) * t : x);
  // The rhythm section follows the first style until the second outweighs it; colour flips at half.
  const rhythm: StyleTemplate = b && t > 0.5 ? b : a;
  const colour: StyleTemplate = b && t >= 0.5 ? b : a;
  const lead: StyleTemplate = b && t >= 0.75 ? b : a;

  // The colour style owns the mode: a mode it does not accept moves to the nearest one it does.
  const mode = options.keepMode ? params.mode : modeForTemplate(colour, params.key, params.mode);
  const modeFamily = scaleInfo(params.key, mode).family;
  const lo = Math.round(mix(a.tempo[0], b?.tempo[0]));
  const hi = Math.round(mix(a.tempo[1], b?.tempo[1]));
  const drumsOf = (s: StyleTemplate) => (s.drums.enabled ? s.drums.density : 0);
  const drumDensity = mix(drumsOf(a), b ? drumsOf(b) : undefined);
  const approach = approachFor(mode);

  const next: SongParameters = {
    ...params,
    mode,
    tempo: clamp(params.tempo, lo, hi),
    meter: rhythm.meter,
    meterGrouping: rhythm.meterGrouping,
    sections: colour.sections ?? params.sections,
    melody: {
      ...params.melody,
      density: round2(mix(a.melody.density, b?.melody.density)),
      leapiness: round2(mix(a.melody.leapiness, b?.melody.leapiness)),
      contour: colour.melody.contour,
    },
    harmony: {
      chordsPerBar: colour.harmony.chordsPerBar,
      extensions: a.harmony.extensions || (b !== undefined && t >= 0.25 && b.harmony.extensions),
      borrowed: colour.harmony.borrowed,
      comping: colour.harmony.comping,
      loops: mixLoops(a.progressions[modeFamily], b?.progressions[modeFamily], t),
      asWritten: [...new Set([...(a.harmony.asWritten ?? []), ...(b && t > 0 ? (b.harmony.asWritten ?? []) : [])])],
      form: colour.harmony.form,
    },
    rhythm: { feel: rhythm.feel, swing: round2(mix(a.swing, b?.swing)), humanize: round2(mix(a.humanize, b?.humanize)) },
    drums: { enabled: rhythm.drums.enabled && drumDensity > 0.05, groove: rhythm.drums.groove, density: round2(Math.max(0.1, drumDensity)), fills: rhythm.drums.fills },
    // A drone scale asks for a held bass whatever the style would walk.
    bass: { style: approach?.bass === 'pedal' ? 'pedal' : rhythm.bass },
    instruments: { melody: lead.instruments.melody, chords: colour.instruments.chords, bass: rhythm.instruments.bass },
    dynamics: { level: round2(mix(a.level ?? params.dynamics.level, b ? (b.level ?? params.dynamics.level) : undefined)) },
    style: a.name,
    styleBlend: b ? { with: b.name, amount: round2(t) } : undefined,
  };
  if (next.meterGrouping === undefined) delete next.meterGrouping;
  if (next.styleBlend === undefined) delete next.styleBlend;
  if (next.harmony.form === undefined) delete next.harmony.form;
  if (!next.harmony.asWritten?.length) delete next.harmony.asWritten;
  return SongParameters.parse(next);
}

/** Switch to a scale and give it the bass its approach asks for: applyScale(p, 'hirajoshi').bass.style → "pedal". */
export function applyScale(params: SongParameters, mode: string): SongParameters {
  const approach = approachFor(mode);
  const bass = approach?.bass === 'pedal' ? 'pedal' : params.bass.style;
  return SongParameters.parse({ ...params, mode, bass: { style: bass } });
}
