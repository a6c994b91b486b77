import { describe, expect, it } from 'vitest';
import { parseParams, SongParameters } from '../params.ts';
import { captureRequest, jamParams, recordPath, type Morph } from './params.ts';

const base = parseParams({ key: 'Bb', mode: 'major', tempo: 100, meter: '3/4', sections: [{ name: 'verse', bars: 8, chords: ['I', 'vi', 'IV', 'V'] }] });

describe('jamParams', () => {
  it('keeps the song (key, meter, instruments, chords) and loops one 4-bar section at the pad point', () => {
    const p = jamParams(base, { valence: -0.456, arousal: 2 });
    expect(SongParameters.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({ key: 'Bb', meter: '3/4', valence: -0.46, arousal: 1, instruments: base.instruments });
    expect(p.sections).toEqual([{ name: 'jam', bars: 4, chords: ['I', 'vi', 'IV', 'V'], energy: 0.85, valenceOffset: 0, arousalOffset: 0 }]);
  });

  it('lets the injected mapping choose mode and tempo but never key or meter', () => {
    const morph: Morph = (v, a, b) => ({ ...b, mode: v < 0 ? 'minor' : 'lydian', tempo: Math.round(90 + 40 * a), key: 'E', meter: '4/4' });
    const p = jamParams(base, { valence: -0.5, arousal: 0.5 }, morph);
    expect(p).toMatchObject({ mode: 'minor', tempo: 110, key: 'Bb', meter: '3/4' });
  });
});

describe('jam capture and path', () => {
  it('names the capture by its point', () => {
    expect(captureRequest({ valence: 0.4, arousal: -0.251 })).toBe('jam capture (valence 0.4, arousal -0.25)');
    expect(captureRequest({ valence: 0.4, arousal: 0 }, 'Take 2, bar 5')).toBe('jam capture (valence 0.4, arousal 0) from Take 2, bar 5');
  });

  it('records moves, skipping repeats and keeping the newest within the limit', () => {
    let path = recordPath([], 0, { valence: 0, arousal: 0 });
    path = recordPath(path, 10, { valence: 0.001, arousal: 0 });
    path = recordPath(path, 20, { valence: 0.2, arousal: 0 });
    path = recordPath(path, 30, { valence: 0.3, arousal: 0 }, 2);
    expect(path).toEqual([{ atMs: 20, valence: 0.2, arousal: 0 }, { atMs: 30, valence: 0.3, arousal: 0 }]);
  });
});
