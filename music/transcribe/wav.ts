/**
 * WAV bytes → mono samples for the pitch tracker. Reads RIFF/WAVE with integer PCM (8, 16, 24, 32
 * bit) or 32/64-bit float, any channel count (mixed down to one), and skips chunks it does not need
 * (LIST, fact, cue …). Anything else is refused with one sentence a musician can act on.
 */

/** Bytes that are not audio we can read; `message` says why in one line. */
export class AudioFileError extends Error {
  override readonly name = 'AudioFileError';
  readonly code = 'INVALID_AUDIO';
}

export interface MonoAudio {
  sampleRate: number;
  /** −1 … 1, channels averaged. */
  samples: Float32Array;
}

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

function ascii(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/**
 * Decode a WAV file; throws AudioFileError for anything else.
 * @example decodeWav(readFileSync('hum.wav')).sampleRate // 44100
 */
export function decodeWav(bytes: Uint8Array): MonoAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || ascii(view, 0) !== 'RIFF' || ascii(view, 8) !== 'WAVE') {
    throw new AudioFileError('not a WAV file (it should start with RIFF…WAVE; record or export as .wav)');
  }
  let format: { code: number; channels: number; sampleRate: number; bits: number } | null = null;
  let data: { at: number; length: number } | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(view, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new AudioFileError('the WAV file has a damaged format chunk');
      let code = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
      if (code === EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) code = view.getUint16(body + 24, true);
      format = { code, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      // A recorder that never went back to write the length leaves 0 or 0xFFFFFFFF: read to the end.
      const length = size === 0 || size === 0xffffffff ? bytes.length - body : Math.min(size, bytes.length - body);
      data = { at: body, length };
      break;
    }
    at = body + size + (size % 2);
  }
  if (!format) throw new AudioFileError('the WAV file has no format chunk');
  if (!data) throw new AudioFileError('the WAV file has no audio data');
  const { code, channels, sampleRate, bits } = format;
  if (channels < 1) throw new AudioFileError('the WAV file says it has no channels');
  if (sampleRate < 8000 || sampleRate > 192000) throw new AudioFileError(`the WAV file's sample rate ${sampleRate} Hz is outside 8000–192000 Hz`);
  const isFloat = code === FLOAT && (bits === 32 || bits === 64);
  const isPcm = code === PCM && [8, 16, 24, 32].includes(bits);
  if (!isFloat && !isPcm) throw new AudioFileError(`unsupported WAV encoding (format ${code}, ${bits}-bit); use 16-bit PCM or 32-bit float`);
  const width = bits / 8;
  const frames = Math.floor(data.length / (width * channels));
  if (frames === 0) throw new AudioFileError('the WAV file holds no samples');
  const read = sampleReader(view, isFloat, bits);
  const samples = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    const base = data.at + f * width * channels;
    for (let c = 0; c < channels; c++) sum += read(base + c * width);
    samples[f] = sum / channels;
  }
  return { sampleRate, samples };
}

function sampleReader(view: DataView, isFloat: boolean, bits: number): (at: number) => number {
  if (isFloat) return bits === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  switch (bits) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128; // 8-bit WAV is unsigned
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) => {
        const v = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        return v / 8388608;
      };
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}
