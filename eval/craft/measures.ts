/**
 * The measures of issue #16's table, taken from a MIDI file read back by read.ts. Pure functions
 * of the read notes: nothing here asks the engine what it meant to write.
 */
import { Chord, Note as TonalNote } from 'tonal';
import type { ReadNote, ReadSong } from './read.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
export { median };

const pc = (n: number) => ((n % 12) + 12) % 12;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Notes whose onset falls in [from, to). */
function within(notes: readonly ReadNote[], from: number, to: number): ReadNote[] {
  return notes.filter((n) => n.start >= from && n.start < to);
}

/** Share of the first section's notes found again (same pitch, same place ± a 32nd) in the second. */
export function sharedNotes(song: ReadSong, a: { start: number; end: number }, b: { start: number; end: number }): number {
  const melody = song.tracks.melody ?? [];
  const first = within(melody, a.start, a.end);
  const second = within(melody, b.start, b.end);
  if (first.length === 0) return NaN;
  const tol = song.ppq / 8;
  const hit = first.filter((n) => second.some((m) => m.pitch === n.pitch && Math.abs(m.start - b.start - (n.start - a.start)) <= tol)).length;
  return hit / first.length;
}

/** The hook measure: how much of the 1st chorus the 2nd repeats (NaN when the form has no two choruses). */
export function hookShare(song: ReadSong): number {
  const choruses = song.sections.filter((s) => /chorus|refrain|hook/.test(s.name));
  const [a, b] = choruses;
  return a && b ? sharedNotes(song, a, b) : NaN;
}

/** Bars (with melody) repeating an earlier bar exactly, and exactly or transposed. */
export function barRepetition(song: ReadSong): { exact: number; transposed: number } {
  const melody = song.tracks.melody ?? [];
  const grid = song.ppq / 4;
  const bars = new Map<number, [number, number][]>();
  for (const n of melody) {
    const bar = Math.floor((n.start + grid / 2) / song.ticksPerBar);
    const at = Math.round((n.start - bar * song.ticksPerBar) / grid);
    bars.set(bar, [...(bars.get(bar) ?? []), [at, n.pitch]]);
  }
  const seenExact = new Set<string>();
  const seenShape = new Set<string>();
  let exact = 0;
  let transposed = 0;
  const keys = [...bars.keys()].sort((a, b) => a - b);
  for (const k of keys) {
    const ev = bars.get(k) ?? [];
    const e = ev.map(([t, p]) => `${t}:${p}`).join(' ');
    const first = ev[0]?.[1] ?? 0;
    const shape = ev.map(([t, p]) => `${t}:${p - first}`).join(' ');
    if (seenExact.has(e)) exact++;
    if (seenShape.has(shape)) transposed++;
    seenExact.add(e);
    seenShape.add(shape);
  }
  return { exact: keys.length ? exact / keys.length : 0, transposed: keys.length ? transposed / keys.length : 0 };
}

/** Range, largest leap, share of steps (≤ 2 semitones), notes per bar, empty beats, off-beat onsets. */
export function melodyShape(song: ReadSong) {
  const m = song.tracks.melody ?? [];
  if (m.length < 2) return { range: 0, leap: 0, steps: 1, perBar: 0, emptyBeats: 1, offBeat: 0 };
  const pitches = m.map((n) => n.pitch);
  const ints = m.slice(1).map((n, i) => Math.abs(n.pitch - (m[i]?.pitch ?? n.pitch)));
  const from = m[0]?.start ?? 0;
  const to = Math.max(...m.map((n) => n.end));
  const bars = Math.max(1, Math.round((Math.ceil(to / song.ticksPerBar) * song.ticksPerBar - Math.floor(from / song.ticksPerBar) * song.ticksPerBar) / song.ticksPerBar));
  let beats = 0;
  let empty = 0;
  for (let t = Math.floor(from / song.beat) * song.beat; t < to; t += song.beat) {
    beats++;
    if (!m.some((n) => n.start < t + song.beat && n.end > t)) empty++;
  }
  const tol = song.ppq / 16;
  const off = m.filter((n) => {
    const r = n.start % song.beat;
    return r > tol && r < song.beat - tol;
  }).length;
  return { range: Math.max(...pitches) - Math.min(...pitches), leap: Math.max(...ints), steps: ints.filter((i) => i <= 2).length / ints.length, perBar: m.length / bars, emptyBeats: empty / beats, offBeat: off / m.length };
}

