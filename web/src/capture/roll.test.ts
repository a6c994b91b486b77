import { describe, expect, it } from 'vitest';
import { inOrder, moved, noteName, pitchRange } from './roll.ts';

const note = { pitch: 60, start: 480, duration: 240, velocity: 0.8 };

describe('the editable roll', () => {
  it('moves a note on the grid and within MIDI range', () => {
    expect(moved(note, 0.3, 2, 120)).toMatchObject({ pitch: 62, start: 600 });
    expect(moved(note, -5, 0, 120).start).toBe(0);
    expect(moved({ ...note, pitch: 126 }, 0, 5, 120).pitch).toBe(127);
  });
  it('shows at least an octave around the tune', () => {
    expect(pitchRange([note])).toEqual({ low: 57, high: 69 });
    expect(pitchRange([])).toEqual({ low: 55, high: 79 });
  });
  it('sends notes in time order and names them as musicians do', () => {
    expect(inOrder([{ ...note, start: 960 }, note]).map((n) => n.start)).toEqual([480, 960]);
    expect(noteName(67)).toBe('G4');
    expect(noteName(70)).toBe('B♭4');
  });
});
