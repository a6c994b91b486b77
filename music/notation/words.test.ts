/**
 * The words in every export, read back by readers that share no code with the writers: MIDI
 * lyric meta events through midi-file's parser, MusicXML <lyric> elements through an XML walk,
 * ChordPro and the text lead sheet with their chords taken out.
 */
import { describe, expect, it } from 'vitest';
import { generateSketch } from '../generate.ts';
import { parseParams, type Meter } from '../params.ts';
import type { Sketch } from '../sketch.ts';
import { sketchToMidi } from '../midi/export.ts';
import { readBack } from '../midi/testing.ts';
import { fromMidiText } from '../midi/text.ts';
import { sketchToMusicXml } from './musicxml.ts';
import { sketchToChordPro } from './chordpro.ts';
import { sketchToLeadSheet } from './leadSheet.ts';
import { quantizeMelody } from './quantize.ts';

const VERSE = ['The kettle sings at seven in the morning', 'And nobody is there to hear it now'];
const CHORUS = ['Keep going, keep going', 'Tomorrow is a river we can follow'];
const ALL = [...VERSE, ...CHORUS, ...VERSE.map((l) => l.replace('kettle', 'radio')), ...CHORUS];

function song(meter: Meter, humanize = 0.3): Sketch {
  const params = parseParams({
    meter,
    rhythm: { humanize },
    sections: [
      { name: 'intro', bars: 4 },
      { name: 'verse', bars: 8, lyrics: VERSE },
      { name: 'chorus', bars: 8, lyrics: CHORUS },
      { name: 'verse', bars: 8, lyrics: VERSE.map((l) => l.replace('kettle', 'radio')) },
      { name: 'chorus', bars: 8, lyrics: CHORUS },
    ],
  });
  return generateSketch(params, 9);
}

/** Syllables joined back into lines ("Tomor-" + "row" …), from (text, word-continues) pairs. */
function lines(syllables: { text: string; continues: boolean; line?: number }[]): string {
  return syllables.map((s) => s.text + (s.continues ? '' : ' ')).join('').trim();
}

describe('the words in the exports', () => {
  it.each(['4/4', '3/4', '6/8'] as const)('MIDI (%s): one lyric event per syllable, on the Melody track, at its note-on', (meter) => {
    const sketch = song(meter);
    const file = readBack(sketchToMidi(sketch));
    const melodyIndex = sketch.tracks.findIndex((t) => t.id === 'melody') + 1;
    expect(file.tracks[melodyIndex]?.find((e) => e.type === 'trackName')).toMatchObject({ text: 'Melody' });
    file.tracks.forEach((events, i) => i !== melodyIndex && expect(events.some((e) => e.type === 'lyrics')).toBe(false));
    const events = file.tracks[melodyIndex] ?? [];
    const lyrics = events.filter((e) => e.type === 'lyrics').map((e) => ({ tick: e.tick, text: fromMidiText((e as { text: string }).text) }));
    const noteOns = new Set(events.filter((e) => e.type === 'noteOn').map((e) => e.tick));
    expect(lyrics.length).toBe(sketch.tracks[0]?.notes.filter((n) => n.lyric).length);
    for (const l of lyrics) expect(noteOns.has(l.tick)).toBe(true);
    // Read in order, the events spell the words: "Tomor-" "row" → a hyphen joins a word's syllables.
    const text = lines(lyrics.map((l) => ({ text: l.text.replace(/-$/, ''), continues: l.text.endsWith('-') })));
    expect(text).toBe(ALL.join(' '));
  });

  it('MusicXML: a <lyric> with syllabic and text under each sung note, on the note that sings it', () => {
    const sketch = song('3/4', 0.6);
    const xml = sketchToMusicXml(sketch);
    const notes = [...xml.matchAll(/<note>([\s\S]*?)<\/note>/g)].map((m) => m[1] ?? '');
    const sung = notes.filter((n) => n.includes('<lyric'));
    expect(sung.every((n) => n.includes('<pitch>') && !/<tie type="stop"\/>/.test(n))).toBe(true);
    const syll = sung.map((n) => ({ syllabic: /<syllabic>(\w+)<\/syllabic>/.exec(n)?.[1] ?? '', text: /<text>([^<]*)<\/text>/.exec(n)?.[1] ?? '' }));
    expect(syll.length).toBe(quantizeMelody(sketch).notes.filter((n) => n.lyric).length);
    expect(syll.length).toBe(sketch.tracks[0]?.notes.filter((n) => n.lyric).length);
    expect(lines(syll.map((s) => ({ text: s.text, continues: s.syllabic === 'begin' || s.syllabic === 'middle' })))).toBe(ALL.join(' '));
  });

  it('MusicXML: a syllable held over a melisma draws an extender line', () => {
    // Find seeds whose melody ends a line with a melisma (a note without a syllable right after a sung one).
    let checked = 0;
    for (let seed = 0; seed < 30 && checked < 3; seed++) {
      const sketch = generateSketch(parseParams({ rhythm: { humanize: 0 }, sections: [{ name: 'verse', bars: 8, lyrics: VERSE }, { name: 'chorus', bars: 8, lyrics: CHORUS }] }), seed);
      const notes = sketch.tracks[0]!.notes;
      const melismas = notes.filter((n, i) => i > 0 && !n.lyric && notes[i - 1]!.lyric && notes[i - 1]!.start + notes[i - 1]!.duration === n.start).length;
      const xml = sketchToMusicXml(sketch);
      const extenders = (xml.match(/<extend type="start"\/>/g) ?? []).length;
      expect(extenders, `seed ${seed}`).toBe(melismas);
      if (melismas > 0) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('ChordPro: the sung lines with their chords inline, instrumental sections as bar charts', () => {
    const sketch = song('4/4');
    const chart = sketchToChordPro(sketch);
    const sungRows = chart.split('\n').filter((l) => l && !l.startsWith('{') && !l.startsWith('|'));
    expect(sungRows.map((l) => l.replace(/\[[^\]]+\]/g, '').trim())).toEqual(ALL);
    expect(chart).toMatch(/\{start_of_part: Intro\}\n\| \[/);
    // Every chord change inside a sung section is written once, in time order.
    const verse = sketch.sections[1]!;
    const inVerse = sketch.chords.filter((c) => c.start >= verse.startTick && c.start < verse.startTick + verse.bars * sketch.ticksPerBar).map((c) => c.symbol);
    const block = /\{start_of_verse: Verse\}\n([\s\S]*?)\{end_of_verse\}/.exec(chart)?.[1] ?? '';
    const written = [...block.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
    expect(written.slice(written.length - inVerse.length)).toEqual(inVerse);
  });

  it('the text lead sheet: each sung line under its chords', () => {
    const sheet = sketchToLeadSheet(song('6/8'), { title: 'Kettle' });
    const rows = sheet.split('\n');
    expect(rows[0]).toBe('Kettle');
    for (const line of ALL) expect(rows).toContain(line);
    const at = rows.indexOf(ALL[0]!);
    expect(rows[at - 1]).toMatch(/^[A-G]/);
  });

  it('leaves the exports of a song without words as they were', () => {
    const plain = generateSketch(parseParams({}), 3);
    expect(sketchToChordPro(plain)).not.toMatch(/^[^{|\n]/m);
    expect(sketchToMusicXml(plain)).not.toContain('<lyric');
    expect(readBack(sketchToMidi(plain)).tracks.flat().some((e) => e.type === 'lyrics')).toBe(false);
  });
});
