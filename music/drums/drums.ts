/**
 * The Drums track: a groove chosen from the table for the meter and feel, its density from the
 * section's energy and params.drums.density, a fill leading into each new section (when allowed)
 * and a crash on every section's downbeat.
 */
import type { Note } from '../sketch.ts';
import type { SongParameters } from '../params.ts';
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import { drive, type SectionPlan } from '../theory/form.ts';
import { PART_GAIN, clampVelocity, sectionVelocity } from '../feel/dynamics.ts';
import { drawVariation, varyPattern, type GrooveVariation } from './variation.ts';
import { sectionRole } from '../craft/roles.ts';
import { FILL_VOICES, GM_DRUMS, GROOVES, HIT, type DrumVoice, type Groove, type Pattern } from './grooves.ts';

/** 4/4 groove ids reachable from params.drums.groove directly. */
const FOUR_FOUR = new Set(['straight', 'driving', 'ballad', 'half-time', 'swing']);

/** Pick the groove: chooseGroove(params with meter "3/4") → the waltz row. */
export function chooseGroove(params: SongParameters): Groove {
  const forMeter = GROOVES.filter((g) => g.meter === params.meter);
  // A world-palette feel (clave, bossa, one-drop …) names its own groove; an odd meter's
  // non-default grouping has its own row. Neither exists for older params, which stay as they were.
  const byFeel = forMeter.find((g) => g.feel === params.rhythm.feel);
  if (byFeel) return byFeel;
  const byGrouping = params.meterGrouping && forMeter.find((g) => g.grouping === params.meterGrouping);
  if (byGrouping) return byGrouping;
  let id: string = params.drums.groove;
  if (params.meter === '4/4') {
    if (id === 'auto' || !FOUR_FOUR.has(id)) {
      const feel = params.rhythm.feel;
      id =
        feel === 'swing' || feel === 'shuffle' ? 'swing'
        : feel === 'half-time' ? 'half-time'
        : params.arousal > 0.5 ? 'driving'
        : params.arousal < -0.4 ? 'ballad'
        : 'straight';
    }
  }
  const fallback = forMeter[0] ?? GROOVES[0];
  if (!fallback) throw new Error('groove table is empty');
  return forMeter.find((g) => g.id === id) ?? fallback;
}

/** Density level 0/1/2 for a section. */
function levelFor(params: SongParameters, section: SectionPlan): 0 | 1 | 2 {
  const d = 0.5 * params.drums.density + 0.5 * drive(section);
  return d < 0.36 ? 0 : d < 0.64 ? 1 : 2;
}

/** A pattern's [voice, steps] rows, listed once per pattern (playPattern runs for every bar). */
const rows = new WeakMap<Pattern, [DrumVoice, string][]>();
function voicesOf(pattern: Pattern): [DrumVoice, string][] {
  let list = rows.get(pattern);
  if (!list) rows.set(pattern, (list = Object.entries(pattern) as [DrumVoice, string][]));
  return list;
}

/**
 * One bar of a pattern. Patterns longer than a bar (two-bar clave figures) play the slice for
 * this bar, counted from the song's first bar so a 3-2 clave stays 3-2 across the whole song.
 */
function playPattern(pattern: Pattern, groove: Groove, meter: MeterInfo, barStart: number, until: number, base: number, out: Note[]): void {
  const perBar = Math.round(meter.ticksPerBar / groove.step);
  const barIndex = Math.round(barStart / meter.ticksPerBar);
  for (const [voice, steps] of voicesOf(pattern)) {
    const bars = Math.max(1, Math.floor(steps.length / perBar));
    const from = steps.length > perBar ? (barIndex % bars) * perBar : 0;
    for (let i = 0; i < Math.min(perBar, steps.length); i++) {
      const hit = HIT[steps[from + i] ?? '.'];
      const start = barStart + i * groove.step;
      if (hit === undefined || start >= until) continue;
      out.push({ pitch: GM_DRUMS[voice], start, duration: Math.min(groove.step / 2, until - start), velocity: clampVelocity(base * hit) });
    }
  }
}