/**
 * Chord labels (root pitch class + quality) per half bar: the Chords track's pitch classes that
 * sound for at least a fifth of the window, plus the bass note sounding at the window's start (the
 * bass's passing notes would otherwise read as chord changes).
 */
export function chordLabels(song: ReadSong): string[] {
  const notes = song.tracks.chords ?? [];
  const bass = song.tracks.bass ?? [];
  const win = song.ticksPerBar / 2;
  const out: string[] = [];
  let prev = '';
  for (let t = 0; t < song.end; t += win) {
    const weight = new Map<number, number>();
    for (const n of notes) {
      const overlap = Math.min(n.end, t + win) - Math.max(n.start, t);
      if (overlap > 0) weight.set(pc(n.pitch), (weight.get(pc(n.pitch)) ?? 0) + overlap);
    }
    const low = bass.find((n) => n.start <= t + song.ppq / 8 && n.end > t + song.ppq / 8);
    if (low) weight.set(pc(low.pitch), win);
    const pcs = [...weight.entries()].filter(([, w]) => w >= win * 0.2).map(([p]) => p);
    const names = pcs.map((p) => TonalNote.pitchClass(TonalNote.fromMidi(60 + p)));
    const found = names.length >= 2 ? Chord.detect(names)[0] : undefined;
    if (found) {
      const c = Chord.get(found);
      const root = TonalNote.chroma(c.tonic ?? '') ?? 0;
      const quality = c.quality === 'Minor' ? 'm' : c.quality === 'Diminished' ? 'dim' : c.quality === 'Augmented' ? 'aug' : c.type.startsWith('suspended') ? 'sus' : '';
      prev = `${root}${quality}`;
    }
    out.push(prev);
  }
  return out;
}

/** Chord changes per bar and distinct chords (root + quality). */
export function harmonyShape(song: ReadSong): { changes: number; distinct: number; labels: string[] } {
  const labels = chordLabels(song);
  let changes = 0;
  labels.forEach((l, i) => i > 0 && l !== labels[i - 1] && l !== '' && changes++);
  return { changes: changes / Math.max(1, labels.length / 2), distinct: new Set(labels.filter(Boolean)).size, labels };
}

/** The progression relative to the tonic, per half bar, over the first 16 bars. */
export function progressionShape(song: ReadSong): string {
  return chordLabels(song)
    .slice(0, 32)
    .map((l) => (l === '' ? '-' : `${pc(Number.parseInt(l, 10) - song.tonic)}${l.replace(/^\d+/, '')}`))
    .join(' ');
}

/** Share of melody notes that sound below the top of the accompaniment at their onset. */
export function melodyBelow(song: ReadSong): number {
  const m = song.tracks.melody ?? [];
  const chords = song.tracks.chords ?? [];
  if (!m.length) return 0;
  const below = m.filter((n) => chords.some((c) => c.start <= n.start && c.end > n.start && c.pitch > n.pitch)).length;
  return below / m.length;
}

/** Melody velocity and notes per bar, chorus minus verse (NaN without both). */
export function chorusLift(song: ReadSong): { velocity: number; perBar: number } {
  const m = song.tracks.melody ?? [];
  const take = (re: RegExp) => {
    const secs = song.sections.filter((s) => re.test(s.name));
    const notes = secs.flatMap((s) => within(m, s.start, s.end));
    const bars = secs.reduce((n, s) => n + (s.end - s.start) / song.ticksPerBar, 0);
    return { vel: mean(notes.map((n) => n.velocity)), perBar: bars ? notes.length / bars : NaN };
  };
  const v = take(/verse|strophe|^a\b/);
  const c = take(/chorus|refrain/);
  return { velocity: c.vel - v.vel, perBar: c.perBar - v.perBar };
}

/**
 * Does the song land: the last chord on a downbeat over the tonic, the melody on a tonic-chord
 * tone, every part ending together (or slowing down). `home` is the tonic and third the musician asked for (the requested key and
 * mode, not anything the engine reports): a MIDI key signature names only major or minor, so it
 * cannot say that a song is in E phrygian.
 */
