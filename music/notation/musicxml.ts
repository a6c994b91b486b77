/**
 * Sketch → MusicXML 4.0 (partwise) lead sheet: the melody on one staff with title, tempo, key and
 * time signature, a rehearsal mark at each section, chord symbols as <harmony>, notes and rests
 * written in readable values (tied across barlines and beats), and the words as a <lyric> under
 * each sung note (syllabic begin/middle/end/single). Pure and deterministic.
 */
import { keySignatureFor } from '../midi/keySignature.ts';
import type { ChordEvent, Sketch } from '../sketch.ts';
import { chordEventsByBar, oneLine, sectionLabel } from './chart.ts';
import { harmonyOf, type HarmonyPitch } from './harmony.ts';
import { measuresOf, type MeasureItem } from './measures.ts';
import { quantizeMelody } from './quantize.ts';
import { pitchSpeller, type WrittenPitch } from './spell.ts';
import { el, text } from './xml.ts';

export interface NotationOptions {
  /** The song's title, printed at the top. */
  title?: string;
}

const HEADER =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
  '<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" "http://www.musicxml.org/dtds/partwise.dtd">\n';

/**
 * A lead sheet of the sketch's melody and chords.
 * @example writeFileSync('song.musicxml', sketchToMusicXml(sketch, { title: 'For Mara' }))
 */
export function sketchToMusicXml(sketch: Sketch, options: NotationOptions = {}): string {
  const signature = keySignatureFor(sketch.key, sketch.mode);
  const spell = pitchSpeller(sketch.key, sketch.mode, signature);
  const melodyTrack = sketch.tracks.find((t) => t.id === 'melody');
  const melody = quantizeMelody(sketch);
  const measures = measuresOf(sketch, melody);
  const chords = chordEventsByBar(sketch);
  const sectionAt = new Map(sketch.sections.map((s) => [s.startBar, s]));
  const pitches = melody.notes.map((n) => n.pitch).sort((a, b) => a - b);
  const bassClef = (pitches[Math.floor(pitches.length / 2)] ?? 72) < 55;
  const [beats, beatType] = sketch.meter.split('/');
  // Major or minor as the MIDI export says it: church-mode names are valid MusicXML, but MuseScore 3 rejects them.
  const mode = signature.mi === 1 ? 'minor' : 'major';

  // A syllable held over the next note (a melisma at a line's end) draws an extender line.
  const extended = melismaStarts(measures.flat());
  const body = measures.map((items, bar) => {
    const first = bar === 0;
    const section = sectionAt.get(bar);
    const attributes = first
      ? el(
          'attributes',
          {},
          text('divisions', sketch.ppq),
          el('key', {}, text('fifths', signature.sf), text('mode', mode)),
          el('time', {}, text('beats', beats ?? '4'), text('beat-type', beatType ?? '4')),
          el('clef', {}, text('sign', bassClef ? 'F' : 'G'), text('line', bassClef ? 4 : 2)),
        )
      : undefined;
    const rehearsal = section ? el('direction', { placement: 'above' }, el('direction-type', {}, text('rehearsal', sectionLabel(section.name)))) : undefined;
    const tempo = first
      ? el(
          'direction',
          { placement: 'above' },
          el('direction-type', {}, el('metronome', {}, text('beat-unit', 'quarter'), text('per-minute', sketch.tempo))),
          el('sound', { tempo: sketch.tempo }),
        )
      : undefined;
    const last = bar === sketch.bars - 1;
    const barline = last
      ? el('barline', { location: 'right' }, text('bar-style', 'light-heavy'))
      : sectionAt.has(bar + 1)
        ? el('barline', { location: 'right' }, text('bar-style', 'light-light'))
        : undefined;
    return el('measure', { number: bar + 1 }, attributes, rehearsal, tempo, ...withHarmonies(items, chords[bar] ?? [], spell, extended), barline);
  });

  const title = oneLine(options.title ?? '');
  const partList = el(
    'part-list',
    {},
    el(
      'score-part',
      { id: 'P1' },
      text('part-name', 'Melody'),
      el('score-instrument', { id: 'P1-I1' }, text('instrument-name', melodyTrack?.instrument ?? 'piano')),
      el('midi-instrument', { id: 'P1-I1' }, text('midi-channel', (melodyTrack?.channel ?? 0) + 1), text('midi-program', (melodyTrack?.program ?? 0) + 1)),
    ),
  );
  const score = el(
    'score-partwise',
    { version: '4.0' },
    title ? el('work', {}, text('work-title', title)) : undefined,
    el('identification', {}, el('encoding', {}, text('software', `Innerchord ${sketch.engineVersion}`))),
    partList,
    el('part', { id: 'P1' }, ...body),
  );
  return HEADER + score + '\n';
}

