import { describe, expect, it } from 'vitest';
import { parseParams, type SongParameters } from '../../music/params.ts';
import { reviseOffline } from './revise.ts';
import { requestLanguage } from './scope-read.ts';
import { vocabularies } from './scope-vocab.ts';

const FORM = [
  { name: 'intro', bars: 4 }, { name: 'verse', bars: 8 }, { name: 'chorus', bars: 8 }, { name: 'verse', bars: 8 },
  { name: 'chorus', bars: 8 }, { name: 'bridge', bars: 8 }, { name: 'chorus', bars: 8 }, { name: 'outro', bars: 4 },
];
const base = parseParams({ sections: FORM, instruments: { melody: 'flute', chords: 'piano', bass: 'electric bass' } });

/** Everything but the sections' arrangements (and energy, for "bigger"), as JSON. */
const rest = (p: SongParameters, energy = true) =>
  JSON.stringify({ ...p, rationale: [], sections: p.sections.map(({ arrangement: _a, energy: e, ...s }) => (energy ? { ...s, e } : s)) });
const arrangements = (p: SongParameters) => p.sections.map((s) => s.arrangement ?? null);
const at = (names: string[]) => base.sections.map((s, i) => (names.includes(`${s.name}`) || names.includes(`${s.name}#${base.sections.slice(0, i + 1).filter((x) => x.name === s.name).length}`) ? i : -1)).filter((i) => i >= 0);

/** Revise and check that only the given sections' arrangement changed, returning them. */
function scoped(request: string, expected: string[], energy = true) {
  const r = reviseOffline(base, request);
  expect(r.unrecognised, request).toBe(false);
  expect(rest(r.params, energy), `${request}: nothing but the arrangement changes`).toBe(rest(base, energy));
  const changed = arrangements(r.params).map((a, i) => (JSON.stringify(a) !== JSON.stringify(arrangements(base)[i]) ? i : -1)).filter((i) => i >= 0);
  expect(changed, request).toEqual(at(expected));
  return r.params.sections;
}

describe('scoped revisions change sections[i].arrangement and nothing else', () => {
  it('"fewer drums in the verse" thins the drums of every verse only', () => {
    const s = scoped('fewer drums in the verse', ['verse']);
    expect(s[1]!.arrangement).toEqual({ drums: { density: -0.45 } });
  });
  it('"piano softer in the intro" softens the part that plays piano (the chords here)', () => {
    expect(scoped('piano softer in the intro', ['intro'])[0]!.arrangement).toEqual({ chords: { level: 0.65 } });
  });
  it('"flute softer in the intro" finds the melody, which plays the flute', () => {
    expect(scoped('flute softer in the intro', ['intro'])[0]!.arrangement).toEqual({ melody: { level: 0.65 } });
  });
  it('"no bass in the intro" and "take the drums out of the outro" mute one part', () => {
    expect(scoped('no bass in the intro', ['intro'])[0]!.arrangement).toEqual({ bass: { mute: true } });
    expect(scoped('take the drums out of the outro', ['outro'])[7]!.arrangement).toEqual({ drums: { mute: true } });
  });
  it('"the verse melody lower" and "melody much higher in the bridge" shift octaves', () => {
    expect(scoped('the verse melody lower', ['verse'])[3]!.arrangement).toEqual({ melody: { register: -1 } });
    expect(scoped('melody much higher in the bridge', ['bridge'])[5]!.arrangement).toEqual({ melody: { register: 2 } });
  });
  it('"a bit" and "much" scale the change', () => {
    const bit = scoped('a bit fewer drums in the verse', ['verse'])[1]!.arrangement!.drums!.density!;
    const much = scoped('much fewer drums in the verse', ['verse'])[1]!.arrangement!.drums!.density!;
    expect(bit).toBeGreaterThan(-0.45);
    expect(much).toBeLessThan(-0.45);
  });
  it('"the last chorus bigger" names one instance; "the second verse" another', () => {
    scoped('the last chorus bigger', ['chorus#3'], false);
    scoped('in the second verse, drop the bass', ['verse#2']);
  });
  it('"quieter drums in verse 2" and "Sin bajo en la segunda estrofa" name the instance by number or ordinal', () => {
    scoped('quieter drums in verse 2', ['verse#2']);
    scoped('Sin bajo en la segunda estrofa', ['verse#2']);
  });
  it('"louder chorus" raises every part of every chorus', () => {
    const s = scoped('louder chorus', ['chorus']);
    expect(Object.keys(s[2]!.arrangement!).sort()).toEqual(['bass', 'chords', 'drums', 'melody']);
  });
  it.each([
    ['ohne Schlagzeug im Refrain', ['chorus'], { drums: { mute: true } }],
    ['weniger Schlagzeug in der Strophe', ['verse'], { drums: { density: -0.45 } }],
    ['den Bass im letzten Refrain leiser', ['chorus#3'], { bass: { level: 0.65 } }],
    ['moins de batterie dans le couplet', ['verse'], { drums: { density: -0.45 } }],
    ['sans basse dans l’intro', ['intro'], { bass: { mute: true } }],
    ['la mélodie plus grave dans le pont', ['bridge'], { melody: { register: -1 } }],
    ['sin batería en el estribillo', ['chorus'], { drums: { mute: true } }],
    ['el bajo más suave en la estrofa', ['verse'], { bass: { level: 0.65 } }],
    ['la melodía más aguda en el último estribillo', ['chorus#3'], { melody: { register: 1 } }],
  ])('%s', (request, where, arrangement) => {
    const s = scoped(request, where);
    expect(s[at(where)[0]!]!.arrangement).toEqual(arrangement);
  });
});

