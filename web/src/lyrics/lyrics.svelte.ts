/**
 * The lyric editor's state for one version: the lines being edited (the musician's), what the
 * server reads back (syllables, stress, rhymes, room), writing help, draft proposals, and saving
 * as a new version. A draft only becomes a line when the musician accepts it, and accepting one
 * onto a line that already has words waits for them to confirm.
 */
import type { SectionReading } from '../../../server/lyrics/analyze.ts';
import type { Draft } from '../../../server/lyrics/drafts.ts';
import type { LyricHelp } from '../../../server/lyrics/help.ts';
import type { Version } from '../lib/types.ts';
import { lyricsApi } from './api.ts';

export interface EditSection {
  name: string;
  bars: number;
  lines: string[];
  /** The lines as the version has them: what "unsaved" is measured against. */
  saved: string[];
}

/** A draft waiting for the musician to say yes to replacing their own line. */
export interface PendingReplace { section: number; line: number; text: string; old: string }

/** How long typing may pause before the lines are read back (a UI debounce, not musical time). */
const READ_AFTER_MS = 250;

const sectionsOf = (v: Version): EditSection[] =>
  v.params.sections.map((s) => ({ name: s.name, bars: s.bars, lines: [...(s.lyrics ?? [])], saved: [...(s.lyrics ?? [])] }));

export class LyricsState {
  sections = $state<EditSection[]>([]);
  readings = $state.raw<SectionReading[] | null>(null);
  help = $state.raw<LyricHelp | null>(null);
  drafts = $state<Record<number, Draft[]>>({});
  draftsFallback = $state(false);
  rhymes = $state.raw<{ word: string; perfect: string[]; near: string[] } | null>(null);
  pending = $state<PendingReplace | null>(null);
  /** The line last focused, where an accepted draft goes. */
  aimed = $state<{ section: number; line: number } | null>(null);
  saving = $state(false);
  busy = $state<number | null>(null);
  error = $state<string | null>(null);
  readonly dirty = $derived(this.sections.some((s) => JSON.stringify(s.lines.map((l) => l.trim()).filter(Boolean)) !== JSON.stringify(s.saved)));

  #version: Version;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #read = 0;

  constructor(version: Version) {
    this.#version = version;
    this.sections = sectionsOf(version);
    void this.analyze();
    lyricsApi.help(version.id).then((h) => (this.help = h), (e: Error) => (this.error = e.message));
  }

  get language(): string {
    return this.#version.params.lyricsLanguage ?? this.help?.language ?? 'en';
  }

  setLine(section: number, line: number, text: string): void {
    const s = this.sections[section];
    if (!s) return;
    s.lines[line] = text;
    this.#later();
  }

  addLine(section: number, text = ''): void {
    this.sections[section]?.lines.push(text);
    this.#later();
  }

  removeLine(section: number, line: number): void {
    this.sections[section]?.lines.splice(line, 1);
    this.aimed = null;
    this.#later();
  }

  /** Read the lines back now (syllables, stress, rhymes, room). */
  async analyze(): Promise<void> {
    clearTimeout(this.#timer);
    const n = ++this.#read;
    const { meter, meterGrouping } = this.#version.params;
    try {
      const res = await lyricsApi.analyze({
        sections: this.sections.map((s) => ({ name: s.name, bars: s.bars, lines: $state.snapshot(s.lines) })),
        meter,
        ...(meterGrouping ? { meterGrouping } : {}),
        language: this.language,
      });
      if (n === this.#read) this.readings = res.sections;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** Rhymes for the word a line ends on. */
  async rhymesFor(word: string): Promise<void> {
    if (!word.trim()) return;
    try {
      this.rhymes = await lyricsApi.rhymes(word, this.language);
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** Ask for draft lines for a section (proposals only). */
  async suggest(section: number, request?: string): Promise<void> {
    this.busy = section;
    try {
      const res = await lyricsApi.drafts(this.#version.id, section, request);
      this.drafts = { ...this.drafts, [section]: res.drafts };
      this.draftsFallback = res.fallback;
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.busy = null;
    }
  }

  /** Remember the line the musician is at: a draft taken next goes there. */
  aim(section: number, line: number): void {
    this.aimed = { section, line };
  }

  /**
   * Take a draft: into the line last focused in this section, else the first empty line, else a
   * new one. Onto a line that has words only after the musician confirms (see `pending`).
   */
  accept(section: number, draft: Draft, line?: number): void {
    const s = this.sections[section];
    if (!s) return;
    const aimed = this.aimed?.section === section ? this.aimed.line : undefined;
    const target = line ?? aimed ?? s.lines.findIndex((l) => !l.trim());
    if (target >= 0 && target < s.lines.length && s.lines[target]!.trim()) {
      this.pending = { section, line: target, text: draft.text, old: s.lines[target]! };
      return;
    }
    if (target >= 0 && target < s.lines.length) s.lines[target] = draft.text;
    else s.lines.push(draft.text);
    this.discard(section, draft);
    this.#later();
  }

  confirmReplace(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const s = this.sections[p.section];
    if (s) s.lines[p.line] = p.text;
    this.drafts = { ...this.drafts, [p.section]: (this.drafts[p.section] ?? []).filter((d) => d.text !== p.text) };
    this.#later();
  }

  cancelReplace(): void {
    this.pending = null;
  }

  discard(section: number, draft: Draft): void {
    this.drafts = { ...this.drafts, [section]: (this.drafts[section] ?? []).filter((d) => d.text !== draft.text) };
  }

  /** Save the edited sections as a new version; returns it, or null when nothing was saved. */
  async save(): Promise<Version | null> {
    if (this.saving || !this.dirty) return null;
    this.saving = true;
    try {
      const sections = this.sections
        .map((s, i) => ({ section: i, lines: s.lines.map((l) => l.trim()).filter(Boolean), saved: s.saved }))
        .filter((s) => JSON.stringify(s.lines) !== JSON.stringify(s.saved))
        .map(({ section, lines }) => ({ section, lines }));
      const version = await lyricsApi.save(this.#version.id, sections, this.#version.params.lyricsLanguage);
      this.error = null;
      return version as Version;
    } catch (e) {
      this.error = (e as Error).message;
      return null;
    } finally {
      this.saving = false;
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #later(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.analyze(), READ_AFTER_MS);
  }
}
