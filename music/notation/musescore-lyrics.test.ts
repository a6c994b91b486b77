/**
 * MuseScore 3 reads the words: our MusicXML with lyrics, converted headless to MuseScore's own
 * .mscx, holds every syllable with its syllabic role, in order. Runs only where `mscore3` is on
 * PATH (apt-get install -y musescore3), like musescore.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import { sketchToMusicXml } from './musicxml.ts';

const env = { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: tmpdir() };
const hasMuseScore = spawnSync('mscore3', ['--version'], { encoding: 'utf8', timeout: 30_000, env }).status === 0;
const reason = hasMuseScore ? '' : ' (skipped: mscore3 is not on PATH; apt-get install -y musescore3 to run it)';

describe.skipIf(!hasMuseScore)(`MuseScore 3 reads the lyrics${reason}`, () => {
  it.each([
    ['4/4 English', { meter: '4/4' as const, lyricsLanguage: 'en', sections: [{ name: 'verse', bars: 8, lyrics: ['The kettle sings at seven in the morning', 'And nobody is there to hear it now'] }, { name: 'chorus', bars: 8, lyrics: ['Keep going, keep going'] }] }],
    ['3/4 German', { meter: '3/4' as const, lyricsLanguage: 'de', sections: [{ name: 'Strophe', bars: 8, lyrics: ['Ich habe dich vergessen', 'die Erinnerung bleibt'] }] }],
    ['6/8 Spanish, swung and humanised', { meter: '6/8' as const, lyricsLanguage: 'es', rhythm: { humanize: 0.6 }, sections: [{ name: 'coro', bars: 8, lyrics: ['Mañana mi corazón canta', 'una canción para ti'] }] }],
  ])('keeps every syllable of %s', (_, input) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-lyrics-'));
    const sketch = generateSketch(parseParams(input), 6);
    const file = path.join(dir, 'song.musicxml');
    writeFileSync(file, sketchToMusicXml(sketch, { title: 'Words' }));
    const out = spawnSync('mscore3', ['-o', path.join(dir, 'song.mscx'), file], { encoding: 'utf8', timeout: 120_000, env });
    expect(out.status).toBe(0);
    const mscx = readFileSync(path.join(dir, 'song.mscx'), 'utf8');
    const read = [...mscx.matchAll(/<Lyrics>([\s\S]*?)<\/Lyrics>/g)].map((m) => ({
      syllabic: /<syllabic>(\w+)<\/syllabic>/.exec(m[1] ?? '')?.[1] ?? 'single',
      text: /<text>([^<]*)<\/text>/.exec(m[1] ?? '')?.[1] ?? '',
    }));
    const sung = sketch.tracks[0]!.notes.filter((n) => n.lyric).map((n) => ({ syllabic: n.lyric!.syllabic, text: n.lyric!.text }));
    expect(read).toEqual(sung);
    expect(sung.length).toBeGreaterThan(10);
  });
});
