/** The open song: its summary, intention, conversation, versions and notes, as the server has them. */
import { api } from './api.ts';
import type { Intention, Message, Note, SongSummary, VersionSummary } from './types.ts';

export class SongState {
  id = $state<string | null>(null);
  song = $state<SongSummary | null>(null);
  intention = $state<Intention | null>(null);
  messages = $state<Message[]>([]);
  versions = $state<VersionSummary[]>([]);
  notes = $state<Note[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  #generation = 0;

  /** Called after anything changes the song's summary, so the journal list can follow. */
  onSummary: (song: SongSummary) => void = () => {};

  /** Open a song by id (null closes it). */
  async open(id: string | null): Promise<void> {
    const gen = ++this.#generation;
    this.id = id;
    if (!id) return this.#clear();
    this.loading = true;
    try {
      const detail = await api.getSong(id);
      if (gen !== this.#generation) return;
      this.song = detail.song;
      this.intention = detail.intention;
      this.messages = detail.messages;
      this.versions = detail.versions;
      this.notes = detail.notes;
      this.error = null;
    } catch (e) {
      if (gen === this.#generation) {
        this.#clear();
        this.error = (e as Error).message;
      }
    } finally {
      if (gen === this.#generation) this.loading = false;
    }
  }

  /** Re-read the open song from the server. */
  refresh(): Promise<void> {
    return this.open(this.id);
  }

  #clear(): void {
    this.song = null;
    this.intention = null;
    this.messages = [];
    this.versions = [];
    this.notes = [];
  }

  /** Add or replace a message by id, keeping conversation order. */
  putMessage(message: Message): void {
    this.messages = [...this.messages.filter((m) => m.id !== message.id), message].sort((a, b) => a.seq - b.seq);
  }

  /** Add or replace a version summary by id, keeping number order. */
  putVersion(version: VersionSummary): void {
    this.versions = [...this.versions.filter((v) => v.id !== version.id), version].sort((a, b) => a.number - b.number);
  }

  /** Save the agreed intention (edited by hand, or confirmed). */
  async setIntention(text: string, confirmed = true): Promise<void> {
    if (!this.id) return;
    this.applyIntention(await api.setIntention(this.id, text, confirmed));
  }

  /** Show an intention the server stored (by hand or in a turn), and the title it may have given the song. */
  applyIntention(intention: Intention): void {
    const { songTitle, ...stored } = intention;
    this.intention = stored;
    if (this.song) this.#summary({ ...this.song, intention: stored.text, title: songTitle ?? this.song.title });
  }

  /** Add a journal note, optionally about one version. */
  async addNote(text: string, versionId?: string): Promise<void> {
    if (!this.id) return;
    const note = await api.addNote(this.id, text, versionId);
    this.notes = [note, ...this.notes];
  }

  /** Keep the summary and the journal list in step after a change made here. */
  #summary(song: SongSummary): void {
    this.song = song;
    this.onSummary(song);
  }

  /** Note that the song changed now (a turn or a version), with `versionCount` kept current. */
  touch(): void {
    if (!this.song) return;
    this.#summary({
      ...this.song,
      updatedAt: new Date().toISOString(),
      versionCount: this.versions.length,
      intention: this.intention?.text ?? this.song.intention,
    });
  }

  /** Rename the open song. */
  async rename(title: string): Promise<void> {
    if (!this.id) return;
    this.#summary(await api.updateSong(this.id, { title }));
  }
}
