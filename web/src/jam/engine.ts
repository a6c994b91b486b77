/**
 * The jam loop at a pad point, made in the browser: the song's parameters morphed by the
 * interpreter's own emotion mapping, one 4-bar section, the pure engine, then the player's voice
 * lanes (the sampled piano becomes the FM keys so a loop never waits for samples).
 */
import { generateSketch } from '../../../music/generate.ts';
import type { SongParameters } from '../../../music/params.ts';
import type { Sketch } from '../../../music/sketch.ts';
import { jamParams, type JamLoop, type LoopNote, type PadPoint } from '../../../music/jam/index.ts';
import { paramsFromEmotion } from '../../../server/interpret/mapping.ts';
import { lanesForSketch } from '../player/schedule.ts';
import type { Voice } from '../player/voices.ts';

/** Lane key → the voice the jam player builds for it: "chords:keys" → "keys". */
export const laneVoice = (lane: string): Voice => lane.split(':')[1] as Voice;

/** One generated loop, with the parameters that made it (a capture saves these). */
export interface MadeLoop {
  loop: JamLoop;
  params: SongParameters;
  sketch: Sketch;
  /** Milliseconds the engine took (for the bench and the debug hook). */
  ms: number;
}

/** Parameters for the pad point: the song's choices, moved by the emotion mapping. */
export function paramsAt(base: SongParameters, point: PadPoint): SongParameters {
  return jamParams(base, point, (v, a, b) => paramsFromEmotion(v, a, b));
}

/** Make the loop for a pad point; `id` tells loops apart in debug output. `adjust` changes the
 *  loop's parameters last (the live player's key, chord and tapped tempo win over the pad's). */
export function makeLoop(base: SongParameters, seed: number, point: PadPoint, id: number, adjust?: (p: SongParameters) => SongParameters): MadeLoop {
  const t0 = performance.now();
  const params = adjust ? adjust(paramsAt(base, point)) : paramsAt(base, point);
  const sketch = generateSketch(params, seed);
  const notes: LoopNote[] = lanesForSketch(sketch).flatMap((lane) => {
    const voice = lane.voice === 'piano' ? 'keys' : lane.voice;
    return lane.events.map((e) => ({ lane: `${lane.track}:${voice}`, pitch: e.pitch, start: e.tick, duration: e.durationTicks, velocity: e.velocity }));
  });
  notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  const loop: JamLoop = { id, length: sketch.totalTicks, ticksPerBar: sketch.ticksPerBar, tempo: sketch.tempo, notes };
  return { loop, params, sketch, ms: performance.now() - t0 };
}
