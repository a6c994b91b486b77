/**
 * Harmonic colour over a section's loop: secondary dominants that lean into the next chord
 * (A7 before Dm in C), a bridge that starts away from home, and a pre-chorus whose chords come
 * twice as fast as it builds. Pure: the section's own stream decides, and only the engine's own
 * loops are coloured (the musician's chords and a style's vamps stay as written).
 */
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import { romanToChord } from '../theory/chord.ts';
import type { Role } from '../craft/roles.ts';

const UPPER = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/**
 * The secondary dominant of a numeral, as a numeral on the degree a fifth above it
 * (secondaryDominant(C major, 'vi') → 'III7', an E7), or undefined when the target is the
 * tonic, outside the scale, diminished, or the degree a fifth above is not a perfect fifth.
 */
export function secondaryDominant(scale: ScaleInfo, numeral: string): string | undefined {
  const target = romanToChord(scale, numeral);
  if (target.root === scale.tonicChroma || !scale.chromas.includes(target.root) || /°|dim|ø/.test(target.symbol)) return undefined;
  const degree = ((target.degree - 1 + 4) % 7) + 1;
  const candidate = `${UPPER[degree - 1] ?? 'V'}7`;
  const chord = romanToChord(scale, candidate);
  return (chord.root - target.root + 12) % 12 === 7 && chord.chromas.includes((chord.root + 4) % 12) ? candidate : undefined;
}

/** Slot boundaries [start, length] with their numerals. */
export interface Slots {
  times: [number, number][];
  numerals: string[];
}

/** Can a slot of this length be halved with the new chord on a beat (not in 7/8 or 5/4's uneven groups)? */
function splitsOnBeat(len: number, meter: MeterInfo): boolean {
  return Number.isInteger(len / 2) && meter.beats.includes((len / 2) % meter.ticksPerBar);
}

/** Chords twice as fast: every slot longer than half a bar split in two, the numeral kept. */
export function quicken(slots: Slots, meter: MeterInfo): Slots {
  const half = meter.ticksPerBar / 2;
  const times: [number, number][] = [];
  const numerals: string[] = [];
  slots.times.forEach(([start, len], i) => {
    const n = slots.numerals[i] ?? 'I';
    if (len > half && splitsOnBeat(len, meter)) {
      for (let t = 0; t < len; t += half) {
        times.push([start + t, Math.min(half, len - t)]);
        numerals.push(n);
      }
    } else {
      times.push([start, len]);
      numerals.push(n);
    }
  });
  return { times, numerals };
}

/** A bridge leaves home: a loop that starts on the tonic starts from its next chord instead. */
export function awayFromHome(loop: string[], scale: ScaleInfo, role: Role): string[] {
  if (role !== 'bridge' || loop.length < 2 || romanToChord(scale, loop[0] ?? 'I').root !== scale.tonicChroma) return loop;
  return [...loop.slice(1), ...loop.slice(0, 1)];
}

/**
 * Lean into chords with their secondary dominants: before a chord change (not into the cadence,
 * which has its own approach), the second half of a bar-long slot — or a whole half-bar slot —
 * becomes the dominant of the chord that follows. `keep` slots at the end are left alone.
 */
export function withSecondaryDominants(slots: Slots, scale: ScaleInfo, meter: MeterInfo, keep: number, chance: number, rng: Rng): Slots {
  const times: [number, number][] = [];
  const numerals: string[] = [];
  const n = slots.times.length;
  slots.times.forEach(([start, len], i) => {
    const here = slots.numerals[i] ?? 'I';
    const next = slots.numerals[i + 1];
    const sec = i < n - 1 - keep && next && next !== here ? secondaryDominant(scale, next) : undefined;
    const roll = rng.next();
    if (!sec || roll >= chance || sec === here) {
      times.push([start, len]);
      numerals.push(here);
    } else if (len >= meter.ticksPerBar && splitsOnBeat(len, meter)) {
      times.push([start, len / 2], [start + len / 2, len / 2]);
      numerals.push(here, sec);
    } else {
      times.push([start, len]);
      numerals.push(sec);
    }
  });
  return { times, numerals };
}

/**
 * Harmonic rhythm quickens into a cadence: when the bar before the last holds the dominant for a
 * whole bar or more, its first half becomes a predominant (ii in major, iv in minor), so the
 * section closes predominant – dominant – tonic.
 */
export function approachCadence(slots: Slots, scale: ScaleInfo, meter: MeterInfo, sectionEnd: number): Slots {
  const penultimate = sectionEnd - 2 * meter.ticksPerBar;
  const i = slots.times.findIndex(([start]) => start === penultimate);
  const slot = slots.times[i];
  const numeral = slots.numerals[i];
  if (!slot || !numeral || slot[1] < meter.ticksPerBar || !splitsOnBeat(slot[1], meter)) return slots;
  const chord = romanToChord(scale, numeral);
  if ((chord.root - scale.tonicChroma + 12) % 12 !== 7) return slots;
  const pre = scale.family === 'minor' ? 'iv' : 'ii';
  const [start, len] = slot;
  return {
    times: [...slots.times.slice(0, i), [start, len / 2], [start + len / 2, len / 2], ...slots.times.slice(i + 1)],
    numerals: [...slots.numerals.slice(0, i), pre, numeral, ...slots.numerals.slice(i + 1)],
  };
}
