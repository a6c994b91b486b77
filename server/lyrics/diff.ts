/**
 * What changed in the words between two versions, line by line, for the compare view:
 * lyricEdits(a, b) → [{ section: 'chorus', line: 0, from: 'keep going', to: 'keep on going' }].
 * Sections are matched by name and instance ("the second chorus"), so a section added to the
 * form shows as its lines added rather than shifting every later section.
 */
export interface LyricEdit { section: string; nth: number; line: number; from: string | null; to: string | null }
type Sheet = { sections: readonly { name: string; lyrics?: readonly string[] | undefined }[] };

function keyed(p: Sheet): Map<string, { name: string; nth: number; lines: readonly string[] }> {
  const count = new Map<string, number>();
  const out = new Map<string, { name: string; nth: number; lines: readonly string[] }>();
  for (const s of p.sections) {
    const nth = (count.get(s.name) ?? 0) + 1;
    count.set(s.name, nth);
    out.set(`${s.name}#${nth}`, { name: s.name, nth, lines: s.lyrics ?? [] });
  }
  return out;
}

/** Every changed, added or removed line from a to b, in b's section order (then a's removed sections). */
export function lyricEdits(a: Sheet, b: Sheet): LyricEdit[] {
  const ka = keyed(a);
  const kb = keyed(b);
  const edits: LyricEdit[] = [];
  const keys = [...kb.keys(), ...[...ka.keys()].filter((k) => !kb.has(k))];
  for (const key of keys) {
    const x = ka.get(key);
    const y = kb.get(key);
    const s = (y ?? x)!;
    const n = Math.max(x?.lines.length ?? 0, y?.lines.length ?? 0);
    for (let i = 0; i < n; i++) {
      const from = x?.lines[i] ?? null;
      const to = y?.lines[i] ?? null;
      if (from !== to) edits.push({ section: s.name, nth: s.nth, line: i, from, to });
    }
  }
  return edits;
}

/** The journal's change lines for edited words: words, chorus line 1: “Keep going, keep going home” → “Keep going home”. */
export function lyricChangeLabels(a: Sheet, b: Sheet): string[] {
  return lyricEdits(a, b).map((e) => {
    const where = `words, ${e.section}${e.nth > 1 ? ` ${e.nth}` : ''} line ${e.line + 1}`;
    if (e.from === null) return `${where} added: “${e.to}”`;
    if (e.to === null) return `${where} removed: “${e.from}”`;
    return `${where}: “${e.from}” → “${e.to}”`;
  });
}