export function ending(song: ReadSong, home: { tonic: number; third: number }): { lands: boolean; why: string } {
  const chords = [...(song.tracks.chords ?? []), ...(song.tracks.bass ?? [])];
  if (!chords.length) return { lands: false, why: 'no chords' };
  const lastStart = Math.max(...chords.map((n) => n.start));
  // The final chord: everything the chords and bass sound at their last onset's bar position.
  const finalBar = Math.floor(lastStart / song.ticksPerBar) * song.ticksPerBar;
  const final = chords.filter((n) => n.end > lastStart);
  const firstOfFinal = Math.min(...final.map((n) => n.start));
  const bassNotes = song.tracks.bass ?? [];
  const bass = bassNotes.filter((n) => n.end > lastStart).sort((a, b) => a.pitch - b.pitch)[0] ?? final.sort((a, b) => a.pitch - b.pitch)[0];
  const { tonic, third } = home;
  const triad = [tonic, pc(tonic + third), pc(tonic + 7)];
  const melody = song.tracks.melody ?? [];
  const lastMel = melody[melody.length - 1];
  const ends = Object.values(song.tracks).map((ns) => Math.max(...ns.map((n) => n.end)));
  const together = Math.max(...ends) - Math.min(...ends) <= song.beat;
  const slowing = song.tempos.length > 1 && (song.tempos[song.tempos.length - 1] ?? 0) < (song.tempos[0] ?? 0);
  if (firstOfFinal % song.ticksPerBar !== 0 && firstOfFinal !== finalBar) return { lands: false, why: 'final chord off the downbeat' };
  if (!bass || pc(bass.pitch) !== tonic) return { lands: false, why: 'final bass not the tonic' };
  if (lastMel && !triad.includes(pc(lastMel.pitch))) return { lands: false, why: 'melody ends off the tonic chord' };
  if (!together && !slowing) return { lands: false, why: 'parts end apart' };
  return { lands: true, why: 'lands' };
}

/**
 * Drum hits of the groove bars in the first 16 bars as a comparable string. The last bar of each
 * section is left out, so a different fill alone does not count as a different drum part.
 */
export function drumPrint(song: ReadSong): string {
  const fillBars = new Set(song.sections.map((s) => Math.round(s.end / song.ticksPerBar) - 1));
  return (song.tracks.drums ?? [])
    .filter((n) => n.start < 16 * song.ticksPerBar && !fillBars.has(Math.floor(n.start / song.ticksPerBar)))
    .map((n) => `${n.pitch}@${Math.round(n.start / (song.ppq / 4))}`)
    .join(',');
}

/** The form as names and bar counts: "intro4 verse8 chorus8 …". */
export function formPrint(song: ReadSong): string {
  return song.sections.map((s) => `${s.name}${Math.round((s.end - s.start) / song.ticksPerBar)}`).join(' ');
}

export { mean };

/** How different two drum prints are: 1 − shared hits / all hits (0 the same … 1 nothing shared). */
export function drumDistance(a: string, b: string): number {
  const x = new Set(a.split(',').filter(Boolean));
  const y = new Set(b.split(',').filter(Boolean));
  const union = new Set([...x, ...y]).size;
  const shared = [...x].filter((h) => y.has(h)).length;
  return union === 0 ? 0 : 1 - shared / union;
}

/** The longest run of bars in which the bass sounds a single pitch class (a pedal), in bars. */
export function longestPedal(song: ReadSong): number {
  const bass = song.tracks.bass ?? [];
  const bars = Math.ceil(song.end / song.ticksPerBar);
  let run = 0;
  let best = 0;
  let held: number | undefined;
  for (let b = 0; b < bars; b++) {
    const pcs = new Set(bass.filter((n) => n.start < (b + 1) * song.ticksPerBar && n.end > b * song.ticksPerBar).map((n) => pc(n.pitch)));
    const only = pcs.size === 1 ? [...pcs][0] : undefined;
    run = only !== undefined && only === held ? run + 1 : only !== undefined ? 1 : 0;
    held = only;
    best = Math.max(best, run);
  }
  return best;
}
