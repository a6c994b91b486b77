/**
 * Jam takes: Record / Stop recording (each change the loop was asked for, at the tick the
 * schedule counted it from), the version's saved takes, Replay (the pad moves along the take and
 * the loop changes on the bars it changed on live, cued by music/jam/take.ts against the player's
 * schedule), and a moment of a take to hear or capture as a version.
 */
import { i18n, t } from '../i18n/index.ts';
import {
  finishTake,
  MAX_TAKE_TICKS,
  padAt,
  playedInTake,
  recordMove,
  replayCues,
  replayStart,
  startTake,
  takeEnd,
  takeSwaps,
  type JamTake,
  type ReplayCursor,
  type TakePoint,
  type TakeRecorder,
  type TakeSwap,
} from '../../../music/jam/index.ts';
import { PPQ } from '../../../music/tracks.ts';
import { api } from '../lib/api.ts';
import type { JamState } from './jam.svelte.ts';

export type SavedTake = Awaited<ReturnType<typeof api.listTakes>>['takes'][number];

/** What tests read through `window.__innerchordTakes` (read-only). */
export interface TakesDebug {
  readonly recording: boolean;
  readonly replaying: boolean;
  /** Absolute tick the last recording counted from (its first barline). */
  readonly origin: number | null;
}

declare global {
  interface Window {
    __innerchordTakes?: TakesDebug;
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "bar 3, beat 2" for a tick of a take. */
export function whereInTake(tick: number, ticksPerBar: number): string {
  const { bar, beat } = barBeat(tick, ticksPerBar);
  return `bar ${bar}, beat ${beat}`;
}

/** Bar and beat (both from 1) of a tick in a take, for the page to say in its language. */
export function barBeat(tick: number, ticksPerBar: number): { bar: number; beat: number } {
  return { bar: Math.floor(tick / ticksPerBar) + 1, beat: Math.floor((tick % ticksPerBar) / PPQ) + 1 };
}

interface Replay {
  name: string;
  take: JamTake;
  swaps: TakeSwap[];
  cursor: ReplayCursor;
  end: number;
}

export class TakeState {
  takes = $state.raw<SavedTake[]>([]);
  selectedId = $state<string | null>(null);
  recording = $state(false);
  replaying = $state(false);
  saving = $state(false);
  /** Index of the selected take's point the moment slider is on. */
  moment = $state(0);
  status = $state<string | null>(null);
  error = $state<string | null>(null);
  /** A take whose save failed, kept so it can be tried again. */
  unsaved = $state.raw<JamTake | null>(null);

  selected = $derived(this.takes.find((t) => t.id === this.selectedId) ?? null);
  momentPoint = $derived<TakePoint | null>(this.selected?.take.points[this.moment] ?? null);

  #jam: JamState;
  #versionId: string;
  #rec: TakeRecorder | null = null;
  #origin: number | null = null;
  #replay: Replay | null = null;
  #poll = 0;

  constructor(jam: JamState, versionId: string) {
    this.#jam = jam;
    this.#versionId = versionId;
    jam.onRequested = (tick, point) => {
      if (this.#rec) this.#rec = recordMove(this.#rec, tick, point);
    };
    jam.onHandMove = () => {
      if (this.replaying) this.stopReplay(t('takes.padYours'));
    };
    // The sketch player took the Transport (or Stop jam): a take being recorded ends and is kept.
    jam.onStopped = () => void this.stopRecording();
    if (typeof window !== 'undefined') this.#expose();
  }

  /** Load the version's saved takes (the newest is selected). */
  async load(): Promise<void> {
    try {
      const { takes } = await api.listTakes(this.#versionId);
      this.takes = takes;
      this.selectedId ??= takes.at(-1)?.id ?? null;
    } catch (e) {
      this.error = t('takes.loadFailed', { error: message(e) });
    }
  }

  select(id: string): void {
    this.selectedId = id;
    this.moment = 0;
  }

  /** Start recording (and the jam, when it is not playing: call from a click). */
  async record(): Promise<void> {
    if (this.recording) return;
    this.stopReplay();
    if (!this.#jam.running) await this.#jam.start();
    if (!this.#jam.running) return; // the jam could not start; its own error says why
    this.#rec = startTake(this.#jam.tick, this.#jam.ticksPerBar, this.#jam.point);
    this.#origin = this.#rec.origin;
    this.recording = true;
    this.error = null;
    this.status = t('takes.recording');
  }

  /** Stop recording and save the take with the song. */
  async stopRecording(): Promise<void> {
    const rec = this.#rec;
    if (!rec) return;
    this.#rec = null;
    this.recording = false;
    // After a stop the Transport reads 0: the take then ends at its last change.
    const finished = finishTake(rec, this.#jam.tick);
    // The player's line, if they played along; a take stopped by Stop jam still reaches its last note.
    const notes = this.#jam.performance?.() ?? [];
    const lastEnd = Math.max(0, ...notes.filter((n) => n.start >= rec.origin).map((n) => n.start + n.duration - rec.origin));
    const length = Math.min(MAX_TAKE_TICKS, Math.max(finished.length, lastEnd));
    const played = playedInTake(notes, rec.origin, length);
    const take: JamTake = played.length ? { ...finished, length, played } : finished;
    if (rec.full) this.status = t('takes.full', { max: (2000).toLocaleString(i18n.locale) });
    await this.save(take);
  }

  /** Save `take` (or the one whose save failed) to the journal. */
  async save(take: JamTake | null = this.unsaved): Promise<void> {
    if (!take || this.saving) return;
    this.saving = true;
    try {
      const saved = await api.saveTake(this.#versionId, { take });
      this.takes = [...this.takes, saved];
      this.select(saved.id);
      this.unsaved = null;
      this.error = null;
      const changes = take.points.length - 1;
      this.status = t('takes.saved', { name: saved.name, bars: t('versions.bars', { count: Math.ceil(take.length / take.ticksPerBar) }), changes: t('takes.changes', { count: changes }) });
    } catch (e) {
      this.unsaved = take;
      this.error = t('takes.saveFailed', { error: message(e) });
    } finally {
      this.saving = false;
    }
  }

  /** Give a saved take a name of the musician's own ("where it lifts"). */
  async rename(id: string, name: string): Promise<boolean> {
    try {
      const renamed = await api.renameTake(this.#versionId, id, name);
      this.takes = this.takes.map((t) => (t.id === id ? renamed : t));
      this.error = null;
      this.status = t('takes.renamed', { name: renamed.name });
      return true;
    } catch (e) {
      this.error = t('takes.renameFailed', { error: message(e) });
      return false;
    }
  }

  /** Delete a saved take; the newest remaining one is selected. */
  async remove(id: string): Promise<void> {
    const gone = this.takes.find((t) => t.id === id);
    if (!gone) return;
    if (this.#replay && this.selectedId === id) this.stopReplay();
    try {
      await api.deleteTake(this.#versionId, id);
      this.takes = this.takes.filter((t) => t.id !== id);
      if (this.selectedId === id) {
        const next = this.takes.at(-1);
        if (next) this.select(next.id);
        else this.selectedId = null;
      }
      this.error = null;
      this.status = t('takes.deleted', { name: gone.name });
    } catch (e) {
      this.error = t('takes.deleteFailed', { error: message(e) });
    }
  }

  /** Play the selected take from its first bar: the loop starts at its first point and follows it. */
  async replay(): Promise<void> {
    const chosen = this.selected;
    if (!chosen) return;
    if (this.recording) await this.stopRecording();
    this.stopReplay();
    const take = chosen.take;
    await this.#jam.startAt(padAt(take, 0));
    if (!this.#jam.running) return;
    this.#replay = { name: chosen.name, take, swaps: takeSwaps(take), cursor: replayStart(), end: takeEnd(take) };
    // The player's line plays again on its own ticks (the replay starts the Transport at 0).
    if (take.played?.length) this.#jam.playNotes(take.played.map((n) => ({ lane: 'played:keys', ...n })));
    this.replaying = true;
    this.error = null;
    this.status = t('takes.replaying', { name: chosen.name });
    // Cues are handed over a bar ahead against the schedule, so polling (well inside a bar) is
    // never what decides when a change lands; the player's clock does.
    this.#poll = window.setInterval(() => this.#step(), 40);
    this.#step();
  }

  /** Stop following the take (the jam itself keeps playing unless the take ended). */
  stopReplay(status?: string): void {
    clearInterval(this.#poll);
    this.#replay = null;
    if (this.replaying && status) this.status = status;
    this.replaying = false;
  }

  /** Move the moment slider: the pad (and, when playing, the loop) goes to that point to be heard. */
  scrub(index: number): void {
    const points = this.selected?.take.points;
    if (!points?.length) return;
    this.moment = Math.max(0, Math.min(points.length - 1, Math.round(index)));
    this.#jam.move(points[this.moment]!);
  }

  /** Capture the moment the slider is on as a new version. */
  async captureMoment(): Promise<void> {
    const chosen = this.selected;
    const p = this.momentPoint;
    if (!chosen || !p) return;
    await this.#jam.capture(p, `${chosen.name}, ${whereInTake(p.tick, chosen.take.ticksPerBar)}`);
  }

  dispose(): void {
    this.stopReplay();
    // Closing the jam mid-take keeps what was played (the save needs nothing from the panel).
    if (this.#rec) void this.stopRecording();
    this.#jam.onRequested = null;
    this.#jam.onHandMove = null;
    this.#jam.onStopped = null;
    if (typeof window !== 'undefined') delete window.__innerchordTakes;
  }

  #step(): void {
    const r = this.#replay;
    if (!r) return;
    if (!this.#jam.running) return this.stopReplay(t('takes.replayStopped'));
    const tick = this.#jam.tick;
    if (tick >= r.end) {
      this.#jam.stop();
      return this.stopReplay(t('takes.replayed', { name: r.name }));
    }
    const { cues, cursor } = replayCues(r.swaps, 0, r.cursor, this.#jam.scheduledUntil);
    r.cursor = cursor;
    for (const c of cues) this.#jam.cue(c.swap.point, c.atTick);
    this.#jam.show(padAt(r.take, tick));
  }

  #expose(): void {
    const self = this;
    window.__innerchordTakes = Object.freeze({
      get recording() { return self.recording; },
      get replaying() { return self.replaying; },
      get origin() { return self.#origin; },
    });
  }
}
