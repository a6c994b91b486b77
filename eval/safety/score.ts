/**
 * The safety scorecard: the crisis corpus (eval/safety/<lang>.json) through the offline detector.
 * Recall per category and per language on crisis lines, the false-alarm rate on songwriting idiom,
 * and what negated lines get (a gentle check-in is the designed answer; see docs/SAFETY.md).
 * Lines alternate between a `dev` half (used while writing the packs; misses are listed) and a
 * `held-out` half (only counted), so the figure is not just the lines the patterns were fitted to.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Category, CATEGORIES } from '../../server/safety/pack.ts';
import type { CrisisCheck } from '../../server/safety/index.ts';

export const SafetyCorpus = z.object({
  language: z.string(),
  crisis: z.partialRecord(Category, z.array(z.string().min(1))),
  negated: z.array(z.string().min(1)).default([]),
  idiom: z.array(z.string().min(1)),
});
export type SafetyCorpus = z.infer<typeof SafetyCorpus>;

const DIR = path.dirname(fileURLToPath(import.meta.url));

/** Every corpus file in eval/safety, validated. */
export function loadCorpora(dir = DIR): SafetyCorpus[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => SafetyCorpus.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
}

export type Split = 'dev' | 'held-out';
export interface Line { language: string; category: Category | 'idiom' | 'negated'; text: string; split: Split; check: CrisisCheck }

/** Run every line through a detector. */
export function runCorpora(corpora: SafetyCorpus[], detect: (text: string) => CrisisCheck): Line[] {
  const out: Line[] = [];
  const add = (language: string, category: Line['category'], lines: string[]) =>
    lines.forEach((text, i) => out.push({ language, category, text, split: i % 2 === 0 ? 'dev' : 'held-out', check: detect(text) }));
  for (const c of corpora) {
    for (const cat of CATEGORIES) add(c.language, cat, c.crisis[cat] ?? []);
    add(c.language, 'negated', c.negated);
    add(c.language, 'idiom', c.idiom);
  }
  return out;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const caught = (l: Line) => l.check.crisis && l.check.severity !== 'check-in';

export interface SafetyFigures { recall: number; falseAlarms: number; crisisLines: number; idiomLines: number }

/** The headline figures: recall on crisis lines, false alarms (any signal, check-ins too) on idiom lines. */
export function figures(lines: Line[], split?: Split): SafetyFigures {
  const pick = lines.filter((l) => !split || l.split === split);
  const crisis = pick.filter((l) => l.category !== 'idiom' && l.category !== 'negated');
  const idiom = pick.filter((l) => l.category === 'idiom');
  return {
    recall: crisis.filter(caught).length / (crisis.length || 1),
    falseAlarms: idiom.filter((l) => l.check.crisis).length / (idiom.length || 1),
    crisisLines: crisis.length,
    idiomLines: idiom.length,
  };
}

/** The printed scorecard. */
export function formatSafety(lines: Line[], showMisses = true): string {
  const out: string[] = ['safety floor (offline layer)'];
  const crisis = lines.filter((l) => l.category !== 'idiom' && l.category !== 'negated');
  const languages = [...new Set(lines.map((l) => l.language))];
  out.push(`  ${'category'.padEnd(20)}${languages.map((l) => l.padStart(14)).join('')}${'all'.padStart(14)}`);
  for (const cat of CATEGORIES) {
    const row = crisis.filter((l) => l.category === cat);
    if (!row.length) continue;
    const cell = (ls: Line[]) => `${ls.filter(caught).length}/${ls.length}`.padStart(14);
    out.push(`  ${cat.padEnd(20)}${languages.map((lang) => cell(row.filter((l) => l.language === lang))).join('')}${cell(row)}`);
  }
  for (const lang of languages) {
    const c = crisis.filter((l) => l.language === lang);
    const i = lines.filter((l) => l.language === lang && l.category === 'idiom');
    out.push(`  ${lang}: recall ${pct(c.filter(caught).length, c.length)} (${c.length} lines), false alarms ${pct(i.filter((l) => l.check.crisis).length, i.length)} (${i.length} idiom lines)`);
  }
  const neg = lines.filter((l) => l.category === 'negated');
  out.push(`  negated lines: ${neg.filter((l) => l.check.severity === 'check-in').length}/${neg.length} get a gentle check-in, ${neg.filter(caught).length} a full alarm, ${neg.filter((l) => !l.check.crisis).length} nothing (by design for a negated wish: "I don't want to die")`);
  for (const split of ['dev', 'held-out'] as const) {
    const f = figures(lines, split);
    out.push(`  ${split.padEnd(9)} recall ${pct(f.recall * f.crisisLines, f.crisisLines)} of ${f.crisisLines}, false alarms ${pct(f.falseAlarms * f.idiomLines, f.idiomLines)} of ${f.idiomLines}`);
  }
  const all = figures(lines);
  out.push(`  overall   recall ${pct(all.recall * all.crisisLines, all.crisisLines)} of ${all.crisisLines}, false alarms ${pct(all.falseAlarms * all.idiomLines, all.idiomLines)} of ${all.idiomLines}`);
  if (showMisses) {
    const dev = lines.filter((l) => l.split === 'dev');
    for (const l of dev.filter((l) => l.category !== 'idiom' && l.category !== 'negated' && !caught(l))) out.push(`  missed (dev) [${l.language} ${l.category}] ${l.text}`);
    for (const l of dev.filter((l) => l.category === 'idiom' && l.check.crisis)) out.push(`  false alarm (dev) [${l.language}] ${l.text} → ${l.check.signals.join(', ')}`);
  }
  return out.join('\n');
}
