/**
 * Fetching and decoding the piano samples, shared by the live player and the WAV render. Decoding
 * is handed in: the live player decodes in the page's AudioContext, the WAV render in its offline
 * one (so the buffers come out at the render's sample rate). Tone-free, so it is testable in Node.
 */

/** Where the app serves the samples (server/samples.ts). */
export const SAMPLE_BASE = '/samples/piano/';

export interface SampleLoad {
  /** Samples wanted, e.g. from voices.ts samplesFor(). */
  wanted: { midi: number; file: string }[];
  /** Decoded samples by MIDI note: ones already here are not fetched again; new ones are added. */
  into: Map<number, AudioBuffer>;
  decode: (bytes: ArrayBuffer) => Promise<AudioBuffer>;
  base?: string;
  fetch?: typeof fetch;
}

/**
 * Fetch and decode every wanted sample not already in `into`, in parallel; rejects with a plain
 * sentence naming the file when one cannot be had.
 * @example await loadPianoSamples({ wanted: samplesFor(48, 72), into: piano, decode: (b) => ctx.decodeAudioData(b) })
 */
export async function loadPianoSamples({ wanted, into, decode, base = SAMPLE_BASE, fetch: get = fetch }: SampleLoad): Promise<void> {
  await Promise.all(
    wanted
      .filter((s) => !into.has(s.midi))
      .map(async (s) => {
        // encodeURIComponent: the files are named like C#4v10.mp3, and a bare # would end the path.
        const res = await get(base + encodeURIComponent(s.file));
        if (!res.ok) throw new Error(`Could not load the piano sample ${s.file} (${res.status}).`);
        into.set(s.midi, await decode(await res.arrayBuffer()));
      }),
  );
}
