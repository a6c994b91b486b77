import { describe, expect, it } from 'vitest';
import { generateSketch } from '../../music/generate.ts';
import { parseParams, type SongParameters } from '../../music/params.ts';
import { createRng, type Rng } from '../../music/rng.ts';
import type { Sketch } from '../../music/sketch.ts';
import { revisionReplyText } from '../turns/revision-reply.ts';
import { checkRevision, HEARD, type Observation } from './claims.ts';
import { reviseOffline } from './revise.ts';
import { vocabularies, vocabulary } from './scope-vocab.ts';

const FORMS = [
  [['intro', 4], ['verse', 8], ['chorus', 8], ['verse', 8], ['chorus', 8], ['outro', 4]],
  [['verse', 8], ['chorus', 8], ['verse', 8], ['chorus', 8], ['bridge', 8], ['chorus', 8]],
  [['intro', 2], ['verse', 4], ['pre-chorus', 4], ['chorus', 8], ['bridge', 4], ['chorus', 8], ['outro', 4]],
] as const;
const MOODS = [{ valence: -0.6, arousal: -0.4, mode: 'minor', tempo: 70 }, { valence: 0.5, arousal: 0.4, tempo: 118 }, { valence: 0.1, arousal: -0.2, mode: 'dorian', tempo: 92 }];

