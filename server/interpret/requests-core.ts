/**
 * Explicit requests for key, mode, tempo and meter — honoured exactly, whatever the feelings say.
 * Innerchord's own tables, MIT.
 */
import { Note } from 'tonal';
import { edit } from './edit.ts';
import type { RequestRule } from './request-types.ts';
import { foldForNeeds } from './requests.ts';
import { notInBand, TEMPO_WORD_NOT_RULE, TEMPO_WORD_RULE } from './requests-tempo-words.ts';
import { METRONOME_RULE } from './requests-metronome.ts';
import { FOREIGN_KEY_RULE, FOREIGN_MODE_RULE } from './requests-keys.ts';
import { applyScale } from '../../music/styles/index.ts';
import { modeWasAsked } from './styles.ts';
import type { Feel, MeterGrouping, SongParameters } from '../../music/params.ts';

/** Clave and groove words → the feel they name ("3-2 son clave", "rumba clave 2-3", "one drop"). */
function feelFor(kind: string | undefined, dir: string | undefined, word: string): Feel | null {
  if (/one[-\s]?drop/i.test(word)) return 'one-drop';
  const d = dir ?? '3-2';
  return /rumba/i.test(kind ?? '') ? (d === '2-3' ? 'rumba-2-3' : 'rumba-3-2') : d === '2-3' ? 'clave-son-2-3' : 'clave-son-3-2';
}

/** Which meter a grouping belongs to. */
const GROUPING_METER: Record<MeterGrouping, '7/8' | '5/4'> = { '2+2+3': '7/8', '3+2+2': '7/8', '3+2': '5/4', '2+3': '5/4' };

/** The same shape in the other odd meter: long step first stays first ("3+2+2" ↔ "3+2"). */
const REGROUP: Record<MeterGrouping, MeterGrouping> = { '2+2+3': '2+3', '3+2+2': '3+2', '3+2': '3+2+2', '2+3': '2+2+3' };

/** A grouping only makes sense in its own meter: carry its shape into the other odd meter, drop it otherwise. */
function regroup(d: SongParameters, meter: SongParameters['meter']): void {
  const g = d.meterGrouping;
  if (!g || GROUPING_METER[g] === meter) return;
  if (meter === '7/8' || meter === '5/4') d.meterGrouping = REGROUP[g];
  else delete d.meterGrouping;
}

const ACCIDENTAL: Record<string, string> = { '#': '#', '♯': '#', sharp: '#', b: 'b', '♭': 'b', flat: 'b' };
const QUALITY: Record<string, string> = {
  major: 'major', maj: 'major', minor: 'minor', min: 'minor', m: 'minor', 'harmonic minor': 'harmonic minor',
  'melodic minor': 'melodic minor', 'minor pentatonic': 'minor pentatonic', 'major pentatonic': 'major pentatonic',
  'minor blues': 'minor blues', 'major blues': 'major blues', dorian: 'dorian', phrygian: 'phrygian', lydian: 'lydian', mixolydian: 'mixolydian',
  locrian: 'locrian', aeolian: 'minor', ionian: 'major',
  'phrygian dominant': 'phrygian dominant', hijaz: 'phrygian dominant', 'double harmonic major': 'double harmonic major',
  'double harmonic': 'double harmonic major', hirajoshi: 'hirajoshi', 'in-sen': 'in-sen', insen: 'in-sen', 'in sen': 'in-sen',
  'whole tone': 'whole tone', 'whole-tone': 'whole tone',
};

/** Scales beyond the church modes, longest first so "phrygian dominant" is not read as "phrygian". */
const WORLD_SCALE_WORDS = String.raw`phrygian dominant|hijaz|double harmonic(?: major)?|hirajoshi|in-?sen|whole[- ]tone`;

const KEY = new RegExp(
  String.raw`(?<!\p{L})(?:(in(?:\s+the)?(?:\s+key\s+of)?|key(?:\s+of)?:?)\s+)?([a-g])(?:\s*(#|♯|♭|b(?!\p{L})|-?\s?sharp\b|-?\s?flat\b))?` +
    String.raw`(?:\s*(${WORLD_SCALE_WORDS}|harmonic minor|melodic minor|minor pentatonic|major pentatonic|minor blues|major blues|major|minor|maj|min|dorian|phrygian|lydian|mixolydian|locrian|aeolian|ionian|m(?!\p{L})))?(?![\p{L}#♯♭'])`,
  'giu',
);

/** Tempo words musicians use, at the middle of their traditional ranges. */
const TEMPO_MARKINGS: Record<string, number> = {
  largo: 50, lento: 52, adagio: 70, andante: 84, moderato: 108, allegretto: 116, allegro: 132, vivace: 160, presto: 176,
};

