/**
 * Rendered audio → WAV bytes (RIFF, 16-bit PCM, channels interleaved), the format every player
 * and editor opens. Works on any AudioBuffer-like object, in Node or the browser.
 */

/** What encodeWav needs of an AudioBuffer. */
export interface PcmSource {
  numberOfChannels: number;
  sampleRate: number;
  length: number;
  getChannelData(channel: number): Float32Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes of a canonical WAV header. */
export const WAV_HEADER_BYTES = 44;

/**
 * Encode as 16-bit PCM WAV; samples outside −1 … 1 are clipped.
 * @example writeFileSync('song.wav', encodeWav(await renderSketch(sketch, factory)))
 */
export function encodeWav(buffer: PcmSource): Uint8Array {
  const channels = buffer.numberOfChannels;
  const blockAlign = channels * 2;
  const dataBytes = buffer.length * blockAlign;
  const bytes = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size for PCM
  view.setUint16(20, 1, true); // format 1 = integer PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, buffer.sampleRate, true);
  view.setUint32(28, buffer.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  const data = Array.from({ length: channels }, (_, c) => buffer.getChannelData(c));
  // WAV is little-endian: on little-endian hosts (nearly all) write through a typed array, which is
  // several times faster than DataView; elsewhere fall back to DataView's explicit byte order.
  // Read once: on native AudioBuffers (node-web-audio-api) `length` is a getter into native code.
  const frames = buffer.length;
  const direct = LITTLE_ENDIAN ? new Int16Array(bytes.buffer, WAV_HEADER_BYTES, frames * channels) : null;
  let i = 0;
  for (let frame = 0; frame < frames; frame++) {
    for (const channel of data) {
      const s = Math.max(-1, Math.min(1, channel[frame]!));
      // Asymmetric scale: −1 → −32768 and 1 → 32767, the full 16-bit range.
      const value = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
      if (direct) direct[i] = value;
      else view.setInt16(WAV_HEADER_BYTES + i * 2, value, true);
      i++;
    }
  }
  return bytes;
}
