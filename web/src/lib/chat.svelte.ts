/** The conversation in motion: sending a turn, the streamed reply, suggestions, and retry. */
import { t } from '../i18n/index.ts';
import { api, ApiError } from './api.ts';
import type { SongState } from './song.svelte.ts';
import type { CrisisResources, Message, TurnResult, Version } from './types.ts';

export class ChatState {
  readonly song: SongState;
  /** Called with each new version a turn makes, so the versions panel can show it. */
  readonly onVersion: (v: Version) => void;
  /** Called when a crisis reply arrives, to pause any music playing on the page. */
  readonly onCrisis: () => void;

  /** Waiting for the guide (shows "thinking…" until the first words stream in). */
  pending = $state(false);
  /** The reply as it streams in, before it is stored. */
  streaming = $state('');
  /** The last completed turn: suggestions, proposed intention, fallback, crisis. */
  last = $state<TurnResult | null>(null);
  /** A failed turn: the user's words are stored, Retry re-asks. */
  failure = $state<string | null>(null);
  /** The newest reply, for the screen-reader live region. */
  announcement = $state('');

  /** The conversation ends with the musician's words and no reply (a failed turn, or the app closed mid-turn). */
  unanswered = $derived.by(() => !this.pending && this.song.messages.at(-1)?.role === 'user');

  /** Suggested replies: from the last turn, or from the last stored reply when a song is reopened. */
  suggestions = $derived.by(() => {
    if (this.pending || this.failure || this.unanswered) return [];
    if (this.last) return this.last.suggestions;
    const lastMsg = this.song.messages.at(-1);
    return lastMsg?.role === 'assistant' ? (lastMsg.meta.suggestions ?? []) : [];
  });

  constructor(song: SongState, onVersion: (v: Version) => void = () => {}, onCrisis: () => void = () => {}) {
    this.song = song;
    this.onVersion = onVersion;
    this.onCrisis = onCrisis;
  }

  /**
   * The help lines to show under a message: those stored with a crisis reply (so the card is
   * still there when the song is reopened), else those of the live turn that made it; null for
   * any other message, and for old crisis replies stored before the lines were kept.
   */
  crisisResourcesOf(message: Message): CrisisResources | null {
    if (message.role !== 'assistant' || !message.meta.crisis) return null;
    return message.meta.crisisResources ?? (this.last?.reply.id === message.id ? this.last.crisisResources : null);
  }

  /** Forget the transient turn state (on opening another song). */
  reset(): void {
    this.pending = false;
    this.streaming = '';
    this.last = null;
    this.failure = null;
  }

  /** Send the musician's words to the guide. */
  send(text: string): Promise<void> {
    const songId = this.song.id;
    const words = text.trim();
    if (!songId || !words || this.pending) return Promise.resolve();
    return this.#run(songId, (h) => api.turn(songId, words, h));
  }

  /** Re-ask the guide for the last stored message that has no reply. */
  retry(): Promise<void> {
    const songId = this.song.id;
    if (!songId || this.pending) return Promise.resolve();
    return this.#run(songId, (h) => api.retry(songId, h));
  }

  async #run(songId: string, call: (h: { onStored(m: Message): void; onDelta(t: string): void }) => Promise<TurnResult>) {
    this.pending = true;
    this.streaming = '';
    this.failure = null;
    this.last = null;
    try {
      const result = await call({
        onStored: (m) => this.song.id === songId && this.song.putMessage(m),
        onDelta: (t) => (this.streaming += t),
      });
      // Whatever song is open now, music should not play on under words like these.
      if (result.crisis) this.onCrisis();
      if (this.song.id !== songId) return;
      this.song.putMessage(result.userMessage);
      this.song.putMessage(result.reply);
      if (result.intention) this.song.applyIntention(result.intention);
      if (result.version) {
        this.song.putVersion(result.version);
        this.onVersion(result.version);
      }
      this.last = result;
      this.announcement = result.reply.text;
      this.song.touch();
    } catch (e) {
      if (this.song.id !== songId) return;
      this.failure = e instanceof ApiError ? e.message : t('errors.turnFailed');
      // The server keeps the user's words even when the guide fails; show them as stored.
      await this.song.refresh().catch(() => {});
    } finally {
      if (this.song.id === songId) {
        this.pending = false;
        this.streaming = '';
      }
    }
  }
}
