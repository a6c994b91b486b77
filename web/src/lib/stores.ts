/** Builds the app's state objects and the one action that ties them together: opening a song. */
import { AppState } from './app.svelte.ts';
import { ChatState } from './chat.svelte.ts';
import type { Stores } from './context.ts';
import { JournalState } from './journal.svelte.ts';
import { SongState } from './song.svelte.ts';
import { VersionsState } from './versions.svelte.ts';
import { hush } from '../player/hush.ts';

/** Create the state for one app instance (called once by App). */
export function createStores(): Stores {
  const app = new AppState();
  const journal = new JournalState();
  const song = new SongState();
  const versions = new VersionsState(song);
  const chat = new ChatState(
    song,
    (v) => {
      // A turn that makes a new version shows it at once.
      versions.remember(v);
      versions.selectedId = v.id;
    },
    // A crisis reply pauses the music (sketch or jam) wherever it is playing: care comes first.
    hush,
  );
  song.onSummary = (s) => journal.upsert(s);
  return { app, journal, song, chat, versions };
}

/** Open a song everywhere: conversation, versions, address bar. */
export async function openSong(stores: Stores, id: string | null): Promise<void> {
  // A song opens on its conversation. Chosen before loading, so a tab the musician taps while
  // the song is still loading is where they stay.
  if (id) stores.app.pane = 'chat';
  stores.chat.reset(id);
  const hash = id ? `#/songs/${encodeURIComponent(id)}` : '';
  if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
  await stores.song.open(id);
  // Words written before a reload or while offline go out now (after the conversation shows).
  if (id && stores.song.id === id) void stores.chat.flush();
  await stores.versions.reset();
}

/** The song id in the address bar (`#/songs/<id>`), so a reload returns to the same song. */
export function songIdFromHash(hash: string): string | null {
  const m = /^#\/songs\/([^/]+)$/.exec(hash);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}