/** Tempo descriptions: the felt tempo is kept when it already fits, otherwise pulled into the band. */
const TEMPO_BANDS: Record<string, [number, number]> = {
  'very slow': [48, 60], 'really slow': [48, 60], slow: [56, 72], 'mid-tempo': [90, 112], midtempo: [90, 112],
  'medium tempo': [90, 112], 'mid tempo': [90, 112], uptempo: [120, 150], 'up-tempo': [120, 150], upbeat: [112, 140], fast: [126, 160],
  'very fast': [150, 190], 'really fast': [150, 190], 'super fast': [150, 190], 'super slow': [48, 60], downtempo: [70, 90],
};

const METER_WORDS: Record<string, { meter: '2/4' | '3/4' | '4/4' | '6/8'; groove: 'waltz' | 'march' | 'auto' }> = {
  waltz: { meter: '3/4', groove: 'waltz' }, march: { meter: '2/4', groove: 'march' }, marching: { meter: '2/4', groove: 'march' },
  'common time': { meter: '4/4', groove: 'auto' }, jig: { meter: '6/8', groove: 'auto' },
  // The waltz in German, French and Spanish (their "march" words also mean walking or working).
  walzer: { meter: '3/4', groove: 'waltz' }, valse: { meter: '3/4', groove: 'waltz' }, vals: { meter: '3/4', groove: 'waltz' }, dreivierteltakt: { meter: '3/4', groove: 'waltz' },
};

/** Modes whose third is minor: "pentatonic" alone follows the song's current colour. */
const MINORISH = new Set(['minor', 'dorian', 'phrygian', 'locrian']);

/** Below this valence a bare key name ("in F") reads as minor; above it, as major. */
const BARE_KEY_MINOR_BELOW = -0.3;

/**
 * "in F" names no mode: musicians mean F major unless the feeling is clearly sad. A mode they named
 * earlier ("F# minor", then "put it in G") is kept.
 */
function bareKeyMode(p: SongParameters): string {
  if (modeWasAsked(p)) return p.mode;
  return p.valence <= BARE_KEY_MINOR_BELOW ? 'minor' : 'major';
}

/**
 * A bare "Am" with no "in"/"key of" before it is a chord symbol only as one is written: a
 * lower-case m, then the end, punctuation or the next chord ("Am, F, C", "Am F C G"). Shouted
 * English ("I AM SO HAPPY") and German sentences ("Am Ende war ich froh", "Am Wochenende …") are
 * words, not A minor. Longer qualities ("A minor", "F# dorian") are always keys.
 */
