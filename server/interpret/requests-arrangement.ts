/**
 * Explicit requests about the arrangement: style, instruments, sections, drums, bass.
 * Innerchord's own tables, MIT.
 */
import { INSTRUMENTS, type Instrument, type SongParameters } from '../../music/params.ts';
import { clamp, edit, scaleSection, sectionName, trimToLimit } from './edit.ts';
import type { RequestRule } from './request-types.ts';

/** What people call an instrument → the instrument name, longest first so "electric guitar" wins over "guitar". */
const INSTRUMENT_ALIASES: readonly [string, Instrument][] = ([
  ['electric guitar', 'electric guitar'], ['acoustic guitar', 'acoustic guitar'], ['nylon guitar', 'nylon guitar'],
  ['classical guitar', 'nylon guitar'], ['spanish guitar', 'nylon guitar'], ['ukulele', 'nylon guitar'], ['guitar', 'acoustic guitar'],
  ['electric piano', 'electric piano'], ['rhodes', 'electric piano'], ['wurlitzer', 'electric piano'],
  ['grand piano', 'piano'], ['piano', 'piano'], ['hammond', 'organ'], ['organ', 'organ'], ['string quartet', 'strings'],
  ['strings', 'strings'], ['violins', 'strings'], ['violin', 'strings'], ['synth pad', 'pad'], ['synth pads', 'pad'],
  ['choir', 'choir'], ['flute', 'flute'], ['clarinet', 'clarinet'], ['saxophone', 'saxophone'], ['sax', 'saxophone'],
  ['trumpet', 'trumpet'], ['horns', 'trumpet'], ['vibraphone', 'vibraphone'], ['marimba', 'marimba'],
  ['harp', 'harp'], ['synth lead', 'synth lead'], ['synth bass', 'synth bass'], ['upright bass', 'acoustic bass'],
  ['double bass', 'acoustic bass'], ['acoustic bass', 'acoustic bass'], ['bass guitar', 'electric bass'], ['electric bass', 'electric bass'],
  ['synth', 'synth lead'], ['cello', 'cello'],
  // The General MIDI additions (issue #17): each answers to its own name and the common variants.
  ['fiddle', 'fiddle'], ['oboe', 'oboe'], ['bassoon', 'bassoon'], ['french horn', 'french horn'], ['trombone', 'trombone'],
  ['tuba', 'tuba'], ['tenor sax', 'tenor saxophone'], ['tenor saxophone', 'tenor saxophone'], ['pan flute', 'pan flute'], ['pan pipes', 'pan flute'],
  ['shakuhachi', 'shakuhachi'], ['accordion', 'accordion'], ['harmonica', 'harmonica'], ['banjo', 'banjo'], ['sitar', 'sitar'],
  ['koto', 'koto'], ['shamisen', 'shamisen'], ['kalimba', 'kalimba'], ['mbira', 'kalimba'], ['steel drums', 'steel drums'], ['steel pan', 'steel drums'],
  ['taiko', 'taiko'], ['bagpipes', 'bagpipe'], ['bagpipe', 'bagpipe'], ['shanai', 'shanai'], ['shehnai', 'shanai'], ['dulcimer', 'dulcimer'],
  ['xylophone', 'xylophone'], ['glockenspiel', 'glockenspiel'], ['timpani', 'timpani'], ['choir pad', 'choir pad'], ['string pad', 'string pad'],
] as [string, Instrument][]).sort((a, b) => b[0].length - a[0].length);

const ROLE: Record<Instrument, 'melody' | 'chords' | 'bass'> = Object.fromEntries(
  INSTRUMENTS.map((i) => [i, /bass$/.test(i) || ['tuba', 'bassoon', 'timpani', 'taiko'].includes(i) ? 'bass' : ['flute', 'clarinet', 'saxophone', 'trumpet', 'synth lead', 'vibraphone', 'marimba', 'cello',
    'violin', 'fiddle', 'oboe', 'french horn', 'trombone', 'tenor saxophone', 'pan flute', 'shakuhachi', 'harmonica', 'sitar', 'koto',
    'shamisen', 'kalimba', 'steel drums', 'bagpipe', 'shanai', 'xylophone', 'glockenspiel'].includes(i) ? 'melody' : 'chords']),
) as Record<Instrument, 'melody' | 'chords' | 'bass'>;

