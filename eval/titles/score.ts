/**
 * The titles evaluation: each intention in set.json through titleFromIntention, passed when the
 * title is one a person would accept (any listed, case aside; null = no title). Prints a
 * scorecard and returns the share passed.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { titleFromIntention } from '../../server/titles/title.ts';

const TitleSet = z.object({
  cases: z.array(z.object({ intention: z.string(), accept: z.array(z.string().nullable()).min(1) })).min(1),
});

const norm = (s: string | null) => (s === null ? null : s.toLocaleLowerCase().replace(/\s+/g, ' ').trim());

/** Run the set: { passed, total, misses } — misses as "intention → got (wanted …)". */
export function scoreTitles(file = new URL('./set.json', import.meta.url)) {
  const set = TitleSet.parse(JSON.parse(readFileSync(file, 'utf8')));
  const misses: string[] = [];
  for (const c of set.cases) {
    const got = titleFromIntention(c.intention);
    if (!c.accept.map(norm).includes(norm(got))) misses.push(`${c.intention} → ${JSON.stringify(got)} (wanted ${c.accept.map((a) => JSON.stringify(a)).join(' or ')})`);
  }
  return { passed: set.cases.length - misses.length, total: set.cases.length, misses };
}

/** Print the scorecard; returns the share passed. */
export function printTitles(): number {
  const { passed, total, misses } = scoreTitles();
  console.log(`titles from intentions (en/de/fr/es): ${passed}/${total}`);
  for (const m of misses) console.log(`  miss: ${m}`);
  return passed / total;
}
