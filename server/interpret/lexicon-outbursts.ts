/**
 * Outbursts (lang/<code>/outbursts.json): words for a burst of energy that do not say which
 * feeling it is — "screamed into my pillow" after a crush texted back is joy, "I could scream" at
 * a boss is anger. Their arousal is sure, their valence is not, so the reader lets the other
 * words decide the mood (OUTBURST in modifiers.ts). Kept apart from feelings.json so the lexicon's
 * loading stays as it is; read once per language, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lexicon } from './lexicon.ts';

const OutburstFile = z.object({ about: z.string(), words: z.array(z.string().min(1)) });

const cache = new Map<string, ReadonlySet<string>>();

/** The keys (as written, and as the lexicon's lemma or stem, word by word) of `lex`'s outbursts. */
export function outburstKeys(lex: Lexicon): ReadonlySet<string> {
  const known = cache.get(lex.lang);
  if (known) return known;
  const file = new URL(`../../lang/${lex.lang}/outbursts.json`, import.meta.url);
  const keys = new Set<string>();
  if (existsSync(file)) {
    const parsed = OutburstFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`lang/${lex.lang}/outbursts.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const w of parsed.data.words) {
      const ws = w.toLowerCase().split(/[\s\-–]+/).filter(Boolean);
      keys.add(ws.join(' '));
      keys.add(ws.map((x) => lex.stem(x)).join(' '));
    }
  }
  cache.set(lex.lang, keys);
  return keys;
}
