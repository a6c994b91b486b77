/**
 * The conversation in motion: sending a turn through the outbox, the streamed reply, suggestions,
 * and retry. Words go into the outbox (the browser's storage) before anything is sent, and leave it
 * only when their turn is answered or refused: a dropped connection, a reload or a closed laptop
 * never loses them, and the Idempotency-Key they carry means a resend is never stored twice.
 */
import { i18n, t } from '../i18n/index.ts';
import { api, ApiError } from './api.ts';
import { Outbox } from './outbox.svelte.ts';
import { MAX_MESSAGE_CHARS } from '../../../server/journal/limits.ts';
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
  /** Messages on their way, kept in the browser until answered. */
  readonly outbox = new Outbox();
  /** The composer's words: kept here so words the server refused come back to the field. */
  draft = $state('');
  /** Why the server refused the last message before storing it; its words are back in the composer. */
  refused = $state<string | null>(null);
  /** The browser says it is online (navigator.onLine, followed by its events). */
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;

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
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => {
        this.online = true;
        this.#attempt = 0;
        void this.flush();
      });
      window.addEventListener('offline', () => (this.online = false));
    }
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

  /** Forget the transient turn state (on opening another song); show that song's outbox. */
  reset(songId: string | null = null): void {
    clearTimeout(this.#timer);
    this.#attempt = 0;
    this.pending = false;
    this.streaming = '';
    this.last = null;
    this.failure = null;
    this.refused = null;
    this.outbox.load(songId);
  }

  /** Send the musician's words to the guide: into the outbox first, then to the server. */
  send(text: string): Promise<void> {
    const songId = this.song.id;
    const words = text.trim();
    if (!songId || !words) return Promise.resolve();
    if (words.length > MAX_MESSAGE_CHARS) {
      this.refused = t('outbox.tooLong', { max: i18n.number(MAX_MESSAGE_CHARS), length: i18n.number(words.length) });
      return Promise.resolve();
    }
    this.refused = null;
    this.outbox.add(songId, words);
    return this.flush();
  }

  /** Re-ask the guide: resend what the outbox holds, else re-answer the last stored message that has no reply. */
  retry(): Promise<void> {
    const songId = this.song.id;
    if (!songId || this.pending) return Promise.resolve();
    this.#attempt = 0;
    if (this.outbox.items.length) return this.flush();
    return this.#run(songId, (h) => api.retry(songId, h)).then((outcome) => {
      if (outcome === 'later') this.failure = t('outbox.offline');
    });
  }

  /**
   * Send the open song's outbox, oldest first, one at a time, each with its own key. Stops at the
   * first message that cannot go now and tries again when the browser comes back online, or after
   * a growing pause while it believes it is online (the server may be restarting).
   */
  async flush(): Promise<void> {
    const songId = this.song.id;
    if (!songId || this.pending) return;
    clearTimeout(this.#timer);
    for (;;) {
      const item = this.outbox.items[0];
      if (!item || this.song.id !== songId) return;
      // Ask the browser itself, not only our copy of its events: a page mounted while the network
      // changed (or a state object made after the 'offline' event) must not send into the void.
      if (typeof navigator !== 'undefined') this.online = navigator.onLine;
      if (!this.online) return; // the 'online' event brings us back
      const outcome = await this.#run(songId, (h) =>
        api.turn(songId, item.text, item.key, {
          ...h,
          onStored: (m) => {
            this.outbox.markStored(songId, item.key);
            h.onStored(m);
          },
        }),
      );
      if (outcome === 'later') return this.#later();
      this.#attempt = 0;
      if (outcome === 'failed') return; // stored, and the server said why it could not answer: Retry resends
      this.outbox.remove(songId, item.key);
      // Refused words go back to the composer, ahead of anything written since: never dropped.
      if (outcome === 'refused') this.draft = this.draft.trim() ? `${item.text}\n\n${this.draft}` : item.text;
    }
  }

  #later(): void {
    const pause = [0, 1000, 3000, 10_000, 30_000][this.#attempt] ?? 60_000;
    this.#attempt++;
    if (this.online) this.#timer = setTimeout(() => void this.flush(), pause);
  }

  async #run(songId: string, call: (h: { onStored(m: Message): void; onDelta(t: string): void }) => Promise<TurnResult>): Promise<'done' | 'later' | 'refused' | 'failed'> {
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
      if (this.song.id !== songId) return 'done';
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
      return 'done';
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(t('errors.turnFailed'), 'INTERNAL', 500, undefined, true);
      if (this.song.id !== songId || error.transient) return 'later';
      if (!error.streamed && error.status >= 400 && error.status < 500) {
        this.refused = error.message;
        return 'refused';
      }
      this.failure = error.message;
      // The server keeps the user's words even when the guide fails; show them as stored.
      await this.song.refresh().catch(() => {});
      return 'failed';
    } finally {
      if (this.song.id === songId) {
        this.pending = false;
        this.streaming = '';
      }
    }
  }
}
