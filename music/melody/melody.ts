/**
 * The Melody track. Each section is cut into 2- or 4-bar phrases; a motif (rhythm + scale-step
 * shape) is stated, repeated, varied (inverted) and answered. Notes walk mostly by step with
 * occasional leaps that are recovered by step, land on chord tones on strong beats, follow the
 * contour towards a register set by the section's drive, and every phrase closes on a long
 * stable chord tone followed by a breath. Sections with the same name reuse their material, and
 * every section depends only on itself (its own streams, its own starting note).
 */
import type { Note } from '../sketch.ts';
import type { SongParameters } from '../params.ts';
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import { beatLength } from '../theory/meter.ts';
import { drive, type SectionPlan } from '../theory/form.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import type { ChordSlot } from '../harmony/progression.ts';
import { PART_GAIN, clampVelocity, sectionVelocity } from '../feel/dynamics.ts';
import { allowedChromas, chordTones, ladder, nearestIndex, safeTones, slotAt } from './pitches.ts';
import { drawRhythm, metricWeight, type RhythmNote, type RhythmShape } from './rhythm.ts';
import { targetPitch } from './contour.ts';
import { sectionRole } from '../craft/roles.ts';
import { swingAmount } from '../feel/swing.ts';
import { phraseDensity, phraseRegister, syncopationFor } from '../craft/phrasing.ts';
import { fitSection, firstLineOf, lyricLanguage, sungLines } from './fit.ts';

interface Fragment {
  rhythm: RhythmNote[];
  /** Ladder steps from each note to the next (first entry unused). */
  steps: number[];
}

type PhraseRole = 'statement' | 'repeat' | 'contrast' | 'answer';
const ROLES: readonly PhraseRole[] = ['statement', 'repeat', 'contrast', 'answer'];

interface Ctx {
  params: SongParameters;
  scale: ScaleInfo;
  meter: MeterInfo;
  slots: ChordSlot[];
  /** Rungs per chord slot, worked out once (every note asked for its slot's afresh); read-only to callers. */
  rungs: Map<ChordSlot | undefined, number[]>;
  /** Chord tones and safe tones per chord slot, likewise. */
  tones: Map<ChordSlot | undefined, number[]>;
  safe: Map<ChordSlot | undefined, number[]>;
}

/** A slot's value from a per-slot map, made once. */
function perSlot(cache: Map<ChordSlot | undefined, number[]>, slot: ChordSlot | undefined, make: () => number[]): number[] {
  let value = cache.get(slot);
  if (!value) cache.set(slot, (value = make()));
  return value;
}

/** Scale-step shape for a fragment: mostly steps, leaps by leapiness, each leap followed by a step back. */
function drawSteps(count: number, leapiness: number, rng: Rng): number[] {
  const steps = [0];
  let lastLeap = 0;
  for (let i = 1; i < count; i++) {
    if (lastLeap !== 0) {
      steps.push(-Math.sign(lastLeap));
      lastLeap = 0;
    } else if (rng.chance(0.1 + 0.4 * leapiness)) {
      lastLeap = rng.pick([2, 3, 3, 4]) * (rng.chance(0.5) ? 1 : -1);
      steps.push(lastLeap);
    } else steps.push(rng.chance(0.1) ? 0 : rng.chance(0.5) ? 1 : -1);
  }
  return steps;
}

function drawFragment(ctx: Ctx, span: number, offset: number, density: number, rng: Rng, shape: RhythmShape = {}): Fragment {
  const rhythm = drawRhythm(ctx.meter, span, offset, density, rng, shape);
  return { rhythm, steps: drawSteps(rhythm.length, ctx.params.melody.leapiness, rng) };
}

/** Rungs the melody may use at a tick. */
function rungsAt(ctx: Ctx, tick: number): number[] {
  const { low, high } = ctx.params.melody;
  const slot = slotAt(ctx.slots, tick);
  return perSlot(ctx.rungs, slot, () => ladder(allowedChromas(ctx.scale, slot), low, high));
}

/** The chord tones under a slot (chordTones), once per slot. */
function tonesAt(ctx: Ctx, slot: ChordSlot | undefined): number[] {
  return perSlot(ctx.tones, slot, () => chordTones(ctx.scale, slot));
}

/** Nearest rung whose pitch class is in `tones`, searching outwards from `from`. */
function nearestTone(rungs: number[], from: number, tones: number[]): number {
  for (let d = 0; d < rungs.length; d++) {
    for (const i of [from + d, from - d]) {
      const p = rungs[i];
      if (p !== undefined && tones.includes(p % 12)) return i;
    }
  }
  return Math.max(0, Math.min(rungs.length - 1, from));
}

