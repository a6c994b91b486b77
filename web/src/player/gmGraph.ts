/**
 * The sketch graph on the General MIDI synth: Tone keeps the Transport (ticks, loop, jumps, the
 * jam's timing) and one Part per track; each callback hands its note to the synth's channel for
 * that part at the Transport's exact time. Each synth channel feeds the track's Tone.Channel, so
 * mute, solo and volume work as before. Same shape as graph.ts's SketchGraph.
 */
import type * as ToneNS from 'tone';
import type { Sketch, TrackId } from '../../../music/index.ts';
import { midiVelocity, partEvents } from '../../../music/render/soundfont/events.ts';
import type { GmSynthesizer } from './gm.ts';
import type { Mix, SketchGraph } from './graph.ts';
import type { ToneModule, VoiceSound } from './instruments.ts';
import { ticksToSeconds } from './schedule.ts';

type GmEvent = { time: string; tick: number; pitch: number; velocity: number; durationTicks: number } | { time: string; tick: number; program: number };

/** MIDI CC 123: all notes off on a channel (stop and jumps). */
const ALL_NOTES_OFF = 123;

export function buildGmGraph(
  Tone: ToneModule,
  sketch: Sketch,
  synth: GmSynthesizer,
  mixOf: (track: TrackId) => Mix,
  onNote: (time: number) => boolean | void,
  context: ToneNS.BaseContext = Tone.getContext(),
): SketchGraph {
  const channels = new Map<TrackId, ToneNS.Channel>();
  const voices: VoiceSound[] = [];
  const parts: ToneNS.Part[] = [];
  /** Each track's events in time order and what plays one at an audio time (for `lead`). */
  const lanes: { events: GmEvent[]; play: (time: number, e: GmEvent) => void }[] = [];
  for (const track of sketch.tracks) {
    const mix = mixOf(track.id);
    channels.set(track.id, new Tone.Channel({ volume: mix.volume, mute: mix.mute, solo: mix.solo, context }).toDestination());
  }
  const now = Tone.now();
  for (const track of sketch.tracks) {
    const channel = channels.get(track.id);
    if (!channel || track.notes.length === 0) continue;
    const ch = track.channel;
    // Program, level, pan and reverb send: the same messages the offline render sends.
    for (const e of partEvents(sketch, { ...track, notes: [], programChanges: [] })) {
      if (e.kind === 'program') synth.programChange(ch, e.program);
      else if (e.kind === 'cc') synth.controllerChange(ch, e.controller as Parameters<GmSynthesizer['controllerChange']>[1], e.value);
    }
    const tap = new Tone.Gain({ context });
    tap.connect(channel);
    synth.connectChannel(tap.input as unknown as AudioNode, ch);
    const release = (time: number) => synth.controllerChange(ch, ALL_NOTES_OFF as Parameters<GmSynthesizer['controllerChange']>[1], 0, { time: Math.max(time, now) });
    voices.push({
      output: tap,
      play: () => {},
      release,
      dispose: () => {
        synth.disconnectChannel(tap.input as unknown as AudioNode, ch);
        tap.dispose();
      },
    });
    // Program changes first: at a section start the new instrument plays that section's first note.
    const events: GmEvent[] = [
      ...(track.programChanges ?? []).map((c) => ({ time: `${c.tick}i`, tick: c.tick, program: c.program })),
      ...track.notes.map((n) => ({ time: `${n.start}i`, tick: n.start, pitch: n.pitch, velocity: n.velocity, durationTicks: n.duration })),
    ];
    const play = (time: number, e: GmEvent) => {
      if ('program' in e) return synth.programChange(ch, e.program, { time });
      // As in buildGraph: false means the player has stopped, and this note stays silent.
      if (onNote(time) === false) return;
      synth.noteOn(ch, e.pitch, midiVelocity(e.velocity), { time });
      synth.noteOff(ch, e.pitch, { time: time + ticksToSeconds(e.durationTicks, sketch) });
    };
    // Stable sort: a program change stays before the note at its tick.
    lanes.push({ events: [...events].sort((a, b) => a.tick - b.tick), play });
    const part = new Tone.Part<GmEvent>({
      callback: play,
      events,
      context,
    }).start(0);
    parts.push(part);
  }
  return {
    channels,
    voices,
    parts,
    lead(fromTick, toTick, at) {
      for (const lane of lanes) {
        for (const e of lane.events) {
          if (e.tick >= toTick) break;
          if (e.tick >= fromTick) lane.play(at + ticksToSeconds(e.tick - fromTick, sketch), e);
        }
      }
    },
    dispose() {
      for (const p of parts) p.dispose();
      for (const v of voices) v.dispose();
      for (const c of channels.values()) c.dispose();
      parts.length = 0;
      voices.length = 0;
      channels.clear();
    },
  };
}
