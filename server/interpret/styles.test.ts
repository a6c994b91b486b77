/**
 * Style templates through the offline interpreter: the mode a style accepts, explicit modes kept,
 * blend shares from the musician's words, groove words on a first description, meter groupings
 * that follow a meter change, and reasons that credit the template for what it chose.
 */
import { describe, expect, it } from 'vitest';
import { Chord, Note } from 'tonal';
import { interpretOffline } from './interpret.ts';
import { reviseOffline } from './revise.ts';
import { generateSketch } from '../../music/generate.ts';
import type { SongParameters } from '../../music/params.ts';

const interpret = (text: string) => interpretOffline(text).params;
const reason = (p: SongParameters, aspect: string) => p.rationale.find((r) => r.aspect === aspect);

/** True when some dominant seventh on the fifth degree is followed by the tonic chord. */
function resolvesV7(p: SongParameters, seed = 2): boolean {
  const sketch = generateSketch(p, seed);
  const rel = (s: string) => ((Note.chroma(Chord.get(s).tonic ?? '') ?? 0) - (Note.chroma(sketch.key) ?? 0) + 12) % 12;
  return sketch.chords.some((c, i) => {
    const next = sketch.chords[i + 1];
    return !!next && Chord.get(c.symbol).type === 'dominant seventh' && rel(c.symbol) === 7 && rel(next.symbol) === 0;
  });
}

describe('a style plays in a mode it accepts', () => {
  for (const text of ['like a bossa nova', 'like a bossa nova, bittersweet and restless', 'a bossa nova, mixed feelings, hopeful but tired', 'a bossa nova–lo-fi blend']) {
    it(`gives "${text}" major or minor, with a dominant seventh resolving home`, () => {
      const p = interpret(text);
      expect(p.style).toBe('bossa nova');
      expect(['major', 'minor']).toContain(p.mode);
      expect(resolvesV7(p)).toBe(true);
    });
  }

  it('keeps a mode asked for in the same breath: "bossa nova in D dorian"', () => {
    expect(interpret('a bossa nova in D dorian')).toMatchObject({ style: 'bossa nova', key: 'D', mode: 'dorian' });
  });

  it('keeps a mode asked for earlier when a style comes later, but moves a felt one', () => {
    const asked = reviseOffline(interpret('a song about the sea in D dorian'), 'make it a bossa nova').params;
    expect(asked).toMatchObject({ style: 'bossa nova', mode: 'dorian' });
    const felt = interpret('bittersweet and restless');
    expect(['dorian', 'mixolydian']).toContain(felt.mode);
    expect(['major', 'minor']).toContain(reviseOffline(felt, 'make it a bossa nova').params.mode);
  });

  it('puts flamenco in phrygian dominant whatever the feelings', () => {
    for (const text of ['flamenco, joyful', 'flamenco, dark and proud']) expect(interpret(text).mode).toBe('phrygian dominant');
  });
});

describe('blend shares from the words', () => {
  it.each([
    ['70% bossa nova and 30% lo-fi', 'bossa nova', 'lo-fi hip hop', 0.3],
    ['40 percent lo-fi, 60 percent bossa nova', 'lo-fi hip hop', 'bossa nova', 0.6],
    ['half reggae, half bossa', 'reggae', 'bossa nova', 0.5],
    ['mostly bossa nova with a bit of lo-fi', 'bossa nova', 'lo-fi hip hop', 0.25],
    ['mostly gospel, a touch of blues', 'gospel', 'blues', 0.25],
    // The same in German, French and Spanish, as a musician (or the Style control) says them.
    ['halb Reggae, halb Bossa Nova', 'reggae', 'bossa nova', 0.5],
    ['Bossa Nova trifft Lo-Fi', 'bossa nova', 'lo-fi hip hop', 0.5],
    ['vor allem Gospel, mit einem Hauch Blues', 'gospel', 'blues', 0.25],
    ['mi-reggae, mi-bossa nova', 'reggae', 'bossa nova', 0.5],
    ['surtout du gospel, avec un peu de blues', 'gospel', 'blues', 0.25],
    ["surtout bossa nova, avec une touche d'afrobeat", 'bossa nova', 'afrobeat', 0.25],
    ['mitad reggae, mitad bossa nova', 'reggae', 'bossa nova', 0.5],
    ['sobre todo gospel, con un poco de blues', 'gospel', 'blues', 0.25],
    ['reggae y bossa nova a partes iguales', 'reggae', 'bossa nova', 0.5],
  ])('reads "%s" as %s with %s at %s', (text, style, other, amount) => {
    const p = interpret(text);
    expect(p.style).toBe(style);
    expect(p.styleBlend).toEqual({ with: other, amount });
  });
});

