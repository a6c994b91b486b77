/**
 * The page-clock marks of a Play (read by the browser tests and the first-sound benchmarks):
 * the click, the moment the first note is handed to a voice, and when that note reaches the
 * speakers — its audio-clock time mapped onto the page clock.
 */
import type { ToneModule } from './instruments.ts';

export const MARK_CLICK = 'innerchord:play-click';
export const MARK_FIRST_NOTE = 'innerchord:first-note-scheduled';
export const MARK_FIRST_SOUND = 'innerchord:first-sound';

/** A Play begins: forget the last one's marks and mark the click. */
export function markClick(): void {
  performance.clearMarks(MARK_CLICK);
  performance.clearMarks(MARK_FIRST_NOTE);
  performance.clearMarks(MARK_FIRST_SOUND);
  performance.mark(MARK_CLICK);
}

/** The first note of a Play is scheduled to sound at `time` on the audio clock. */
export function markFirstNote(tone: ToneModule | null, time: number): void {
  performance.mark(MARK_FIRST_NOTE);
  const context = tone?.getContext();
  if (!context) return;
  // The note sounds at `time` on the audio clock, plus the output's own latency.
  const raw = context.rawContext as unknown as { outputLatency?: number; baseLatency?: number };
  const ahead = time - context.currentTime + (raw.outputLatency || raw.baseLatency || 0);
  performance.mark(MARK_FIRST_SOUND, { startTime: performance.now() + Math.max(0, ahead) * 1000 });
}