/** Play a fragment from `start`, beginning near `previous`; the contour target pulls the walk. */
function realise(ctx: Ctx, frag: Fragment, start: number, previous: number, target: number, opening: boolean, out: Note[], vel: number): number {
  let pitch = previous;
  frag.rhythm.forEach((r, i) => {
    const tick = start + r.at;
    const rungs = rungsAt(ctx, tick);
    if (rungs.length === 0) return;
    const here = nearestIndex(rungs, pitch);
    let step = frag.steps[i] ?? 0;
    // Lean toward the contour: a move away from a distant target turns round, and a repeated
    // note far from it becomes a step towards it.
    if ((pitch - target > 3 && step > 0) || (target - pitch > 3 && step < 0)) step = -step;
    else if (step === 0 && Math.abs(pitch - target) > 3) step = pitch > target ? -1 : 1;
    // A phrase's first note heads for the target register, moving at most a major third.
    const gap = target - previous;
    const towards = Math.abs(gap) > 4 ? previous + Math.sign(gap) * 4 : previous;
    let idx = opening && i === 0 ? nearestTone(rungs, nearestIndex(rungs, towards), tonesAt(ctx, slotAt(ctx.slots, tick))) : here + step;
    if (idx < 0 || idx >= rungs.length) idx = here - step;
    idx = Math.max(0, Math.min(rungs.length - 1, idx));
    const weight = metricWeight(ctx.meter, tick % ctx.meter.ticksPerBar);
    // Strong beats and long notes must agree with the harmony; short weak notes may pass.
    if (weight >= 0.85 || r.length >= 2 * ctx.meter.pulse) {
      // Downbeats take a chord tone; other strong or long notes may take a colour tone that does
      // not rub. Search only a step either way so the line stays smooth.
      const slot = slotAt(ctx.slots, tick);
      const tones = weight >= 1 ? tonesAt(ctx, slot) : perSlot(ctx.safe, slot, () => safeTones(ctx.scale, slot));
      const dir = step >= 0 ? 1 : -1;
      const isTone = (j: number) => rungs[j] !== undefined && tones.includes((rungs[j] ?? 0) % 12);
      // A long note on a weak beat would rather repeat than skip; a strong beat keeps moving.
      const order = weight >= 0.85 ? [idx, idx + dir, idx - dir] : [idx, here, idx + dir, idx - dir];
      const options = order.filter((j) => (j !== here || step === 0 || weight < 0.85) && isTone(j));
      // Better to sit on a chord tone than to hold a clash.
      if (options.length === 0) options.push(...[here, idx + 2 * dir, idx - 2 * dir].filter(isTone));
      const near = options[0];
      if (near !== undefined && !(opening && i === 0)) idx = near;
    }
    pitch = rungs[idx] ?? pitch;
    out.push({ pitch, start: tick, duration: Math.max(1, r.length), velocity: clampVelocity(vel * (0.86 + 0.16 * weight)) });
  });
  return pitch;
}

/**
 * A breath between phrase halves: the last beat, plus an eighth so the silence survives the
 * humanising drift and a listener hears the beat empty (an eighth is what a singer needs to breathe in).
 */
function breathTicks(meter: MeterInfo): number {
  return beatLength(meter, meter.beats.length - 1) + meter.pulse;
}

/** Phrase lengths in bars for a section: 4-bar phrases when they fit, else 2, remainder last. */
function phraseBars(bars: number, meter: MeterInfo): number[] {
  const size = bars % 4 === 0 && meter.ticksPerBar <= 1920 ? 4 : 2;
  const out: number[] = [];
  for (let left = bars; left > 0; left -= size) out.push(Math.min(size, left));
  return out;
}