describe('groove words on a first description', () => {
  it('honours "with a shuffle" and "half-time feel"', () => {
    const shuffle = interpret('a tired song about Sunday with a shuffle');
    expect(shuffle.rhythm.feel).toBe('shuffle');
    expect(shuffle.rhythm.swing).toBeGreaterThanOrEqual(0.6);
    const half = interpret('heavy and slow, half-time feel');
    expect(half.rhythm.feel).toBe('half-time');
    expect(half.drums.groove).toBe('half-time');
  });

  it('does not hear the verb "shuffle" or "at half time" as a groove', () => {
    expect(interpret('I shuffle through the empty house').rhythm.feel).not.toBe('shuffle');
    expect(interpret('we scored at half time and cheered').rhythm.feel).not.toBe('half-time');
  });
});

describe('meter grouping follows the meter', () => {
  const seven = interpret('in 7/8, grouped 3+2+2');

  it('carries the long-first shape into 5/4 and drops it for an even meter', () => {
    expect(reviseOffline(seven, 'make it 5/4').params).toMatchObject({ meter: '5/4', meterGrouping: '3+2' });
    const four = reviseOffline(seven, 'make it 4/4').params;
    expect(four.meter).toBe('4/4');
    expect(four.meterGrouping).toBeUndefined();
    expect(reviseOffline(seven, 'make it a waltz').params.meterGrouping).toBeUndefined();
  });

  it('keeps a grouping named with the meter', () => {
    expect(reviseOffline(seven, 'make it 5/4, 2+3').params).toMatchObject({ meter: '5/4', meterGrouping: '2+3' });
  });
});

describe('reasons credit the template', () => {
  it('says flamenco chose the Hijaz mode, not the feelings’ mixolydian', () => {
    const p = interpret('flamenco, dark and proud');
    const mode = reason(p, 'mode')!;
    expect(mode.because).toMatch(/flamenco/i);
    expect(mode.because).toMatch(/phrygian dominant/);
    expect(mode.because).not.toMatch(/^Mixolydian/);
  });

  it('names the bossa nova groove for the drums, not "auto groove"', () => {
    const drums = reason(interpret('like a bossa nova'), 'drums')!;
    expect(drums.choice).toMatch(/^bossa groove/);
    expect(drums.because).toMatch(/bossa nova/);
  });

  it('keeps the feelings as the reason when no style is named', () => {
    expect(reason(interpret('bittersweet and restless'), 'mode')!.because).not.toMatch(/style/);
  });
});

describe('styles without a template keep their own pace', () => {
  it.each([
    ['a sad punk song about my ex', 'punk'], ['un morceau punk', 'punk'], ['una canción punk', 'punk'], ['a tender metal song', 'metal'], ['a sad disco track', 'disco'],
  ])('%j sits in the %s range, loud where the style is', async (text, style) => {
    const { STYLE_PACE } = await import('./styles.ts');
    const { tempo: [lo, hi], level } = STYLE_PACE[style]!;
    const p = interpretOffline(text).params;
    expect(p.tempo).toBeGreaterThanOrEqual(lo);
    expect(p.tempo).toBeLessThanOrEqual(hi);
    if (level !== undefined) expect(p.dynamics.level).toBeGreaterThanOrEqual(level);
    // The reason names the style's range, which the tempo is in.
    expect(p.rationale.find((r) => r.aspect === 'tempo')?.because).toContain(`${lo}–${hi} bpm`);
  });

  it('gives way to a tempo the musician names', () => {
    expect(interpretOffline('a slow punk song').params.tempo).toBeLessThan(80);
    expect(interpretOffline('punk, 120 bpm').params.tempo).toBe(120);
  });
});