function chordSymbolMinor(m: RegExpMatchArray, quality: string): boolean {
  if (quality.toLowerCase() !== 'm') return true;
  if (quality !== 'm') return false;
  const after = (m.input ?? '').slice((m.index ?? 0) + m[0].length);
  return /^(?:\s*(?:[,;.!?)\/|–—-]|$)|\s+[A-G](?:[#♯♭b]|m|maj|sus|add|dim|aug|\d)*(?![\p{L}]))/u.test(after);
}

/** Swing without a style name: "swung", "with swing", "a bit of swing" — not a garden or porch swing. */
const SWING = String.raw`with\s+(?:a\s+(?:bit\s+of\s+|little\s+)?|some\s+|lots\s+of\s+|plenty\s+of\s+)?swing|swung|swingy|` +
  String.raw`(?<!\b(?:no|without|less|any|zero|a|the|my|your|his|her|our|their|porch|garden|tire|tyre|rope|mood|golf|baseball|bat)\s)swing(?!\s+(?:in|set|seat|from|by|on|at|of|low|high|back|open|shut|door|vote|voters?|state|shift|dance)\b)`;

const GROOVE_FOR_METER: Record<string, 'waltz' | 'march' | 'auto'> = { '3/4': 'waltz', '2/4': 'march' };

export const CORE_RULES: readonly RequestRule[] = [
  // Keys in German, French and Spanish ("in B-Dur", "en ré mineur", "en tono menor") before the
  // English one, which would take "in B" of "in B-Dur" for B major.
  FOREIGN_KEY_RULE,
  FOREIGN_MODE_RULE,
  {
    aspect: 'key',
    pattern: KEY,
    apply: (m, p) => {
      const [, prefix, letter = '', acc, quality] = m;
      const upper = letter === letter.toUpperCase();
      const keyWord = /key/i.test(prefix ?? '');
      // "a minor change", "in a quiet voice": a lone lower-case "a" is an article, not a key.
      if (!upper && letter.toLowerCase() === 'a' && !keyWord) return null;
      // Without "major"/"minor" it takes "in"/"key of" before it: a bare "D" is just a letter.
      if (!quality && !prefix) return null;
      if (quality && !prefix && !chordSymbolMinor(m, quality)) return null;
      if (!quality && !keyWord && !upper) return null;
      const key = letter.toUpperCase() + (acc ? ACCIDENTAL[acc.replace(/[-\s]/g, '').toLowerCase()] ?? '' : '');
      if (Note.get(key).empty) return null;
      const asked = !quality && modeWasAsked(p);
      const mode = quality ? QUALITY[quality.toLowerCase()] ?? p.mode : bareKeyMode(p);
      return { params: edit(p, (d) => { d.key = key; d.mode = mode; }), label: quality || asked ? `key ${key} ${mode}` : `key ${key}` };
    },
  },
  {
    aspect: 'mode',
    pattern: new RegExp(String.raw`\b(${WORLD_SCALE_WORDS}|harmonic minor|melodic minor|major pentatonic|minor pentatonic|pentatonic|blues scale|dorian|phrygian|lydian|mixolydian|locrian|aeolian|ionian)\b`, 'giu'),
    apply: (m, p) => {
      const word = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const minorish = MINORISH.has(p.mode) || p.mode.includes('minor');
      const mode = word === 'pentatonic' ? (minorish ? 'minor pentatonic' : 'major pentatonic') : word === 'blues scale' ? 'minor blues' : QUALITY[word] ?? word;
      // A drone scale (hirajoshi, in-sen) also takes the held bass its harmonic approach asks for.
      return { params: applyScale(p, mode), label: `mode ${mode}` };
    },
  },
  {
    aspect: 'mode',
    pattern: /\b(?:in\s+(?:a\s+)?|a\s+|make\s+it\s+|switch\s+to\s+|go\s+)(major|minor)(?:\s+key)?\b(?!\s+pentatonic)/giu,
    apply: (m, p) => {
      const mode = m[1]!.toLowerCase();
      // "a minor chord", "a major change" are not about the key; require "key" or a verb before it.
      if (/^a\s/i.test(m[0]) && !/key$/i.test(m[0])) return null;
      return { params: edit(p, (d) => { d.mode = mode; }), label: `mode ${mode}` };
    },
  },
  // Descriptions first, so an exact "80 bpm" in the same breath has the last word.
  {
    // "not too slow", "nothing too fast": the word turned round keeps the song out of its band.
    aspect: 'tempo',
    needs: ['no', 'never', 'isn', 'shouldn'],
    pattern: new RegExp(String.raw`\b(?:not|never|nothing|isn'?t|shouldn'?t\s+be)\s+(?:too\s+|so\s+|that\s+|overly\s+|all\s+that\s+)?(${Object.keys(TEMPO_BANDS).sort((a, b) => b.length - a.length).join('|')})\b`, 'giu'),
    apply: (m, p) => {
      const band = TEMPO_BANDS[foldForNeeds(m[1]!)];
      const bpm = band ? notInBand(band, p.tempo) : null;
      if (bpm === null) return null;
      return { params: edit(p, (d) => { d.tempo = bpm; }), label: `tempo ${bpm} (${m[0].toLowerCase().replace(/\s+/g, ' ')})` };
    },
  },
  {
    aspect: 'tempo',
    pattern: new RegExp(String.raw`\b(${Object.keys(TEMPO_BANDS).sort((a, b) => b.length - a.length).join('|')})\b`, 'giu'),
    apply: (m, p) => {
      // The i and u flags also match "ſlow" (long s): the table is read in plain letters.
      const word = foldForNeeds(m[1]!).replace(/\s+/g, ' ');
      const band = TEMPO_BANDS[word];
      if (!band) return null;
      const [lo, hi] = band;
      const bpm = Math.max(lo, Math.min(hi, p.tempo));
      return { params: edit(p, (d) => { d.tempo = bpm; }), label: `tempo ${bpm} (${word})` };
    },
  },
  // The same in German, French and Spanish ("langsam", "lent", "rápido"); it claims Spanish "lento" before the Italian marking can.
  TEMPO_WORD_NOT_RULE,
  TEMPO_WORD_RULE,
  METRONOME_RULE,
  {
    aspect: 'tempo',
    // "170+ bpm", "90-ish bpm": the number is the tempo asked for.
    pattern: /\b(?:(\d{2,3})(?:\+|-?ish)?\s*(?:bpm|beats\s+(?:per|a)\s+minute)|(?:tempo|speed)\s*(?:of|at|to|=|:)?\s*(\d{2,3})|(?<!\b(?:died|passed|passed\s+away|aged?|retired|married|born|left|started|was|were|is|am|been)\s+)at\s+(\d{2,3})(?!\s*(?:bars?|years?|%|percent|minutes?|seconds?|am|pm|o'clock|songs?|people)))\b/giu,
    apply: (m, p) => {
      const bpm = Number(m[1] ?? m[2] ?? m[3]);
      if (!(bpm >= 30 && bpm <= 240)) return null;
      return { params: edit(p, (d) => { d.tempo = bpm; }), label: `tempo ${bpm}` };
    },
  },
  {
    aspect: 'tempo',
    pattern: new RegExp(String.raw`\b(${Object.keys(TEMPO_MARKINGS).join('|')})\b`, 'giu'),
    apply: (m, p) => {
      const bpm = TEMPO_MARKINGS[m[1]!.toLowerCase()]!;
      return { params: edit(p, (d) => { d.tempo = bpm; }), label: `tempo ${bpm} (${m[1]!.toLowerCase()})` };
    },
  },
  {
    aspect: 'meter',
    pattern: /(?<![\d/])(2\/4|3\/4|4\/4|5\/4|6\/8|7\/8|12\/8)(?![\d/])/gu,
    apply: (m, p) => {
      const meter = m[1] as '2/4' | '3/4' | '4/4' | '5/4' | '6/8' | '7/8' | '12/8';
      return { params: edit(p, (d) => { d.meter = meter; regroup(d, meter); d.drums.groove = GROOVE_FOR_METER[meter] ?? 'auto'; }), label: `meter ${meter}` };
    },
  },
  {
    aspect: 'meter',
    pattern: /\b(waltz|walzer|valse|vals|dreivierteltakt|(?:a|like a|as a|military)\s+march|marching|common time|jig)\b/giu,
    apply: (m, p) => {
      const word = m[1]!.toLowerCase().replace(/^(?:a|like a|as a|military)\s+/, '');
      const found = METER_WORDS[word];
      if (!found) return null;
      return { params: edit(p, (d) => { d.meter = found.meter; regroup(d, found.meter); d.drums.groove = found.groove; }), label: `meter ${found.meter} (${word})` };
    },
  },
  {
    aspect: 'meter',
    // "7/8 in 3+2+2", "grouped 2+2+3": the grouping names its meter too.
    pattern: /(?<![\d+])(2\+2\+3|3\+2\+2|3\+2|2\+3)(?![\d+])/gu,
    apply: (m, p) => {
      const grouping = m[1] as MeterGrouping;
      const meter = GROUPING_METER[grouping];
      return { params: edit(p, (d) => { d.meter = meter; d.meterGrouping = grouping; if (d.drums.groove === 'waltz' || d.drums.groove === 'march') d.drums.groove = 'auto'; }), label: `meter ${meter} (${grouping})` };
    },
  },
  {
    aspect: 'rhythm',
    // "with a shuffle", "half-time feel": the groove words a first description uses, not only a revision.
    // The verb ("shuffle through the house") and the football interval ("at half time") are not grooves.
    pattern: /\b(?<!\b(?:at|by|before|after|until)\s)(shuffle|half[-\s]time)(?:\s+(?:feel|groove|beat|rhythm))?\b(?!\s+(?:my|your|his|her|our|their|the|through|along|around|off|past|back|in|out|to|into|of|over|across|away|down|up|on|home)\b)/giu,
    apply: (m, p) => {
      const half = /^half/i.test(m[1]!);
      if (half) return { params: edit(p, (d) => { d.rhythm.feel = 'half-time'; if (d.meter === '4/4') d.drums.groove = 'half-time'; }), label: 'feel half-time' };
      return { params: edit(p, (d) => { d.rhythm.feel = 'shuffle'; d.rhythm.swing = Math.max(d.rhythm.swing, 0.6); if (d.meter === '4/4') d.drums.groove = 'swing'; }), label: 'feel shuffle' };
    },
  },
  {
    aspect: 'rhythm',
    pattern: new RegExp(String.raw`\b(?:${SWING})\b`, 'giu'),
    apply: (_m, p) => ({
      params: edit(p, (d) => { d.rhythm.feel = 'swing'; d.rhythm.swing = Math.max(d.rhythm.swing, 0.55); if (['auto', 'straight', 'ballad'].includes(d.drums.groove)) d.drums.groove = 'swing'; }),
      label: 'feel swing',
    }),
  },
  {
    aspect: 'rhythm',
    pattern: /\b(?:(?:(son|rumba)\s+)?clave(?:\s+(3-2|2-3))?|(3-2|2-3)\s+(?:(son|rumba)\s+)?clave|one[-\s]?drop)\b/giu,
    apply: (m, p) => {
      const feel = feelFor(m[1] ?? m[4], m[2] ?? m[3], m[0]);
      if (!feel) return null;
      return { params: edit(p, (d) => { d.rhythm.feel = feel; if (d.meter !== '4/4') { d.meter = '4/4'; delete d.meterGrouping; } }), label: `feel ${feel}` };
    },
  },
];
