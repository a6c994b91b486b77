/**
 * Chords for every section: the musician's numerals when given (cycled), otherwise a loop from
 * the templates for the mode and the section's emotional region, closed by a cadence. Sections
 * with the same name share their loop, so a chorus comes back as a chorus.
 */
import type { SongParameters } from '../params.ts';
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { SectionPlan } from '../theory/form.ts';
import { inScale, type ScaleInfo } from '../theory/scale.ts';
import { chordNamed, diatonicChord, isDiatonic, romanToChord, withSeventh, type ChordInfo } from '../theory/chord.ts';
import {
  BORROWED,
  BORROWED_CADENCES,
  CADENCES,
  HALF_CADENCES,
  MODE_PROGRESSIONS,
  PROGRESSIONS,
  quadrantOf,
  type Cadence,
} from './templates.ts';
import { TWELVE_BAR, approachFor } from './approach.ts';
import { approachCadence, awayFromHome, quicken, withSecondaryDominants } from './colour.ts';
import { sectionRole } from '../craft/roles.ts';

/** How often a chord change is approached by its secondary dominant, where the harmony may colour. */
const SECONDARY_CHANCE = 0.35;

export interface ChordSlot {
  start: number;
  duration: number;
  bar: number;
  sectionIndex: number;
  chord: ChordInfo;
  /** Some tone lies outside the song's harmony scale (borrowed or the musician's own colour). */
  chromatic: boolean;
}

export interface SectionCadence {
  sectionIndex: number;
  kind: string;
  romans: string[];
}

export interface HarmonyPlan {
  slots: ChordSlot[];
  cadences: SectionCadence[];
}

/** Slot boundaries inside a section for the harmonic rhythm: [[start, length] …] in ticks. */
function slotTimes(section: SectionPlan, meter: MeterInfo, chordsPerBar: number): [number, number][] {
  const len = Math.round(meter.ticksPerBar / chordsPerBar);
  const out: [number, number][] = [];
  for (let t = 0; t < section.ticks; t += len) out.push([section.startTick + t, Math.min(len, section.ticks - t)]);
  return out;
}

/** Keep a template chord inside the mode unless it may leave it; pentatonic-type modes keep roots in the scale. */
function fit(scale: ScaleInfo, numeral: string, allowOutside: boolean): ChordInfo {
  const chord = romanToChord(scale, numeral);
  let fitted = chord;
  if (!allowOutside && !isDiatonic(scale, chord)) {
    fitted = diatonicChord(scale, chord.degree, false);
    // A diminished triad is a weak stand-in for a major or minor chord; the dominant degree serves better.
    if (/dim|°/.test(fitted.symbol)) fitted = diatonicChord(scale, 5, false);
  }
  // Modes with fewer than seven notes vamp on the tonic rather than sound a root they lack.
  if (!scale.heptatonic && !inScale(scale, fitted.root)) fitted = diatonicChord(scale, 1, false);
  return fitted;
}

/** The scale's own vamp/drone loops (hirajoshi, Hijaz …), or undefined for scales the ordinary tables serve. */
function approachLoops(scale: ScaleInfo): readonly (readonly string[])[] | undefined {
  return approachFor(scale.mode)?.loops;
}

/**
 * Does a style's progression family win over the scale's own vamp? A template written for a
 * heptatonic vamp scale (flamenco's Andalusian cadence in Hijaz) plays its own loops; drones and
 * symmetric scales have no functional chords for a template's loops to land on, so they keep theirs.
 */
function styleLoopsWin(params: SongParameters, scale: ScaleInfo): boolean {
  if (!params.harmony.loops?.length) return false;
  const kind = approachFor(scale.mode)?.kind;
  return kind !== 'drone' && kind !== 'symmetric';
}

/** The scale's vamp is in charge of this song's chords (spelled exactly, with the scale's cadences). */
function vampRules(params: SongParameters, scale: ScaleInfo): boolean {
  return approachLoops(scale) !== undefined && !styleLoopsWin(params, scale);
}

const PLAIN_SEVENTHS = new Set(['dominant seventh', 'minor seventh', 'major seventh']);

/** A scale-approach chord with its seventh when that makes a plain 7, m7 or maj7 (Hijaz I7, bIImaj7), else the triad. */
function plainSeventh(scale: ScaleInfo, chord: ChordInfo): ChordInfo {
  const seventh = withSeventh(scale, chord);
  return PLAIN_SEVENTHS.has(chordNamed(seventh.symbol).type) ? seventh : chord;
}

/** A chord of a scale's own approach, spelled exactly; a chord with a tone outside the scale becomes the tonic fifth. */
function fitExact(scale: ScaleInfo, numeral: string): ChordInfo {
  const chord = romanToChord(scale, numeral);
  return chord.chromas.every((c) => inScale(scale, c)) ? chord : romanToChord(scale, 'I5');
}

