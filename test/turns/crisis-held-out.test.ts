/**
 * The safety floor end to end: held-out crisis lines (eval/safety/held-out, never tuned on) in
 * English, German, French and Spanish, sent through POST /api/songs/:id/turns in a fresh song
 * each, get the crisis reply — music paused, help lines as data — in the line's language. A seeded
 * sample per language (the seed is printed on failure); the whole set is scored offline by
 * `npm run eval safety`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SafetyCorpus } from '../../eval/safety/score.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { sharedPglite } from '../support/db.ts';
import { makeApp, newSong, post } from './helpers.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'eval', 'safety', 'held-out');
const SEED = Number(process.env.CRISIS_SAMPLE_SEED ?? 20261205);
const PER_LANGUAGE = 10;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every held-out crisis line of one language. */
function crisisLines(language: string): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => SafetyCorpus.parse(JSON.parse(readFileSync(path.join(DIR, f), 'utf8'))))
    .filter((c) => c.language === language)
    .flatMap((c) => Object.values(c.crisis).flat());
}

const t = sharedPglite();

describe('held-out crisis lines through POST /api/songs/:id/turns', () => {
  for (const language of ['en', 'de', 'fr', 'es']) {
    it(`answers ≥ 90 % of a sample of ${language} lines with the crisis reply in ${language}`, async () => {
      const app = makeApp(t.db);
      const random = rng(SEED + language.charCodeAt(0));
      const pool = crisisLines(language);
      const sample = Array.from({ length: PER_LANGUAGE }, () => pool.splice(Math.floor(random() * pool.length), 1)[0]!);
      const missed: string[] = [];
      for (const text of sample) {
        const res = await post(app, `/api/songs/${await newSong(app)}/turns`, { text }, { 'accept-language': language });
        expect(res.status).toBe(200);
        const r = (await res.json()) as TurnResult;
        if (!r.crisis) {
          missed.push(text);
          continue;
        }
        expect(r.version).toBeNull();
        expect(r.crisisResources?.helplines.length).toBeGreaterThan(0);
        expect(r.language).toBe(language);
      }
      const caught = sample.length - missed.length;
      expect(caught / sample.length, `seed ${SEED}: missed ${JSON.stringify(missed)}`).toBeGreaterThanOrEqual(0.9);
    });
  }
});
