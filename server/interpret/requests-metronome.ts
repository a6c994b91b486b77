/**
 * Metronome marks, as musicians write a tempo: "♩ = 80", "80 à la noire", "Viertel = 80",
 * "negra a 80", "quarter note = 120", "MM 96". The beat's words in each language are data
 * (lang/metronome.json); a mark is an exact request, as "80 bpm" is.
 */
import { z } from 'zod';
import { edit } from './edit.ts';
import { langFile } from './lang-files.ts';
import type { RequestRule } from './request-types.ts';
import { escapeRegExp } from './scope-vocab.ts';

const MetronomeFile = z.object({
  about: z.string(),
  units: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  /** Words between a number and its unit ("80 à la noire", "120 to the quarter"). */
  before: z.array(z.string().min(1)),
  /** Signs and words between a unit and its number ("♩ = 80", "negra a 80"). */
  between: z.array(z.string().min(1)),
});

const file = langFile('metronome.json', MetronomeFile);
const units = [...new Set(Object.values(file.units).flat().map((u) => u.toLowerCase()))].sort((a, b) => b.length - a.length);
const alt = (list: readonly string[]) => list.map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`)).join('|');
const UNIT = `(?:${alt(units)})`;
const NUMBER = String.raw`(\d{2,3})`;
// A unit must not be the start or end of a longer word ("temps" in "longtemps", "mm" in "mmm").
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;

/** The rule: unit then number ("♩ = 80", "negra a 80"), or number then unit ("80 à la noire"). */
export const METRONOME_RULE: RequestRule = {
  aspect: 'tempo',
  needs: [...new Set(units.map((u) => u.split(/\s+/)[0]!))],
  pattern: new RegExp(
    `${EDGE_BEFORE}${UNIT}\\s*(?:${alt(file.between)})\\s*${NUMBER}${EDGE_AFTER}|${EDGE_BEFORE}${NUMBER}\\s*(?:(?:${alt(file.before)})\\s+)?${UNIT}${EDGE_AFTER}`,
    'giu',
  ),
  apply: (m, p) => {
    const bpm = Number(m[1] ?? m[2]);
    if (!(bpm >= 30 && bpm <= 240)) return null;
    return { params: edit(p, (d) => { d.tempo = bpm; }), label: `tempo ${bpm}` };
  },
};