function pickCadence(params: SongParameters, scale: ScaleInfo, section: SectionPlan, rng: Rng, builds = false): Cadence {
  const own = approachFor(scale.mode)?.cadences;
  if (approachLoops(scale) && own?.length) return rng.pick(own);
  const final = CADENCES[scale.mode] ?? CADENCES[scale.family] ?? [];
  const options: Cadence[] = [...final];
  if (params.harmony.borrowed && scale.heptatonic && !MODE_PROGRESSIONS[scale.mode]) options.push(...BORROWED_CADENCES[scale.family]);
  // A section that hands over to the next one may end open, on the dominant. The dice are thrown
  // either way, so adding a section after the last one changes its cadence only when they say so.
  const open = rng.chance(0.35);
  // A pre-chorus always hands over open: it builds toward the chorus rather than coming home.
  if (!section.isLast && !MODE_PROGRESSIONS[scale.mode] && (open || builds)) return rng.pick(HALF_CADENCES[scale.family]);
  return rng.pick(options.length ? options : [{ kind: 'none', chords: [scale.family === 'minor' ? 'i' : 'I'] }]);
}

/** Swap one chord of the loop for a borrowed one, when allowed and the dice say so. */
function borrowInto(loop: string[], scale: ScaleInfo, rng: Rng): string[] {
  const choices = BORROWED[scale.family];
  if (!choices.length || !rng.chance(0.7)) return loop;
  const b = rng.pick(choices);
  const at = loop.findIndex((n, i) => i > 0 && b.replaces.includes(romanToChord(scale, n).degree));
  if (at < 0) return loop;
  const copy = [...loop];
  copy[at] = b.numeral;
  return copy;
}

/** The loop for a section: the musician's chords, a mode-flavour loop, or a family loop for the quadrant. */
function loopFor(params: SongParameters, scale: ScaleInfo, section: SectionPlan, rng: Rng): string[] {
  if (section.chords.length) return section.chords;
  // A style's progression family wins over a vamp scale's default loops (see styleLoopsWin).
  const own = styleLoopsWin(params, scale) ? params.harmony.loops : approachLoops(scale) ?? params.harmony.loops;
  if (own?.length) return [...rng.pick(own)];
  const modeLoops = MODE_PROGRESSIONS[scale.mode];
  const loops = modeLoops ?? PROGRESSIONS[scale.family][quadrantOf(section.valence, section.arousal)];
  const loop = [...rng.pick(loops)];
  return params.harmony.borrowed && scale.heptatonic && !modeLoops ? borrowInto(loop, scale, rng) : loop;
}

/** Numerals the templates list as borrowings for this mode family. */
function borrowableNumerals(scale: ScaleInfo): Set<string> {
  const fromLoops = BORROWED[scale.family].map((b) => b.numeral);
  const fromCadences = BORROWED_CADENCES[scale.family].flatMap((c) => c.chords);
  return new Set([...fromLoops, ...fromCadences]);
}

