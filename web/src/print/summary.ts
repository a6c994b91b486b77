/** What the printable summary shows, gathered from the song's state (pure, so it is testable). */
import type { Sketch } from '../../../music/index.ts';
import type { Intention, Note, SongSummary, VersionSummary } from '../lib/types.ts';
import { chartRows, type ChartRow } from '../sketch/chart.ts';

export interface PrintData {
  title: string;
  date: string;
  intention: string | null;
  /** "v3 · D dorian · 76 bpm · 3/4" of the version charted. */
  heading: string | null;
  chart: ChartRow[];
  notes: { text: string; version: number | null; date: string }[];
  versions: { number: number; request: string; changes: string; rating: string; note: string }[];
}

/** How dates, keys and tempi are written; the page passes its language's, the default is plain. */
export interface PrintWords {
  date(iso: string): string;
  keyMode(key: string, mode: string): string;
  bpm(tempo: number): string;
}
const PLAIN: PrintWords = { date: (iso) => iso.slice(0, 10), keyMode: (key, mode) => `${key} ${mode}`, bpm: (tempo) => `${tempo} bpm` };

/** Gather the summary: song + intention + the charted version's sketch + notes + every version. */
export function printData(input: {
  song: SongSummary;
  intention: Intention | null;
  notes: Note[];
  versions: VersionSummary[];
  charted: { number: number; sketch: Sketch } | null;
}, words: PrintWords = PLAIN): PrintData {
  const day = words.date;
  const numberOf = new Map(input.versions.map((v) => [v.id, v.number]));
  const s = input.charted?.sketch;
  return {
    title: input.song.title,
    date: day(input.song.updatedAt),
    intention: input.intention?.text ?? null,
    heading: s && input.charted ? `v${input.charted.number} · ${words.keyMode(s.key, s.mode)} · ${words.bpm(s.tempo)} · ${s.meter}` : null,
    chart: s ? chartRows(s) : [],
    notes: input.notes.map((n) => ({ text: n.text, version: n.versionId ? (numberOf.get(n.versionId) ?? null) : null, date: day(n.createdAt) })),
    versions: input.versions.map((v) => ({
      number: v.number,
      request: v.request,
      changes: v.changes.join('; '),
      // Ratings run -2 … +2 (further … closer): shown signed.
      rating: v.rating === null ? '' : `${v.rating > 0 ? '+' : ''}${v.rating}`,
      note: v.note ?? '',
    })),
  };
}
