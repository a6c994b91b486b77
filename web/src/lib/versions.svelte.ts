/** The versions panel: which version is shown, A/B compare, ratings, notes, revert and branch. */
import { api } from './api.ts';
import type { SongState } from './song.svelte.ts';
import type { Version, VersionSummary } from './types.ts';

export class VersionsState {
  readonly song: SongState;
  selectedId = $state<string | null>(null);
  /** Full versions (params + sketch) loaded so far, by id. */
  loaded = $state<Record<string, Version>>({});
  /** A/B compare: the two picked version ids, or null when not comparing. */
  compare = $state<[string, string] | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);

  selected = $derived(this.selectedId ? (this.loaded[this.selectedId] ?? null) : null);

  constructor(song: SongState) {
    this.song = song;
  }

  /** Forget everything (another song was opened), then show its newest version. */
  async reset(): Promise<void> {
    this.selectedId = null;
    this.compare = null;
    this.error = null;
    this.loaded = {};
    const newest = this.song.versions.at(-1);
    if (newest) await this.select(newest.id);
  }

  /** Remember a full version that arrived some other way (a turn made it). */
  remember(version: Version): void {
    this.loaded = { ...this.loaded, [version.id]: version };
  }

  /** Load a version's params and sketch (once). */
  async load(id: string): Promise<Version | null> {
    const have = this.loaded[id];
    if (have) return have;
    try {
      const version = await api.getVersion(id);
      this.remember(version);
      return version;
    } catch (e) {
      this.error = (e as Error).message;
      return null;
    }
  }

  /** Show a version in the sketch panel. */
  async select(id: string): Promise<void> {
    this.selectedId = id;
    await this.load(id);
  }

  /** Start comparing two versions (their full data is loaded for the player). */
  async startCompare(a: string, b: string): Promise<void> {
    this.compare = [a, b];
    await Promise.all([this.load(a), this.load(b)]);
  }

  stopCompare(): void {
    this.compare = null;
  }

  /** Rate how close a version is to what was meant: -2 (further) … 2 (closer), null clears. */
  async rate(id: string, rating: number | null): Promise<void> {
    await this.#patch(id, { rating });
  }

  /** Save the musician's note about a version (empty clears it). */
  async setNote(id: string, note: string): Promise<void> {
    await this.#patch(id, { note: note.trim() || null });
  }

  async #patch(id: string, patch: { rating?: number | null; note?: string | null }) {
    try {
      const summary = await api.updateVersion(id, patch);
      this.song.putVersion(summary);
      const full = this.loaded[id];
      if (full) this.remember({ ...full, ...summary });
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /**
   * Make a new version from an old one. A revert copies its stored sketch on the server (so it sounds
   * the same even after an engine upgrade); a branch keeps every choice but lets the engine roll new
   * details with a fresh seed.
   */
  async derive(from: VersionSummary, how: 'revert' | 'branch'): Promise<void> {
    const songId = this.song.id;
    if (!songId || this.busy) return;
    this.busy = true;
    try {
      let version: Version;
      if (how === 'revert') version = await api.revertVersion(from.id);
      else {
        const old = await this.load(from.id);
        if (!old) return;
        version = await api.createVersion(songId, {
          params: old.params,
          seed: (old.seed + 7919 * (this.song.versions.length + 1)) % 2_147_483_647,
          parentId: old.id,
          request: `branch from v${old.number}`,
        });
      }
      this.remember(version);
      this.song.putVersion(version);
      this.song.touch();
      this.selectedId = version.id;
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.busy = false;
    }
  }
}
