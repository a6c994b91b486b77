/** The journal sidebar's state: the songs list with search, archive filter and paging. */
import { api } from './api.ts';
import type { SongSummary } from './types.ts';

export class JournalState {
  songs = $state<SongSummary[]>([]);
  query = $state('');
  showArchived = $state(false);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  // Drops answers to searches the musician has already typed past.
  #generation = 0;

  /** Reload the first page for the current search and filter. */
  async load(): Promise<void> {
    const gen = ++this.#generation;
    this.loading = true;
    try {
      const page = await api.listSongs({ q: this.query.trim() || undefined, archived: this.showArchived });
      if (gen !== this.#generation) return;
      this.songs = page.songs;
      this.nextCursor = page.nextCursor;
      this.error = null;
    } catch (e) {
      if (gen === this.#generation) this.error = (e as Error).message;
    } finally {
      if (gen === this.#generation) this.loading = false;
    }
  }

  /** Append the next page. */
  async loadMore(): Promise<void> {
    if (!this.nextCursor) return;
    try {
      const page = await api.listSongs({ q: this.query.trim() || undefined, archived: this.showArchived, cursor: this.nextCursor });
      this.songs = [...this.songs, ...page.songs];
      this.nextCursor = page.nextCursor;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** Create a song and put it at the top of the list. */
  async create(title?: string): Promise<SongSummary> {
    const song = await api.createSong(title);
    this.songs = [song, ...this.songs.filter((s) => s.id !== song.id)];
    return song;
  }

  /** Replace one song's summary in place (after a rename, a turn, a new version …). */
  upsert(song: SongSummary): void {
    const rest = this.songs.filter((s) => s.id !== song.id);
    // Archived songs leave the list unless we are looking at archived songs.
    if (song.archived !== this.showArchived) this.songs = rest;
    else this.songs = [song, ...rest].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async rename(id: string, title: string): Promise<SongSummary> {
    const song = await api.updateSong(id, { title });
    this.upsert(song);
    return song;
  }

  async setArchived(id: string, archived: boolean): Promise<SongSummary> {
    const song = await api.updateSong(id, { archived });
    this.upsert(song);
    return song;
  }

  async remove(id: string): Promise<void> {
    await api.deleteSong(id);
    this.songs = this.songs.filter((s) => s.id !== id);
  }

  /** Import an exported zip as a new song. */
  async importZip(file: Blob): Promise<SongSummary> {
    const song = await api.importZip(file);
    this.upsert(song);
    return song;
  }
}
