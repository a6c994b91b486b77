/**
 * English words a German, French or Spanish message may borrow as feelings ("je suis trop down",
 * "voll down") that are too common in English to be feeling words there ("calm down", "sit
 * down"): lang/en/borrowed.json. Only the code-switching lookup in emotion.ts reads them, so an
 * English message, and the choice of a message's language, never see them. Read on first use.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Affect } from './lexicon.ts';

const BorrowedFile = z.object({ about: z.string(), words: z.record(z.string().min(1), z.tuple([z.number().min(-1).max(1), z.number().min(-1).max(1)])) });

let table: ReadonlyMap<string, Affect> | undefined;

/** The affect of an English word borrowed into another language's message: borrowedAffect("down") → [-0.55, -0.4]. */
export function borrowedAffect(word: string): Affect | undefined {
  if (!table) {
    const raw = JSON.parse(readFileSync(new URL('../../lang/en/borrowed.json', import.meta.url), 'utf8'));
    const parsed = BorrowedFile.safeParse(raw);
    if (!parsed.success) throw new Error(`lang/en/borrowed.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    table = new Map(Object.entries(parsed.data.words));
  }
  return table.get(word);
}
