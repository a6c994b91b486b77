import { describe, expect, it } from 'vitest';
import type { Sketch } from '../../music/sketch.ts';
import { printData } from '../../web/src/print/summary.ts';
import type { Note, SongSummary, VersionSummary } from '../../web/src/lib/types.ts';

const song: SongSummary = { id: 's1', title: 'Long drive', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-25T09:30:00.000Z', archived: false, intention: null, versionCount: 2 };
const version = (n: number, over: Partial<VersionSummary> = {}): VersionSummary =>
  ({ id: `v${n}`, number: n, parentId: null, request: n === 1 ? 'first sketch' : 'slower', seed: 1, engineVersion: 'x', changes: n === 1 ? [] : ['96 → 80 bpm'], rating: null, note: null, createdAt: song.createdAt, valence: 0, arousal: 0, key: 'A', mode: 'minor', tempo: 80, meter: '3/4', ...over }) as VersionSummary;
const sketch = {
  key: 'A', mode: 'minor', tempo: 80, meter: '3/4',
  sections: [{ name: 'verse', index: 0, startTick: 0, startBar: 0, bars: 2, energy: 0.5, valence: 0, arousal: 0 }],
  chords: [{ symbol: 'Am', roman: 'i', start: 0, duration: 1440, bar: 0 }],
} as unknown as Sketch;

describe('printData', () => {
  it('gathers intention, a chart of the charted version, notes with their version, and every version', () => {
    const notes: Note[] = [{ id: 'n1', text: 'chorus up an octave', versionId: 'v2', createdAt: '2026-11-24T08:00:00.000Z' }];
    const d = printData({ song, intention: { id: 'i', text: 'For my brother', confirmed: true, createdAt: song.createdAt }, notes, versions: [version(1, { rating: -1 }), version(2, { rating: 2, note: 'better' })], charted: { number: 2, sketch } });
    expect(d.intention).toBe('For my brother');
    expect(d.heading).toBe('v2 · A minor · 80 bpm · 3/4');
    expect(d.chart).toEqual([{ index: 0, name: 'verse', bars: [{ bar: 0, chords: [sketch.chords[0]] }, { bar: 1, chords: [] }] }]);
    expect(d.notes).toEqual([{ text: 'chorus up an octave', version: 2, date: '2026-11-24' }]);
    expect(d.versions[0]!.rating).toBe('-1');
    expect(d.versions[1]).toEqual({ number: 2, request: 'slower', changes: '96 → 80 bpm', rating: '+2', note: 'better' });
  });

  it('prints an empty song without inventing anything', () => {
    const d = printData({ song, intention: null, notes: [], versions: [], charted: null });
    expect(d).toMatchObject({ intention: null, heading: null, chart: [], notes: [], versions: [] });
  });
});
