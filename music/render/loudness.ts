/**
 * Integrated loudness in LUFS (ITU-R BS.1770-4 / EBU R128): K-weighting (a high shelf, then a
 * high-pass), mean square over 400 ms blocks stepping 100 ms, an absolute gate at −70 LUFS and a
 * relative gate 10 LU under the gated mean. Stereo, both channels weighted 1. Pure.
 */

/** One biquad section: y = b0 x + b1 x1 + b2 x2 − a1 y1 − a2 y2. */
interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** The K-weighting filters for a sample rate (the standard's analogue prototypes, bilinear transform). */
export function kWeighting(sampleRate: number): [Biquad, Biquad] {
  // Stage 1: the head's high shelf, +4 dB above ~1.7 kHz.
  const gain = 3.999843853973347;
  const q1 = 0.7071752369554196;
  const k1 = Math.tan((Math.PI * 1681.974450955533) / sampleRate);
  const vh = 10 ** (gain / 20);
  const vb = vh ** 0.4996667741545416;
  const d1 = 1 + k1 / q1 + k1 * k1;
  const shelf = { b0: (vh + (vb * k1) / q1 + k1 * k1) / d1, b1: (2 * (k1 * k1 - vh)) / d1, b2: (vh - (vb * k1) / q1 + k1 * k1) / d1, a1: (2 * (k1 * k1 - 1)) / d1, a2: (1 - k1 / q1 + k1 * k1) / d1 };
  // Stage 2: the RLB high-pass at ~38 Hz.
  const q2 = 0.5003270373238773;
  const k2 = Math.tan((Math.PI * 38.13547087602444) / sampleRate);
  const d2 = 1 + k2 / q2 + k2 * k2;
  const highPass = { b0: 1, b1: -2, b2: 1, a1: (2 * (k2 * k2 - 1)) / d2, a2: (1 - k2 / q2 + k2 * k2) / d2 };
  return [shelf, highPass];
}

function filter(input: Float32Array, { b0, b1, b2, a1, a2 }: Biquad): Float64Array {
  const out = new Float64Array(input.length);
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i]!;
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    out[i] = y;
    x2 = x1; x1 = x; y2 = y1; y1 = y;
  }
  return out;
}

const ABSOLUTE_GATE = -70;
const RELATIVE_GATE = -10;

/** Loudness of a mean-square power (BS.1770's −0.691 dB offset included). */
const lufs = (power: number) => -0.691 + 10 * Math.log10(power);

/**
 * Integrated loudness of stereo audio; −Infinity for silence or audio shorter than one 400 ms block.
 * @example integratedLoudness(left, right, 44100) // → −16.2 for a mastered render
 */
export function integratedLoudness(left: Float32Array, right: Float32Array, sampleRate: number): number {
  const [shelf, highPass] = kWeighting(sampleRate);
  const weighted = [left, right].map((channel) => {
    const k = filter(Float32Array.from(filter(channel, shelf)), highPass);
    // Prefix sums of squares make every block's mean square O(1).
    const sums = new Float64Array(k.length + 1);
    for (let i = 0; i < k.length; i++) sums[i + 1] = sums[i]! + k[i]! * k[i]!;
    return sums;
  });
  const block = Math.round(0.4 * sampleRate);
  const step = Math.round(0.1 * sampleRate);
  const powers: number[] = [];
  for (let start = 0; start + block <= left.length; start += step) {
    let power = 0;
    for (const sums of weighted) power += (sums[start + block]! - sums[start]!) / block;
    if (lufs(power) > ABSOLUTE_GATE) powers.push(power);
  }
  if (powers.length === 0) return -Infinity;
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const threshold = lufs(mean(powers)) + RELATIVE_GATE;
  const gated = powers.filter((p) => lufs(p) > threshold);
  return lufs(mean(gated));
}
