/**
 * Relative revision requests ("slower", "darker", "simpler drums", "the chorus should feel like
 * relief") as a table of patterns → pure transforms. An optional amount before the word scales the
 * change: "much slower" doubles it, "a bit slower" halves it. Innerchord's own table, MIT.
 */
import { Note } from 'tonal';
import type { SongParameters } from '../../music/params.ts';
import { clamp, edit, round2, sectionName } from './edit.ts';
import { lookupWord } from './emotion.ts';
import { moveEmotion, stepMode } from './emotion-move.ts';
import { REQUEST_RULES } from './interpret.ts';
import type { Aspect, RequestRule } from './request-types.ts';
import { applyRules } from './requests.ts';
import { OPPOSITES, type Opposite } from './revisions-opposites.ts';
import { SECTION, SECTION_RULES } from './revisions-sections.ts';
import { shorter, texture, warmer } from './revisions-texture.ts';
import { modeWasAsked } from './styles.ts';
import { feelLike, SECTION_FEEL_RULES } from './revisions-feel.ts';

const AMOUNTS: Record<string, number> = {
  much: 2, 'a lot': 2, way: 2, far: 2, lots: 2, even: 1.5, 'a lot more': 2, 'much more': 2, 'way more': 2,
  'a bit': 0.5, bit: 0.5, 'a little': 0.5, 'a little bit': 0.4, slightly: 0.5, 'a touch': 0.5, 'a tad': 0.5, somewhat: 0.6, 'a bit more': 0.5, 'a little more': 0.5,
};
const AMOUNT = String.raw`(?:(${Object.keys(AMOUNTS).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+')).join('|')})\s+)?`;
const amount = (word: string | undefined) => (word ? AMOUNTS[word.toLowerCase().replace(/\s+/g, ' ')] ?? 1 : 1);

type Transform = (p: SongParameters, k: number, m: RegExpExecArray) => { params: SongParameters; label: string } | null;
/** One row of the table: the words (after an optional amount) and what they do. */
const rule = (aspect: Aspect, words: string, transform: Transform): RequestRule => ({
  aspect,
  pattern: new RegExp(String.raw`\b${AMOUNT}(?:${words})\b`, 'giu'),
  apply: (m, p) => transform(p, amount(m[1]), m),
});

const tempoBy = (name: string, factor: (k: number) => number): Transform => (p, k) => {
  const tempo = clamp(Math.round(p.tempo * factor(k)), 30, 240);
  return tempo === p.tempo ? null : { params: edit(p, (d) => { d.tempo = tempo; }), label: `${name}: ${p.tempo} → ${tempo} bpm` };
};

const mood = (name: string, dv: number, da: number): Transform => (p, k) => {
  const { params, parts } = moveEmotion(p, dv * k, da * k);
  return parts.length ? { params, label: `${name}: ${parts.join(', ')}` } : null;
};

/**
 * "darker"/"brighter": move valence, and take one step in mode colour and register — unless the
 * musician named the mode ("F# minor"), which stays; valence and register still move.
 */
const colour = (name: string, direction: -1 | 1): Transform => (p, k) => {
  const moved = moveEmotion(p, 0.3 * direction * k, 0);
  const mode = modeWasAsked(p) ? p.mode : moved.params.mode !== p.mode ? moved.params.mode : stepMode(p.mode, direction);
  const shift = 2 * direction;
  const params = edit(moved.params, (d) => {
    d.mode = mode;
    if (d.melody.low + shift >= 36 && d.melody.high + shift <= 100) { d.melody.low += shift; d.melody.high += shift; }
  });
  const parts = moved.parts.filter((x) => !x.includes(' → ' + p.key + ' '));
  if (mode !== p.mode) parts.push(`${p.key} ${p.mode} → ${p.key} ${mode}`);
  return { params, label: `${name}: ${parts.join(', ') || 'register ' + (direction > 0 ? 'up' : 'down')}` };
};

const setNumber = (name: string, get: (p: SongParameters) => number, set: (d: SongParameters, v: number) => void, delta: number, lo = 0, hi = 1): Transform => (p, k) => {
  const before = get(p);
  const after = round2(clamp(before + delta * k, lo, hi));
  return after === before ? null : { params: edit(p, (d) => set(d, after)), label: `${name}: ${before} → ${after}` };
};

const register = (name: string, semis: number): Transform => (p, k) => {
  const shift = Math.round(semis * k);
  const low = clamp(p.melody.low + shift, 36, 93);
  const high = clamp(low + (p.melody.high - p.melody.low), 43, 100);
  return low === p.melody.low ? null : { params: edit(p, (d) => { d.melody.low = low; d.melody.high = high; }), label: `${name}: melody range ${p.melody.low}–${p.melody.high} → ${low}–${high}` };
};

