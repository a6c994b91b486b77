import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SongParameters } from '../../music/params.ts';
import { interpretOffline, reviseOffline } from './index.ts';

const base = SongParameters.parse({ valence: 0.3, arousal: 0, key: 'C', mode: 'major', tempo: 96 });
const revise = (request: string, p = base) => reviseOffline(p, request);

/** Everything except the named top-level fields and the rationale must be untouched. */
function expectOnlyChanged(before: SongParameters, after: SongParameters, fields: (keyof SongParameters)[]) {
  for (const key of Object.keys(before) as (keyof SongParameters)[]) {
    if (key === 'rationale' || fields.includes(key)) continue;
    expect(after[key], `${key} should not change`).toEqual(before[key]);
  }
}

describe('reviseOffline: relative requests', () => {
  it('"slower" lowers the tempo, says so, and changes nothing else', () => {
    const r = revise('slower');
    expect(r.params.tempo).toBe(80);
    expect(r.understood).toEqual(['slower: 96 → 80 bpm']);
    expect(r.unrecognised).toBe(false);
    expectOnlyChanged(base, r.params, ['tempo']);
  });
  it('"much slower" slows more than "slower", "a bit slower" less', () => {
    expect(revise('much slower').params.tempo).toBeLessThan(revise('slower').params.tempo);
    expect(revise('a bit slower').params.tempo).toBeGreaterThan(revise('slower').params.tempo);
  });
  it('reads a typographic apostrophe like a straight one ("doesn’t have to be so fast" slows down)', () => {
    const curly = revise('it doesn’t have to be so fast');
    expect(curly.params.tempo).toBeLessThan(96);
    expect(curly.params.tempo).toBe(revise("it doesn't have to be so fast").params.tempo);
  });
  it('"faster" raises the tempo', () => {
    expect(revise('faster').params.tempo).toBeGreaterThan(96);
  });
  it('"darker" lowers valence and darkens the mode; "brighter" does the opposite', () => {
    const dark = revise('darker').params;
    expect(dark.valence).toBeLessThan(base.valence);
    expect(dark.mode).toBe('mixolydian');
    const bright = revise('brighter').params;
    expect(bright.valence).toBeGreaterThan(base.valence);
    expect(bright.mode).toBe('lydian');
  });
  it('"sadder" lowers valence (and tempo); "happier" raises it', () => {
    expect(revise('sadder').params.valence).toBeLessThan(base.valence);
    expect(revise('sadder').params.tempo).toBeLessThan(base.tempo);
    expect(revise('happier').params.valence).toBeGreaterThan(base.valence);
  });
  it('"calmer" lowers arousal, tempo and drum density; "more energy" raises them', () => {
    const calm = revise('calmer').params;
    expect(calm.arousal).toBeLessThan(0);
    expect(calm.tempo).toBeLessThan(96);
    expect(calm.drums.density).toBeLessThan(base.drums.density);
    expect(calm.mode).toBe(base.mode);
    const lively = revise('more energy').params;
    expect(lively.arousal).toBeGreaterThan(0);
    expect(lively.tempo).toBeGreaterThan(96);
  });
  it.each([
    ['simpler drums', (p: SongParameters) => p.drums.density < base.drums.density && !p.drums.fills, ['drums']],
    ['busier drums', (p: SongParameters) => p.drums.density > base.drums.density, ['drums']],
    ['no drums', (p: SongParameters) => !p.drums.enabled, ['drums']],
    ['sparser melody', (p: SongParameters) => p.melody.density < base.melody.density, ['melody']],
    ['busier melody', (p: SongParameters) => p.melody.density > base.melody.density, ['melody']],
    ['higher', (p: SongParameters) => p.melody.low > base.melody.low && p.melody.high > base.melody.high, ['melody']],
    ['lower', (p: SongParameters) => p.melody.low < base.melody.low, ['melody']],
    ['more swing', (p: SongParameters) => p.rhythm.swing > 0 && p.rhythm.feel === 'swing', ['rhythm', 'drums']],
    ['on piano', (p: SongParameters) => p.instruments.melody === 'piano' && p.instruments.chords === 'piano', ['instruments']],
    ['louder', (p: SongParameters) => p.dynamics.level > base.dynamics.level, ['dynamics']],
  ] as const)('%j does what it says and nothing else', (request, check, fields) => {
    const r = revise(request);
    expect(r.unrecognised).toBe(false);
    expect(check(r.params)).toBe(true);
    expectOnlyChanged(base, r.params, [...fields]);
  });
  it('"the chorus should feel like relief" raises the chorus valence and energy only', () => {
    const r = revise('the chorus should feel like relief');
    const before = base.sections.filter((s) => s.name === 'chorus');
    const after = r.params.sections.filter((s) => s.name === 'chorus');
    after.forEach((s, i) => {
      expect(s.valenceOffset).toBeGreaterThan(before[i]!.valenceOffset);
      expect(s.energy).toBeGreaterThan(before[i]!.energy);
    });
    expect(r.params.sections.filter((s) => s.name !== 'chorus')).toEqual(base.sections.filter((s) => s.name !== 'chorus'));
  });
});

