/**
 * Corrections keep earlier work: a changed feeling ("no, it's more about forgiveness than anger")
 * re-reads the feelings, but what the musician set by hand since — a tempo, a key, an added bridge,
 * "no drums in the intro" — stays. Hand-set aspects are the ones the reviser left a "You asked"
 * reason for; their parameters are carried over from the newest version.
 */
import { SongParameters, type Reason } from '../../music/params.ts';

/** The reviser's reasons start so (server/interpret/revise.ts); the interpreter's read "You asked for it". */
const BY_HAND = /^You asked: “/;

type P = SongParameters;
/** Which parameters each hand-set aspect owns. Feelings (valence, arousal) are never kept. */
const OWNS: Record<string, (from: P, to: P) => void> = {
  tempo: (f, t) => { t.tempo = f.tempo; },
  key: (f, t) => { t.key = f.key; t.mode = f.mode; },
  mode: (f, t) => { t.mode = f.mode; },
  meter: (f, t) => { t.meter = f.meter; t.meterGrouping = f.meterGrouping; t.drums.groove = f.drums.groove; },
  sections: (f, t) => { t.sections = structuredClone(f.sections); },
  instruments: (f, t) => { t.instruments = { ...f.instruments }; t.drums.enabled = f.drums.enabled; },
  drums: (f, t) => { t.drums = { ...f.drums }; },
  bass: (f, t) => { t.bass = { ...f.bass }; },
  chords: (f, t) => { t.harmony = structuredClone(f.harmony); },
  rhythm: (f, t) => { t.rhythm = { ...f.rhythm }; },
  style: (f, t) => { t.style = f.style; t.styleBlend = f.styleBlend; t.harmony = structuredClone(f.harmony); t.rhythm = { ...f.rhythm }; },
  melody: (f, t) => { t.melody = { ...f.melody }; },
  dynamics: (f, t) => { t.dynamics = { ...f.dynamics }; },
};

/** The aspects the musician set by hand in `latest`, by the reviser's reasons. */
export function handSet(latest: P): Reason[] {
  return latest.rationale.filter((r) => BY_HAND.test(r.because) && r.aspect in OWNS);
}

/**
 * New parameters from a corrected feeling, with the hand-set work of `latest` kept.
 * @example keepHandWork(latestWithTempo72ByHand, reinterpreted).params.tempo // → 72
 */
export function keepHandWork(latest: P, next: P): { params: P; kept: string[] } {
  const reasons = handSet(latest);
  if (!reasons.length) return { params: next, kept: [] };
  const out = structuredClone(next);
  const kept = [...new Set(reasons.map((r) => r.aspect))];
  for (const aspect of kept) OWNS[aspect]!(latest, out);
  // Their reasons go with them, so a second correction keeps them too.
  const rationale = [...out.rationale.filter((r) => !kept.includes(r.aspect)), ...reasons].slice(-40);
  return { params: SongParameters.parse({ ...out, rationale }), kept };
}
