import { describe, expect, it } from 'vitest';
import { parseParams, type SongParameters } from '../../music/params.ts';
import { OFFLINE_THRESHOLD } from '../offline.ts';
import { moodOffline } from './run.ts';
import { loadMoodSet, type MoodStatement } from './set.ts';
import { allThree, checkMood, formatMood, runMood, tally } from './score.ts';

const dev = loadMoodSet('statements');
const heldOut = loadMoodSet('held-out');
const fresh = loadMoodSet('held-out-2');
const third = loadMoodSet('held-out-3');
const with_ = (over: Partial<SongParameters>) => ({ ...parseParams({}), ...over }) as SongParameters;
const sad: MoodStatement = { id: 't', lang: 'en', voice: 'test', kind: 'plain', text: 'sad', family: 'minor', tempo: [50, 90], energy: 'low' };

describe('the mood set', () => {
  it('holds at least 80 statements in four languages, several voices and every kind', () => {
    const all = [...dev, ...heldOut];
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(new Set(all.map((s) => s.lang))).toEqual(new Set(['en', 'de', 'fr', 'es']));
    expect(new Set(all.map((s) => s.voice)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(['plain', 'mixed', 'negation', 'metaphor']));
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });
  it('keeps the held-out half apart from the development half', () => {
    const devTexts = new Set(dev.map((s) => s.text));
    expect(heldOut.some((s) => devTexts.has(s.text))).toBe(false);
  });
  it('keeps the fresh held-out set apart from both, with at least 80 statements, 15 per language and every kind', () => {
    const seen = new Set([...dev, ...heldOut].map((s) => s.text.toLowerCase()));
    expect(fresh.filter((s) => seen.has(s.text.toLowerCase()))).toEqual([]);
    expect(fresh.length).toBeGreaterThanOrEqual(80);
    for (const lang of ['en', 'de', 'fr', 'es']) expect(fresh.filter((s) => s.lang === lang).length).toBeGreaterThanOrEqual(15);
    expect(new Set(fresh.map((s) => s.kind))).toEqual(new Set(['plain', 'mixed', 'negation', 'metaphor']));
    expect(new Set(fresh.map((s) => s.voice)).size).toBeGreaterThanOrEqual(8);
    expect(new Set([...dev, ...heldOut, ...fresh, ...third].map((s) => s.id)).size).toBe(dev.length + heldOut.length + fresh.length + third.length);
  });
  it('keeps the third held-out set apart from the others, with 12 statements per language', () => {
    const seen = new Set([...dev, ...heldOut, ...fresh].map((s) => s.text.toLowerCase()));
    expect(third.filter((s) => seen.has(s.text.toLowerCase()))).toEqual([]);
    for (const lang of ['en', 'de', 'fr', 'es']) expect(third.filter((s) => s.lang === lang).length).toBeGreaterThanOrEqual(12);
    expect(new Set(third.map((s) => s.kind))).toEqual(new Set(['plain', 'mixed', 'negation', 'metaphor']));
  });
});

describe('the mood scorecard', () => {
  it('checks each point against the song', () => {
    expect(checkMood(sad, with_({ mode: 'minor', tempo: 70, dynamics: { level: 0.4 } }))).toEqual([]);
    expect(checkMood(sad, with_({ mode: 'major', tempo: 70, dynamics: { level: 0.4 } }))).toEqual(['family']);
    expect(checkMood(sad, with_({ mode: 'dorian', tempo: 120, dynamics: { level: 0.8 } }))).toEqual(['tempo', 'energy']);
  });
  it('computes its table from the results: a deaf interpreter scores badly, the offline one well', async () => {
    const deaf = await runMood(dev, async () => parseParams({}));
    expect(allThree(deaf)).toBeLessThan(0.3);
    const offline = await moodOffline('statements');
    const share = allThree(offline);
    const row = tally(offline, (s) => s.lang).find((t) => t.group === 'all')!;
    expect(row.all / row.n).toBe(share);
    expect(formatMood('x', offline)).toContain(`(${row.all}/${row.n})`);
    console.log(formatMood('mood set (development half)', offline));
    expect(share).toBeGreaterThanOrEqual(OFFLINE_THRESHOLD);
  });
});
