/**
 * Output meters on the mixer's channels, made on first ask: tests read them to check that every
 * part really sounds (player.ts `level`). Nothing in the app listens to them.
 */
import type * as ToneNS from 'tone';
import type { TrackId } from '../../../music/index.ts';
import type { ToneModule } from './instruments.ts';

export class TrackMeters {
  #meters = new Map<TrackId, ToneNS.Meter>();

  /** The channel's level right now in dB (the loudest side when stereo). */
  level(Tone: ToneModule, track: TrackId, channel: ToneNS.ToneAudioNode): number {
    let meter = this.#meters.get(track);
    if (!meter) {
      meter = new Tone.Meter({ smoothing: 0.5 });
      channel.connect(meter);
      this.#meters.set(track, meter);
    }
    const value = meter.getValue();
    return typeof value === 'number' ? value : Math.max(...(value as number[]));
  }

  /** Dispose every meter (their channels are going away with the graph). */
  dispose(): void {
    for (const meter of this.#meters.values()) meter.dispose();
    this.#meters.clear();
  }
}
