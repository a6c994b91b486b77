/**
 * A rule's `needs` (request-types.ts) only saves time: skipping a pattern when a text holds none
 * of its words never changes what the rules read, over the mood sets and over every instrument
 * alias written the ways case-insensitive Unicode matching accepts (any case, ſ for s, the Kelvin
 * sign for k).
 */
import { describe, expect, it } from 'vitest';
import { loadMoodSet } from '../../eval/mood/set.ts';
import { interpretOffline } from './index.ts';
import { REQUEST_RULES } from './interpret.ts';
import { ALIAS_WORDS } from './requests-arrangement.ts';
import { applyRules, foldForNeeds } from './requests.ts';

const WITHOUT_NEEDS = REQUEST_RULES.map(({ needs: _needs, ...rule }) => rule);
const base = interpretOffline('a calm song').params;
/** What the rules make of `text`, as comparable data. */
const read = (text: string, rules: typeof REQUEST_RULES) => {
  const { params, applied } = applyRules(text, base, rules);
  return { params, applied: applied.map((a) => [a.aspect, a.label, a.quote]) };
};

/** Ways a musician (or a keyboard) may write `word` that /…/iu still matches. */
const spellings = (word: string) => [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1), word.replaceAll('s', '\u017f'), word.replaceAll('k', '\u212a').replaceAll('K', '\u212a')];

const ALIASES = ['guitar', 'classical guitar', 'tenor sax', 'steel drums', 'koto', 'kalimba', 'synth pads', 'string quartet', 'bass guitar', 'shakuhachi', 'sax', 'banjo'];
const texts = [
  ...['statements', 'held-out', 'held-out-2', 'held-out-3', 'held-out-4'].flatMap((half) => loadMoodSet(half as 'statements').map((s) => s.text)),
  ...ALIASES.flatMap(spellings).flatMap((a) => [
    `a song on ${a}`, `just ${a} and cello`, `${a} instead of piano`, `replace the piano with a ${a}`, `soft ${a}, slow`, `${a.replace(' ', '\n ')} please`,
  ]),
];

describe('request rules that need a word', () => {
  it('are the instrument rules, and every alias ends in a word they need', () => {
    expect(REQUEST_RULES.filter((r) => r.needs).length).toBe(4);
    for (const alias of ALIASES) expect(ALIAS_WORDS, alias).toContain(alias.split(' ').at(-1));
  });

  it('read every text exactly as without the shortcut', () => {
    let skipped = 0;
    for (const text of texts) {
      expect(read(text, REQUEST_RULES), text).toEqual(read(text, WITHOUT_NEEDS));
      const held = ALIAS_WORDS.some((w) => foldForNeeds(text).includes(w));
      if (!held) skipped++;
      // Stronger than the outcome: a rule's pattern never matches a text its shortcut would skip.
      for (const rule of REQUEST_RULES.filter((r) => r.needs)) if (!held) expect(text.match(rule.pattern), `${text} · ${rule.pattern.source.slice(0, 40)}`).toBeNull();
    }
    // Both kinds are covered: texts the shortcut skips and texts it must not.
    expect(skipped).toBeGreaterThan(50);
    expect(texts.length - skipped).toBeGreaterThan(200);
  });
});
