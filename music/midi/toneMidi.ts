/**
 * One place that loads @tonejs/midi's `Midi` class, because the package ships two shapes:
 * Node resolves `main` (a UMD bundle: everything under the default export), while Vite resolves
 * `module` (ES modules: named exports, no default). A namespace import covers both.
 */
import * as ToneMidiModule from '@tonejs/midi';

type MidiClass = typeof ToneMidiModule.Midi;
const loaded = ToneMidiModule as unknown as { Midi?: MidiClass; default?: { Midi?: MidiClass } };
const found = loaded.Midi ?? loaded.default?.Midi;
if (!found) throw new Error('@tonejs/midi did not provide a Midi class');

/** The @tonejs/midi `Midi` class, whichever module shape the runtime resolved. */
export const Midi: MidiClass = found;
export type Midi = InstanceType<MidiClass>;