describe('reviseOffline: explicit requests', () => {
  it('"in E minor" sets key and mode and reports the change', () => {
    const r = revise('in E minor');
    expect(r.params).toMatchObject({ key: 'E', mode: 'minor' });
    expect(r.understood).toEqual(['key E minor: C major → E minor']);
  });
  it('"in 3/4" changes the meter', () => {
    expect(revise('in 3/4').params.meter).toBe('3/4');
  });
  it('section edits: add a bridge, remove the intro, chorus twice as long, longer verse', () => {
    expect(revise('add a bridge').params.sections.map((s) => s.name)).toEqual(['intro', 'verse', 'chorus', 'verse', 'bridge', 'chorus', 'outro']);
    expect(revise('remove the intro').params.sections[0]!.name).toBe('verse');
    expect(revise('chorus twice as long').params.sections.filter((s) => s.name === 'chorus').map((s) => s.bars)).toEqual([16, 16]);
    expect(revise('longer verse').params.sections.filter((s) => s.name === 'verse').map((s) => s.bars)).toEqual([12, 12]);
  });
  it('handles several requests in one breath', () => {
    const r = revise('a bit slower, darker, and no intro');
    expect(r.understood).toHaveLength(3);
    expect(r.params.tempo).toBeLessThan(96);
    expect(r.params.sections[0]!.name).toBe('verse');
  });
  it('replaces the rationale for what changed and keeps the rest', () => {
    const start = interpretOffline('calm and grateful').params;
    const r = reviseOffline(start, 'slower');
    const tempo = r.params.rationale.filter((x) => x.aspect === 'tempo');
    expect(tempo).toHaveLength(1);
    expect(tempo[0]!.quote).toBe('slower');
    expect(r.params.rationale.find((x) => x.aspect === 'mode')).toEqual(start.rationale.find((x) => x.aspect === 'mode'));
  });
});

describe('reviseOffline: what it does not understand', () => {
  it('says so and leaves the parameters alone', () => {
    const r = revise('more reverb on the vocals');
    expect(r).toEqual({ params: base, understood: [], unrecognised: true });
  });
  it('always returns valid parameters, unchanged when unrecognised', () => {
    const words = ['slower', 'much', 'faster', 'darker', 'no drums', 'add a bridge', 'remove the intro', 'remove the verse', 'remove the chorus', 'in F# minor', 'chorus twice as long', 'higher', 'up a semitone', 'more swing', 'longer song', 'xyzzy', 'the chorus should feel like joy', 'simpler chords', 'calmer'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.string({ maxLength: 40 }), (parts, noise) => {
      const r = revise(`${parts.join(' and ')} ${noise}`);
      expect(SongParameters.safeParse(r.params).success).toBe(true);
      if (r.unrecognised) expect(r.params).toBe(base);
    }), { numRuns: 300 });
  });
});