/** The measure's notes with each chord symbol placed before the note it falls on (offset when mid-note). */
function withHarmonies(items: readonly MeasureItem[], chords: readonly ChordEvent[], spell: (midi: number) => WrittenPitch, extended: ReadonlySet<MeasureItem>): string[] {
  const out: string[] = [];
  let c = 0;
  for (const item of items) {
    for (; c < chords.length && chords[c]!.start < item.start + item.ticks; c++) {
      const harmony = harmonyXml(chords[c]!, chords[c]!.start - item.start);
      if (harmony) out.push(harmony);
    }
    out.push(noteXml(item, spell, extended.has(item)));
  }
  return out;
}

function harmonyXml(chord: ChordEvent, offset: number): string | undefined {
  const h = harmonyOf(chord.symbol);
  if (!h) return undefined;
  const pitch = (prefix: string, p: HarmonyPitch) => [text(`${prefix}-step`, p.step), p.alter !== 0 ? text(`${prefix}-alter`, p.alter) : undefined];
  return el(
    'harmony',
    {},
    el('root', {}, ...pitch('root', h.root)),
    text('kind', h.kind, { text: h.text }),
    h.bass ? el('bass', {}, ...pitch('bass', h.bass)) : undefined,
    offset > 0 ? text('offset', offset) : undefined,
  );
}

/** Sung items whose syllable goes on over the following note(s): the next new note has no syllable of its own. */
function melismaStarts(items: readonly MeasureItem[]): Set<MeasureItem> {
  const out = new Set<MeasureItem>();
  items.forEach((item, i) => {
    if (!item.lyric) return;
    let j = i + 1;
    while (items[j]?.tieStop) j++;
    const next = items[j];
    if (next && next.pitch !== null && !next.lyric) out.add(item);
  });
  return out;
}

function noteXml(item: MeasureItem, spell: (midi: number) => WrittenPitch, extend = false): string {
  const written = item.pitch === null ? undefined : spell(item.pitch);
  const head = written
    ? el('pitch', {}, text('step', written.step), written.alter !== 0 ? text('alter', written.alter) : undefined, text('octave', written.octave))
    : el('rest', item.wholeBar ? { measure: 'yes' } : {});
  const notations = [
    item.tieStop ? el('tied', { type: 'stop' }) : undefined,
    item.tieStart ? el('tied', { type: 'start' }) : undefined,
    item.tuplet ? el('tuplet', { type: item.tuplet, bracket: 'yes' }) : undefined,
  ].filter((x) => x !== undefined);
  return el(
    'note',
    {},
    head,
    text('duration', item.ticks),
    item.tieStop ? el('tie', { type: 'stop' }) : undefined,
    item.tieStart ? el('tie', { type: 'start' }) : undefined,
    text('voice', 1),
    item.wholeBar ? undefined : text('type', item.value.type),
    item.value.dots === 1 && !item.wholeBar ? el('dot') : undefined,
    item.value.triplet ? el('time-modification', {}, text('actual-notes', 3), text('normal-notes', 2)) : undefined,
    notations.length > 0 ? el('notations', {}, ...notations) : undefined,
    item.lyric ? el('lyric', { number: 1 }, text('syllabic', item.lyric.syllabic), text('text', item.lyric.text), extend ? el('extend', { type: 'start' }) : undefined) : undefined,
  );
}
