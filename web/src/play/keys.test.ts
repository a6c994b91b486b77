import { describe, expect, it } from 'vitest';
import { keyIsTaken, midiNote, qwertyLabel, TYPING_KEYS, typingKey, typingPitch, typingStart, VELOCITIES } from './keys.ts';

describe('musical typing', () => {
  it('plays a chromatic octave and a half from the home row, middle C on A', () => {
    const s = typingStart();
    const pitches = Object.keys(TYPING_KEYS).map((code) => typingKey({ code }, s)).map((a) => (a?.kind === 'note' ? a.pitch : null));
    expect(pitches).toEqual(Array.from({ length: 18 }, (_, i) => 60 + i));
    expect(typingKey({ code: 'KeyA' }, s)).toEqual({ kind: 'note', pitch: 60, velocity: 80 });
  });

  it('shifts octave with Z and X and loudness with C and V, within bounds', () => {
    let s = typingStart();
    for (let i = 0; i < 10; i++) s = (typingKey({ code: 'KeyZ' }, s) as { state: typeof s }).state;
    expect(s.octave).toBe(1);
    expect((typingKey({ code: 'KeyA' }, s) as { pitch: number }).pitch).toBe(24);
    for (let i = 0; i < 10; i++) s = (typingKey({ code: 'KeyX' }, s) as { state: typeof s }).state;
    expect(s.octave).toBe(7);
    // The top of the top octave stays inside MIDI's range.
    for (const code of Object.keys(TYPING_KEYS)) {
      const a = typingKey({ code }, s);
      if (a?.kind === 'note') expect(a.pitch).toBeLessThanOrEqual(127);
    }
    s = (typingKey({ code: 'KeyV' }, { ...s, loudness: VELOCITIES.length - 1 }) as { state: typeof s }).state;
    expect(s.loudness).toBe(VELOCITIES.length - 1);
    s = (typingKey({ code: 'KeyC' }, { ...s, loudness: 0 }) as { state: typeof s }).state;
    expect(s.loudness).toBe(0);
    expect(typingPitch('KeyK', 3)).toBe(60);
    expect(typingPitch('Space', 3)).toBeNull();
  });

  it('leaves Space, arrows and modified keys alone', () => {
    const s = typingStart();
    for (const code of ['Space', 'ArrowLeft', 'ArrowUp', 'Enter', 'Escape', 'Tab', 'Digit1']) expect(typingKey({ code }, s)).toBeNull();
    expect(typingKey({ code: 'KeyA', ctrlKey: true }, s)).toBeNull();
    expect(typingKey({ code: 'KeyS', metaKey: true }, s)).toBeNull();
    expect(keyIsTaken({ code: 'KeyA', altKey: true })).toBe(true);
    expect(keyIsTaken({ code: 'KeyA' })).toBe(false);
    expect(qwertyLabel('Semicolon')).toBe(';');
    expect(qwertyLabel('KeyW')).toBe('W');
  });
});

describe('midiNote', () => {
  it('reads note-on and note-off on any channel, velocity 0 as off, and ignores the rest', () => {
    expect(midiNote([0x90, 60, 100])).toEqual({ kind: 'on', pitch: 60, velocity: 100, channel: 0 });
    expect(midiNote([0x93, 64, 0])).toEqual({ kind: 'off', pitch: 64, velocity: 0, channel: 3 });
    expect(midiNote([0x8f, 64, 40])).toEqual({ kind: 'off', pitch: 64, velocity: 40, channel: 15 });
    expect(midiNote([0xf8])).toBeNull();
    expect(midiNote([0xb0, 64, 127])).toBeNull();
    expect(midiNote([0x90, 60])).toBeNull();
  });
});
