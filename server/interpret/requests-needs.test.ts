/**
 * A rule's `needs` (request-types.ts) only saves time: skipping a pattern when a text holds none
 * of its words never changes what the rules read, over the mood sets, instrument aliases, style
 * blends and tempo words, written the ways case-insensitive Unicode matching accepts (any case, ſ for s, the
 * Kelvin sign for k).
 */
import { describe, expect, it } from 'vitest';
import { loadMoodSet } from '../../eval/mood/set.ts';
import { interpretOffline } from './index.ts';
import { REQUEST_RULES } from './interpret.ts';
import { ALIAS_WORDS } from './requests-arrangement.ts';
import { applyRules, foldForNeeds } from './requests.ts';
import { SECTION_FEEL_RULES } from './revisions-feel.ts';
import { TEMPO_WORD_RULE } from './requests-tempo-words.ts';

const WITHOUT_NEEDS = REQUEST_RULES.map(({ needs: _needs, ...rule }) => rule);
const base = interpretOffline('a calm song').params;
/** What the rules make of `text`, as comparable data. */
const read = (text: string, rules: typeof REQUEST_RULES) => {
  const { params, applied } = applyRules(text, base, rules);
  return { params, applied: applied.map((a) => [a.aspect, a.label, a.quote]) };
};

/** Ways a musician (or a keyboard) may write `word` that /…/iu still matches. */
const spellings = (word: string) => [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1), word.replaceAll('s', '\u017f'), word.replaceAll('k', '\u212a').replaceAll('K', '\u212a')];

const BLENDS = ['bossa nova meets lo-fi', 'half bossa nova and half lo-fi', 'mostly reggae with a bit of jazz', 'rock with a touch of blues', '70% bossa and 30% lo-fi',
  '70 percent bossa and 30 per cent lo-fi', 'a blend of folk and jazz', 'a mash-up of reggae and rock', 'folk-jazz fusion', 'bossa/lo-fi hybrid', 'a cross of blues with soul',
  'halb bossa nova, halb lo-fi', 'bossa nova trifft lo-fi', 'vor allem reggae, mit ein bisschen blues', 'mi-bossa nova, mi-lo-fi', 'moitié folk, moitié blues',
  'bossa nova rencontre le lo-fi', 'surtout reggae, avec une touche blues', 'avant tout folk et un peu de blues', 'mitad bossa nova, mitad lo-fi', 'sobre todo reggae, con un toque de blues',
  'bossa nova y lo-fi a partes iguales'];
const ALIASES = ['guitar', 'classical guitar', 'tenor sax', 'steel drums', 'koto', 'kalimba', 'synth pads', 'string quartet', 'bass guitar', 'shakuhachi', 'sax', 'banjo'];
const TURNED = ['not too slow', 'nothing too fast', "isn't slow", "shouldn't be upbeat", 'nicht zu langsam', 'nicht so schnell', 'pas trop lent', 'pas trop rapide', 'no tan lenta', 'no muy rápido'];
const FEELS = ['the chorus should feel like hope', 'more hope in the chorus', 'der Refrain soll nach Hoffnung klingen', 'mehr Hoffnung im Refrain', "plus d'espoir dans le refrain",
  'le refrain doit sonner comme la joie', 'más esperanza en el estribillo', 'que el estribillo suene a alegría', 'el puente debería sonar a tristeza', 'la estrofa debe transmitir calma'];
const MARKS = ['♩ = 96, in D minor', 'autour de 80 à la noire', 'Viertel = 72', 'negra a 100', 'quarter note = 132', '120 to the quarter', 'noire = 60, triste'];
const KEYS = ['Ein Lied in d-Moll, ruhig', 'ein Blues in Moll', 'Bitte in Fis-Dur', 'une chanson en ré mineur', 'en si bémol majeur, doucement', 'en mineur', 'una canción en mi menor', 'en la mayor parte del tiempo', 'en tono menor y lento', 'en fa sostenido menor'];
const texts = [
  ...KEYS.flatMap(spellings),
  ...MARKS.flatMap(spellings),
  ...TURNED.flatMap(spellings).flatMap((t) => [t, `a sad song, ${t}, in D minor`]),
  ...FEELS.flatMap(spellings),
  ...['statements', 'held-out', 'held-out-2', 'held-out-3', 'held-out-4'].flatMap((half) => loadMoodSet(half as 'statements').map((s) => s.text)),
  ...ALIASES.flatMap(spellings).flatMap((a) => [
    `a song on ${a}`, `just ${a} and cello`, `${a} instead of piano`, `replace the piano with a ${a}`, `soft ${a}, slow`, `${a.replace(' ', '\n ')} please`,
  ]),
  ...BLENDS.flatMap(spellings).flatMap((b) => [b, `something slow, ${b}, in D minor`]),
  ...TEMPO_WORD_RULE.needs!.flatMap(spellings).flatMap((w) => [w, `un bolero ${w}`, `ich will es ${w}, in D-Moll`, `une chanson ${w}.`, `${w}er`]),
];

describe('request rules that need a word', () => {
  it('are the instrument rules, the style blends, the keys, tempo words of other languages and metronome marks, and every alias ends in a word they need', () => {
    expect(REQUEST_RULES.filter((r) => r.needs).map((r) => r.aspect)).toEqual([...Array(17).fill('style'), 'key', 'mode', 'tempo', 'tempo', 'tempo', 'tempo', ...Array(4).fill('instruments')]);
    for (const alias of ALIASES) expect(ALIAS_WORDS, alias).toContain(alias.split(' ').at(-1));
  });

  it('read every text exactly as without the shortcut', () => {
    const rules = REQUEST_RULES.filter((r) => r.needs);
    const skips = new Map(rules.map((r) => [r, 0]));
    for (const text of texts) {
      expect(read(text, REQUEST_RULES), text).toEqual(read(text, WITHOUT_NEEDS));
      for (const rule of rules) {
        if (rule.needs!.some((w) => foldForNeeds(text).includes(w))) continue;
        skips.set(rule, skips.get(rule)! + 1);
        // Stronger than the outcome: a pattern never matches a text its shortcut skips.
        expect(text.match(rule.pattern), `${text} · ${rule.pattern.source.slice(0, 40)}`).toBeNull();
      }
    }
    // Every rule meets texts it skips and texts it must read.
    for (const [rule, skipped] of skips) expect([skipped > 50, texts.length - skipped > 3], rule.pattern.source.slice(0, 60)).toEqual([true, true]);
  });
});

describe('section-feel rules that need a word (revisions-feel.ts)', () => {
  it('never skip a text their pattern would match', () => {
    for (const rule of SECTION_FEEL_RULES) {
      expect(rule.needs?.length, rule.pattern.source.slice(0, 40)).toBeGreaterThan(0);
      let read = 0;
      for (const text of texts) {
        if (rule.needs!.some((w) => foldForNeeds(text).includes(w))) { read++; continue; }
        rule.pattern.lastIndex = 0;
        expect(text.match(rule.pattern), `${text} · ${rule.pattern.source.slice(0, 40)}`).toBeNull();
      }
      expect(read, rule.pattern.source.slice(0, 40)).toBeGreaterThan(0);
    }
  });
});
