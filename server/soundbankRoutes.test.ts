/** The per-sketch sound bank: only the presets asked for, a plain 400 for a bad name, a plain 404 without the bank. */
import { describe, expect, it } from 'vitest';
import { loadSoundBank } from '../music/render/soundfont/synth.ts';
import { parseSubsetName, subsetName } from './soundbank.ts';
import { soundBankRoutes } from './soundbankRoutes.ts';

describe('subset names', () => {
  it('are canonical: sorted, unique, in range', () => {
    expect(subsetName([73, 0, 33, 0], [0])).toBe('gm-0.33.73-d0.sf3');
    expect(parseSubsetName('gm-0.33.73-d0.sf3')).toEqual({ melodic: [0, 33, 73], kits: [0] });
    expect(parseSubsetName('gm-104-d.sf3')).toEqual({ melodic: [104], kits: [] });
    for (const bad of ['gm-33.0-d0.sf3', 'gm-0.0-d0.sf3', 'gm-128-d0.sf3', 'gm--d.sf3', '../x.sf3', 'gm-0-d0.sf2']) expect(parseSubsetName(bad), bad).toBeNull();
  });
});

describe('GET /soundbank/:name', () => {
  it('serves just the presets of the sketch, still compressed, immutable-cached', async () => {
    const app = soundBankRoutes({});
    const res = await app.request('/gm-0.104.107-d40.sf3');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const bytes = await res.arrayBuffer();
    expect(bytes.byteLength).toBeLessThan(4_000_000); // the whole bank is 14.5 MB
    const bank = await loadSoundBank(bytes);
    const presets = bank.presets.map((p) => `${p.isGMGSDrum ? 'kit' : 'gm'} ${p.program}`).sort();
    expect(presets).toEqual(['gm 0', 'gm 104', 'gm 107', 'kit 40']);
    const again = await app.request('/gm-0.104.107-d40.sf3');
    expect((await again.arrayBuffer()).byteLength).toBe(bytes.byteLength);
  });

  it('answers a malformed name with 400 and a missing bank with 404 SOUNDBANK_MISSING, never a 5xx', async () => {
    const bad = await soundBankRoutes({}).request('/gm-9.1-d0.sf3');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/gm-0\.33\.73-d0\.sf3/);
    const missing = await soundBankRoutes({ INNERCHORD_SOUNDBANK: '/nonexistent/bank.sf3' }).request('/gm-0-d0.sf3');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'SOUNDBANK_MISSING', message: expect.stringMatching(/not installed/) });
  });
});
