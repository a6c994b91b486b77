/**
 * Web MIDI input: every connected keyboard, and any plugged in later, feeds one callback with
 * note-ons and note-offs (each with the event's timestamp, on the page's performance clock). The
 * browser asks for permission only when the musician presses Connect.
 */
import { midiNote, type MidiNoteEvent } from './keys.ts';

export interface MidiInputPort {
  id: string;
  name: string;
}

type Listener = (e: MidiNoteEvent, timeStamp: number) => void;

/** Whether this browser has Web MIDI at all. */
export const midiInSupported = (): boolean => typeof navigator !== 'undefined' && typeof navigator.requestMIDIAccess === 'function';

export class MidiIn {
  #access: MIDIAccess | null = null;
  #attached = new Map<string, MIDIInput>();
  #listener: Listener;
  #onPorts: (ports: MidiInputPort[]) => void;
  #onMessage = (e: Event) => {
    const m = e as MIDIMessageEvent;
    if (!m.data) return;
    const note = midiNote(m.data);
    if (note) this.#listener(note, m.timeStamp);
  };

  constructor(listener: Listener, onPorts: (ports: MidiInputPort[]) => void) {
    this.#listener = listener;
    this.#onPorts = onPorts;
  }

  /** Ask for MIDI (from a click) and listen to every input; throws when the browser refuses. */
  async connect(): Promise<MidiInputPort[]> {
    if (!midiInSupported()) throw new Error('no Web MIDI');
    this.#access ??= await navigator.requestMIDIAccess();
    this.#access.onstatechange = () => this.#attach();
    return this.#attach();
  }

  #attach(): MidiInputPort[] {
    const ports: MidiInputPort[] = [];
    for (const input of this.#access?.inputs.values() ?? []) {
      if (!this.#attached.has(input.id)) {
        input.addEventListener('midimessage', this.#onMessage);
        this.#attached.set(input.id, input);
      }
      ports.push({ id: input.id, name: input.name ?? input.id });
    }
    this.#onPorts(ports);
    return ports;
  }

  dispose(): void {
    for (const input of this.#attached.values()) input.removeEventListener('midimessage', this.#onMessage);
    this.#attached.clear();
    if (this.#access) this.#access.onstatechange = null;
  }
}
