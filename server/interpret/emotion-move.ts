/**
 * Move a song on the circumplex ("sadder", "calmer", "more hopeful") and carry the emotion-led
 * choices with it — but only the ones still where the emotion put them, so a mode or chord style
 * the musician chose by name is not silently overridden.
 */
import type { SongParameters } from '../../music/params.ts';
import { clamp, edit, round2 } from './edit.ts';
import { COMPING_BANDS, MODE_LADDER, pick } from './mapping-tables.ts';
import { modeFor, tempoFor } from './mapping.ts';
import { modeWasAsked } from './styles.ts';

const COMPING_ORDER = ['arpeggio', 'broken', 'block', 'strum'] as const;
const ladder = (mode: string) => MODE_LADDER.indexOf(mode as (typeof MODE_LADDER)[number]);

/** Shift valence/arousal by (dv, da) and follow through; returns the new params and "a → b" parts. */
export function moveEmotion(p: SongParameters, dv: number, da: number): { params: SongParameters; parts: string[] } {
  const v1 = round2(clamp(p.valence + dv, -1, 1));
  const a1 = round2(clamp(p.arousal + da, -1, 1));
  const realDa = a1 - p.arousal;
  const realDv = v1 - p.valence;
  const parts: string[] = [];
  const next = edit(p, (d) => {
    d.valence = v1;
    d.arousal = a1;
    // The same tempo curve the interpreter maps with, applied as a change to the current tempo.
    d.tempo = clamp(p.tempo + tempoFor(v1, a1) - tempoFor(p.valence, p.arousal), 30, 240);
    d.drums.density = round2(clamp(p.drums.density + 0.375 * realDa, 0, 1));
    d.melody.density = round2(clamp(p.melody.density + 0.3 * realDa, 0, 1));
    d.dynamics.level = round2(clamp(p.dynamics.level + 0.25 * realDa, 0, 1));
    for (const s of d.sections) s.energy = round2(clamp(s.energy + 0.2 * realDa, 0, 1));
    // Mode follows valence only: "calmer" should not turn major into lydian. A mode the musician
    // named ("F# minor") never follows: the feeling moves, their choice stays.
    const asked = modeWasAsked(p);
    const was = modeFor(p.valence, p.arousal).mode;
    const now = modeFor(v1, a1).mode;
    const towards = Math.sign(ladder(now) - ladder(p.mode));
    if (realDv !== 0 && now !== p.mode && !asked && (p.mode === was || (ladder(p.mode) >= 0 && towards !== 0 && towards === Math.sign(realDv)))) d.mode = now;
    const comping = pick(COMPING_BANDS, v1, a1).comping;
    const step = Math.sign(COMPING_ORDER.indexOf(comping) - COMPING_ORDER.indexOf(p.harmony.comping));
    if (step !== 0 && step === Math.sign(realDa)) d.harmony.comping = comping;
  });
  if (realDv) parts.push(`valence ${p.valence} → ${v1}`);
  if (realDa) parts.push(`arousal ${p.arousal} → ${a1}`);
  if (next.mode !== p.mode) parts.push(`${p.key} ${p.mode} → ${next.key} ${next.mode}`);
  if (next.tempo !== p.tempo) parts.push(`${p.tempo} → ${next.tempo} bpm`);
  if (next.harmony.comping !== p.harmony.comping) parts.push(`${p.harmony.comping} → ${next.harmony.comping} chords`);
  return { params: next, parts };
}

/** Modes off the ladder, and where "darker"/"brighter" take them. */
const OFF_LADDER: Record<string, { darker: string; brighter: string }> = {
  'major pentatonic': { darker: 'minor pentatonic', brighter: 'lydian' },
  'minor pentatonic': { darker: 'phrygian', brighter: 'major pentatonic' },
  'harmonic minor': { darker: 'phrygian', brighter: 'minor' },
  'melodic minor': { darker: 'minor', brighter: 'mixolydian' },
  'minor blues': { darker: 'phrygian', brighter: 'dorian' },
  'major blues': { darker: 'mixolydian', brighter: 'major' },
  locrian: { darker: 'locrian', brighter: 'phrygian' },
};

/** One step darker (-1) or brighter (+1) in mode colour: major → mixolydian → dorian → minor → phrygian. */
export function stepMode(mode: string, direction: -1 | 1): string {
  const i = ladder(mode);
  if (i >= 0) return MODE_LADDER[clamp(i + direction, 0, MODE_LADDER.length - 1)]!;
  const off = OFF_LADDER[mode];
  return off ? (direction < 0 ? off.darker : off.brighter) : direction < 0 ? 'minor' : 'major';
}
