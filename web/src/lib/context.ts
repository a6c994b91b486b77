/** Typed contexts: App creates each state object once; components read them here. */
import { createContext } from 'svelte';
import type { AppState } from './app.svelte.ts';
import type { ChatState } from './chat.svelte.ts';
import type { JournalState } from './journal.svelte.ts';
import type { SongState } from './song.svelte.ts';
import type { VersionsState } from './versions.svelte.ts';

export interface Stores {
  app: AppState;
  journal: JournalState;
  song: SongState;
  chat: ChatState;
  versions: VersionsState;
}

const [getStores, setStores] = createContext<Stores>();

/** All app state, from the nearest App. */
export { getStores, setStores };
