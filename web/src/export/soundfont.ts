/**
 * The WAV and stems export on the General MIDI bank: the same subset bank the player fetched
 * (gm.ts, one fetch per page), rendered by spessasynth_core in the page — the engine the
 * player's worklet runs and `innerchord render` uses — as one stem per part, mastered together
 * (music/render/master.ts). The synth code loads only when the musician asks for a file.
 */
import type { Sketch } from '../../../music/sketch.ts';
import type { StemsRender } from '../../../music/render/stems.ts';
import { encodeWav, type PcmSource } from '../../../music/render/wav.ts';
import type { StereoAudio } from '../../../music/render/soundfont/synth.ts';
import { bankUrl, fetchBank } from '../player/gm.ts';

export const SAMPLE_RATE = 44_100;

/** Render every part from the sketch's bank; rejects with the bank's reason when it cannot load. */
export async function renderWithBank(sketch: Sketch, onProgress: (fraction: number) => void, bankBase?: string): Promise<StemsRender> {
  const bytes = await fetchBank(bankUrl(sketch, bankBase));
  const [{ loadSoundBank }, { renderStems }] = await Promise.all([import('../../../music/render/soundfont/synth.ts'), import('../../../music/render/stems.ts')]);
  const bank = await loadSoundBank(bytes.slice(0));
  return renderStems(sketch, {
    bank,
    sampleRate: SAMPLE_RATE,
    fallback: () => Promise.reject(new Error('the bank is loaded')),
    // Yield to the page between chunks so the progress bar paints and the page stays responsive.
    onProgress: (f) => new Promise<void>((resolve) => {
      onProgress(f);
      setTimeout(resolve, 0);
    }),
  });
}

/** A stereo stem as encodeWav reads it. */
export function pcm(audio: StereoAudio): PcmSource {
  return { numberOfChannels: 2, sampleRate: audio.sampleRate, length: audio.left.length, getChannelData: (c) => (c === 0 ? audio.left : audio.right) };
}

/** The stems as a zip (stored, not deflated: PCM barely compresses) holding `<Part>.wav` each. */
export async function stemsZip(render: StemsRender): Promise<Blob> {
  const { zipSync } = await import('fflate');
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  render.parts.forEach((part, i) => (files[`${part.part}.wav`] = [encodeWav(pcm(render.stems[i]!)), { level: 0 }]));
  return new Blob([zipSync(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
