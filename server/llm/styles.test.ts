/**
 * Templates on the LLM path: a style the model names is laid on its validated answer exactly as
 * the offline interpreter would, the musician's explicit words still win, and a revision that
 * leaves the style alone does not re-apply it. Model replies are scripted over real HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseParams } from '../../music/params.ts';
import { startFakeLlm, type FakeLlm } from '../../test/support/fake-llm.ts';
import type { LlmSettings } from './client.ts';
import { interpretWithLlm, reviseWithLlm } from './interpret.ts';
import { withTemplates } from './styles.ts';

let llm: FakeLlm;
let s: LlmSettings;
beforeAll(async () => {
  llm = await startFakeLlm();
  s = { mode: 'llm', apiKey: 'test', baseURL: llm.url, model: 'fake-model', timeoutMs: 1000 };
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

describe('withTemplates', () => {
  it('resolves a style word to its template and applies it: mode, feel, progressions', () => {
    const p = withTemplates(parseParams({ key: 'G', mode: 'mixolydian', style: 'Bossa' }), 'like a bossa');
    expect(p).toMatchObject({ style: 'bossa nova', mode: 'major', rhythm: { feel: 'bossa' } });
    expect(p.harmony.loops?.length).toBeGreaterThan(0);
    expect(p.rationale.some((r) => r.aspect === 'style' && /bossa nova/.test(r.choice))).toBe(true);
  });

  it('applies a blend the model gives, by template names', () => {
    const p = withTemplates(parseParams({ style: 'bossa nova', styleBlend: { with: 'lofi', amount: 0.3 } }), 'bossa with some lo-fi');
    expect(p.styleBlend).toEqual({ with: 'lo-fi hip hop', amount: 0.3 });
  });

  it('lets the musician’s explicit tempo and mode win over the template', () => {
    const p = withTemplates(parseParams({ style: 'bossa nova', tempo: 100, key: 'D', mode: 'dorian' }), 'a bossa nova in D dorian at 100 bpm');
    expect(p).toMatchObject({ style: 'bossa nova', tempo: 100, key: 'D', mode: 'dorian' });
  });

  it('leaves a style that is not a template as free text', () => {
    const p = parseParams({ style: 'jazz', tempo: 150 });
    expect(withTemplates(p, 'jazz')).toBe(p);
  });

  it('does not re-apply an unchanged style on revision', () => {
    const before = withTemplates(parseParams({ style: 'bossa nova' }), 'bossa');
    const slower = { ...before, tempo: 90 };
    expect(withTemplates(slower, 'slower', before).tempo).toBe(90);
  });
});

describe('through the model', () => {
  it('applies the template the model names on interpretation', async () => {
    llm.script({ kind: 'json', value: { key: 'G', mode: 'mixolydian', style: 'flamenco' } });
    const r = await interpretWithLlm(s, 'flamenco, proud and restless');
    expect(r.fallback).toBeNull();
    expect(r.params).toMatchObject({ style: 'flamenco-tinged', mode: 'phrygian dominant', meter: '3/4' });
    const system = llm.requests[0]!.body.messages[0]!.content;
    expect(system).toContain('flamenco-tinged');
    expect(system).toMatch(/never diagnose/);
  });

  it('applies a style a revision introduces', async () => {
    llm.script({ kind: 'json', value: { key: 'A', mode: 'dorian', style: 'bossa nova' } });
    const r = await reviseWithLlm(s, parseParams({ key: 'A', mode: 'dorian' }), 'make it a bossa nova');
    expect(r.params).toMatchObject({ style: 'bossa nova', mode: 'minor', rhythm: { feel: 'bossa' } });
  });
});