/** The notes of one part inside one section, counted straight from the sketch (not through claims.ts). */
function notesIn(sketch: Sketch, part: string, section: number) {
  const s = sketch.sections[section]!;
  const [from, to] = [s.startTick, s.startTick + s.bars * sketch.ticksPerBar];
  return sketch.tracks.find((t) => t.id === part)?.notes.filter((n) => n.start >= from && n.start < to) ?? [];
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Is this observation true of the raw notes of the two sketches? */
function holds(o: Observation, before: Sketch, after: Sketch, beforeIndex: number): boolean {
  if (o.part === null) return true; // chord colour: checked by claims.test's chord case below
  const [x, y] = [notesIn(before, o.part, beforeIndex), notesIn(after, o.part, o.section)];
  // Loudness as a listener hears it: the notes that stayed in place, when a quarter or more did.
  const fromB = before.sections[beforeIndex]!.startTick;
  const fromA = after.sections[o.section]!.startTick;
  const place = (n: (typeof x)[number], from: number) => `${n.pitch}:${n.start - from}`;
  const pool = new Map<string, number[]>();
  for (const n of y) pool.set(place(n, fromA), [...(pool.get(place(n, fromA)) ?? []), n.velocity]);
  let [sumB, sumA, matched] = [0, 0, 0];
  for (const n of x) {
    const left = pool.get(place(n, fromB));
    if (left?.length) { sumB += n.velocity; sumA += left.pop()!; matched++; }
  }
  const loud = matched > 0 && matched >= 0.25 * Math.min(x.length, y.length);
  const v = (ns: typeof x) => mean(ns.map((n) => n.velocity));
  const sounding = (sk: Sketch, i: number) => {
    const track = sk.tracks.find((t) => t.id === o.part)!;
    return (track.programChanges ?? []).filter((c) => c.tick <= sk.sections[i]!.startTick).at(-1)?.instrument ?? track.instrument;
  };
  const p = (ns: typeof x) => mean(ns.map((n) => n.pitch));
  switch (o.kind) {
    case 'silent': return x.length > 0 && y.length === 0;
    case 'returns': return x.length === 0 && y.length > 0;
    case 'busier': return y.length > x.length;
    case 'sparser': return y.length < x.length;
    case 'louder': return loud ? sumA > sumB : v(y) > v(x);
    case 'softer': return loud ? sumA < sumB : v(y) < v(x);
    case 'instrument': return sounding(after, o.section) !== sounding(before, beforeIndex) && sounding(after, o.section) === o.instrument;
    case 'higher': return p(y) - p(x) >= HEARD.pitch;
    case 'lower': return p(x) - p(y) >= HEARD.pitch;
    default: return false;
  }
}

/** A random scoped request in a random language, built from that language's own vocabulary. */
function randomRequest(rng: Rng, params: SongParameters): { request: string; language: string } {
  const codes = [...vocabularies().keys()];
  const language = rng.pick(codes);
  const v = vocabulary(language);
  const names = [...new Set(params.sections.map((s) => s.name))].filter((n) => v.sections[n]);
  const section = rng.pick(v.sections[rng.pick(names)]!);
  const ordinal = rng.chance(0.3) ? `${rng.pick(Object.keys(v.ordinals))} ` : '';
  const part = rng.pick(rng.pick(Object.values(v.parts)));
  const change = rng.pick(v.changes);
  const word = rng.pick(change.words);
  const degree = rng.chance(0.3) ? `${rng.pick(Object.keys(v.degrees))} ` : '';
  // Now and then a playing style or an instrument for the section instead of a change.
  if (rng.chance(0.15)) return { request: `${rng.pick(rng.pick(v.patterns).words)} ${rng.pick(['in', 'im', 'dans le', 'en el'])} ${ordinal}${section}`, language };
  if (rng.chance(0.1)) return { request: `${rng.pick(rng.pick(v.instruments).words)} ${rng.pick(['in', 'im', 'dans le', 'en el'])} ${ordinal}${section}`, language };
  const said = word.includes('…') ? word.replace('…', part) : rng.chance(0.5) ? `${degree}${word} ${part}` : `${part} ${degree}${word}`;
  return { request: `${said} ${rng.pick(['in', 'im', 'dans le', 'en el', 'during the'])} ${ordinal}${section}`, language };
}

const JARGON = /valence|arousal|density|offset|seed|energy\s*\d|level\s*\d|register/i;

describe('claims checked against the notes', () => {
  it('every change a reply states is true of the notes, over 300 random scoped requests (seeded)', () => {
    const seed = Number(process.env.CLAIMS_SEED ?? 20261205);
    const rng = createRng(seed);
    let unshown = 0;
    let applied = 0;
    for (let n = 0; n < 300; n++) {
      const form = rng.pick(FORMS);
      const params = parseParams({ ...rng.pick(MOODS), sections: form.map(([name, bars]) => ({ name, bars })) });
      const { request, language } = randomRequest(rng, params);
      const songSeed = rng.int(1, 1_000_000);
      const revised = reviseOffline(params, request);
      if (revised.unrecognised) continue;
      const [before, after] = [generateSketch(params, songSeed), generateSketch(revised.params, songSeed)];
      const checked = checkRevision({ params, sketch: before }, { params: revised.params, sketch: after });
      const reply = revisionReplyText({ number: 2, before: params, after: revised.params, checked, language });
      const why = `seed ${seed}, case ${n}: "${request}" (${language}, song seed ${songSeed}) → ${reply}`;
      for (const o of checked.observations) {
        const pair = checked.diff.sections.find((s) => s.afterIndex === o.section)!;
        expect(holds(o, before, after, pair.beforeIndex!), `${why}\n  claim ${JSON.stringify(o)}`).toBe(true);
      }
      expect(reply, why).not.toMatch(JARGON);
      // What was asked but does not show is said, never passed off as done.
      if (checked.unshown.length) expect(reply, why).toContain(vocabulary(language).say.unshown.split('{')[0]!.trim());
      applied++;
      unshown += checked.unshown.length ? 1 : 0;
    }
    console.log(`claims property: ${applied} revisions applied, ${unshown} with an unshown change (seed ${seed})`);
    expect(applied).toBeGreaterThan(150);
    // The engine honours scoped arrangements: an asked change that the notes do not show is rare.
    expect(unshown / applied, `seed ${seed}: ${unshown} of ${applied} replies had an unshown change`).toBeLessThan(0.1);
  }, 300_000);

  it('says what did change when the asked change cannot be heard (no bass to mute in a song without one)', () => {
    const params = parseParams({ sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] });
    const before = generateSketch(params, 3);
    // The parameters ask for louder drums, but the sketch "after" is the same notes: nothing may be claimed.
    const asked = { ...params, sections: params.sections.map((s, i) => (i === 1 ? { ...s, arrangement: { drums: { level: 1.5 } } } : s)) };
    const checked = checkRevision({ params, sketch: before }, { params: asked, sketch: before });
    expect(checked.observations).toEqual([]);
    expect(checked.unshown).toHaveLength(1);
    const reply = revisionReplyText({ number: 2, before: params, after: asked, checked });
    expect(reply).toContain('The notes came out the same as before.');
    expect(reply).toContain('barely audible');
    expect(reply).not.toMatch(/Everything else plays as before/);
  });

  it('speaks in musical words, in the request’s language, with numbers only for tempo', () => {
    const params = parseParams({});
    const cases = [
      ['the chorus should feel like relief', 'en', /chorus/i],
      ['ohne Schlagzeug im Refrain', 'de', /Schlagzeug schweigt/],
      ['moins de batterie dans le couplet', 'fr', /moins de notes pour la batterie/],
      ['más lento', 'es', /Más lento: 96 → 80 bpm/],
    ] as const;
    for (const [request, language, expected] of cases) {
      const revised = reviseOffline(params, request);
      const checked = checkRevision({ params, sketch: generateSketch(params, 5) }, { params: revised.params, sketch: generateSketch(revised.params, 5) });
      const reply = revisionReplyText({ number: 2, before: params, after: revised.params, checked, language: revised.language });
      expect(revised.language).toBe(language);
      expect(reply).toMatch(expected);
      expect(reply).not.toMatch(JARGON);
      expect(reply.replace(/\d+ → \d+ bpm|Version \d+|Versión \d+|Nr\. \d|n° \d|n\.º \d/g, '')).not.toMatch(/\d/);
    }
  });

  it('gives the tempo in bpm only when the musician asked about it', () => {
    const params = parseParams({ valence: 0.5, tempo: 110 });
    const say = (request: string) => {
      const revised = reviseOffline(params, request);
      const checked = checkRevision({ params, sketch: generateSketch(params, 4) }, { params: revised.params, sketch: generateSketch(revised.params, 4) });
      return revisionReplyText({ number: 2, before: params, after: revised.params, checked, request, language: revised.language });
    };
    expect(say('sadder')).toMatch(/A little slower\./);
    expect(say('sadder')).not.toMatch(/bpm/);
    expect(say('slower')).toMatch(/Slower: 110 → \d+ bpm/);
    expect(say('plus lent')).toMatch(/Plus lent : 110 → \d+ bpm/);
  });

  it('"relief", "tension" and "hope" aimed at the chorus make a contrast you can hear there', () => {
    const params = parseParams({ valence: 0.1, sections: [{ name: 'verse', bars: 8 }, { name: 'chorus', bars: 8 }, { name: 'verse', bars: 8 }, { name: 'chorus', bars: 8 }] });
    for (const feeling of ['relief', 'tension', 'hope']) {
      const revised = reviseOffline(params, `the chorus should feel like ${feeling}`);
      const checked = checkRevision({ params, sketch: generateSketch(params, 9) }, { params: revised.params, sketch: generateSketch(revised.params, 9) });
      const inChorus = checked.observations.filter((o) => params.sections[o.section]?.name === 'chorus');
      expect(inChorus.length, feeling).toBeGreaterThanOrEqual(2);
      expect(checked.observations.filter((o) => params.sections[o.section]?.name === 'verse'), feeling).toEqual([]);
    }
  });
});
