/**
 * Voice leading: each chord is voiced in close position (any inversion) inside a register and
 * the candidate that moves least from the previous voicing wins, so inner voices glide instead of
 * jumping in parallel blocks.
 */

export interface VoicingRange {
  low: number;
  high: number;
}

/** Around C3–C5, where a piano or pad comps without muddying the bass or masking the melody. */
export const COMP_RANGE: VoicingRange = { low: 48, high: 72 };

/** Every close-position voicing of the pitch classes (each inversion, each octave) inside the range. */
export function candidates(chromas: readonly number[], range: VoicingRange): number[][] {
  const out: number[][] = [];
  const n = chromas.length;
  for (let r = 0; r < n; r++) {
    const order = chromas.slice(r).concat(chromas.slice(0, r));
    const first = order[0] ?? 0;
    for (let bottom = range.low + ((first - range.low) % 12 + 12) % 12; bottom <= range.high; bottom += 12) {
      const voicing = [bottom];
      for (const pc of order.slice(1)) {
        const prev = voicing[voicing.length - 1] ?? bottom;
        voicing.push(prev + (((pc - prev) % 12) + 12) % 12 || prev + 12);
      }
      if ((voicing[voicing.length - 1] ?? 0) <= range.high) out.push(voicing);
    }
  }
  return out;
}

/** Total semitones moved between two voicings, each voice matched to the nearest voice of the other. */
export function movement(a: readonly number[], b: readonly number[]): number {
  // Plain indexed loops (this runs for every candidate of every chord; a for-of here allocated an
  // iterator result per voice in the profile). The sums are of integers, so their order is free.
  return nearSum(a, b) + nearSum(b, a);
}

/** Σ over xs of the distance to the nearest of ys (Infinity when ys is empty, as Math.min() gives). */
function nearSum(xs: readonly number[], ys: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    let near = Infinity;
    for (let j = 0; j < ys.length; j++) near = Math.min(near, Math.abs(xs[i]! - ys[j]!));
    sum += near;
  }
  return sum;
}

/** The mean pitch of a voicing. */
function centre(v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s / v.length;
}

/**
 * Voice a chord near the previous voicing: voiceLead([0, 4, 7], [50, 53, 57]) → [48, 52, 55].
 * With no previous chord, the voicing centred nearest middle C wins.
 */
export function voiceLead(chromas: readonly number[], previous: readonly number[] | null, range = COMP_RANGE): number[] {
  // A song's chords and the voicings they lead from come round again and again: each answer is
  // remembered (the voicings are read-only to callers), the table emptied now and then so a
  // long-running server does not grow it without bound.
  const key = `${range.low} ${range.high} ${chromas.join(' ')}|${previous ? `[${previous.join(' ')}]` : 'none'}`;
  let best = led.get(key);
  if (!best) {
    if (led.size >= LED_LIMIT) led.clear();
    led.set(key, (best = leadAfresh(chromas, previous, range)));
  }
  return best;
}

const led = new Map<string, number[]>();
const LED_LIMIT = 4096;

function leadAfresh(chromas: readonly number[], previous: readonly number[] | null, range: VoicingRange): number[] {
  const options = candidates(chromas, range);
  if (options.length === 0) return chromas.map((c) => range.low + c);
  let best = options[0] ?? [];
  let bestCost = Infinity;
  for (const v of options) {
    // Prefer small motion; the light pull to the centre keeps a long song from drifting to an edge.
    const cost = previous ? movement(v, previous) + 0.15 * Math.abs(centre(v) - 60) : Math.abs(centre(v) - 60);
    if (cost < bestCost) {
      best = v;
      bestCost = cost;
    }
  }
  return best;
}
