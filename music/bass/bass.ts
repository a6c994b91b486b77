/**
 * The Bass track: root, root-fifth, walking, pedal or octave lines under each chord, kept between
 * E1 and G3, with a step-wise approach note into the next chord when the music is moving.
 * Every pitch is drawn from the collection allowed under the chord, so the bass never clashes
 * with the mode by accident.
 */
import type { Note } from '../sketch.ts';
import type { SongParameters } from '../params.ts';
import type { Rng } from '../rng.ts';
import { beatLength, type MeterInfo } from '../theory/meter.ts';
import { drive, type SectionPlan } from '../theory/form.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import type { ChordSlot } from '../harmony/progression.ts';
import { PART_GAIN, clampVelocity, sectionVelocity } from '../feel/dynamics.ts';
import { allowedChromas, ladder, nearestIndex } from '../melody/pitches.ts';

/** E1 … G3: the bass register named in the brief. */
export const BASS_RANGE = { low: 28, high: 55 } as const;
/** Where roots prefer to sit: low enough to anchor, high enough to hear on small speakers. */
const HOME = { low: 36, high: 50 } as const;

type Style = SongParameters['bass']['style'];

/** Beats of a slot (tick starts), from the meter's beat grid; pulses when `eighths`. */
function grid(slot: ChordSlot, meter: MeterInfo, eighths: boolean): number[] {
  const out: number[] = [];
  const bar0 = Math.floor(slot.start / meter.ticksPerBar) * meter.ticksPerBar;
  for (let bar = bar0; bar < slot.start + slot.duration; bar += meter.ticksPerBar) {
    const ticks = eighths ? Array.from({ length: meter.ticksPerBar / meter.pulse }, (_, i) => i * meter.pulse) : meter.beats;
    for (const t of ticks) if (bar + t >= slot.start && bar + t < slot.start + slot.duration) out.push(bar + t);
  }
  if (out[0] !== slot.start) out.unshift(slot.start);
  return out;
}

/** The pitch of pitch class `pc` nearest `near` within the home register. */
function place(pc: number, near: number): number {
  let best = HOME.low + ((((pc - HOME.low) % 12) + 12) % 12);
  for (let p = best; p <= HOME.high; p += 12) if (Math.abs(p - near) < Math.abs(best - near)) best = p;
  return best;
}

/** The allowed pitches under a slot in the bass range, low to high (worked out once per slot by writeBass). */
function bassRungs(scale: ScaleInfo, slot: ChordSlot): number[] {
  return ladder(allowedChromas(scale, slot, true), BASS_RANGE.low, BASS_RANGE.high);
}

/** Snap a wanted pitch to the nearest allowed rung in the bass range. */
function allowed(rungs: readonly number[], pitch: number): number {
  return rungs[nearestIndex(rungs, pitch)] ?? pitch;
}

/** Rung a step (one allowed pitch) above or below `target`, whichever is nearer `from`. */
function approach(rungs: readonly number[], target: number, from: number): number {
  const i = nearestIndex(rungs, target);
  const below = rungs[i - 1] ?? rungs[i + 1] ?? target;
  const above = rungs[i + 1] ?? below;
  return Math.abs(below - from) <= Math.abs(above - from) ? below : above;
}

/** Pitches for one slot's beats in a style; the last may become an approach to the next root. */
function line(style: Style, scale: ScaleInfo, slot: ChordSlot, beats: number, root: number, nextRoot: number | null, rng: Rng): number[] {
  const fifthPc = slot.chord.chromas[2] ?? slot.chord.root;
  const fifth = place(fifthPc, root + 7) < root ? place(fifthPc, root + 7) : root + (((fifthPc - root) % 12) + 12) % 12;
  const tonic = place(scale.tonicChroma, 40);
  const tones = slot.chord.chromas.map((c) => root + ((((c - root) % 12) + 12) % 12));
  const out: number[] = [];
  for (let b = 0; b < beats; b++) {
    if (style === 'pedal') out.push(tonic);
    else if (style === 'octave') out.push(b % 2 === 0 ? root : root + 12 <= BASS_RANGE.high ? root + 12 : root - 12);
    else if (style === 'root') out.push(root);
    else if (style === 'root-fifth') out.push(b % 2 === 0 ? root : fifth);
    else out.push(b === 0 ? root : rng.pick(tones.slice(1).length ? tones.slice(1) : tones));
  }
  const wantsApproach = style === 'walking' || (style !== 'pedal' && style !== 'octave');
  if (nextRoot !== null && nextRoot !== root && beats > 1 && wantsApproach) out[beats - 1] = -nextRoot;
  return out;
}

