/**
 * A structural check of a Standard MIDI File's chunks before handing it to the parser, because
 * midi-file reads past the end of a truncated file without complaint and returns nonsense.
 */

/** Why the bytes are not a whole MIDI file, or null when the chunk structure is sound. */
export function chunkProblem(bytes: Uint8Array): string | null {
  const id = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const length = (at: number) => new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
  if (bytes.length < 14 || id(0) !== 'MThd') return 'not a MIDI file (a Standard MIDI File starts with "MThd")';
  const headerLength = length(4);
  if (headerLength < 6) return `the MIDI header is ${headerLength} bytes long, less than the 6 it needs`;
  // Division with the top bit set counts SMPTE frames, not beats: no bars or tempo to speak of.
  if ((bytes[12]! & 0x80) !== 0) return 'SMPTE-timed MIDI files (frames, not beats) are not supported';
  const promised = new DataView(bytes.buffer, bytes.byteOffset + 10, 2).getUint16(0);
  let tracks = 0;
  let at = 8 + headerLength;
  while (at + 8 <= bytes.length) {
    const size = length(at + 4);
    if (at + 8 + size > bytes.length) return `the file is truncated: chunk ${tracks + 1} needs ${size} bytes, ${bytes.length - at - 8} remain`;
    if (id(at) === 'MTrk') tracks++;
    at += 8 + size;
  }
  if (tracks < promised) return `the file is truncated: the header promises ${promised} tracks, ${tracks} are present`;
  return null;
}
