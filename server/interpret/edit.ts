/** Small pure helpers shared by the request and revision tables. */
import type { SongParameters } from '../../music/params.ts';
import { sectionRole } from '../../music/craft/roles.ts';

/** Copy, change, return: transforms never mutate the parameters they were given. */
export function edit(p: SongParameters, change: (draft: SongParameters) => void): SongParameters {
  const draft = structuredClone(p);
  change(draft);
  return draft;
}

/** Keep x within [lo, hi]. */
export const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
/** Round to two decimals, so parameters stay readable in JSON and in "before → after" lines. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** Section names the musician may use, folded to the names the form uses (this song's own names when `song` is given). */
export function sectionName(word: string, song?: Pick<SongParameters, 'sections'>): string {
  const w = word.toLowerCase().replace(/\s+/g, ' ').replace(/(?<!u)s$/, '');
  const name = /^pre-?chorus$/.test(w) ? 'pre-chorus' : w === 'middle eight' || w === 'middle 8' ? 'bridge' : w === 'hook' || w === 'refrain' ? 'chorus' : w;
  return song ? ownSectionName(song, name) : name;
}

/**
 * The name this song gives the section that plays `name`'s part: a strophic folk form calls its
 * chorus "refrain", so "make the chorus louder" (and "the refrain", read as "chorus") means its
 * refrains. A song with sections called `name`, or none in that role, keeps `name`.
 */
export function ownSectionName(song: Pick<SongParameters, 'sections'>, name: string): string {
  if (song.sections.some((s) => s.name === name)) return name;
  const role = sectionRole(name);
  if (role === 'other') return name;
  return song.sections.find((s) => sectionRole(s.name) === role)?.name ?? name;
}

/** Scale the bars of every section called `name` (at least 1, at most 64 bars each). */
export function scaleSection(p: SongParameters, name: string, factor: number): SongParameters | null {
  if (!p.sections.some((s) => s.name === name)) return null;
  return edit(p, (d) => {
    for (const s of d.sections) if (s.name === name) s.bars = clamp(Math.round(s.bars * factor), 1, 64);
    trimToLimit(d);
  });
}

/** Keep the form within the schema's 512-bar limit by shortening the longest sections. */
export function trimToLimit(d: SongParameters): void {
  while (d.sections.reduce((n, s) => n + s.bars, 0) > 512) {
    const longest = d.sections.reduce((a, b) => (b.bars > a.bars ? b : a));
    longest.bars = Math.max(1, Math.floor(longest.bars / 2));
  }
}

/** Plain words for an aspect of the parameters, for "before → after" lines. */
export function describe(aspect: string, p: SongParameters): string {
  switch (aspect) {
    case 'key': return `${p.key} ${p.mode}`;
    case 'mode': return `${p.key} ${p.mode}`;
    case 'tempo': return `${p.tempo} bpm`;
    case 'meter': return p.meter;
    case 'style': return p.style ?? 'no style';
    case 'instruments': return `melody ${p.instruments.melody}, chords ${p.instruments.chords}, bass ${p.instruments.bass}`;
    case 'sections': return p.sections.map((s) => `${s.name} ${s.bars}`).join(', ');
    case 'drums': return p.drums.enabled ? `drums on (density ${p.drums.density})` : 'no drums';
    case 'bass': return `${p.bass.style} bass`;
    default: return '';
  }
}
