/**
 * Timbre as numbers: the averaged magnitude spectrum of a sound (Hann-windowed frames, radix-2
 * FFT) and the cosine similarity of two spectra — 1 for the same tone colour, lower the more two
 * instruments differ. Used by tests and the eval to check that "cello" and "trumpet" really differ.
 */

/** In-place radix-2 FFT of (re, im); length must be a power of two. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const step = (-2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const wr = Math.cos(step * k);
        const wi = Math.sin(step * k);
        const a = start + k;
        const b = a + size / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a]! += tr;
        im[a]! += ti;
      }
    }
  }
}

/** Magnitude spectrum (length/2 bins) of one Hann-windowed frame; the length must be a power of two. */
export function frameSpectrum(frame: ArrayLike<number>): Float64Array {
  const n = frame.length;
  const re = Float64Array.from({ length: n }, (_, i) => frame[i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1))));
  const im = new Float64Array(n);
  fft(re, im);
  return Float64Array.from({ length: n / 2 }, (_, k) => Math.hypot(re[k]!, im[k]!));
}

/**
 * Mean magnitude spectrum (size/2 bins) over frames that are not silent (RMS above `floor`), so
 * rests do not dilute the instrument's colour.
 */
export function averageSpectrum(samples: Float32Array, size = 4096, floor = 1e-4): Float64Array {
  const sum = new Float64Array(size / 2);
  const window = Float64Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1)));
  for (let start = 0; start + size <= samples.length; start += size / 2) {
    let energy = 0;
    for (let i = 0; i < size; i++) energy += samples[start + i]! ** 2;
    if (Math.sqrt(energy / size) < floor) continue;
    const re = new Float64Array(size);
    const im = new Float64Array(size);
    for (let i = 0; i < size; i++) re[i] = samples[start + i]! * window[i]!;
    fft(re, im);
    for (let k = 0; k < size / 2; k++) sum[k]! += Math.hypot(re[k]!, im[k]!);
  }
  return sum;
}

/** Cosine similarity of two spectra, 0 … 1 (0 when either is silent). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0, aa = 0, bb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa && bb ? dot / Math.sqrt(aa * bb) : 0;
}
