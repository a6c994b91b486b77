import { describe, expect, it } from 'vitest';
import { SongParameters, describeIssues } from './params.ts';

describe('SongParameters', () => {
  it('completes a partial object with sensible defaults', () => {
    const p = SongParameters.parse({ key: 'D', mode: 'dorian', melody: { density: 0.8 } });
    expect(p.key).toBe('D');
    expect(p.melody.density).toBe(0.8);
    expect(p.melody.low).toBe(60);
    expect(p.sections.map((s) => s.name)).toContain('chorus');
  });

  it('names the field at fault', () => {
    const r = SongParameters.safeParse({ key: 'H', sections: [{ name: 'verse', bars: 0 }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(r.error)).toMatch(/^key: .*; sections\.0\.bars: /);
  });

  it('rejects a mode Tonal cannot spell', () => {
    expect(SongParameters.safeParse({ mode: 'happy' }).success).toBe(false);
  });
});
