/**
 * The current sketch's General MIDI synth, made from the moment the sketch arrives (so Play only
 * starts the notes) and kept only while it is still the current one: a synth that turns up after
 * its sketch was replaced, or after a teardown, is destroyed instead of kept.
 */
import type * as ToneNS from 'tone';
import type { GmSynthesizer } from './gm.ts';

export type Gm = { synth: GmSynthesizer; effects: ToneNS.Gain };

export class GmSlot {
  #pending: Promise<Gm> | null = null;
  /** The synth once made, while it is still current. */
  #gm: Gm | null = null;

  /** Start making the synth with `make`, once (again after a failure or a clear); the same promise while it is being made. */
  prepare(make: () => Promise<Gm>): Promise<Gm> {
    if (this.#pending) return this.#pending;
    const pending = make();
    this.#pending = pending;
    pending.then(
      (gm) => {
        if (this.#pending === pending) this.#gm = gm;
        else destroyGm(gm);
      },
      () => {
        if (this.#pending === pending) this.#pending = null;
      },
    );
    return pending;
  }

  /** Forget the synth (destroying it once made), so the next prepare makes a new one. */
  clear(): void {
    this.#pending = null;
    if (this.#gm) destroyGm(this.#gm);
    this.#gm = null;
  }
}

function destroyGm(gm: Gm): void {
  gm.synth.destroy();
  gm.effects.dispose();
}