const ALIAS_RE = INSTRUMENT_ALIASES.map(([a]) => a.replace(/ /g, '\\s+')).join('|');
/** Every match of ALIAS_RE holds its alias's last word: what a rule built on it `needs`. */
export const ALIAS_WORDS: readonly string[] = [...new Set(INSTRUMENT_ALIASES.map(([a]) => a.split(' ').at(-1)!))];

/** Where a new section goes in the form, and how it starts out. */
export const NEW_SECTION: Record<string, { bars: number; where: 'start' | 'end' | 'before-last-chorus' | 'before-each-chorus'; lift: number }> = {
  intro: { bars: 4, where: 'start', lift: -0.15 }, outro: { bars: 4, where: 'end', lift: -0.2 }, coda: { bars: 4, where: 'end', lift: -0.2 },
  bridge: { bars: 8, where: 'before-last-chorus', lift: 0.1 }, solo: { bars: 8, where: 'before-last-chorus', lift: 0.2 },
  instrumental: { bars: 8, where: 'before-last-chorus', lift: 0.1 }, interlude: { bars: 4, where: 'before-last-chorus', lift: -0.05 },
  breakdown: { bars: 4, where: 'before-last-chorus', lift: -0.25 }, 'pre-chorus': { bars: 4, where: 'before-each-chorus', lift: 0.1 },
  tag: { bars: 4, where: 'end', lift: 0.1 },
};
const SECTION_WORDS = 'pre-?chorus|chorus|verse|bridge|intro|outro|solo|instrumental|interlude|breakdown|coda|tag|middle\\s+eight|refrain|hook';

export function addSection(p: SongParameters, name: string): SongParameters | null {
  const spec = NEW_SECTION[name];
  if (!spec) return null;
  if ((spec.where === 'start' || spec.where === 'end') && p.sections.some((s) => s.name === name)) return null;
  return edit(p, (d) => {
    const verse = d.sections.find((s) => s.name === 'verse') ?? d.sections[0]!;
    // An instrumental break is the band without the tune.
    const make = () => ({ name, bars: spec.bars, chords: [], energy: clamp(Math.round((verse.energy + spec.lift) * 100) / 100, 0, 1), valenceOffset: 0, arousalOffset: spec.lift, ...(name === 'instrumental' ? { arrangement: { melody: { mute: true } } } : {}) });
    const chorusAt = d.sections.map((s, i) => (s.name === 'chorus' ? i : -1)).filter((i) => i >= 0);
    if (spec.where === 'start') d.sections.unshift(make());
    else if (spec.where === 'before-each-chorus') for (const i of chorusAt.reverse()) d.sections.splice(i, 0, make());
    else if (spec.where === 'before-last-chorus' && chorusAt.length) d.sections.splice(chorusAt[chorusAt.length - 1]!, 0, make());
    else {
      const outro = d.sections.findIndex((s) => s.name === 'outro');
      d.sections.splice(spec.where === 'end' || outro < 0 ? d.sections.length : outro, 0, make());
    }
    if (d.sections.length > 24) d.sections.length = 24;
    trimToLimit(d);
  });
}

/** Drop the repeat: the second verse and chorus go, the first of each stays (null when nothing repeats). */
export function dropRepeat(p: SongParameters): SongParameters | null {
  const lastVerse = p.sections.map((s) => s.name).lastIndexOf('verse');
  const lastChorus = p.sections.map((s) => s.name).lastIndexOf('chorus');
  const drop = new Set([lastVerse, lastChorus].filter((i) => i >= 0 && p.sections.filter((s) => s.name === p.sections[i]!.name).length > 1));
  return drop.size ? edit(p, (d) => { d.sections = d.sections.filter((_, i) => !drop.has(i)); }) : null;
}

const instrumentFor = (word: string) => INSTRUMENT_ALIASES.find(([a]) => a === word.toLowerCase().replace(/\s+/g, ' '))?.[1];
const ARTICLE = String.raw`(?:a\s+|an\s+|the\s+|my\s+|some\s+)?`;
type Part = 'melody' | 'chords' | 'bass';
/** Two instruments for one role: the first keeps it, the second takes the other upper part. */
const OTHER_PART: Record<Part, Part | null> = { chords: 'melody', melody: 'chords', bass: null };

