/**
 * The teaching layer: explainSketch(sketch, params) → sections of plain-words theory about what was
 * made — the mode and its colour, each chord's roman numeral and function, the cadences that end
 * the sections, the meter, its grouping and feel, and the style template when there is one — each
 * pointing at glossary terms. Pure; derived from the sketch's chords and facts with Tonal, never
 * from what the engine meant to do.
 */
import type { SongParameters } from '../params.ts';
import type { Sketch } from '../sketch.ts';
import { cadenceOf, CADENCE_WORDS, explainChord, type CadenceKind, type ChordFunction } from './harmony.ts';
import { FEEL_WORDS, METER_WORDS, tempoWords } from './meter.ts';
import { explainMode } from './modes.ts';
import { approachRow, groupingOf, groupingRow, styleTeaching } from './style.ts';
import { SCALE_WORDS } from '../styles/words.ts';

export interface TheoryRow {
  label: string;
  value: string;
  note: string;
}

export interface TheorySection {
  id: 'mode' | 'chords' | 'cadences' | 'meter' | 'style';
  title: string;
  /** One or two sentences in plain words. */
  text: string;
  rows: TheoryRow[];
  /** Glossary ids (see GLOSSARY) this section leans on. */
  terms: string[];
}

const FUNCTION_WORDS: Record<ChordFunction, string> = {
  tonic: 'tonic — home, at rest',
  subdominant: 'subdominant — moving away',
  dominant: 'dominant — pulling home through the leading tone',
  modal: 'modal — leans home by the mode\'s own colour, without a leading tone',
  borrowed: 'borrowed — a colour from outside the scale, often the parallel major or minor',
};

function modeSection(sketch: Sketch): TheorySection {
  const m = explainMode(sketch.key, sketch.mode);
  const fact = sketch.facts.find((f) => f.kind === 'mode')?.text;
  const rows: TheoryRow[] = [{ label: 'Notes', value: m.notes.join(' '), note: 'the scale, from the home note' }];
  if (m.modeNumber) rows.push({ label: 'Mode', value: `${m.modeNumber} of 7`, note: `its home chord is ${m.homeTriad === 'm' ? 'minor' : m.homeTriad === 'dim' ? 'diminished' : 'major'}` });
  rows.push(...approachRow(sketch.mode));
  // A scale from the world palette is explained as what it is, in a musician's words.
  const world = SCALE_WORDS[sketch.mode] !== undefined;
  const text = world ? `${m.name} — ${m.colour}.${fact ? ` Against plain major and minor: ${fact.replace(/^[^:]*:\s*/, '')}.` : ''}` : `${m.name} sounds ${m.colour}.${fact ? ` In detail: ${fact}.` : ''}`;
  return { id: 'mode', title: `${world ? 'Scale' : 'Mode'}: ${m.name}`, text, rows, terms: ['key', 'mode', 'scale', 'tonic'] };
}

function chordSection(sketch: Sketch): TheorySection {
  const seen = new Map<string, TheoryRow>();
  for (const c of sketch.chords) {
    if (seen.has(c.symbol)) continue;
    const e = explainChord(c.symbol, sketch.key, sketch.mode);
    seen.set(c.symbol, { label: c.symbol, value: e?.roman ?? c.roman, note: e ? FUNCTION_WORDS[e.function] : 'a colour chord' });
  }
  const rows = [...seen.values()];
  const borrowed = rows.filter((r) => r.note.startsWith('borrowed')).length;
  const text = `The song uses ${rows.length} different chord${rows.length === 1 ? '' : 's'}. Roman numerals name each by the scale step it stands on, so the same shape works in any key.${borrowed ? ` ${borrowed} of them ${borrowed === 1 ? 'is' : 'are'} borrowed, for a change of light.` : ''}`;
  return { id: 'chords', title: 'Chords and what they do', text, rows, terms: ['chord', 'roman-numeral', 'function', 'dominant', 'subdominant', ...(borrowed ? ['borrowed-chord'] : [])] };
}

function cadenceSection(sketch: Sketch): TheorySection {
  const rows: TheoryRow[] = [];
  const kinds = new Set<CadenceKind>();
  for (const s of sketch.sections) {
    const end = s.startTick + s.bars * sketch.ticksPerBar;
    const inside = sketch.chords.filter((c) => c.start >= s.startTick && c.start < end);
    const [a, b] = inside.slice(-2);
    if (!a || !b) continue;
    const kind = cadenceOf(a.symbol, b.symbol, sketch.key);
    kinds.add(kind);
    const romans = [a, b].map((c) => explainChord(c.symbol, sketch.key, sketch.mode)?.roman ?? c.roman);
    rows.push({ label: s.name, value: `${romans.join('–')} (${a.symbol}–${b.symbol})`, note: `${kind}: ${CADENCE_WORDS[kind]}` });
  }
  const text = rows.length ? 'Each section ends on a cadence — the musical punctuation that tells the ear whether a phrase is finished.' : 'No section has two chords to end on, so there is no cadence to name.';
  const terms = [...kinds].filter((k) => k !== 'modal' && k !== 'open').map((k) => `${k}-cadence`);
  return { id: 'cadences', title: 'Cadences', text, rows, terms: ['cadence', ...terms, ...(kinds.has('minor-dominant') ? ['leading-tone'] : [])] };
}

function meterSection(sketch: Sketch, params: SongParameters): TheorySection {
  const grouping = groupingOf(sketch.meter, params.meterGrouping);
  const rows: TheoryRow[] = [
    { label: 'Meter', value: sketch.meter, note: METER_WORDS[sketch.meter] },
    ...groupingRow(sketch.meter, params.meterGrouping),
    { label: 'Tempo', value: `${sketch.tempo} bpm`, note: tempoWords(sketch.tempo) },
    { label: 'Feel', value: params.rhythm.feel, note: FEEL_WORDS[params.rhythm.feel] },
  ];
  const groove = sketch.facts.find((f) => f.kind === 'drum-groove')?.text;
  const meter = grouping ? `${sketch.meter} (${grouping})` : sketch.meter;
  return { id: 'meter', title: 'Meter and feel', text: `${sketch.bars} bars of ${meter} at ${sketch.tempo} bpm.${groove ? ` The ${groove}.` : ''}`, rows, terms: ['meter', ...(grouping ? ['meter-grouping'] : []), 'tempo', 'bar', 'feel'] };
}

function styleSection(params: SongParameters): TheorySection[] {
  const s = styleTeaching(params);
  return s ? [{ id: 'style', ...s, terms: ['style-template', 'feel', 'progression'] }] : [];
}

/** Explain a sketch in plain words: explainSketch(sketch, params).map((s) => s.title) → ["Mode: D dorian", …]. */
export function explainSketch(sketch: Sketch, params: SongParameters): TheorySection[] {
  return [modeSection(sketch), chordSection(sketch), cadenceSection(sketch), meterSection(sketch, params), ...styleSection(params)];
}