/** Melody notes for the whole song: writeMelody(params, scale, meter, form, slots, rng). */
export function writeMelody(params: SongParameters, scale: ScaleInfo, meter: MeterInfo, form: SectionPlan[], slots: ChordSlot[], rng: Rng): Note[] {
  const ctx: Ctx = { params, scale, meter, slots, rungs: new Map(), tones: new Map(), safe: new Map() };
  const notes: Note[] = [];
  for (const section of form) {
    // A section with words sings them (fit.ts); the rest stay instrumental.
    const lines = sungLines(params, section);
    if (lines) {
      notes.push(...fitSection(ctx, section, lines, firstLineOf(params, section.index), lyricLanguage(params), rng.fork(`lyrics:${section.key}`)));
      continue;
    }
    // Each section starts from the middle of the range, not from where the section before it
    // ended, so a change to one section never moves another one's notes.
    let previous = Math.round((params.melody.low + params.melody.high) / 2);
    const d = drive(section);
    const role = sectionRole(section.name);
    const density = phraseDensity(params.melody.density, d, role);
    const vel = sectionVelocity(params.dynamics.level, section.energy) * PART_GAIN.melody;
    const lengths = phraseBars(section.bars, meter);
    const motifBars = Math.max(1, Math.floor((lengths[0] ?? 1) / 2));
    // The motif (the chorus's hook) ends with a breath when the phrase has room for a second half.
    const sixteenths = swingAmount(params, meter) === 0;
    const shape: RhythmShape = { syncopation: syncopationFor(params), breath: (lengths[0] ?? 1) >= 2 ? breathTicks(meter) : 0, sixteenths };
    const motif = drawFragment(ctx, motifBars * meter.ticksPerBar, 0, density, rng.fork(`motif:${section.key}`), shape);
    let bar = section.startBar;
    lengths.forEach((len, j) => {
      const phraseRole: PhraseRole = lengths.length === 2 && j === 1 ? 'answer' : (ROLES[j % 4] ?? 'statement');
      const last = j === lengths.length - 1;
      // A section's last phrase is its own only at the song's end: a returning chorus closes as it did before.
      const prng = rng.fork(`phrase:${section.key}:${phraseRole}:${last ? `end${section.isLast ? ':last' : ''}` : j}`);
      const start = bar * meter.ticksPerBar;
      const phraseTicks = len * meter.ticksPerBar;
      const x = (start - section.startTick + phraseTicks / 2) / section.ticks;
      const target = phraseRegister(targetPitch(params.melody.low, params.melody.high, params.melody.contour, x, d), params.melody, role, j, lengths.length);
      // The phrase closes on a long note from the last bar's middle (or downbeat) and leaves the last beat to breathe.
      const lastBar = start + (len - 1) * meter.ticksPerBar;
      const half = meter.beats[Math.floor(meter.beats.length / 2)] ?? 0;
      const finalAt = len === 1 ? start + half : lastBar;
      // A verse (a telling section) breathes a beat longer at each phrase end than a chorus does.
      const telling = role === 'verse' || role === 'bridge' || role === 'other';
      const restTicks = breathTicks(meter) + (telling && len >= 2 ? beatLength(meter, Math.max(0, meter.beats.length - 2)) : 0);
      const finalLen = Math.max(meter.pulse, start + phraseTicks - restTicks - finalAt);
      const frontSpan = Math.min(motifBars * meter.ticksPerBar, finalAt - start);
      const front: Fragment =
        phraseRole === 'contrast'
          ? { rhythm: motif.rhythm, steps: motif.steps.map((s) => -s) }
          : frontSpan < motifBars * meter.ticksPerBar
            ? drawFragment(ctx, frontSpan, 0, density, prng)
            : motif;
      previous = realise(ctx, front, start, previous, target, true, notes, vel);
      const backSpan = finalAt - (start + frontSpan);
      if (backSpan > 0) {
        const back = drawFragment(ctx, backSpan, frontSpan % meter.ticksPerBar, density, prng, { syncopation: shape.syncopation, sixteenths });
        previous = realise(ctx, back, start + frontSpan, previous, target, false, notes, vel);
      }
      // Close on a stable tone (root, third or fifth); the section's final phrase prefers the root.
      const rungs = rungsAt(ctx, finalAt);
      const slot = slotAt(slots, finalAt);
      const stable = chordTones(scale, slot, true);
      const root = slot && stable.includes(slot.chord.root) ? [slot.chord.root] : stable;
      let idx = nearestTone(rungs, nearestIndex(rungs, previous), last ? root : stable);
      if (Math.abs((rungs[idx] ?? previous) - previous) > 4) idx = nearestTone(rungs, nearestIndex(rungs, previous), stable);
      previous = rungs[idx] ?? previous;
      notes.push({ pitch: previous, start: finalAt, duration: Math.min(finalLen, start + phraseTicks - finalAt), velocity: clampVelocity(vel * 0.9) });
      bar += len;
    });
  }
  return trimOverlaps(notes);
}

/** Monophonic guarantee: each note ends by the next one's start (drops notes that would vanish). */
export function trimOverlaps(notes: Note[]): Note[] {
  // Parts usually arrive in order (the stable sort would then change nothing), and only a note
  // that gets shortened is copied: the others are passed on as they are.
  let sorted: readonly Note[] = notes;
  for (let i = 1; i < notes.length; i++) {
    if (byStartPitch(notes[i - 1]!, notes[i]!) > 0) {
      sorted = [...notes].sort(byStartPitch);
      break;
    }
  }
  const out: Note[] = [];
  for (const n of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === n.start) continue;
    if (prev && prev.start + prev.duration > n.start) out[out.length - 1] = { ...prev, duration: n.start - prev.start };
    out.push(n);
  }
  return out.filter((n) => n.duration >= 1);
}

const byStartPitch = (a: Note, b: Note) => a.start - b.start || a.pitch - b.pitch;
