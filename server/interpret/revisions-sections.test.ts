/** Revisions aimed at one section change that section and leave the rest of the song alone. */
import { describe, expect, it } from 'vitest';
import { SongParameters } from '../../music/params.ts';
import { reviseOffline } from './revise.ts';
import { interpretOffline } from './interpret.ts';

const song = SongParameters.parse({
  sections: [
    { name: 'verse', bars: 8, energy: 0.4 },
    { name: 'chorus', bars: 8, energy: 0.7 },
    { name: 'verse', bars: 8, energy: 0.4 },
    { name: 'chorus', bars: 8, energy: 0.7 },
  ],
});
const of = (p: SongParameters, name: string) => p.sections.filter((s) => s.name === name);
/** Everything but the sections and the rationale, which a section revision must not touch. */
const rest = (p: SongParameters) => ({ ...p, sections: undefined, rationale: undefined });

describe('section revisions', () => {
  it.each([
    ['the chorus is too quiet', 'chorus', 1],
    ['The chorus feels a bit too soft', 'chorus', 1],
    ['the verses are way too busy', 'verse', -1],
    ['the verse sounds so loud', 'verse', -1],
    ['the chorus needs more energy', 'chorus', 1],
    ['the chorus could use a bit more punch', 'chorus', 1],
    ['give the verse less punch', 'verse', -1],
    ['more drive in the chorus', 'chorus', 1],
    ['less energy in the verses', 'verse', -1],
  ] as const)('"%s" moves the %s only, %i', (request, name, direction) => {
    const revised = reviseOffline(song, request);
    expect(revised.unrecognised).toBe(false);
    for (const [before, after] of of(song, name).map((s, i) => [s, of(revised.params, name)[i]!] as const)) {
      expect(Math.sign(after.energy - before.energy)).toBe(direction);
      expect(Math.sign(after.arousalOffset - before.arousalOffset)).toBe(direction);
    }
    const other = name === 'chorus' ? 'verse' : 'chorus';
    expect(of(revised.params, other)).toEqual(of(song, other));
    expect(rest(revised.params)).toEqual(rest(song));
  });

  it.each([
    ['make the verse sadder', 'verse', -1],
    ['the chorus a bit happier', 'chorus', 1],
    ['a happier chorus', 'chorus', 1],
    ['a more hopeful chorus', 'chorus', 1],
    ['a less hopeful chorus', 'chorus', -1],
    ['a darker bridge', 'bridge', -1],
  ] as const)('"%s" colours the %s only (valence %i)', (request, name, direction) => {
    const base = name === 'bridge' ? SongParameters.parse({ ...song, sections: [...song.sections, { name: 'bridge', bars: 4, energy: 0.5 }] }) : song;
    const revised = reviseOffline(base, request);
    expect(revised.unrecognised).toBe(false);
    for (const s of of(revised.params, name)) expect(Math.sign(s.valenceOffset)).toBe(direction);
    for (const s of revised.params.sections.filter((x) => x.name !== name)) expect(s.valenceOffset).toBe(0);
    expect(rest(revised.params)).toEqual(rest(base));
  });

  it('leaves whole-song requests to the whole song, and ignores sections the song does not have', () => {
    expect(reviseOffline(song, 'too quiet').params.dynamics.level).toBeGreaterThan(song.dynamics.level);
    expect(reviseOffline(song, 'the verse never lands').unrecognised).toBe(true);
    // No bridge here: the words fall through to the whole song, and no bridge is invented.
    expect(reviseOffline(song, 'the bridge is too quiet').params.sections).toEqual(song.sections);
    expect(reviseOffline(song, 'the chorus should feel like relief').params.sections[1]!.valenceOffset).toBeGreaterThan(0);
  });
});

describe('a section asked to feel some way, in four languages', () => {
  const base = interpretOffline('a quiet song about my grandmother, slow and sad').params;
  const chorus = (p: typeof base) => p.sections.filter((s) => s.name === 'chorus');
  const verse = (p: typeof base) => p.sections.filter((s) => s.name === 'verse');
  it.each([
    ['the chorus should feel like hope', 1],
    ['more hope in the chorus', 1],
    ['der Refrain soll nach Hoffnung klingen', 1],
    ['mehr Hoffnung im Refrain', 1],
    ["plus d'espoir dans le refrain", 1],
    ['le refrain doit sonner comme la joie', 1],
    ['más esperanza en el estribillo', 1],
    ['que el estribillo suene a alegría', 1],
    ['plus de tristesse au refrain', -1],
  ] as const)('%s: the chorus moves (%i), the verses and the song keep their feeling', (request, sign) => {
    const { params, unrecognised } = reviseOffline(base, request);
    expect(unrecognised).toBe(false);
    expect(chorus(params).every((s) => Math.sign(s.valenceOffset) === sign)).toBe(true);
    expect(verse(params)).toEqual(verse(base));
    expect([params.valence, params.key, params.mode, params.tempo]).toEqual([base.valence, base.key, base.mode, base.tempo]);
  });
});