/** Bass notes for the whole song: writeBass(params, scale, meter, form, slots, rng)[0].pitch → 38 in D. */
export function writeBass(params: SongParameters, scale: ScaleInfo, meter: MeterInfo, form: SectionPlan[], slots: ChordSlot[], rng: Rng): Note[] {
  const notes: Note[] = [];
  let previous = 40;
  let local = 0;
  slots.forEach((slot, si) => {
    const section = form[slot.sectionIndex];
    if (!section) return;
    // Each section starts its walk afresh, from its own stream per chord, so a change to one
    // section never moves another one's bass; a repeated section walks the same way.
    if (slot.start === section.startTick) {
      previous = 40;
      local = 0;
    }
    const d = drive(section);
    const srng = rng.fork(`bass:${section.key}:${local++}`);
    // A section may play its own bass line ("a walking bass in the bridge").
    const style = params.sections[section.index]?.arrangement?.bass?.pattern ?? params.bass.style;
    const rungs = bassRungs(scale, slot);
    const root = allowed(rungs, place(slot.chord.root, previous));
    // Approach notes lead only to chords of the same section: the last chord of a section holds
    // its root, so another section's chords never change this one's notes.
    const next = slots[si + 1]?.sectionIndex === slot.sectionIndex ? slots[si + 1] : undefined;
    const nextRoot = next ? place(next.chord.root, root) : null;
    // Busier bass as drive rises: one note per slot, per strong beat, per beat, per eighth (octave style).
    const eighths = style === 'octave' && d >= 0.5;
    let times = grid(slot, meter, eighths);
    if (style !== 'walking' && !eighths && d < 0.35) times = [slot.start];
    else if (style !== 'walking' && !eighths && d < 0.6) {
      const strong = meter.strong.map((i) => meter.beats[i] ?? 0);
      times = times.filter((t) => strong.includes(t % meter.ticksPerBar) || t === slot.start);
    }
    // Approach notes only when the music is moving; calm sections hold the root.
    const approachNext = d >= 0.35 || style === 'walking' ? nextRoot : null;
    // The approach belongs on the slot's last beat: add that beat when the rhythm left it empty.
    const lastBeat = slot.start + slot.duration - beatLength(meter, meter.beats.length - 1);
    if (approachNext !== null && approachNext !== root && style !== 'pedal' && style !== 'octave' && (times[times.length - 1] ?? 0) < lastBeat) times = [...times, lastBeat];
    const pitches = line(style, scale, slot, times.length, root, approachNext, srng);
    const base = sectionVelocity(params.dynamics.level, section.energy) * PART_GAIN.bass;
    times.forEach((t, i) => {
      const wanted = pitches[i] ?? root;
      const pitch = wanted < 0 ? approach(rungs, -wanted, previous) : allowed(rungs, wanted);
      const end = times[i + 1] ?? slot.start + slot.duration;
      // Detached a little on busy lines so repeated roots re-articulate.
      const length = Math.max(1, end - t - (times.length > 1 ? Math.min(40, (end - t) >> 3) : 10));
      const accent = t % meter.ticksPerBar === 0 ? 1.05 : 0.92;
      notes.push({ pitch, start: t, duration: length, velocity: clampVelocity(base * accent) });
      previous = pitch;
    });
  });
  return notes;
}