describe('playing styles and instruments per section', () => {
  it('"strummed chords in the chorus" and "a walking bass in the bridge" set that part\'s pattern there only', () => {
    expect(scoped('strummed chords in the chorus', ['chorus'])[2]!.arrangement).toEqual({ chords: { pattern: 'strum' } });
    expect(scoped('a walking bass in the bridge', ['bridge'])[5]!.arrangement).toEqual({ bass: { pattern: 'walking' } });
    expect(scoped('des accords arpégés dans le couplet', ['verse'])[1]!.arrangement).toEqual({ chords: { pattern: 'arpeggio' } });
  });
  it('"strings in the chorus" and "guitar instead of piano in the verse" change the instrument there only', () => {
    expect(scoped('strings in the chorus', ['chorus'])[2]!.arrangement).toEqual({ chords: { instrument: 'strings' } });
    expect(scoped('guitar instead of piano in the verse', ['verse'])[1]!.arrangement).toEqual({ chords: { instrument: 'acoustic guitar' } });
    expect(scoped('Streicher im letzten Refrain', ['chorus#3'])[6]!.arrangement).toEqual({ chords: { instrument: 'strings' } });
  });
});

describe('form changes', () => {
  it('"an instrumental break after the second chorus" inserts one there, without the tune', () => {
    const r = reviseOffline(base, 'an instrumental break after the second chorus');
    const names = r.params.sections.map((s) => s.name);
    expect(names).toEqual(['intro', 'verse', 'chorus', 'verse', 'chorus', 'instrumental', 'bridge', 'chorus', 'outro']);
    expect(r.params.sections[5]!.arrangement).toEqual({ melody: { mute: true } });
  });
  it('"add a pre-chorus" puts one before every chorus; "add an outro" ends a song that had none', () => {
    expect(reviseOffline(base, 'add a pre-chorus').params.sections.filter((s) => s.name === 'pre-chorus')).toHaveLength(3);
    const noOutro = parseParams({ sections: FORM.slice(0, -1) });
    expect(reviseOffline(noOutro, 'add an outro').params.sections.at(-1)!.name).toBe('outro');
  });
  it('"füge einen Vorrefrain hinzu" and "ajoute un pont après le premier refrain"', () => {
    expect(reviseOffline(base, 'füge einen Vorrefrain hinzu').params.sections.filter((s) => s.name === 'pre-chorus')).toHaveLength(3);
    const fr = reviseOffline(base, 'ajoute un pont après le premier refrain').params.sections.map((s) => s.name);
    expect(fr.slice(0, 4)).toEqual(['intro', 'verse', 'chorus', 'bridge']);
  });
});

describe('whole-song words in every language, and the rest of a request', () => {
  it.each([['plus lent', 'fr'], ['más lento', 'es'], ['langsamer', 'de'], ['slower', 'en']])('"%s" is slower (%s)', (request, language) => {
    expect(reviseOffline(base, request).params.tempo).toBeLessThan(base.tempo);
    expect(requestLanguage(request)).toBe(language);
  });
  it('"slower, and no bass in the intro" does both, and the bass plays on elsewhere', () => {
    const r = reviseOffline(base, 'slower, and no bass in the intro');
    expect(r.params.tempo).toBeLessThan(base.tempo);
    expect(r.params.sections.filter((s) => s.arrangement?.bass?.mute).map((s) => s.name)).toEqual(['intro']);
  });
  it('"guitar and violin" still reaches the whole-song rules whole', () => {
    expect(reviseOffline(base, 'guitar and violin').params.instruments.chords).toBe('acoustic guitar');
  });
  it('every language file has the same say keys as English', () => {
    const en = Object.keys(vocabularies().get('en')!.say).sort();
    for (const [code, v] of vocabularies()) expect(Object.keys(v.say).sort(), code).toEqual(en);
  });
});
