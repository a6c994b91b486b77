import { describe, expect, it } from 'vitest';
import { fixtureSketch } from '../../music/midi/fixture.ts';
import { Sketch } from '../../music/sketch.ts';
import { FIRST_NOTE_LEAD, lanesForSketch, leadIn, pianoRange, sectionAt, secondsToTicks, ticksToSeconds } from '../../web/src/player/schedule.ts';
import { drumVoice, sampleFile, samplesFor, voiceForInstrument } from '../../web/src/player/voices.ts';
import { SAMPLE_FILE } from '../../server/samples.ts';
import { readdirSync } from 'node:fs';
import { samplesDir } from '../../server/samples.ts';

const sketch = fixtureSketch({ tempo: 120 });

describe('tick ↔ seconds', () => {
  it('makes one quarter note last half a second at 120 bpm', () => {
    expect(ticksToSeconds(sketch.ppq, sketch)).toBeCloseTo(0.5, 10);
  });
  it('round-trips any tick count', () => {
    for (const t of [0, 1, 479, 480, 12345]) expect(secondsToTicks(ticksToSeconds(t, sketch), sketch)).toBeCloseTo(t, 6);
  });
});

describe('voice lanes', () => {
  const lanes = lanesForSketch(sketch);

  it('keeps every pitched note, in time order', () => {
    for (const track of sketch.tracks.filter((t) => t.id !== 'drums')) {
      const lane = lanes.filter((l) => l.track === track.id);
      expect(lane).toHaveLength(1);
      const events = lane[0]!.events;
      if (lane[0]!.voice === 'bass') {
        // Monophonic: never two starts at one tick.
        expect(new Set(events.map((e) => e.tick)).size).toBe(events.length);
      } else {
        expect(events).toHaveLength(track.notes.length);
      }
      expect(events.map((e) => e.tick)).toEqual([...events.map((e) => e.tick)].sort((a, b) => a - b));
    }
  });

  it('splits drums into kick and hat voices by GM key', () => {
    const drums = lanes.filter((l) => l.track === 'drums');
    expect(drums.map((l) => l.voice).sort()).toEqual(['hat', 'kick']);
    const total = drums.reduce((n, l) => n + l.events.length, 0);
    expect(total).toBe(sketch.tracks.find((t) => t.id === 'drums')!.notes.length);
  });

  it('thins two hits at the same instant on a monophonic drum voice, keeping the louder', () => {
    const s = Sketch.parse({
      ...sketch,
      tracks: [{ id: 'drums', name: 'Drums', instrument: 'drums', program: 0, channel: 9, notes: [
        { pitch: 49, start: 0, duration: 60, velocity: 0.4 },
        { pitch: 51, start: 0, duration: 60, velocity: 0.9 },
        { pitch: 51, start: 480, duration: 60, velocity: 0.5 },
      ] }],
    });
    const [cymbal] = lanesForSketch(s);
    expect(cymbal!.voice).toBe('cymbal');
    expect(cymbal!.events.map((e) => [e.tick, e.velocity])).toEqual([[0, 0.9], [480, 0.5]]);
  });

  it('finds the range the sampled piano must cover, and none when no part is piano-like', () => {
    expect(pianoRange(lanes)).toBeNull(); // the fixture plays flute and strings
    const withPiano = { ...sketch, tracks: sketch.tracks.map((t) => (t.id === 'chords' ? { ...t, instrument: 'piano' } : t)) };
    const pitches = withPiano.tracks.find((t) => t.id === 'chords')!.notes.map((n) => n.pitch);
    expect(pianoRange(lanesForSketch(withPiano))).toEqual({ low: Math.min(...pitches), high: Math.max(...pitches) });
  });
});

describe('voice tables', () => {
  it('maps instruments and GM drum keys', () => {
    expect(voiceForInstrument('piano')).toBe('piano');
    expect(voiceForInstrument('Strings')).toBe('pad');
    expect(voiceForInstrument('electric bass')).toBe('bass');
    expect(voiceForInstrument('kazoo')).toBe('keys');
    expect([36, 38, 42, 46, 49, 51, 45].map(drumVoice)).toEqual(['kick', 'snare', 'hat', 'openHat', 'cymbal', 'cymbal', 'tom']);
  });

  it('names only sample files the package ships, and the server allows', () => {
    const shipped = new Set(readdirSync(samplesDir()));
    for (let m = 0; m < 128; m++) {
      const f = sampleFile(m);
      if (f) {
        expect(shipped.has(f), f).toBe(true);
        expect(SAMPLE_FILE.test(f)).toBe(true);
      }
    }
    expect(sampleFile(60)).toBe('C4v10.mp3');
    expect(sampleFile(63)).toBe('D#4v10.mp3');
    expect(sampleFile(61)).toBe('');
  });

  it('picks a sparse set: every note in range is within a semitone and a half of a sample', () => {
    const set = samplesFor(55, 79);
    expect(set.length).toBeLessThanOrEqual(10);
    for (let m = 55; m <= 79; m++) expect(Math.min(...set.map((s) => Math.abs(s.midi - m)))).toBeLessThanOrEqual(1);
  });
});

describe('sectionAt', () => {
  it('finds the section under a tick', () => {
    const chorus = sketch.sections[2]!;
    expect(sectionAt(sketch, 0)).toBe(0);
    expect(sectionAt(sketch, chorus.startTick)).toBe(2);
    expect(sectionAt(sketch, chorus.startTick - 1)).toBe(1);
  });
});

describe('leadIn: the first notes of a Play go straight to the synth', () => {
  const sketch = { tempo: 120, ppq: 480, totalTicks: 480 * 64 };
  it('leads in one look-ahead: the Transport starts on the first whole tick after it, when those ticks sound', () => {
    const lead = leadIn(960, 10, 0.1, sketch)!;
    expect(lead.at).toBeCloseTo(10 + FIRST_NOTE_LEAD, 9);
    // 0.075 s at 120 bpm and 480 ppq is 72 ticks (73 when rounding error tips the ceiling over): never fewer.
    expect(lead.to - 960).toBeGreaterThanOrEqual(72);
    expect(lead.to - 960).toBeLessThanOrEqual(73);
    expect(lead.transportAt).toBeCloseTo(lead.at + (lead.to - 960) / 960, 9);
  });
  it('stops at the end of the song, and does not lead in when the look-ahead is too short', () => {
    expect(leadIn(sketch.totalTicks - 10, 0, 0.1, sketch)!.to).toBe(sketch.totalTicks);
    expect(leadIn(0, 0, FIRST_NOTE_LEAD, sketch)).toBeNull();
  });
});