export const ARRANGEMENT_RULES: readonly RequestRule[] = [
  // Style requests live in requests-style.ts and run before the key/tempo/meter rules.
  {
    aspect: 'instruments',
    // "guitar instead of piano", "replace the piano with a guitar": X takes every part Y played.
    needs: ALIAS_WORDS,
    pattern: new RegExp(String.raw`\b(?:(${ALIAS_RE})\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+${ARTICLE}(${ALIAS_RE})|(?:replace|swap(?:\s+out)?)\s+${ARTICLE}(${ALIAS_RE})\s+(?:with|for)\s+${ARTICLE}(${ALIAS_RE}))\b`, 'giu'),
    apply: (m, p) => {
      const x = instrumentFor(m[1] ?? m[4]!);
      const y = instrumentFor(m[2] ?? m[3]!);
      if (!x || !y || x === y) return null;
      const parts = (['melody', 'chords', 'bass'] as const).filter((r) => p.instruments[r] === y);
      const on = parts.length ? parts : [ROLE[x]];
      return { params: edit(p, (d) => { for (const r of on) d.instruments[r] = x; }), label: `instrument ${x} instead of ${y} (${on.join(', ')})` };
    },
  },
  {
    aspect: 'instruments',
    // "guitar and violin", "just piano and cello": both play, on different parts when they share a role.
    needs: ALIAS_WORDS,
    pattern: new RegExp(String.raw`\b(?:(on|just|only|solo)\s+)?${ARTICLE}(${ALIAS_RE})\s*(and|&|\+|plus|with)\s+${ARTICLE}(${ALIAS_RE})\b`, 'giu'),
    apply: (m, p) => {
      const x = instrumentFor(m[2]!);
      const y = instrumentFor(m[4]!);
      if (!x || !y || x === y) return null;
      // "on guitar with strings": the first leads (melody) and the second accompanies (chords).
      const leads = (!!m[1] || /with/i.test(m[3]!)) && ROLE[x] === 'chords' && ROLE[y] === 'chords';
      const rx = leads ? 'melody' : ROLE[x];
      const ry = ROLE[y] === rx ? OTHER_PART[rx] : ROLE[y];
      if (!ry) return null;
      const alone = /just|only|solo/i.test(m[1] ?? '');
      return {
        params: edit(p, (d) => { d.instruments[rx] = x; d.instruments[ry] = y; if (alone) d.drums.enabled = false; }),
        label: `instruments ${x} (${rx}) and ${y} (${ry})${alone ? ', no drums' : ''}`,
      };
    },
  },
  {
    aspect: 'instruments',
    // "on piano", "just guitar", "solo piano", "piano-led": the main instrument plays melody and chords.
    needs: ALIAS_WORDS,
    pattern: new RegExp(`\\b(on|just|only|solo|all)\\s+(?:a\\s+|an\\s+|the\\s+|my\\s+)?(${ALIAS_RE})\\b`, 'giu'),
    apply: (m, p) => {
      const instrument = INSTRUMENT_ALIASES.find(([a]) => a === m[2]!.toLowerCase().replace(/\s+/g, ' '))?.[1];
      if (!instrument) return null;
      const alone = /just|only|solo/i.test(m[1]!);
      const role = ROLE[instrument];
      return {
        params: edit(p, (d) => {
          if (role === 'bass') d.instruments.bass = instrument;
          else { d.instruments.melody = instrument; if (role === 'chords') d.instruments.chords = instrument; }
          if (alone) d.drums.enabled = false;
        }),
        label: `instrument ${instrument}${role === 'chords' ? ' (melody and chords)' : ` (${role})`}${alone ? ', no drums' : ''}`,
      };
    },
  },
  {
    aspect: 'instruments',
    needs: ALIAS_WORDS,
    pattern: new RegExp(`\\b(${ALIAS_RE})\\b`, 'giu'),
    apply: (m, p) => {
      const instrument = INSTRUMENT_ALIASES.find(([a]) => a === m[1]!.toLowerCase().replace(/\s+/g, ' '))?.[1];
      if (!instrument) return null;
      const role = ROLE[instrument];
      return { params: edit(p, (d) => { d.instruments[role] = instrument; }), label: `instrument ${instrument} (${role})` };
    },
  },
  {
    aspect: 'bass',
    pattern: /\b(walking|pedal|octave|root)\s+bass\b/giu,
    apply: (m, p) => {
      const style = ({ walking: 'walking', pedal: 'pedal', octave: 'octave', root: 'root' } as const)[m[1]!.toLowerCase() as 'walking'];
      return { params: edit(p, (d) => { d.bass.style = style; }), label: `bass ${style}` };
    },
  },
  {
    aspect: 'sections',
    pattern: new RegExp(`\\b(?:no|without|remove|drop|cut|skip|lose|kill|delete|get\\s+rid\\s+of)\\s+(?:the\\s+|an?\\s+|any\\s+)?(${SECTION_WORDS})s?\\b`, 'giu'),
    apply: (m, p) => {
      const name = sectionName(m[1]!, p);
      const kept = p.sections.filter((s) => s.name !== name);
      if (kept.length === p.sections.length || kept.length === 0) return null;
      return { params: edit(p, (d) => { d.sections = d.sections.filter((s) => s.name !== name); }), label: `no ${name}` };
    },
  },
  {
    aspect: 'sections',
    pattern: new RegExp(`\\b(?:add|with|include|including|needs?|wants?|have|has|put\\s+in|throw\\s+in)\\s+(?:a\\s+|an\\s+|another\\s+|the\\s+|in\\s+a\\s+)?(${SECTION_WORDS})\\b`, 'giu'),
    apply: (m, p) => {
      const name = sectionName(m[1]!, p);
      // "with a bridge" in a first description adds one only if the form lacks it; "add another" always does.
      if (!/\b(add|another|put|throw)\b/i.test(m[0]) && p.sections.some((s) => s.name === name)) return null;
      const next = addSection(p, name);
      return next ? { params: next, label: `add ${name}` } : null;
    },
  },
  {
    aspect: 'sections',
    pattern: new RegExp(`\\b(?:(longer|extend(?:ed)?|stretch(?:ed)?|shorter|shorten(?:ed)?|double(?:\\s+the)?|halve(?:\\s+the)?)\\s+(?:the\\s+)?(${SECTION_WORDS})s?|(?:the\\s+)?(${SECTION_WORDS})s?\\s+(?:should\\s+be\\s+|is\\s+|a\\s+bit\\s+|much\\s+)?(twice\\s+as\\s+long|double\\s+(?:the\\s+)?length|half\\s+as\\s+long|longer|shorter))\\b`, 'giu'),
    apply: (m, p) => {
      const how = (m[1] ?? m[4] ?? '').toLowerCase();
      const name = sectionName(m[2] ?? m[3] ?? '', p);
      const factor = /twice|double/.test(how) ? 2 : /half|halve/.test(how) ? 0.5 : /short/.test(how) ? 0.5 : 1.5;
      const next = scaleSection(p, name, factor);
      return next ? { params: next, label: `${name} ×${factor} bars` } : null;
    },
  },
  {
    aspect: 'sections',
    pattern: /\b(?:(?:a\s+)?(?:short|shorter|brief|quick)\s+(?:song|piece|tune|sketch|one|version)|keep\s+it\s+(?:short|brief))\b/giu,
    apply: (_m, p) => {
      const next = dropRepeat(p);
      return next ? { params: next, label: 'short song' } : null;
    },
  },
  {
    aspect: 'sections',
    pattern: /\b(?:(?:a\s+)?(?:long|longer|extended|epic\s+length)\s+(?:song|piece|tune|version)|make\s+it\s+longer)\b/giu,
    apply: (_m, p) => {
      const verse = p.sections.filter((s) => s.name === 'verse').at(-1);
      const chorus = p.sections.filter((s) => s.name === 'chorus').at(-1);
      if (!verse || !chorus || p.sections.length > 22) return null;
      return {
        params: edit(p, (d) => {
          const outro = d.sections.findIndex((s) => s.name === 'outro');
          d.sections.splice(outro < 0 ? d.sections.length : outro, 0, structuredClone(verse), structuredClone(chorus));
          trimToLimit(d);
        }),
        label: 'longer song',
      };
    },
  },
  {
    aspect: 'drums',
    pattern: /\b(?:(?:no|without|remove|drop|lose|cut|kill|mute|skip|get\s+rid\s+of|take\s+out|strip(?:\s+out)?|no\s+more)\s+(?:the\s+|any\s+|all\s+the\s+)?(?:drums?|percussion|beats?|drum\s+kit)|(?:take|strip|cut|leave)\s+(?:the\s+)?drums\s+out|drumless|a\s+cappella)\b/giu,
    apply: (_m, p) => ({ params: edit(p, (d) => { d.drums.enabled = false; }), label: 'no drums' }),
  },
  {
    aspect: 'drums',
    pattern: /\b(?:add|with|bring\s+back|put\s+back|want|need)\s+(?:the\s+|some\s+|in\s+)?drums\b/giu,
    apply: (_m, p) => (p.drums.enabled ? null : { params: edit(p, (d) => { d.drums.enabled = true; }), label: 'drums on' }),
  },
];
