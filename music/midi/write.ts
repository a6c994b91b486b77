/**
 * Write midi-file's event lists as Standard MIDI File bytes in time linear in the number of events.
 *
 * midi-file 1.2.4's writer (also the one bundled in @tonejs/midi 2.0.28) appends every delta time
 * above 127 — in practice most note events — with `Array.concat`, copying everything written so far
 * in that track; a 7,000-note track took seconds. So each track is handed to `writeMidi` a batch of
 * at most MAX_EVENTS_PER_WRITE events at a time, and the batches' bytes are joined. midi-file still
 * writes every event byte; only the 8-byte chunk headers (`MTrk` + length) are ours.
 *
 * Joining is exact because each event carries its own delta time and no event uses running
 * status (the writer then writes every status byte, so an event's bytes never depend on the one
 * before it). writeMidiFile refuses events that ask for running status.
 */
import { writeMidi, type MidiData } from 'midi-file';

/** Events per writeMidi call: small enough that the writer's copying stays cheap. */
export const MAX_EVENTS_PER_WRITE = 64;

// writeMidi's output for a file with one track starts with MThd (8 + 6 bytes), then MTrk's 8-byte header.
const HEADER_CHUNK_BYTES = 14;
const CHUNK_HEADER_BYTES = 8;

/**
 * The same bytes as midi-file's `writeMidi(data)` without options, in linear time.
 * @example writeMidiFile({ header: { format: 1, numTracks: 1, ticksPerBeat: 480 }, tracks: [[{ deltaTime: 0, meta: true, type: 'endOfTrack' }]] })
 */
export function writeMidiFile(data: MidiData): Uint8Array {
  const header = Uint8Array.from(writeMidi({ header: data.header, tracks: data.tracks.map(() => []) }).slice(0, HEADER_CHUNK_BYTES));
  const chunks: Uint8Array[] = [header];
  for (const events of data.tracks) {
    const parts: Uint8Array[] = [];
    for (let from = 0; from < events.length; from += MAX_EVENTS_PER_WRITE) {
      const batch = events.slice(from, from + MAX_EVENTS_PER_WRITE);
      if (batch.some((event) => 'running' in event && event.running)) throw new Error('writeMidiFile cannot join events that use running status');
      const written = writeMidi({ header: data.header, tracks: [batch] });
      parts.push(Uint8Array.from(written.slice(HEADER_CHUNK_BYTES + CHUNK_HEADER_BYTES)));
    }
    chunks.push(trackChunkHeader(parts.reduce((n, part) => n + part.length, 0)), ...parts);
  }
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** "MTrk" and the chunk's length as a big-endian 32-bit number. */
function trackChunkHeader(length: number): Uint8Array {
  const bytes = new Uint8Array(CHUNK_HEADER_BYTES);
  bytes.set([0x4d, 0x54, 0x72, 0x6b]);
  new DataView(bytes.buffer).setUint32(4, length);
  return bytes;
}