/** A fill over the bar's tail: snare and toms rolling down, denser when the section is busy. */
function fill(meter: MeterInfo, barStart: number, level: number, base: number, rng: Rng, out: Note[]): number {
  const beats = meter.beats.length;
  const fillBeats = level === 0 ? 1 : Math.max(1, Math.floor(beats / 2));
  const from = barStart + (meter.beats[beats - fillBeats] ?? 0);
  const end = barStart + meter.ticksPerBar;
  const step = level === 2 ? meter.pulse / 2 : meter.pulse;
  const count = Math.floor((end - from) / step);
  for (let i = 0; i < count; i++) {
    if (level === 0 && i % 2 === 1 && rng.chance(0.5)) continue;
    const voice = FILL_VOICES[Math.min(FILL_VOICES.length - 1, Math.floor((i / count) * FILL_VOICES.length))] ?? 'snare';
    const swell = 0.7 + 0.3 * (i / Math.max(1, count - 1));
    out.push({ pitch: GM_DRUMS[voice], start: from + i * step, duration: step / 2, velocity: clampVelocity(base * swell) });
  }
  return from;
}

/** Drum notes for the whole song (GM percussion, channel 10). */
export function writeDrums(params: SongParameters, meter: MeterInfo, form: SectionPlan[], rng: Rng): { notes: Note[]; groove: Groove; grooves: Groove[] } {
  const song = chooseGroove(params);
  // A section may play its own groove ("half-time in the bridge"); the meter's table still decides the pattern.
  const grooves = form.map((section) => {
    const own = params.sections[section.index]?.arrangement?.drums?.pattern;
    return own ? chooseGroove({ ...params, drums: { ...params.drums, groove: own } }) : song;
  });
  const notes: Note[] = [];
  // One drummer's take per song, from the seed: the same for every section, so sections stay
  // independent of each other and a new seed gives a new drum part.
  // Drawn once per groove (its stream is named by the groove, so every section would draw the same).
  const variations = new Map<string, GrooveVariation>();
  const variation = (g: typeof song) => {
    let v = variations.get(g.id);
    if (!v) variations.set(g.id, (v = drawVariation(Math.round(meter.ticksPerBar / g.step), perBeat(g), rng.fork(`variation:${g.id}`))));
    return v;
  };
  const perBeat = (g: typeof song) => Math.max(1, Math.round((meter.beats[1] ?? meter.ticksPerBar) / g.step));
  // Sections with the same groove, level and opening play the same varied pattern: it is made once.
  const patterns = new Map<Groove, Map<string, Pattern>>();
  const varied = (g: typeof song, level: 0 | 1 | 2, opensUp: boolean) => {
    let made = patterns.get(g);
    if (!made) patterns.set(g, (made = new Map()));
    const key = `${level}:${opensUp}`;
    let pattern = made.get(key);
    if (!pattern) made.set(key, (pattern = varyPattern(g.levels[level], variation(g), perBeat(g), Math.round(meter.ticksPerBar / g.step), opensUp)));
    return pattern;
  };
  for (const section of form) {
    const groove = grooves[section.index] ?? song;
    const level = levelFor(params, section);
    // World grooves (clave, bossa, one-drop) and odd-meter groupings are figures in themselves,
    // played as written; the backbeat families take the drummer's variation and open up in a chorus.
    const figure = groove.feel !== undefined || groove.grouping !== undefined || meter.meter === '5/4' || meter.meter === '7/8';
    const opensUp = sectionRole(section.name) === 'chorus' && level > 0;
    const pattern = figure ? groove.levels[level] : varied(groove, level, opensUp);
    const base = sectionVelocity(params.dynamics.level, section.energy) * PART_GAIN.drums;
    const next = form[section.index + 1];
    // Earlier sections' notes all start before this one (form is in time order): only this section's are searched for its downbeat kick.
    const first = notes.length;
    for (let b = 0; b < section.bars; b++) {
      const barStart = section.startTick + b * meter.ticksPerBar;
      const lastBar = b === section.bars - 1;
      const until = lastBar && next && params.drums.fills ? fill(meter, barStart, level, base, rng.fork(`fill:${section.key}`), notes) : barStart + meter.ticksPerBar;
      playPattern(pattern, groove, meter, barStart, until, base, notes);
    }
    // Crash with a kick under it marks the arrival of every section.
    notes.push({ pitch: GM_DRUMS.crash, start: section.startTick, duration: Math.min(meter.ticksPerBar, section.ticks), velocity: clampVelocity(base * 1.05) });
    let kicked = false;
    for (let i = first; i < notes.length && !kicked; i++) kicked = notes[i]!.start === section.startTick && notes[i]!.pitch === GM_DRUMS.kick;
    if (!kicked) {
      notes.push({ pitch: GM_DRUMS.kick, start: section.startTick, duration: 60, velocity: clampVelocity(base) });
    }
  }
  notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  return { notes, groove: song, grooves };
}
