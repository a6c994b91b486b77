/**
 * A melody longer than the form extends the form: the song's own sections come round again (the
 * ones between an intro and an outro), inserted before a closing outro, until every bar of the
 * melody has a section under it. A melody that fits leaves the form as it was.
 */
import type { SongParameters } from '../params.ts';

const BOOKENDS = /^(intro|outro|ending|coda|tag)$/i;

/** Bars the notes reach into (a note ending on a barline does not need the next bar). */
export function barsSpanned(notes: readonly { start: number; duration: number }[], ticksPerBar: number): number {
  let end = 0;
  for (const n of notes) end = Math.max(end, n.start + n.duration);
  return Math.max(1, Math.ceil(end / ticksPerBar));
}

/** The form stretched to at least `bars` bars: extendForm(params, 40).sections.length ≥ params.sections.length. */
export function extendForm(params: SongParameters, bars: number): SongParameters {
  const total = params.sections.reduce((n, s) => n + s.bars, 0);
  if (total >= bars) return params;
  const last = params.sections[params.sections.length - 1]!;
  const closing = params.sections.length > 1 && BOOKENDS.test(last.name.trim()) ? last : null;
  const body = params.sections.filter((s, i) => !(i === 0 && BOOKENDS.test(s.name.trim())) && s !== closing);
  const cycle = body.length ? body : params.sections;
  const sections = closing ? params.sections.slice(0, -1) : [...params.sections];
  let have = total;
  for (let i = 0; have < bars; i++) {
    const next = cycle[i % cycle.length]!;
    sections.push(next);
    have += next.bars;
  }
  if (closing) sections.push(closing);
  return { ...params, sections };
}
