/**
 * A melody fitted to the words: when a section has lines, its melody sings them — one note per
 * syllable (a short melisma may end a line), stressed syllables on strong beats (fitRhythm.ts), a
 * phrase per line with a breath after it, chord tones under stressed syllables and a stable tone
 * to end each line. A line's tune comes from a stream named by its words, so a repeated chorus
 * line is sung to the same tune wherever it returns; nothing here reads another section, so a
 * section's notes still depend only on the seed and that section (the `line` number on each
 * syllable, counted across the song, is the one exception: it is a label, not music).
 */
import type { Note } from '../sketch.ts';
import type { SongParameters } from '../params.ts';
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import { drive, type SectionPlan } from '../theory/form.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import type { ChordSlot } from '../harmony/progression.ts';
import { PART_GAIN, clampVelocity, sectionVelocity } from '../feel/dynamics.ts';
import { syllabify, type SungSyllable } from '../lyrics/syllabify.ts';
import { detectLanguage } from '../lyrics/language.ts';
import { planLines } from '../lyrics/phrase.ts';
import { allowedChromas, chordTones, ladder, nearestIndex, slotAt } from './pitches.ts';
import { targetPitch } from './contour.ts';
import { placeLine, usedBars, type RhythmSyllable } from './fitRhythm.ts';
import { metricWeight } from './rhythm.ts';

export interface FitContext {
  params: SongParameters;
  scale: ScaleInfo;
  meter: MeterInfo;
  slots: readonly ChordSlot[];
}

/** The lyric language of the song: as given, or guessed from all its words. */
export function lyricLanguage(params: SongParameters): string {
  return params.lyricsLanguage ?? detectLanguage(params.sections.flatMap((s) => s.lyrics ?? []).join('\n'));
}

/** The section's sung lines, or null when it is instrumental. */
export function sungLines(params: SongParameters, section: SectionPlan): string[] | null {
  const lines = params.sections[section.index]?.lyrics;
  return lines && lines.length > 0 ? lines : null;
}

/** Rungs (allowed pitches) under the chord at a tick. */
function rungsAt(ctx: FitContext, tick: number): number[] {
  return ladder(allowedChromas(ctx.scale, slotAt(ctx.slots, tick)), ctx.params.melody.low, ctx.params.melody.high);
}

/** The rung nearest `pitch` whose pitch class is among `tones`, within `reach` rungs; else the nearest rung. */
function snap(rungs: readonly number[], pitch: number, tones: readonly number[], reach: number): number {
  const at = nearestIndex(rungs, pitch);
  for (let d = 0; d <= reach; d++) {
    for (const i of [at + d, at - d]) {
      const p = rungs[i];
      if (p !== undefined && tones.includes(p % 12)) return p;
    }
  }
  return rungs[at] ?? pitch;
}

/** The tune of one line: pitches for its placed syllables, walking an arch around `target`. */
function tune(ctx: FitContext, sylls: readonly SungSyllable[], onsets: readonly number[], lengths: readonly number[], target: number, closing: boolean, rng: Rng): number[] {
  const n = sylls.length;
  // The line's peak sits on a stressed syllable about two thirds of the way through.
  const stressed = sylls.map((s, i) => (s.stress === 1 ? i : -1)).filter((i) => i >= 0);
  const peak = stressed.reduce((best, i) => (Math.abs(i / Math.max(1, n - 1) - 0.62) < Math.abs(best / Math.max(1, n - 1) - 0.62) ? i : best), stressed[0] ?? Math.floor(n / 2));
  const height = 2 + rng.int(0, 3);
  const start = rng.int(-2, 0);
  const out: number[] = [];
  let previous = target;
  for (let i = 0; i < n; i++) {
    const tick = onsets[i] as number;
    const rungs = rungsAt(ctx, tick);
    if (rungs.length === 0) {
      out.push(previous);
      continue;
    }
    const base = nearestIndex(rungs, target);
    // Arch: rise from `start` to the peak, fall back towards the start by the line's end.
    const shape = i <= peak ? start + ((height - start) * i) / Math.max(1, peak) : height - ((height - start + 1) * (i - peak)) / Math.max(1, n - 1 - peak);
    let idx = Math.round(base + shape + (rng.chance(0.25) ? rng.pick([-1, 1]) : 0));
    // Never leap more than a fifth (four rungs) from the note before.
    const here = nearestIndex(rungs, previous);
    if (i > 0) idx = Math.max(here - 4, Math.min(here + 4, idx));
    idx = Math.max(0, Math.min(rungs.length - 1, idx));
    let pitch = rungs[idx] as number;
    const slot = slotAt(ctx.slots, tick);
    const weight = metricWeight(ctx.meter, tick % ctx.meter.ticksPerBar);
    if (i === n - 1) pitch = snap(rungs, pitch, chordTones(ctx.scale, slot, true).slice(0, closing ? 1 : 3), 4);
    else if (sylls[i]?.stress === 1 || weight >= 0.85 || (lengths[i] ?? 0) >= 2 * ctx.meter.pulse) pitch = snap(rungs, pitch, chordTones(ctx.scale, slot), 2);
    out.push(pitch);
    previous = pitch;
  }
  return out;
}

