/**
 * The open song's outbox as reactive state. Every change is written to localStorage first, so a
 * reload (or a crash) finds the words where they were; when the browser refuses storage (a private
 * window, a full quota) the outbox still works in memory for this page and says so.
 */
import { newKey, readOutbox, writeOutbox, type KeyValueStore, type Outgoing } from './outbox.ts';

function browserStorage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class Outbox {
  /** The open song's messages on their way, oldest first. */
  items = $state<Outgoing[]>([]);
  /** Not acknowledged by the server yet: shown as "not sent yet". */
  unsent = $derived(this.items.filter((o) => !o.stored));
  /** False when the browser would not keep the outbox (it then lasts only as long as the page). */
  persistent = $state(true);
  #songId: string | null = null;
  readonly #store: KeyValueStore | null;
  readonly #memory = new Map<string, Outgoing[]>();

  constructor(store: KeyValueStore | null = browserStorage()) {
    this.#store = store;
  }

  /** Show the outbox of `songId` (null: none). */
  load(songId: string | null): void {
    this.#songId = songId;
    this.items = songId ? this.#read(songId) : [];
  }

  /** Put new words in the song's outbox, with the key they will always be sent with. */
  add(songId: string, text: string): Outgoing {
    const item: Outgoing = { key: newKey(), text, stored: false, createdAt: new Date().toISOString() };
    this.#change(songId, (items) => [...items, item]);
    return item;
  }

  /** The server acknowledged storing it: no longer "not sent", still awaiting its answer. */
  markStored(songId: string, key: string): void {
    this.#change(songId, (items) => items.map((o) => (o.key === key ? { ...o, stored: true } : o)));
  }

  /** Answered (or refused): out of the outbox. */
  remove(songId: string, key: string): void {
    this.#change(songId, (items) => items.filter((o) => o.key !== key));
  }

  #read(songId: string): Outgoing[] {
    // Storage first (another tab may have sent some); the page's own copy when storage fails us.
    if (this.#store && this.persistent) {
      try {
        return readOutbox(this.#store, songId);
      } catch {
        /* fall through to the page's copy */
      }
    }
    return this.#memory.get(songId) ?? [];
  }

  #change(songId: string, edit: (items: Outgoing[]) => Outgoing[]): void {
    const next = edit(this.#read(songId));
    this.#memory.set(songId, next);
    try {
      if (!this.#store) throw new Error('no storage');
      writeOutbox(this.#store, songId, next);
      this.persistent = true;
    } catch {
      this.persistent = false;
    }
    if (songId === this.#songId) this.items = next;
  }
}