const transpose = (name: string, interval: string): Transform => (p) => {
  const key = Note.simplify(Note.transpose(p.key, interval));
  if (!/^[A-G](#|b)?$/.test(key)) return null;
  // A mode the musician named stays named: the label leads with "key G minor", as their own request did.
  const label = modeWasAsked(p) ? `key ${key} ${p.mode} (${name} from ${p.key} ${p.mode})` : `${name}: ${p.key} ${p.mode} → ${key} ${p.mode}`;
  return { params: edit(p, (d) => { d.key = key; }), label };
};

const CHORDS_PER_BAR = [0.5, 1, 2] as const;
const chordRate = (name: string, step: -1 | 1): Transform => (p) => {
  const i = clamp(CHORDS_PER_BAR.indexOf(p.harmony.chordsPerBar) + step, 0, 2);
  const next = CHORDS_PER_BAR[i]!;
  return next === p.harmony.chordsPerBar ? null : { params: edit(p, (d) => { d.harmony.chordsPerBar = next; }), label: `${name}: ${p.harmony.chordsPerBar} → ${next} chords per bar` };
};

/**
 * "the chorus should feel like relief": the feeling named (up to a comma: "…, and a bit faster
 * overall" is another request, for the rules after this one) is a direction from neutral, so the
 * section moves that way relative to the rest of the song (relief lifts valence and energy even in
 * a song that is already bright).
 */
const sectionFeel: Transform = (p, _k, m) => feelLike(p, m[2]!, m[3]!);

/** "bigger chorus", "make the verse quieter": energy of one section. */
const sectionSize: Transform = (p, k, m) => {
  const word = (m[2] ?? m[5] ?? '').toLowerCase();
  const name = sectionName(m[3] ?? m[4] ?? '', p);
  const up = /bigger|louder|more intense|stronger|fuller|huge/.test(word);
  if (!p.sections.some((s) => s.name === name)) return null;
  const delta = (up ? 0.2 : -0.2) * k;
  const params = edit(p, (d) => {
    for (const s of d.sections) if (s.name === name) { s.energy = round2(clamp(s.energy + delta, 0, 1)); s.arousalOffset = round2(clamp(s.arousalOffset + delta * 0.75, -1, 1)); }
  });
  const was = p.sections.find((s) => s.name === name)!.energy;
  const now = params.sections.find((s) => s.name === name)!.energy;
  return { params, label: `${up ? 'bigger' : 'smaller'} ${name}: energy ${was} → ${now}` };
};

/** "more hopeful", "make it feel nostalgic": move toward any word the lexicon knows. */
const towardWord: Transform = (p, k, m) => {
  const less = /^less$/i.test(m[2]!);
  const word = m[3]!.toLowerCase();
  const found = lookupWord(word);
  if (!found) return null;
  // The word is a direction from neutral: "more hopeful" brightens even a bright song; "less" reverses it.
  const sign = less ? -1 : 1;
  const { params, parts } = moveEmotion(p, 0.4 * k * sign * found[0], 0.4 * k * sign * found[1]);
  return parts.length ? { params, label: `${less ? 'less' : 'more'} ${word}: ${parts.join(', ')}` } : null;
};

/**
 * "too fast", "not so loud", "a bit less busy": run the opposite revision in their place, so the
 * change goes away from the word ("too fast" → "slower"), never towards it.
 */
/** "it doesn't have to be so fast", "needn't be that loud". */
const NEEDNT_BE = String.raw`(?:doesn'?t|does\s+not|don'?t|do\s+not|shouldn'?t|should\s+not|needn'?t|need\s+not)\s+(?:have\s+to\s+|need\s+to\s+)?be`;
const opposite = (row: Opposite): RequestRule => ({
  aspect: row.aspect,
  pattern: new RegExp(String.raw`\b${AMOUNT}(?:too|overly|not\s+(?:so|as|that)|less|${NEEDNT_BE}\s+(?:so|that|as))\s+(${row.words})\b`, 'giu'),
  apply: (m, p) => {
    const request = `${m[1] ? m[1] + ' ' : ''}${row.revise}`;
    const { params, applied } = applyRules(request, p, [...REVISION_RULES, ...REQUEST_RULES]);
    return applied.length ? { params, label: `${m[0].trim()} → ${applied.map((a) => a.label).join('; ')}` } : null;
  },
});

const SIZE = 'bigger|smaller|louder|quieter|softer|more\\s+intense|stronger|fuller|gentler|huge';

export const REVISION_RULES: readonly RequestRule[] = [
  // Compound phrases first ("slower chord changes", "lighter drums"), single words after.
  // Section-scoped feelings are section changes: a later correction of the song's feeling keeps them.
  { aspect: 'sections', pattern: new RegExp(String.raw`\b()(?:the\s+)?(${SECTION})s?\s+(?:should|to|could|must|needs?\s+to|can|has\s+to|will)?\s*(?:feel|sound|be)\s+(?:like\s+(?:a\s+)?|more\s+|a\s+)?([^.;!?,]+)`, 'giu'), apply: (m, p) => sectionFeel(p, 1, m) },
  // "more hope in the chorus": the chorus, not the whole song ("more drums in the chorus" names no feeling: null).
  { aspect: 'sections', pattern: new RegExp(String.raw`\b(?:a\s+(?:bit|little)\s+|much\s+)?more\s+([\p{L}'-]+(?:\s+[\p{L}'-]+)?)\s+(?:in|for|to)\s+(?:the\s+|every\s+|each\s+)?(${SECTION})s?\b`, 'giu'), apply: (m, p) => feelLike(p, m[2]!, m[1]!) },
  // The same in German, French and Spanish ("der Refrain soll nach Hoffnung klingen", "más esperanza en el estribillo").
  ...SECTION_FEEL_RULES,
  { aspect: 'sections', pattern: new RegExp(String.raw`\b${AMOUNT}(?:(${SIZE})\s+(?:the\s+)?(${SECTION})|(?:make\s+)?(?:the\s+)?(${SECTION})\s+(?:should\s+be\s+|to\s+be\s+|is\s+too\s+(?=small|quiet|soft))?(?:a\s+bit\s+|much\s+)?(${SIZE}))\b`, 'giu'), apply: (m, p) => sectionSize(p, amount(m[1]), m) },
  // Before the whole-song words: "the chorus is too quiet" is about the chorus, not "too quiet".
  ...SECTION_RULES,
  ...OPPOSITES.map(opposite),
  rule('drums', 'simpler\\s+drums|fewer\\s+drums|less\\s+drums|sparser\\s+drums|lighter\\s+drums|calmer\\s+drums|less\\s+busy\\s+drums|drums\\s+(?:simpler|sparser|lighter|less\\s+busy)', (p, k) => {
    const t = setNumber('simpler drums: density', (q) => q.drums.density, (d, v) => { d.drums.density = v; d.drums.fills = false; }, -0.25)(p, k, {} as RegExpExecArray);
    return t ?? (p.drums.fills ? { params: edit(p, (d) => { d.drums.fills = false; }), label: 'simpler drums: no fills' } : null);
  }),
  rule('drums', 'busier\\s+drums|more\\s+drums|more\\s+busy\\s+drums|bigger\\s+drums|heavier\\s+drums|drums\\s+(?:busier|bigger|heavier)', setNumber('busier drums: density', (q) => q.drums.density, (d, v) => { d.drums.density = v; d.drums.fills = true; }, 0.25)),
  rule('melody', 'sparser\\s+melody|simpler\\s+melody|fewer\\s+(?:melody\\s+)?notes|less\\s+busy\\s+melody|melody\\s+(?:sparser|simpler|less\\s+busy)', setNumber('sparser melody: density', (q) => q.melody.density, (d, v) => { d.melody.density = v; }, -0.2)),
  rule('melody', 'busier\\s+melody|more\\s+(?:melody\\s+)?notes|more\\s+melodic\\s+movement|melody\\s+(?:busier|more\\s+active)', setNumber('busier melody: density', (q) => q.melody.density, (d, v) => { d.melody.density = v; }, 0.2)),
  rule('melody', 'more\\s+leaps|leapier|jumpier\\s+melody|smoother\\s+melody|fewer\\s+leaps', (p, k, m) =>
    setNumber('melody leaps', (q) => q.melody.leapiness, (d, v) => { d.melody.leapiness = v; }, /smoother|fewer/i.test(m[0]) ? -0.2 : 0.2)(p, k, m)),
  rule('chords', 'simpler\\s+chords|plainer\\s+chords|basic\\s+chords|no\\s+sevenths|fewer\\s+chords|less\\s+chords', (p) => {
    const rate = chordRate('fewer chord changes', -1)(p, 1, {} as RegExpExecArray);
    const base = rate?.params ?? p;
    if (!rate && !p.harmony.extensions && !p.harmony.borrowed) return null;
    return { params: edit(base, (d) => { d.harmony.extensions = false; d.harmony.borrowed = false; }), label: `simpler chords: plain triads${rate ? ', ' + rate.label.replace('fewer chord changes: ', '') : ''}` };
  }),
  rule('chords', 'richer\\s+chords|jazzier\\s+chords|lusher\\s+chords|fancier\\s+chords|add\\s+sevenths|with\\s+sevenths|more\\s+colou?rful\\s+chords|more\\s+colou?r', (p) =>
    (p.harmony.extensions ? null : { params: edit(p, (d) => { d.harmony.extensions = true; }), label: 'richer chords: sevenths and colour tones' })),
  rule('chords', 'more\\s+chords|more\\s+chord\\s+changes|faster\\s+chord\\s+changes|chords\\s+change\\s+faster', chordRate('more chord changes', 1)),
  rule('chords', 'slower\\s+chord\\s+changes|chords\\s+change\\s+slower', chordRate('slower chord changes', -1)),
  rule('chords', 'strum(?:med|ming)?(?:\\s+chords)?|arpeggi(?:o|os|ate|ated)|fingerpick(?:ed|ing)?|block\\s+chords|broken\\s+chords', (p, _k, m) => {
    const w = m[0].toLowerCase();
    const comping = /strum/.test(w) ? 'strum' : /arpegg|finger/.test(w) ? 'arpeggio' : /block/.test(w) ? 'block' : 'broken';
    return comping === p.harmony.comping ? null : { params: edit(p, (d) => { d.harmony.comping = comping; }), label: `chords ${p.harmony.comping} → ${comping}` };
  }),
  rule('rhythm', 'more\\s+swing|swing\\s+it|swung|swingier|add\\s+(?:some\\s+)?swing|with\\s+swing', (p, k) => {
    const swing = round2(clamp(Math.max(p.rhythm.swing, 0.3) + 0.25 * k, 0, 1));
    return { params: edit(p, (d) => { d.rhythm.swing = swing; d.rhythm.feel = 'swing'; if (d.drums.groove === 'auto' || d.drums.groove === 'straight' || d.drums.groove === 'ballad') d.drums.groove = 'swing'; }), label: `more swing: ${p.rhythm.swing} → ${swing}` };
  }),
  rule('rhythm', 'less\\s+swing|no\\s+swing|straighter|straighten\\s+(?:it|the\\s+feel)|straight\\s+feel|play\\s+it\\s+straight', (p) => ({
    params: edit(p, (d) => { d.rhythm.swing = 0; d.rhythm.feel = 'straight'; if (d.drums.groove === 'swing') d.drums.groove = 'straight'; }), label: `straight feel: swing ${p.rhythm.swing} → 0`,
  })),
  rule('rhythm', 'half[-\\s]time', (p) => ({ params: edit(p, (d) => { d.rhythm.feel = 'half-time'; d.drums.groove = 'half-time'; }), label: `half-time feel (was ${p.rhythm.feel})` })),
  rule('rhythm', 'looser|more\\s+human|more\\s+natural|less\\s+robotic|less\\s+mechanical', setNumber('looser: humanize', (q) => q.rhythm.humanize, (d, v) => { d.rhythm.humanize = v; }, 0.2)),
  rule('rhythm', 'tighter|more\\s+precise|quantised|quantized|more\\s+robotic', setNumber('tighter: humanize', (q) => q.rhythm.humanize, (d, v) => { d.rhythm.humanize = v; }, -0.2)),
  rule('key', '(?:up|raise\\s+it)\\s+a\\s+(?:half[-\\s]step|semitone)', transpose('up a semitone', '2m')),
  rule('key', 'down\\s+a\\s+(?:half[-\\s]step|semitone)', transpose('down a semitone', '-2m')),
  rule('key', '(?:up\\s+a\\s+(?:whole[-\\s]step|tone|step)|higher\\s+key|key\\s+up|transpose\\s+up|raise\\s+the\\s+key)', transpose('key up a tone', '2M')),
  rule('key', '(?:down\\s+a\\s+(?:whole[-\\s]step|tone|step)|lower\\s+key|key\\s+down|transpose\\s+down|lower\\s+the\\s+key)', transpose('key down a tone', '-2M')),
  rule('tempo', 'twice\\s+as\\s+fast|double\\s+(?:the\\s+)?(?:tempo|speed)|double[-\\s]speed', tempoBy('twice as fast', () => 2)),
  rule('tempo', 'half\\s+(?:the\\s+)?(?:tempo|speed)|half\\s+as\\s+fast|twice\\s+as\\s+slow|halve\\s+(?:the\\s+)?(?:tempo|speed)|half[-\\s]speed', tempoBy('half the tempo', () => 0.5)),
  rule('tempo', 'slower|slow\\s+(?:it|this|things)\\s+down|slow\\s+down|less\\s+fast|more\\s+slowly', tempoBy('slower', (k) => 1 - 0.17 * k)),
  rule('tempo', 'faster|speed\\s+(?:it|this|things)\\s+up|speed\\s+up|quicker|more\\s+quickly|less\\s+slow', tempoBy('faster', (k) => 1 + 0.2 * k)),
  rule('tempo', 'double[-\\s]time', tempoBy('double time', () => 2)),
  rule('mood', 'sadder|more\\s+sad|less\\s+happy|more\\s+melancholy|more\\s+somber|more\\s+sombre', mood('sadder', -0.3, -0.1)),
  rule('mood', 'happier|more\\s+happy|less\\s+sad|more\\s+joyful|more\\s+cheerful|more\\s+upbeat|more\\s+uplifting|lighter', mood('happier', 0.3, 0.1)),
  rule('mood', 'calmer|more\\s+calm|more\\s+relaxed|more\\s+peaceful|less\\s+energy|less\\s+energetic|more\\s+laid[-\\s]back|chill(?:er)?|mellower|more\\s+mellow|gentler|less\\s+intense', mood('calmer', 0, -0.3)),
  rule('mood', 'more\\s+energy|more\\s+energetic|more\\s+intense|more\\s+drive|more\\s+driving|more\\s+excited|more\\s+exciting|punchier|livelier|more\\s+lively|more\\s+upbeat\\s+energy|pump\\s+it\\s+up|more\\s+power', mood('more energy', 0, 0.3)),
  rule('mood', 'angrier|more\\s+angry|more\\s+aggressive|fiercer|more\\s+furious|more\\s+rage', mood('angrier', -0.3, 0.3)),
  rule('mood', 'warmer(?:\\s+(?:sound|tone|chords))?|more\\s+warmth|warm\\s+it\\s+up', (p, k) => warmer(p, k)),
  rule('mood', 'darker|more\\s+dark|moodier|more\\s+moody|more\\s+ominous', colour('darker', -1)),
  rule('mood', 'brighter|more\\s+bright|sunnier|more\\s+sunny', colour('brighter', 1)),
  rule('melody', 'higher(?:\\s+(?:melody|register|range|notes|pitch))?(?!\\s+(?:energy|tempo|volume))|sing\\s+higher|melody\\s+higher|up\\s+an\\s+octave', register('higher', 5)),
  rule('melody', 'lower(?:\\s+(?:melody|register|range|notes|pitch))?(?!\\s+(?:energy|tempo|volume|the))|sing\\s+lower|melody\\s+lower|down\\s+an\\s+octave', register('lower', -5)),
  rule('dynamics', 'louder|more\\s+volume|turn\\s+it\\s+up', setNumber('louder: level', (q) => q.dynamics.level, (d, v) => { d.dynamics.level = v; }, 0.15)),
  rule('dynamics', 'softer|quieter|less\\s+loud|turn\\s+it\\s+down|lower\\s+the\\s+volume', setNumber('softer: level', (q) => q.dynamics.level, (d, v) => { d.dynamics.level = v; }, -0.15)),
  // After the compound drum, melody and chord rows, so "simpler chords" is not the whole arrangement.
  rule('drums', 'sparser|thinner|emptier|barer|more\\s+(?:space|room|air|breathing\\s+room)|less\\s+(?:busy|cluttered|crowded|dense)|strip\\s+it\\s+(?:back|down)|simpler', (p, k) => texture('sparser', -1, k)(p)),
  rule('drums', 'fuller|denser|thicker|busier|more\\s+layers|more\\s+going\\s+on|bigger\\s+sound|fill\\s+it\\s+(?:out|in)', (p, k) => texture('fuller', 1, k)(p)),
  {
    aspect: 'sections',
    pattern: new RegExp(String.raw`(?<!\b(?:${SECTION})s?\s+(?:should\s+be\s+|is\s+|a\s+bit\s+|much\s+)?)\b(?:make\s+it\s+)?(?:shorter|shorten\s+it|cut\s+it\s+down|trim\s+it(?:\s+down)?)\b(?!\s+(?:the\s+)?(?:${SECTION}))`, 'giu'),
    apply: (_m, p) => shorter(p),
  },
  {
    aspect: 'mood',
    pattern: new RegExp(String.raw`\b${AMOUNT}(more|feel\s+more|sound\s+more|make\s+it(?:\s+(?:feel|sound))?(?:\s+more)?|less)\s+([a-z]+)\b`, 'giu'),
    apply: (m, p) => towardWord(p, amount(m[1]), m),
  },
];
