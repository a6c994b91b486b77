/**
 * The lead sheet opened by a real notation program: MuseScore 3 (Debian's `musescore3`) imports
 * our MusicXML headless, engraves a PDF, and exports MusicXML of its own that still holds our notes.
 * Runs only where `mscore3` is on PATH (apt-get install -y musescore3).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import { sketchToMusicXml } from './musicxml.ts';
import { quantizeMelody } from './quantize.ts';
import { readLeadSheet, soundingNotes } from './testing.ts';

const hasMuseScore = spawnSync('mscore3', ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } }).status === 0;
const reason = hasMuseScore ? '' : ' (skipped: mscore3 is not on PATH; apt-get install -y musescore3 to run it)';

function mscore(args: string[]) {
  return spawnSync('mscore3', args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: tmpdir() } });
}

describe.skipIf(!hasMuseScore)(`MuseScore 3 reads the lead sheet${reason}`, () => {
  it.each([
    ['D minor 3/4, swung and humanised', { key: 'D', mode: 'minor', meter: '3/4' as const, rhythm: { feel: 'swing' as const, humanize: 0.5 } }],
    ['Eb dorian 6/8, extended chords', { key: 'Eb', mode: 'dorian', meter: '6/8' as const, harmony: { extensions: true, chordsPerBar: 2 as const } }],
  ])('engraves %s without import errors and keeps every note', (_, input) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-mscore-'));
    const sketch = generateSketch(parseParams(input), 4);
    const file = path.join(dir, 'song.musicxml');
    writeFileSync(file, sketchToMusicXml(sketch, { title: 'Through MuseScore' }));

    const pdf = mscore(['-o', path.join(dir, 'song.pdf'), file]);
    expect(pdf.status).toBe(0);
    expect(pdf.stderr).not.toMatch(/Error at line/);
    expect(readFileSync(path.join(dir, 'song.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const back = mscore(['-o', path.join(dir, 'back.musicxml'), file]);
    expect(back.status).toBe(0);
    const sheet = readLeadSheet(readFileSync(path.join(dir, 'back.musicxml'), 'utf8'));
    const scale = sketch.ppq / sheet.divisions;
    expect(sheet.measureLengths).toHaveLength(sketch.bars);
    expect(soundingNotes(sheet.notes).map((n) => ({ pitch: n.pitch, start: n.start * scale, duration: n.duration * scale }))).toEqual(quantizeMelody(sketch).notes);
    expect(sheet.harmonies.map((h) => h.start * scale)).toEqual(sketch.chords.map((c) => c.start));
    expect(sheet.rehearsals.map((r) => r.bar)).toEqual(sketch.sections.map((s) => s.startBar));
  });
});
