/**
 * The editable piano roll's arithmetic, kept out of the component so it can be tested: where a
 * note is drawn, what a drag or an arrow key does to it (on the grid, within MIDI's range).
 */

export type RollNote = { pitch: number; start: number; duration: number; velocity: number };

export const PX_PER_BEAT = 48;
export const ROW = 12;
export const PPQ = 480;

/** The pitch rows shown: the tune's range with a little room above and below. */
export function pitchRange(notes: readonly RollNote[]): { low: number; high: number } {
  if (!notes.length) return { low: 55, high: 79 };
  const low = Math.max(0, Math.min(...notes.map((n) => n.pitch)) - 3);
  const high = Math.min(127, Math.max(...notes.map((n) => n.pitch)) + 3);
  return { low, high: Math.max(high, low + 12) };
}

/** A note moved by a drag of (dx, dy) pixels or by arrow keys, snapped to the grid. */
export function moved(note: RollNote, beats: number, semitones: number, grid: number): RollNote {
  const start = Math.max(0, Math.round((note.start + beats * PPQ) / grid) * grid);
  return { ...note, start, pitch: Math.max(0, Math.min(127, note.pitch + semitones)) };
}

/** Notes in time order, as the server wants them. */
export function inOrder(notes: readonly RollNote[]): RollNote[] {
  return [...notes].sort((a, b) => a.start - b.start || a.pitch - b.pitch).map((n) => ({ ...n }));
}

const NAMES = ['C', 'C♯', 'D', 'E♭', 'E', 'F', 'F♯', 'G', 'A♭', 'A', 'B♭', 'B'];
/** 67 → "G4". */
export function noteName(pitch: number): string {
  return `${NAMES[pitch % 12]}${Math.floor(pitch / 12) - 1}`;
}