/**
 * The sung melody of one section: fitSection(ctx, section, lines, firstLine, lang, rng) — notes
 * carrying their syllables, in time order. `firstLine` numbers the lines across the song.
 */
export function fitSection(ctx: FitContext, section: SectionPlan, lines: readonly string[], firstLine: number, lang: string, rng: Rng): Note[] {
  const { meter, params } = ctx;
  const words = lines.map((l) => syllabify(l, lang));
  const sylls = words.map((ws) => ws.flatMap((w) => w.syllables));
  let plan = planLines(sylls.map((s) => s.length), section.bars, params.meter);
  // More words than a section can hold at an eighth per syllable (it stopped growing at 64 bars):
  // every line still gets its share of the bars and is sung faster, never cut.
  if (plan.bars > section.bars) plan = { lineBars: lines.map(() => Math.max(1, Math.floor(section.bars / lines.length))), bars: section.bars };
  const vel = sectionVelocity(params.dynamics.level, section.energy) * PART_GAIN.melody;
  const d = drive(section);
  const notes: Note[] = [];
  let bar = 0;
  lines.forEach((line, li) => {
    const given = plan.lineBars[li] ?? 1;
    const ls = sylls[li] ?? [];
    const lineStart = section.startTick + bar * meter.ticksPerBar;
    bar += given;
    if (ls.length === 0 || lineStart >= section.startTick + section.ticks) return;
    const rhythmSylls: RhythmSyllable[] = (words[li] ?? []).flatMap((w, wi) => w.syllables.map((s) => ({ stress: s.stress, word: wi, polysyllable: w.syllables.length > 1 })));
    const bars = Math.min(usedBars(ls.length, given, meter), Math.max(1, section.bars - (bar - given)));
    const placed = placeLine(rhythmSylls, meter, bars);
    const onsets = placed.map((p) => lineStart + p.at);
    const x = (lineStart - section.startTick + (bars * meter.ticksPerBar) / 2) / section.ticks;
    const target = targetPitch(params.melody.low, params.melody.high, params.melody.contour, x, d);
    // Named by the words (and the bars they take), not by the section: the same line, the same tune.
    const lrng = rng.fork(`lyric-line:${line.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim()}:${bars}`);
    const pitches = tune(ctx, ls, onsets, placed.map((p) => p.length), target, li === lines.length - 1, lrng);
    ls.forEach((s, i) => {
      const p = placed[i] as { at: number; length: number };
      const pitch = pitches[i] as number;
      const velocity = clampVelocity(vel * (s.stress === 1 ? 1 : 0.86));
      const lyric = { text: s.text, syllabic: s.syllabic, line: firstLine + li, stress: s.stress };
      const last = i === ls.length - 1;
      // A line may end on a short melisma: the last syllable's long note turns down a step on its second half.
      if (last && p.length >= 3 * meter.pulse && lrng.chance(0.35)) {
        const first = Math.round(p.length / 2 / meter.pulse) * meter.pulse;
        const rungs = rungsAt(ctx, onsets[i] as number);
        const below = rungs[Math.max(0, nearestIndex(rungs, pitch) - 1)] ?? pitch;
        notes.push({ pitch, start: onsets[i] as number, duration: first, velocity, lyric });
        notes.push({ pitch: below, start: (onsets[i] as number) + first, duration: p.length - first, velocity: clampVelocity(velocity * 0.9) });
      } else notes.push({ pitch, start: onsets[i] as number, duration: p.length, velocity, lyric });
    });
  });
  return notes;
}

/** Index of the first line a section sings, counting the lines of every section before it. */
export function firstLineOf(params: SongParameters, sectionIndex: number): number {
  return params.sections.slice(0, sectionIndex).reduce((n, s) => n + (s.lyrics?.length ?? 0), 0);
}
