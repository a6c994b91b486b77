import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main.ts';
import type { CliIO } from './io.ts';
import { Midi } from '../music/midi/toneMidi.ts';
import { encodeWav } from '../music/render/wav.ts';
import { synthesizeHum, VOICES } from '../music/transcribe/hum.ts';
import { scoreTranscription } from '../music/transcribe/score.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {}, cwd: mkdtempSync(path.join(tmpdir(), 'innerchord-transcribe-')) };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), file: (name: string) => path.join(io.cwd, name) };
}

const wav = (samples: Float32Array, sampleRate: number) => encodeWav({ numberOfChannels: 1, sampleRate, length: samples.length, getChannelData: () => samples });

describe('innerchord transcribe', () => {
  it('writes the hummed tune as one quantised MIDI track', async () => {
    const c = capture();
    const seed = 91;
    const hum = synthesizeHum({ seed, voice: VOICES[3]!, tempo: 100, key: 'G', mode: 'major' });
    writeFileSync(c.file('hum.wav'), wav(hum.samples, hum.sampleRate));
    const code = await main(['transcribe', 'hum.wav', '--tempo', '100', '--key', 'G', '--out', 'tune.mid'], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(c.stdout());
    expect(summary).toMatchObject({ out: 'tune.mid', tempo: 100, tempoFrom: 'given', key: 'G', mode: 'major', keyFrom: 'given' });
    const midi = new Midi(readFileSync(c.file('tune.mid')));
    const voiced = midi.tracks.filter((t) => t.notes.length > 0);
    expect(voiced).toHaveLength(1);
    const notes = voiced[0]!.notes.map((n) => ({ pitch: n.midi, start: n.ticks, duration: n.durationTicks, velocity: n.velocity }));
    expect(summary.notes).toBe(notes.length);
    // On the sixteenth grid, counted from the first note.
    expect(notes.every((n) => n.start % 120 === 0), `seed ${seed}`).toBe(true);
    const score = scoreTranscription(hum.notes, notes, 60);
    expect(score.pitchesInOrder / score.reference, `seed ${seed} ${JSON.stringify(score)}`).toBeGreaterThanOrEqual(0.9);
    expect(midi.header.tempos[0]?.bpm).toBeCloseTo(100, 3);
  });

  it('estimates tempo and key when they are not given', async () => {
    const c = capture();
    const hum = synthesizeHum({ seed: 5, voice: VOICES[4]!, tempo: 96 });
    writeFileSync(c.file('hum.wav'), wav(hum.samples, hum.sampleRate));
    expect(await main(['transcribe', 'hum.wav', '--out', 'tune.mid'], c.io)).toBe(0);
    const summary = JSON.parse(c.stdout());
    expect(summary.tempoFrom).toBe('estimated');
    expect(summary.keyFrom).toBe('estimated');
    expect(summary.notes).toBeGreaterThan(0);
  });

  it.each([
    ['a text file', () => new TextEncoder().encode('these are not sounds\n'), /not a WAV file/],
    ['a silent recording', () => wav(new Float32Array(22050), 22050), /silent/],
  ])('refuses %s with one clear line and a non-zero exit', async (_, bytes, message) => {
    const c = capture();
    writeFileSync(c.file('in.wav'), bytes());
    const code = await main(['transcribe', 'in.wav', '--out', 'tune.mid'], c.io);
    expect(code).not.toBe(0);
    expect(c.stderr()).toMatch(message);
    expect(c.stderr().trim().split('\n')).toHaveLength(1);
    expect(c.stdout()).toBe('');
  });

  it.each([
    [['transcribe', '--out', 'x.mid'], /which audio file/],
    [['transcribe', 'a.wav'], /--out is required/],
    [['transcribe', 'a.wav', '--tempo', 'fast', '--out', 'x.mid'], /--tempo must be/],
    [['transcribe', 'a.wav', '--grid', '1/5', '--out', 'x.mid'], /--grid must be/],
    [['transcribe', 'a.wav', '--strictness', '2', '--out', 'x.mid'], /--strictness must be/],
    [['transcribe', 'missing.wav', '--out', 'x.mid'], /cannot read missing.wav: no such file/],
  ])('usage errors: %j', async (argv, message) => {
    const c = capture();
    expect(await main(argv, c.io)).not.toBe(0);
    expect(c.stderr()).toMatch(message);
  });

  it('refuses a key it cannot read', async () => {
    const c = capture();
    const hum = synthesizeHum({ seed: 2 });
    writeFileSync(c.file('hum.wav'), wav(hum.samples, hum.sampleRate));
    expect(await main(['transcribe', 'hum.wav', '--key', 'Q minor', '--out', 'x.mid'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/cannot read the key "Q minor"/);
  });
});