/** Plan every chord of the song: planHarmony(params, scale, meter, form, rng).slots[0].chord.symbol → "Dm". */
export function planHarmony(
  params: SongParameters,
  scale: ScaleInfo,
  meter: MeterInfo,
  form: SectionPlan[],
  rng: Rng,
): HarmonyPlan {
  const slots: ChordSlot[] = [];
  const cadences: SectionCadence[] = [];
  // A style that plays the major V on purpose (a minor bossa, a hymn) closes its cadences with it too.
  const styleDominant = params.harmony.asWritten?.find((n) => /^V7?$/.test(n));
  for (const section of form) {
    // Each instance draws its loop from a stream named by the section, from its own inputs: a
    // repeated chorus with the same settings gets the same loop, one whose feeling changed
    // diverges alone, and no section's chords depend on another's.
    const given = section.chords.length > 0;
    const role = sectionRole(section.name);
    const drawn = loopFor(params, scale, section, rng.fork(`harmony:${section.key}`));
    const loop = given ? drawn : awayFromHome(drawn, scale, role);
    const twelveBar = !given && params.harmony.form === 'twelve-bar';
    const exact = !given && !twelveBar && vampRules(params, scale);
    // Colour (secondary dominants, a quicker pre-chorus) only over the engine's own major/minor
    // loops: modal flavour loops, vamps, the blues form and the musician's chords stay as they are.
    const colourable = !given && !twelveBar && !exact && scale.heptatonic && !MODE_PROGRESSIONS[scale.mode] && !params.harmony.loops?.length;
    // A chorus drives harder: its chords change twice as often as the song's (where a half bar falls on a beat).
    const halves = meter.beats.includes(meter.ticksPerBar / 2);
    const perBar = colourable && role === 'chorus' && (params.harmony.chordsPerBar < 1 || halves) ? Math.min(2, params.harmony.chordsPerBar * 2) : params.harmony.chordsPerBar;
    let times = slotTimes(section, meter, perBar);
    let numerals = twelveBar ? twelveBarNumerals(times, section, meter) : times.map((_, i) => loop[i % loop.length] ?? 'I');
    let cadenceLength = 0;
    if (!given && !twelveBar && times.length >= 2) {
      const cadence = pickCadence(params, scale, section, rng.fork(`cadence:${section.key}${section.isLast ? ':last' : ''}`), role === 'pre');
      const k = Math.min(cadence.chords.length, times.length);
      cadenceLength = k;
      cadence.chords.slice(-k).forEach((n, j) => (numerals[times.length - k + j] = n === 'v' ? (styleDominant ?? n) : n));
    }
    const coloured = new Set<string>();
    if (colourable) {
      let plan = role === 'pre' ? quicken({ times, numerals }, meter) : approachCadence({ times, numerals }, scale, meter, section.startTick + section.ticks);
      const before = new Set(plan.numerals);
      // A secondary dominant leaves the mode, so it comes only with `borrowed` (chords from outside).
      // Its stream is the section's own, the same for every repeat: a returning chorus leans the same way.
      if (params.harmony.borrowed) plan = withSecondaryDominants(plan, scale, meter, role === 'pre' ? 2 * cadenceLength : cadenceLength, SECONDARY_CHANCE, rng.fork(`colour:${section.key}`));
      for (const n of plan.numerals) if (!before.has(n)) coloured.add(n);
      ({ times, numerals } = plan);
    }
    // Only the chords listed as borrowings may leave the mode; a template's "VI" in melodic minor
    // is re-fitted to the mode like any other.
    // A style's asWritten numerals leave the mode on purpose (a minor bossa's V7, flamenco's bIII).
    const borrowable = new Set([...(params.harmony.borrowed ? borrowableNumerals(scale) : []), ...(params.harmony.asWritten ?? [])]);
    const chords = numerals.map((n) => {
      if (twelveBar) return romanToChord(scale, n);
      // Drones and symmetric chords do not stack sevenths; heptatonic vamps (Hijaz) may.
      if (exact) return params.harmony.extensions && scale.heptatonic ? plainSeventh(scale, fitExact(scale, n)) : fitExact(scale, n);
      // A secondary dominant is spelled as written (its seventh included), outside the mode on purpose.
      if (coloured.has(n)) return romanToChord(scale, n);
      const base = given ? romanToChord(scale, n) : fit(scale, n, borrowable.has(n));
      return params.harmony.extensions && !given ? withSeventh(scale, base) : base;
    });
    times.forEach(([start, duration], i) => {
      const chord = chords[i] ?? diatonicChord(scale, 1, false);
      slots.push({
        start,
        duration,
        bar: Math.floor(start / meter.ticksPerBar),
        sectionIndex: section.index,
        chord,
        // A scale's own approach is judged against the scale itself, not a parent major/minor.
        chromatic: exact ? !chord.chromas.every((c) => inScale(scale, c)) : !isDiatonic(scale, chord),
      });
    });
    const tail = chords.slice(-2);
    if (tail.length === 2) cadences.push({ sectionIndex: section.index, kind: cadenceKind(tail, scale), romans: tail.map((c) => c.roman) });
  }
  return { slots, cadences };
}

/** The twelve-bar blues laid over a section's slots by bar; the song's last bar comes home to I7. */
function twelveBarNumerals(times: [number, number][], section: SectionPlan, meter: MeterInfo): string[] {
  const lastBar = section.bars - 1;
  return times.map(([start]) => {
    const bar = Math.floor((start - section.startTick) / meter.ticksPerBar);
    if (section.isLast && bar === lastBar) return 'I7';
    return TWELVE_BAR[bar % TWELVE_BAR.length] ?? 'I7';
  });
}

/** Name the cadence the last two chords actually make, by their root degrees. */
export function cadenceKind(tail: ChordInfo[], scale: ScaleInfo): string {
  const [a, b] = tail;
  if (!a || !b) return 'none';
  const tonic = b.root === scale.tonicChroma;
  const rel = (c: ChordInfo) => (c.root - scale.tonicChroma + 12) % 12;
  // Authentic needs a major V: its third is the leading tone. A minor v (natural minor,
  // mixolydian's v) reaches home without it, which is a softer, modal close.
  if (tonic && rel(a) === 7) return a.chromas.includes((a.root + 4) % 12) ? 'authentic' : 'minor-dominant';
  if (tonic && rel(a) === 5) return 'plagal';
  if (tonic) return 'modal';
  if (rel(b) === 7) return 'half';
  if (rel(a) === 7 && (rel(b) === 9 || rel(b) === 8)) return 'deceptive';
  return 'open';
}
